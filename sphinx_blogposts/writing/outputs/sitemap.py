"""sphinx-sitemap lists the generated pages, also when an incremental build skips them,
and a post served at its own address at that address.

sphinx-sitemap collects a page's URL when the page is written (``html-page-context``).
The extension does not write a generated page again when nothing it shows changed (see
pages.py), so such a page is handed to sphinx-sitemap directly. Documents that Sphinx
itself skips on an incremental build are sphinx-sitemap's known limitation
(jdillard/sphinx-sitemap#13), not handled here.
"""

from __future__ import annotations

import queue

from sphinx.application import Sphinx

from ...reading.domain import domain_of
from .moved import BUILDERS

SITEMAP = "sphinx_sitemap"


def note_skipped_page(app: Sphinx, pagename: str) -> None:
    """Tell sphinx-sitemap about a generated page that exists but was not written again."""
    if SITEMAP not in app.extensions or not hasattr(app.env.app, "sitemap_links"):  # type: ignore[attr-defined]
        return
    try:
        from sphinx_sitemap import add_html_link
    except ImportError:  # pragma: no cover - loaded yet not importable
        return
    add_html_link(app, pagename, "page.html", {}, None)


def _sitemap_link(app: Sphinx, pagename: str) -> str:
    """The link sphinx-sitemap notes for a page it is told of (``add_html_link``)."""
    if getattr(app.env, "is_directory_builder", False):
        if pagename == "index":
            return ""
        return pagename.removesuffix("index") if pagename.endswith("/index") else pagename + "/"
    return pagename + (app.config.html_file_suffix or ".html")


def repoint_moved_posts(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``, before sphinx-sitemap writes the sitemap: the links it noted
    for moved posts (their page names, which are their files' addresses, now redirects)
    become the posts' own URIs, which the builder gives (``writing/addresses.py``)."""
    links = getattr(app, "sitemap_links", None)
    if exception is not None or SITEMAP not in app.extensions or links is None:
        return
    addresses = domain_of(app.env).rebuilds.addresses
    if not addresses or app.builder.name not in BUILDERS:
        return
    new = {_sitemap_link(app, d): app.builder.get_target_uri(d) for d in sorted(addresses)}
    noted = []
    while True:
        try:
            noted.append(links.get_nowait())
        except queue.Empty:
            break
    for link, last_updated in noted:  # in the order they came, as sphinx-sitemap keeps them
        links.put((new.get(link, link), last_updated))
