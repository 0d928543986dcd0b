"""ABlog's sites, built as they are: its settings, sidebar names, ``:ref:`` labels, URLs,
its ``update`` directive, its ``:redirect:`` and its ``:canonical_link:``.

ABlog's ``post``/``postlist`` directives and front matter are read by the reading side
(they are this project's own syntax too); what only an ABlog site needs lives here.
"""

from __future__ import annotations

from sphinx.application import Sphinx

from . import labels, links, placeholders, redirect_option, settings, sidebars, urls
from . import update_directive as update


def register(app: Sphinx) -> None:
    settings.register(app)  # blog_*/post_* names for our values (config applies the table)
    sidebars.register(app)  # ablog/*.html names in html_sidebars
    labels.register(app)  # blog-posts, tag-<x>, ... and posts by file name
    urls.register(app)  # redirect pages at ABlog's page URLs
    redirect_option.register(app)  # redirect pages at the names a post's :redirect: lists
    placeholders.register(app)  # documents at those URLs show ABlog's lists
    update.register(app)  # the update directive: dated notes, the post's updated date
    links.register(app)  # :canonical_link: as the page's canonical URL
