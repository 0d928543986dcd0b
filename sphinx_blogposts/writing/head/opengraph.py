"""What sphinxext-opengraph needs to describe a post: its description, its image, "article".

sphinxext-opengraph builds its ``og:*`` tags at ``html-page-context`` from the page's
doctree (the first paragraphs, the first image) and lets ``og:*`` entries of the page
metadata (``context["meta"]``) override them. A post says better what it is about in its
front matter, so before opengraph runs, each post's ``description`` and ``image`` (or
``thumbnail``) are put there, as absolute URLs where opengraph expects them. Nothing is
done when sphinxext-opengraph is not loaded; then writing/images.py writes ``og:description`` and
``og:image`` itself (and leaves them to opengraph when it is loaded, so none is doubled).
"""

from __future__ import annotations

import html
import posixpath
from typing import Any
from urllib.parse import urljoin, urlsplit

from sphinx.application import Sphinx

from ...reading.domain import domain_of
from .. import images as assets
from ..builders import writes_html_pages
from ..images import OPENGRAPH


def site_url(app: Sphinx) -> str:
    """The site's root URL as opengraph sees it, with a trailing slash ('' when unknown)."""
    url = getattr(app.config, "ogp_site_url", "") or app.config.html_baseurl or ""
    return url if not url or url.endswith("/") else url + "/"


def image_url(app: Sphinx, docname: str, image: str) -> str | None:
    """An absolute URL for a post's image: a URL as is, a front-matter file where
    writing/images.py copied it, an image of the post (ABlog's ``:image: N``) where Sphinx copied
    it, else ``/x`` from the site root or relative to the post's page."""
    if urlsplit(image).scheme:
        return image
    root = site_url(app)
    if not root:
        return None
    # a file named in front matter, copied by writing/images.py (/img/... or next to the post)
    source = assets.source_of(app, image, docname)
    name = assets.output_name(app, source) if source is not None else None
    if name is not None:
        return urljoin(root, name)
    builder: Any = app.builder
    copied: dict[str, str] = getattr(builder, "images", {})
    # Sphinx copies the images a document shows to _images/, keyed by their path in the
    # sources: ABlog's ":image: N" gives that path, a front-matter "cover.png" is relative
    # to the post's folder.
    source_dir = posixpath.dirname(docname)
    for candidate in (image, posixpath.normpath(posixpath.join(source_dir, image))):
        if candidate in copied:
            return urljoin(root, posixpath.join(builder.imagedir, copied[candidate]))
    if image.startswith("/"):
        return urljoin(root, image.lstrip("/"))
    return urljoin(urljoin(root, builder.get_target_uri(docname)), image)


def on_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
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
    if post.image:
        url = image_url(app, pagename, post.image)
        if url:
            meta.setdefault("og:image", url)


def register(app: Sphinx) -> None:
    # before sphinxext-opengraph (priority 500) reads the page metadata
    app.connect("html-page-context", on_page_context, priority=400)
