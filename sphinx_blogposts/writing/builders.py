"""Which builders the writing side serves, asked by nearly every module of it."""

from __future__ import annotations

from sphinx.builders import Builder


def writes_html_pages(builder: Builder) -> bool:
    """HTML builders that write one page per document, and so can show generated pages."""
    from sphinx.builders.html import StandaloneHTMLBuilder
    from sphinx.builders.singlehtml import SingleFileHTMLBuilder

    return isinstance(builder, StandaloneHTMLBuilder) and not isinstance(
        builder, SingleFileHTMLBuilder
    )
