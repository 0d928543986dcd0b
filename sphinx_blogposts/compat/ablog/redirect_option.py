"""ABlog's ``:redirect:`` option: a post's old page names, each kept as a redirect to it.

A post moved in an ABlog site lists the names it had (``:redirect: blog/old-name``),
and each gets a small page that sends the reader on after ``blogposts_redirect_refresh``
(ABlog's ``post_redirect_refresh``) seconds. These pages are written whatever
``blogposts_redirects`` says, since each was asked for, and whether or not the site
uses ABlog's settings: the option is read from every post. They are files at old URLs
like ABlog's page URLs (``urls``), so they are answered through the same
``blogposts-moved`` event, ahead of those: a name a post asks for wins over an ABlog
page of the same name.
"""

from __future__ import annotations

from sphinx.application import Sphinx

from ...core.diagnostics import Warn, warn
from ...core.model import Post
from ...core.routes import is_page_name
from ...reading.domain import domain_of
from ...writing.outputs.moved import EVENT, Moved, output_path
from ...writing.render.renderer import renderer_for


def page_name(name: str) -> str:
    """The page name a ``:redirect:`` value means: ``/blog/old.html`` and ``blog/old/``
    are both ``blog/old``, as ABlog took them."""
    return name.strip().strip("/").removesuffix(".html").removesuffix("/index")


def asked(app: Sphinx) -> dict[str, Moved]:
    """``blogposts-moved``: the redirect pages posts ask for (output path -> what); a name
    that is not a page name, is a page of this site or another post's old name too is
    one warning, and gets no page."""
    renderer = renderer_for(app)
    refresh = app.config.blogposts_redirect_refresh
    owners: dict[str, Post] = {}  # output path -> the post that asked for it first
    result: dict[str, Moved] = {}
    for post in sorted(domain_of(app.env).posts.values(), key=lambda p: p.docname):
        for name in post.redirect_from:
            old = page_name(name)
            if not is_page_name(old.split("/")):
                problem = "is not a page name such as 'blog/old-name'"
            elif renderer.has_page(old) or old == post.docname:
                problem = "is a page of this site"
            elif owners.setdefault(rel := output_path(app, old), post) is not post:
                problem = f"is the old name of {owners[rel].docname} too"
            else:
                result[rel] = Moved(title=post.title, target=post.docname, refresh=refresh)
                continue
            warn(
                f"'redirect': {name!r} {problem}; no redirect is written for it",
                Warn.REDIRECT,
                (post.docname, post.key_lines.get("redirect", post.line)),
            )
    return result


def register(app: Sphinx) -> None:
    app.connect(EVENT, asked, priority=400)  # before ABlog's page URLs: a name asked for wins
