"""ABlog's ``:canonical_link:``: the post's page names another address as the original.

A post re-published from elsewhere keeps its page here, but search engines are told
(by the ``<link rel="canonical">`` every Sphinx theme writes from ``pageurl``) that
the original is the address the post gives.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from ...reading.domain import domain_of


def canonical_link(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    post = domain_of(app.env).posts.get(pagename)
    if post is not None and post.canonical_link:
        context["pageurl"] = post.canonical_link


def register(app: Sphinx) -> None:
    app.connect("html-page-context", canonical_link)
