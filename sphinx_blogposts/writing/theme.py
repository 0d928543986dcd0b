"""What the extension adds to every HTML page: its stylesheet, its messages, and a
``noindex`` for posts that are built but hidden (drafts and unlisted posts)."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from ..core import paths
from ..reading.domain import domain_of
from .blog import is_draft
from .builders import writes_html_pages


def _add_static_path(app: Sphinx, cfg: Config) -> None:
    cfg.html_static_path.append(str(paths.STATIC))


def _add_page_meta(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Unlisted and draft posts build, but ask search engines not to index them."""
    post = domain_of(app.env).posts.get(pagename)
    if (
        post is not None
        and (post.unlisted or is_draft(post, app.config))
        and writes_html_pages(app.builder)
    ):
        context["metatags"] = (
            context.get("metatags", "") + '<meta name="robots" content="noindex" />\n'
        )


def register(app: Sphinx) -> None:
    app.connect("config-inited", _add_static_path)
    app.connect("html-page-context", _add_page_meta)
    app.add_css_file("blogposts.css")
    app.add_message_catalog("sphinx_blogposts", str(paths.LOCALES))
