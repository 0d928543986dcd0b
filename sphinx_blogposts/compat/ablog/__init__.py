"""ABlog's sites, built as they are: its settings, sidebar names, ``:ref:`` labels and URLs.

ABlog's directives and front matter are read by the reading side (they are this
project's own syntax too); what only an ABlog site needs lives here.
"""

from __future__ import annotations

from sphinx.application import Sphinx

from . import labels, settings, sidebars, urls


def register(app: Sphinx) -> None:
    settings.register(app)  # blog_*/post_* names for our values (config applies the table)
    sidebars.register(app)  # ablog/*.html names in html_sidebars
    labels.register(app)  # blog-posts, tag-<x>, ... and posts by file name
    urls.register(app)  # redirect pages at ABlog's page URLs
