"""Problems only visible with every post known: tags that would share a page, hidden pages.

These are checked once per build, after the read phase (``env-updated``, in the main
process), so each is reported exactly once however many processes read the posts,
and at the post that introduced the clash (the later one in document-name order).
(Two posts with one ``slug`` are reported by the Docusaurus redirects
(``compat/docusaurus/redirects.py``), where the clash has an effect: both would
redirect from the same old URL.)
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from ...core.diagnostics import Warn, warn
from ...core.model import Post
from ...core.routes import index_page, tag_page
from ...core.slugs import MAX_SLUG, slugify
from ..routes import plan_pages
from . import series
from .blog import Blog

#: Emitted once per build: each handler returns the documents that show the content of
#: the generated page of their name (ABlog's placeholders, see compat/ablog/placeholders.py),
#: so they hide no page and are no mistake.
FILLED = "blogposts-filled-documents"


def filled_documents(app: Sphinx) -> set[str]:
    return {str(name) for answer in app.emit(FILLED) if answer for name in answer}


def _at(post: Post, key: str) -> tuple[str, int | None]:
    return (post.docname, post.key_lines.get(key, post.line))


def check_blog(app: Sphinx, blog: Blog, settings: Any = None) -> None:
    """``settings``: the configuration as this blog sees it (the site's by default)."""
    config = settings if settings is not None else app.config
    _tag_clashes(config, blog)
    _hidden_pages(app, config, blog)
    series.check_orders(blog.posts.values())


def _tag_clashes(config: Any, blog: Blog) -> None:
    """A tag moved off its natural page name because another tag holds it."""
    blog_path = config.blogposts_path
    first_user: dict[str, Post] = {}
    for post in sorted(blog.posts.values(), key=lambda p: p.docname):
        for key in blog.post_tags.get(post.docname, []):
            first_user.setdefault(key, post)
    holder = {tag.slug: tag for tag in blog.tags.values()}
    for key in sorted(blog.tags):
        tag = blog.tags[key]
        base = slugify(key)[:MAX_SLUG]
        keep = holder.get(base)
        if not base or keep is None or keep is tag or tag.slug == base or key not in first_user:
            continue
        warn(
            f"the tags {keep.label!r} and {tag.label!r} differ only in accents or "
            f"punctuation, so they would share the page {tag_page(blog_path, base)}; "
            f"{tag.label!r} gets {tag_page(blog_path, tag.slug)} instead. If they are one "
            "tag, write them the same way",
            Warn.TAG,
            _at(first_user[key], "tags"),
        )


def _hidden_pages(app: Sphinx, config: Any, blog: Blog) -> None:
    """A document named like a generated page (other than the blog index) replaces it."""
    blog_path = config.blogposts_path
    specs = plan_pages(
        blog, blog_path, config.blogposts_title, config.blogposts_posts_per_page, set()
    )
    filled = filled_documents(app)
    for spec in specs:
        if spec.name in filled:
            continue
        if spec.name in app.env.found_docs and spec.name != index_page(blog_path):
            warn(
                f"this document has the name of a page the blog generates ({spec.name}: "
                f"{spec.title}), so that page is not generated. Rename the document, or "
                "set blogposts_path to another folder",
                Warn.PAGE,
                (spec.name, 1),
            )
