"""What a post's page shows of other posts besides its neighbours: its series, related posts.

Both depend on other posts (a new part renumbers the others; a retagged post joins or
leaves related lists), so both are rendered at ``doctree-resolved`` like the header and
footer, and both are part of the post page's signature (:func:`signature`), which is
what rewrites a post's page when another post changed what it shows.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from ...core.model import Post
from ...core.routes import post_page, series_page
from ..view.blog import Blog
from ..view.series import Series, parts_around
from .renderer import Renderer


def _series_of(blog: Blog, post: Post) -> Series | None:
    """The post's series; one of its own when no listed post is in it (a draft's series)."""
    key = blog.post_series.get(post.key)
    if key is None or post.series is None:
        return None
    return blog.series.get(key) or Series(key=key, name=post.series, slug="")


def _link(renderer: Renderer, post: Post, other: Post) -> str:
    """From ``post``'s page to ``other`` (a section's post: its anchor on its page)."""
    return renderer.link(post_page(post), post_page(other)) + other.anchor


def series_box(renderer: Renderer, post: Post) -> Markup:
    """ "Part 2 of 4 in Deep Dive", with a link to every other part, the current one named."""
    series = _series_of(renderer.blog, post)
    if series is None:
        return Markup("")
    parts = parts_around(series, post)
    page = series_page(renderer.blog_path, series.slug) if series.slug else None
    context: dict[str, Any] = {
        "name": series.name,
        "url": renderer.link(post_page(post), page) if page and renderer.has_page(page) else None,
        "number": next(i for i, p in enumerate(parts, 1) if p.key == post.key),
        "total": len(parts),
        "parts": [
            {
                "title": part.title,
                "url": None if part.key == post.key else _link(renderer, post, part),
                "current": part.key == post.key,
            }
            for part in parts
        ],
    }
    return renderer.render("blogposts/series.html", series=context)


def related_list(renderer: Renderer, post: Post) -> Markup:
    """The "Related posts" list at the end of a post (nothing when it has none)."""
    related = [
        {
            "title": other.title,
            "url": _link(renderer, post, other),
            "date": renderer.format_date(other.date),
            "datetime": other.date.isoformat() if other.date else "",
        }
        for other in renderer.blog.related.get(post.key, [])
    ]
    return renderer.render("blogposts/related.html", related=related)


def signature(blog: Blog, post: Post) -> list[Any]:
    """Everything the series box and the related list of ``post`` show."""
    series = _series_of(blog, post)
    box = None
    if series is not None:
        box = [series.name, series.slug, [(p.key, p.title) for p in parts_around(series, post)]]
    related = [(p.key, p.title, p.date) for p in blog.related.get(post.key, [])]
    return [box, related]
