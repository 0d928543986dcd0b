"""Docusaurus' ``static/`` folder, served at the site root: every root path of a post resolved.

A Docusaurus post names files by the path they have on the site: ``/img/x.png``,
``/assets/2023/clip.mp4``, ``@site/static/img/x.png`` (through ``require()``), in a
Markdown image, or in raw HTML (``img``, ``source``, ``video``, ``audio``, ``iframe``,
``a href``, and each URL of a ``srcset``). Sphinx knows nothing of that folder and never
looks inside raw HTML.

At read time (``doctree-read``, before Sphinx collects images), each such path is
looked up in the static folder (``blogposts_static_path``), then in the source folder:

* a Markdown image found there becomes a path from the document to the file, so
  Sphinx copies it as any other image (to ``_images/``);
* a raw HTML URL found there becomes a placeholder naming the file's copy under
  ``_static/blogposts/``; the file is noted for copying, per document;
* a path in neither gets one warning per document and file, and a placeholder for the
  same path on the site.

At write time a post-transform turns placeholders into URLs relative to the page being
written, so pages, excerpts shown elsewhere (re-pointed as any relative URL) and feeds
(made absolute) all reach the same file. Read-time work only: a warning comes back on
every build that reads the post again, never twice, and ``-j`` merges by document.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.osutil import relative_uri

from ...core.diagnostics import Warn, warn
from ...core.store import DocumentStore
from ...core.urls import SRCSET_URL
from ...reading import local_files
from ...reading.domain import domain_of
from ...writing.builders import writes_html_pages
from ...writing.outputs.images import copy_into
from .cache import StaticCache
from .site_index import site_index

#: Placeholders, read-time to write-time. ``://`` keeps Sphinx from taking them as files.
FILE = "blogposts://file/"  # + the copy's path in the output folder
SITE = "blogposts://site/"  # + a path of the site that is nothing here
PAGE = "blogposts://page/"  # + a path of the site that may name a page (known at write time)
#: Docusaurus' alias of the site folder, and of its static folder.
_SITE_ALIAS = "@site/"
_STATIC_ALIAS = "@site/static/"
_EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//|#|\?)")
_URL_ATTR = re.compile(r"""(\s(src|href|poster|srcset)\s*=\s*)(["'])(.*?)\3""", re.I | re.S)
_PLACEHOLDER = re.compile(r"blogposts://(file|site|page)/([^\"'\s>]*)")
#: A path with one of these suffixes (or none) may be a page (``iframe src``, ``a href``);
#: with any other, it names a file.
_PAGE_SUFFIXES = {"", ".html", ".htm", ".md", ".mdx", ".rst"}
_SOURCES = {".md", ".mdx", ".rst"}


class StaticDomain(DocumentStore):
    """Per document: the static files its raw HTML names (output name -> source path),
    and the root paths it names that were in neither folder (read again once they are)."""

    name = "blogposts_static"
    label = "Blog static files"
    data_version = 1
    initial_data: ClassVar[dict[str, Any]] = {"files": {}, "missing": {}}
    per_document = ("files", "missing")


def static_domain(app: Sphinx) -> StaticDomain:
    return app.env.get_domain(StaticDomain.name)  # type: ignore[return-value]


def root_path(value: str) -> str | None:
    """``value`` as a path from the site root (``/img/x.png``), or None if it is not one."""
    if value.startswith(_STATIC_ALIAS):
        return "/" + value[len(_STATIC_ALIAS) :]
    if value.startswith(_SITE_ALIAS):
        return "/" + value[len(_SITE_ALIAS) :]
    if value.startswith("/") and not value.startswith("//"):
        return value
    return None


def _split(value: str) -> tuple[str, str]:
    cut = min((i for i in (value.find("?"), value.find("#")) if i >= 0), default=len(value))
    return value[:cut], value[cut:]


class _Resolver:
    """Looks up one document's paths; remembers what it warned about and what to copy."""

    def __init__(self, app: Sphinx, docname: str) -> None:
        self.app = app
        self.docname = docname
        self.doc_dir = app.env.doc2path(docname).parent
        self.files: dict[str, str] = {}
        self.warned: set[str] = set()

    def local(self, value: str) -> Path | None:
        path, _ = _split(value)
        rooted = root_path(path)
        if rooted is not None:
            return local_files.source_of(self.app, rooted, None)
        if _EXTERNAL.match(path) or not path:
            return None
        candidate = self.doc_dir / path
        return candidate.resolve() if candidate.is_file() else None

    def missing(self, value: str, node: nodes.Node) -> None:
        if value not in self.warned:
            self.warned.add(value)
            where = "the static folder or the source folder"
            warn(
                f"{value!r} is not a file in {where}; it is linked as that path of the site",
                Warn.IMAGE,
                node,
            )

    def image(self, node: nodes.image) -> None:
        uri = str(node.get("uri", ""))
        rooted = root_path(uri)
        if rooted is None:
            return
        found = self.local(uri)
        if found is not None:
            node["uri"] = Path(os.path.relpath(found, self.doc_dir)).as_posix()
            return
        self.missing(rooted, node)
        node["uri"] = SITE + rooted.lstrip("/")

    def url(self, value: str, node: nodes.Node, may_be_page: bool) -> str:
        """What a raw HTML URL becomes: a placeholder for its file, its page or its path on
        the site; ``value`` itself when it is not a local path."""
        path, rest = _split(value)
        rooted = root_path(path)
        found = self.local(value)
        name = local_files.output_name(self.app, found) if found is not None else None
        if found is not None and name is not None and found.suffix not in _SOURCES:
            self.files[name] = str(found)
            return FILE + name + rest
        if rooted is None:
            return value
        if may_be_page and Path(path).suffix.lower() in _PAGE_SUFFIXES:
            return PAGE + rooted.lstrip("/") + rest
        self.missing(rooted, node)
        return SITE + rooted.lstrip("/") + rest

    def raw(self, node: nodes.raw) -> None:
        text = node.astext()
        if "=" not in text:
            return

        def fix(match: re.Match[str]) -> str:
            value = match.group(4)
            if match.group(2).lower() == "srcset":  # a list of image URLs, each resolved
                new = SRCSET_URL.sub(
                    lambda url: url.group(1) + self.url(url.group(2), node, False), value
                )
            else:
                new = self.url(value, node, True)
            return match.group(1) + match.group(3) + new + match.group(3)

        new_text = _URL_ATTR.sub(fix, text)
        if new_text != text:
            node.children = []
            node += nodes.Text(new_text)


def resolve_paths(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``, before Sphinx's image collector: a Docusaurus document's root paths."""
    docname = app.env.docname
    if not is_noted(app, docname):
        return
    resolver = _Resolver(app, docname)
    for image in doctree.findall(nodes.image):
        resolver.image(image)
    for raw in doctree.findall(nodes.raw):
        if "html" in raw.get("format", "").split():
            resolver.raw(raw)
    data = static_domain(app).data
    if resolver.files:
        data["files"][docname] = resolver.files
        for source in resolver.files.values():
            app.env.note_dependency(source)  # changed or deleted: the post is read again
    if resolver.warned:
        data["missing"][docname] = sorted(resolver.warned)


def outdated(
    app: Sphinx, env: Any, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """``env-get-outdated``: posts naming a file that was missing and now is there."""
    found = static_domain(app).data["missing"]
    return sorted(
        docname
        for docname, paths in found.items()
        if docname in env.found_docs
        and any(local_files.source_of(app, path, None) is not None for path in paths)
    )


def note_document(app: Sphinx, docname: str) -> None:
    """Called at ``source-read`` for each post or MDX file: its paths are resolved here."""
    domain_of(app.env).cache.part(StaticCache).docs.add(docname)


def is_noted(app: Sphinx, docname: str) -> bool:
    """Whether this build read ``docname`` as a Docusaurus post or MDX file (in this process)."""
    return docname in domain_of(app.env).cache.part(StaticCache).docs


class PlaceholderResolver(SphinxPostTransform):
    """Placeholders become URLs relative to the page being written (or plain text)."""

    default_priority = 5  # before Sphinx fetches or converts images

    def run(self, **kwargs: Any) -> None:
        builder = self.app.builder
        html = writes_html_pages(builder)
        here = builder.get_target_uri(self.env.docname) if html else ""

        def url(match: re.Match[str]) -> str:
            kind, path = match.group(1), match.group(2)
            if kind == "page":
                target, rest = _split(path)
                page = site_index(self.env).page_for("/" + target)
                if page is not None and html:
                    return (builder.get_relative_uri(self.env.docname, page) or "./") + rest
            if not html:
                base = self.config.html_baseurl
                return (base.rstrip("/") + "/" + path) if base else "/" + path
            return relative_uri(here, path) or "./"

        for raw in list(self.document.findall(nodes.raw)):
            text = raw.astext()
            if "blogposts://" in text:
                raw.children = []
                raw += nodes.Text(_PLACEHOLDER.sub(url, text))
        for image in list(self.document.findall(nodes.image)):
            uri = str(image.get("uri", ""))
            if not uri.startswith(SITE):
                continue
            if html:
                image["uri"] = _PLACEHOLDER.sub(url, uri)
            else:  # a PDF or a manual cannot show it: its text
                image.replace_self(nodes.Text(str(image.get("alt", ""))))


def copy_files(app: Sphinx) -> list[Any]:
    """``html-collect-pages``: copy every file raw HTML names to ``_static/blogposts``."""
    if not writes_html_pages(app.builder):
        return []
    outdir = Path(app.outdir).resolve()
    for files in static_domain(app).data["files"].values():
        for name, source in sorted(files.items()):
            path = Path(source)
            if path.is_file():
                copy_into(outdir, path, name)
    return []


def register(app: Sphinx) -> None:
    app.add_domain(StaticDomain)
    app.connect("doctree-read", resolve_paths, priority=400)
    app.connect("env-get-outdated", outdated)
    app.add_post_transform(PlaceholderResolver)
    app.connect("html-collect-pages", copy_files)
