"""Old Docusaurus URLs kept alive: a small redirect page where each post used to be.

Docusaurus served a post at ``/blog/<slug>`` when its front matter had a ``slug``, and
otherwise at ``/blog/YYYY/MM/DD/<name>`` for a post whose path holds a date: a file named
``YYYY-MM-DD-<name>.md``, a folder of that name, dated folders, a team folder before the
date (the route table has the exact rule: :func:`~sphinx_blogposts.core.routes.docusaurus_page`).
Links and search results out there still point at those URLs, so each gets
``<old>/index.html`` with a meta refresh and a canonical link to the post's new page,
unless a real page is there (by default a post is served at its Docusaurus URL
itself, and needs none). Two posts claiming one URL is an error in the source: a warning
names both and neither redirect is written, so nothing points at the wrong post.

This module only says which redirects it wants, through the ``blogposts-moved`` event;
``writing/outputs/moved.py`` writes them with every other file at an old URL (a ledger
of their digests, so that a build that changed nothing writes and reads none of them;
the workers write them under ``-j``; only redirect pages it wrote are ever deleted).
"""

from __future__ import annotations

from sphinx.application import Sphinx

from ...core.diagnostics import Warn, warn
from ...core.model import Post
from ...core.routes import docusaurus_page
from ...reading.domain import domain_of, read_front_matter
from ...writing.builders import writes_html_pages
from ...writing.outputs.moved import BUILDERS, EVENT, Moved
from ...writing.view.registry import renderers


def wanted(app: Sphinx) -> dict[str, Post]:
    """Each redirect this build should have: its output path -> the post it points to.

    Warns about slugs that cannot be URLs and about two posts claiming one old URL.
    """
    claims: dict[str, list[Post]] = {}
    served = set(domain_of(app.env).rebuilds.addresses.values())  # posts' own pages there
    for renderer in renderers(app).values():  # each blog, by its own blogposts_redirects
        if not renderer.settings.blogposts_redirects:
            continue
        for post in sorted(renderer.blog.posts.values(), key=lambda p: p.docname):
            path = docusaurus_page(renderer.blog_path, post.docname, post.slug)
            if post.slug and path is None:
                warn(
                    f"'slug': {post.slug!r} cannot be a URL path; no redirect is written",
                    Warn.REDIRECT,
                    _slug_line(app, post),
                )
            if (
                path is None
                or path in served
                or renderer.has_page(path)
                or renderer.has_page(f"{path}/index")
            ):
                continue
            claims.setdefault(path, []).append(post)
    result: dict[str, Post] = {}
    for path, posts in sorted(claims.items()):
        if len(posts) > 1:
            names = " and ".join(app.env.doc2path(p.docname, base=False).as_posix() for p in posts)
            warn(
                f"{names} both had the URL {path}/; no redirect is written for either",
                Warn.REDIRECT,
                _slug_line(app, posts[-1]),
            )
            continue
        result[f"{path}/index.html"] = posts[0]
    return result


def moved_files(app: Sphinx) -> dict[str, Moved]:
    """``blogposts-moved``: a redirect to each post at its old Docusaurus URL, which
    ``writing/outputs/moved.py`` writes with every other file at an old URL. A file there
    is replaced, as a page the post had before it moved may be."""
    if not writes_html_pages(app.builder) or app.builder.name not in BUILDERS:
        return {}  # not in an EPUB: it has no URLs to keep alive
    return {
        rel: Moved(title=post.title, target=post.docname, replaces_page=True)
        for rel, post in wanted(app).items()
    }


def _slug_line(app: Sphinx, post: Post) -> tuple[str, int | None]:
    fm = read_front_matter(app, post.docname)
    return (post.docname, fm.lines.get("slug", post.line))


def register(app: Sphinx) -> None:
    app.connect(EVENT, moved_files)
