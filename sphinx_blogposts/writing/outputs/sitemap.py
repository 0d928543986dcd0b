"""sphinx-sitemap lists the generated pages, also when an incremental build skips them.

sphinx-sitemap collects a page's URL when the page is written (``html-page-context``).
The extension does not write a generated page again when nothing it shows changed (see
pages.py), so such a page is handed to sphinx-sitemap directly. Documents that Sphinx
itself skips on an incremental build are sphinx-sitemap's known limitation
(jdillard/sphinx-sitemap#13), not handled here.
"""

from __future__ import annotations

from sphinx.application import Sphinx

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
