"""What the extension adds to every HTML page: its stylesheet, its messages, a
``noindex`` for posts that are built but hidden (drafts and unlisted posts), and a
post's ``title_meta`` as its HTML ``<title>`` (Docusaurus' title for search engines)."""

from __future__ import annotations

from typing import Any

from markupsafe import escape
from sphinx.application import Sphinx
from sphinx.config import Config

from ...core import paths
from ...reading import values
from ...reading.domain import domain_of
from ..builders import writes_html_pages
from ..view.blog import is_draft


def _add_static_path(app: Sphinx, cfg: Config) -> None:
    cfg.html_static_path.append(str(paths.STATIC))


def _add_page_meta(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Unlisted and draft posts build, but ask search engines not to index them."""
    post = domain_of(app.env).posts.get(pagename)
    title_meta = values.as_text(post.extra.get("title_meta")) if post is not None else None
    if title_meta:
        context["title"] = str(escape(title_meta))  # HTML, as Sphinx's own page title is
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
