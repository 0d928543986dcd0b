"""Write time: one index of what each path of the old site names in this build.

A post (by its Docusaurus URL or slug), a document, a generated page, or a file of
the static folder; the resolver (links.py) turns each link into one of those.
"""

from __future__ import annotations

import posixpath
from collections.abc import Set
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ...core.routes import docusaurus_page, post_page
from ...reading import local_files
from ...reading.domain import domain_of
from ...writing.builders import app_of, writes_html_pages
from ...writing.render.renderer import renderer_for
from ...writing.routes import plan_pages
from ...writing.view.registry import renderers
from .anchors import URL_SCHEME, links_domain

_SOURCE_SUFFIXES = (".md", ".mdx", ".rst", ".markdown")


#: How a link resolves: ``("page", pagename, anchor)``, ``("file", output name, fragment)``,
#: ``("missing", root-relative target)``, ``("site", root-relative target of a file that a
#: builder without a site does not copy)``, ``("url", absolute URL)``, ``("relative", target
#: for myst-parser)``, ``("local", id)``; None when it is left as it is.
Resolution = tuple[str, str, str] | None


class SiteIndex:
    """What each path of the old site names in this build: a post, a document, a page, a file."""

    def __init__(self, app: Sphinx) -> None:
        self.app = app
        self.env = app.env
        self.links = links_domain(app.env)
        claims: dict[str, list[str]] = {}
        for post in domain_of(app.env).posts.values():
            blog_path = post.blog or app.config.blogposts_path
            path = docusaurus_page(blog_path, post.docname, post.slug)
            if path is not None:
                claims.setdefault(path, []).append(post_page(post))
        #: A URL two posts had is left to the redirect warning; it names neither.
        self.old_urls = {path: docs[0] for path, docs in claims.items() if len(docs) == 1}
        #: Where each post was on the old site: what its relative links were read against.
        self.address = {doc: path for path, doc in self.old_urls.items()}
        site = app.config.blogposts_site_url
        self.site = urlsplit(site.strip()) if site else None
        url_map: dict[str, str] = app.config.blogposts_url_map
        self.url_map = sorted(url_map.items(), key=lambda kv: len(kv[0]), reverse=True)
        self.html = writes_html_pages(app.builder)
        renderer = renderer_for(app)
        if self.html:  # every blog's (blogposts_blogs)
            self.generated: Set[str] = set().union(*(r.page_set for r in renderers(app).values()))
        else:  # named all the same: a PDF links to the blog's pages on the site
            cfg = app.config
            self.generated = {
                spec.name
                for spec in plan_pages(
                    renderer.blog,
                    cfg.blogposts_path,
                    cfg.blogposts_title,
                    cfg.blogposts_posts_per_page,
                    app.env.found_docs,
                )
            }

    # -- pieces ----------------------------------------------------------------------------

    def mapped(self, url: str) -> str:
        """``url`` after the longest matching ``blogposts_url_map`` prefix is replaced."""
        for old, new in self.url_map:
            if url.startswith(old):
                return new + url[len(old) :]
        return url

    def site_path(self, url: str) -> str | None:
        """The path of ``url`` on the old site (``/blog/x#y``), or None if not on it."""
        if self.site is None or not URL_SCHEME.match(url):
            return None
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or parts.netloc.lower() != (
            self.site.netloc.lower()
        ):
            return None
        prefix = self.site.path.rstrip("/")
        if not (parts.path == prefix or parts.path.startswith(prefix + "/")):
            return None
        path = parts.path[len(prefix) :] or "/"
        return path + (f"#{parts.fragment}" if parts.fragment else "")

    def page_for(self, path: str) -> str | None:
        """The document or generated page a root-relative path names, if any."""
        clean = unquote(path).strip("/")
        for suffix in ("/index.html", ".html", "/index", ".mdx", ".md"):
            if clean.endswith(suffix):
                clean = clean[: -len(suffix)]
                break
        if clean in ("", "index"):
            return str(self.app.config.root_doc)
        if clean in self.old_urls:
            return self.old_urls[clean]
        for name in (clean, f"{clean}/index"):
            if name in self.env.all_docs or name in self.generated:
                return name
        return None

    def file_for(self, path: str) -> tuple[Path, str] | None:
        """A file of the static folder (or the source folder) a root-relative path names."""
        source = local_files.source_of(self.app, unquote(path), None)
        if source is None or source.suffix.lower() in _SOURCE_SUFFIXES:
            return None
        if not self.html:  # not copied: the link names the path on the site
            return (source, "")
        name = local_files.output_name(self.app, source)
        return (source, name) if name is not None else None

    def anchor(self, page: str, fragment: str) -> str:
        """The id a Docusaurus anchor of ``page`` became (unknown ones are kept as written)."""
        return self.links.anchor(page, fragment) or fragment

    # -- whole links -----------------------------------------------------------------------

    def root(self, target: str) -> Resolution:
        path, fragment = split_target(target)
        page = self.page_for(path)
        if page is not None:
            return ("page", page, self.anchor(page, fragment) if fragment else "")
        found = self.file_for(path)
        if found is not None:
            return ("file", found[1], fragment) if found[1] else ("site", target, "")
        return ("missing", target, "")

    def xref(self, target: str, refdoc: str, is_label: bool) -> Resolution:
        """A Markdown link myst-parser could not place: ``[x](/docs/a#b)``, ``[x](#1-a)``."""
        if self.links.is_in_page_link(refdoc, target):  # [x](#stage-0:-props), not a URL
            found = None if is_label else self.links.anchor(refdoc, target)
            return ("local", found, "") if found is not None else None
        mapped = self.mapped(target)
        on_site = self.site_path(mapped)
        if on_site is not None:
            mapped = on_site
        if mapped.startswith("/") and not mapped.startswith("//"):
            return self.root(mapped)
        if URL_SCHEME.match(mapped) or mapped.startswith("//"):
            return ("url", mapped, "")
        if mapped != target:
            return ("relative", mapped, "")
        if "/" not in target and not is_label:
            found = self.links.anchor(refdoc, target)
            if found is not None:
                return ("local", found, "")
        if "#" in target:  # myst-parser reads ``other-post#part`` as one name, never a path
            return self.relative(target, refdoc)
        return None

    def relative(self, target: str, refdoc: str) -> Resolution:
        """``[x](other-post#part)``: a path read against the page's old address, as a browser did.

        Only a post or document found there is resolved; anything else is left to myst-parser
        and its warning, as before.
        """
        path, fragment = split_target(target)
        if not path:
            return None
        here = "/" + self.address.get(refdoc, refdoc)
        page = self.page_for(posixpath.normpath(posixpath.join(posixpath.dirname(here), path)))
        if page is None:
            return None
        return ("page", page, self.anchor(page, fragment) if fragment else "")

    def uri(self, uri: str) -> Resolution:
        """A link myst-parser made external: ``https://<blogposts_site_url>/blog/...``."""
        mapped = self.mapped(uri)
        on_site = self.site_path(mapped)
        if on_site is not None:
            path, fragment = split_target(on_site)
            page = self.page_for(path)
            if page is not None:
                return ("page", page, self.anchor(page, fragment) if fragment else "")
        if mapped == uri:
            return None
        if mapped.startswith("/") and not mapped.startswith("//"):
            return self.root(mapped)
        return ("url", mapped, "")

    def doc_anchor(self, page: str, anchor: str) -> Resolution:
        """``[x](./other.md#1-heading)``: the heading's real id, when myst-parser cannot know it."""
        found = self.links.anchor(page, anchor)
        if found is None or page not in self.env.all_docs:
            return None
        return ("page", page, found)


def split_target(target: str) -> tuple[str, str]:
    path, _, fragment = target.partition("#")
    return path.partition("?")[0], fragment


@dataclass
class SiteIndexCache:
    """The build's part of the cache for the site index: what each path of the old site
    names, made after the read phase (:func:`site_index`)."""

    index: SiteIndex | None = None


def is_label(env: BuildEnvironment, target: str) -> bool:
    std = env.domaindata.get("std", {})
    key = target.lower()
    return key in std.get("labels", {}) or key in std.get("anonlabels", {})


def site_index(env: BuildEnvironment) -> SiteIndex:
    """The build's index, made on first use after the read phase."""
    cache = domain_of(env).cache.part(SiteIndexCache)
    index = cache.index
    if index is None or index.env is not env:
        index = cache.index = SiteIndex(app_of(env))
    return index
