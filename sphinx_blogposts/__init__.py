"""sphinx_blogposts: a blog inside a Sphinx documentation site."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from . import (  # Docusaurus migration
    assets,
    collect,
    config,
    directives,
    feeds,
    fill,
    incremental,
    links,
    mdx,
    pages,
    redirects,
    sidebars,
    social,
    tagsfile,
)
from .blog import is_draft
from .collect import domain_of
from .render import writes_html_pages

__version__ = "0.1.0"

_HERE = Path(__file__).parent


def _add_static_path(app: Sphinx, cfg: Config) -> None:
    cfg.html_static_path.append(str(_HERE / "static"))


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


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("myst_parser")

    # configuration
    config.register(app)
    app.connect("config-inited", config.validate, priority=100)
    app.connect("config-inited", _add_static_path)
    app.connect("config-inited", sidebars.add_templates_path, priority=900)

    # read: which documents are posts, and what they say
    app.add_domain(collect.BlogDomain)
    directives.register(app)
    mdx.register(app)
    app.connect("builder-inited", collect.load_authors)
    app.connect("source-read", collect.on_source_read)
    app.connect("doctree-read", collect.on_doctree_read)
    app.connect("builder-inited", tagsfile.on_builder_inited)
    app.connect("doctree-read", tagsfile.on_doctree_read, priority=600)
    assets.register(app)

    # between read and write: pages whose listed posts changed
    app.connect("env-updated", incremental.on_env_updated)
    app.connect("env-updated", sidebars.on_env_updated)

    # write: post headers, footers, postlists, generated pages
    app.connect("doctree-resolved", fill.on_doctree_resolved)
    app.connect("html-page-context", _add_page_meta)
    app.connect("html-page-context", sidebars.on_page_context)
    # before sphinxext-opengraph (priority 500) reads the page metadata
    app.connect("html-page-context", social.on_page_context, priority=400)
    app.connect("html-collect-pages", pages.collect_pages)
    app.connect("build-finished", pages.save_ledger)
    redirects.register(app)
    app.connect("html-collect-pages", feeds.write_feeds)
    app.connect("build-finished", feeds.save_ledger)
    app.connect("html-page-context", feeds.add_head_links)
    links.register(app)
    app.add_css_file("blogposts.css")
    app.add_message_catalog("sphinx_blogposts", str(_HERE / "locales"))

    return {
        "version": __version__,
        "env_version": 2,  # bump with BlogDomain.data_version
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
