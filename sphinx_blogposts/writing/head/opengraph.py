"""What link previews read of a post's page: its description and image, as ``og:*``,
``twitter:*`` and ``keywords`` meta tags.

sphinxext-opengraph builds its ``og:*`` tags at ``html-page-context`` from the page's
doctree (the first paragraphs, the first image) and lets ``og:*`` entries of the page
metadata (``context["meta"]``) override them. A post says better what it is about in its
front matter, so when opengraph is loaded, each post's ``description`` and ``image`` (or
``thumbnail``) are put there before it runs (:func:`feed_opengraph`), the image as an
absolute URL. Without opengraph, :func:`add_meta` writes ``og:description`` and
``og:image`` itself; with it, those are left to opengraph, so none is doubled. The
``twitter:*`` and ``keywords`` tags are always ours.

The image is the post's own, else its generated social card
(:func:`~sphinx_blogposts.writing.images.social_image`); a card's size and text are
known, so it also gets ``og:image:width``, ``og:image:height`` and ``og:image:alt``.
"""

from __future__ import annotations

import html
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup
from sphinx.application import Sphinx

from ...core.model import Post
from ...reading.domain import domain_of
from ..builders import writes_html_pages
from ..images import CARD_SIZE, has_card, social_image

#: The extension that writes og: meta when it is loaded (otherwise this module does).
OPENGRAPH = "sphinxext.opengraph"


def site_url(app: Sphinx) -> str:
    """The site's root URL as opengraph sees it, with a trailing slash ('' when unknown)."""
    url = getattr(app.config, "ogp_site_url", "") or app.config.html_baseurl or ""
    return url if not url or url.endswith("/") else url + "/"


def feed_opengraph(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """A post's description, image and "article" type, for sphinxext-opengraph's tags."""
    if OPENGRAPH not in app.extensions or not writes_html_pages(app.builder):
        return
    post = domain_of(app.env).posts.get(pagename)
    if post is None or doctree is None:
        return
    # a copy: context["meta"] is the environment's own metadata of the document
    meta = context["meta"] = dict(context.get("meta") or {})
    meta.setdefault("og:type", "article")
    if post.description:
        # opengraph escapes only double quotes in its tags: escape the rest here.
        meta.setdefault("og:description", html.escape(post.description, quote=False))
    url = social_image(app, post, pagename, base=site_url(app))
    if url and urlsplit(url).scheme:  # without a site URL, opengraph's own choice stays
        meta.setdefault("og:image", url)
        if meta["og:image"] == url and has_card(app, post):
            meta.update({k: html.escape(v, quote=False) for k, v in card_tags(post).items()})


def card_tags(post: Post) -> dict[str, str]:
    """What ``og:image`` says of a generated card beside its URL: its size and its text."""
    width, height = CARD_SIZE
    return {
        "og:image:width": str(width),
        "og:image:height": str(height),
        "og:image:alt": post.title,
    }


def add_meta(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``og:image``, ``twitter:image``, ``og:description`` and ``keywords`` of a post page."""
    post = domain_of(app.env).posts.get(pagename)
    if post is None or not writes_html_pages(app.builder):
        return
    own_og = OPENGRAPH not in app.extensions  # with opengraph, og:* tags are its job
    tags: list[tuple[str, str, str]] = []
    if post.description and own_og:
        tags.append(("property", "og:description", post.description))
    base = app.config.html_baseurl or ""
    image = social_image(app, post, pagename, base=base)
    if image:
        if own_og:
            tags.append(("property", "og:image", image))
            if has_card(app, post):
                tags += [("property", name, value) for name, value in card_tags(post).items()]
        tags += [
            ("name", "twitter:card", "summary_large_image"),
            ("name", "twitter:image", image),
        ]
    if post.keywords:
        tags.append(("name", "keywords", ", ".join(post.keywords)))
    html = "".join(
        Markup('<meta {}="{}" content="{}" />\n').format(attr, name, content)
        for attr, name, content in tags
    )
    if html:
        context["metatags"] = context.get("metatags", "") + html


def register(app: Sphinx) -> None:
    # before sphinxext-opengraph (priority 500) reads the page metadata
    app.connect("html-page-context", feed_opengraph, priority=400)
    app.connect("html-page-context", add_meta)
