"""Links written for a Docusaurus site, resolved to the pages of this one.

Docusaurus posts link by URL, not by file: ``/blog/2016/09/01/jest-15`` (a post's
date path), ``/blog/some-slug`` (its ``slug``), ``https://example.org/blog/...`` (the
old site's own address), ``/docs/getting-started#using-babel`` (any page of the
site) and ``#1-defining-a-custom-metric`` (a heading anchor made by Docusaurus,
which keeps leading digits and hyphens that docutils drops from ids). myst-parser
turns each root-relative one into a failed cross-reference and a dead link.

The work is split in two, because a link can only be resolved once every post is known:

* At read time, :class:`HeadingAnchors` records for each document the anchors
  Docusaurus would have given its headings (and ``{#custom-id}`` ids), mapped to the
  ids the sections really have. It runs before smart quotes, so ``--shard`` is still
  two hyphens.
* At write time, :class:`LinkResolver` is a post-transform that runs before
  myst-parser's resolver. Post-transforms run for every page, for each excerpt
  :mod:`sphinx_blogposts.render` renders and for every feed entry, so all three get the
  same links.

A root-relative link to something that is not a document is kept as a link to the same
path on the site, made relative to the page, so it works wherever ``html_baseurl``
puts the site. ``blogposts_root_links`` decides whether that is said.
"""

from __future__ import annotations

import re
from collections.abc import Set
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import unquote, urlsplit

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.errors import NoUri
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.nodes import make_refnode
from sphinx.util.osutil import relative_uri

from ...core.diagnostics import Warn, logger, warn
from ...core.store import DocumentStore
from ...writing.signatures import OUTSIDE_INPUTS, digest

_CUSTOM_ID = re.compile(r"\s*\{#([^\s{}]+)\}\s*$")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_SOURCE_SUFFIXES = (".md", ".mdx", ".rst", ".markdown")


# -- read time: the anchors Docusaurus gave each heading ----------------------------------


class LinksDomain(DocumentStore):
    """Per-document heading anchors and links."""

    name = "blogposts_links"
    label = "Blog post links"
    data_version = 1
    initial_data: ClassVar[dict[str, Any]] = {
        "anchors": {},  # docname -> {anchor as written in a link: id the page has}
        "links": {},  # docname -> links whose target other documents decide
        "signatures": {},  # docname -> how those links resolved (see ``outdated``)
    }
    per_document = ("anchors", "links")  # ``runtime`` is reset each build (see ``reset``)

    @property
    def anchors(self) -> dict[str, dict[str, str]]:
        return self.data["anchors"]


def _app_of(env: BuildEnvironment) -> Sphinx:
    """The application (``env.app`` is deprecated in Sphinx 9, ``env._app`` new in it)."""
    app = getattr(env, "_app", None)
    return app if app is not None else env.app  # type: ignore[attr-defined]


def links_domain(env: BuildEnvironment) -> LinksDomain:
    domain = env.domains["blogposts_links"]
    assert isinstance(domain, LinksDomain)
    return domain


def docusaurus_slug(text: str) -> str:
    """The anchor Docusaurus (github-slugger) makes of a heading's text.

    Lower case; letters, digits, ``-`` and ``_`` kept; every space a hyphen; all else
    dropped. Unlike docutils ids, leading digits and repeated hyphens stay:
    ``1. Defining a metric`` -> ``1-defining-a-metric``, ``--shard`` -> ``--shard``.
    """
    kept = "".join(c for c in text.strip().lower() if c.isalnum() or c in "-_ ")
    return kept.replace(" ", "-")


class HeadingAnchors(SphinxTransform):
    """Record the Docusaurus anchor of every heading, and honour ``{#custom-id}``."""

    default_priority = 740  # before SmartQuotes (750) rewrites ``--`` as a dash

    def apply(self, **kwargs: Any) -> None:
        table: dict[str, str] = {}
        seen: dict[str, int] = {}
        for section in self.document.findall(nodes.section):
            if not section["ids"] or not section.children:
                continue
            title = section[0]
            if not isinstance(title, nodes.title):
                continue
            custom = _take_custom_id(title)
            if custom is not None:
                if custom not in self.document.ids:  # the heading's link uses it
                    section["ids"].insert(0, custom)
                    self.document.ids[custom] = section
                table.setdefault(custom, section["ids"][0])
                continue
            base = docusaurus_slug(title.astext())
            if not base:
                continue
            count = seen.get(base, 0)
            seen[base] = count + 1
            table.setdefault(base if count == 0 else f"{base}-{count}", section["ids"][0])
        for node_id in self.document.ids:
            table[node_id] = node_id
        links_domain(self.env).anchors[self.env.docname] = table


def _take_custom_id(title: nodes.title) -> str | None:
    """``## Heading {#custom-id}``: remove the id from the text and return it."""
    texts = list(title.findall(nodes.Text))
    if not texts or isinstance(texts[-1].parent, nodes.literal):
        return None
    last = texts[-1]
    match = _CUSTOM_ID.search(str(last))
    if match is None:
        return None
    last.parent.replace(last, nodes.Text(str(last)[: match.start()].rstrip()))
    return match.group(1)


# -- write time: one index of what a site path names ---------------------------------------


#: How a link resolves: ``("page", pagename, anchor)``, ``("file", output name, fragment)``,
#: ``("missing", root-relative target)``, ``("site", root-relative target of a file that a
#: builder without a site does not copy)``, ``("url", absolute URL)``, ``("relative", target
#: for myst-parser)``, ``("local", id)``; None when it is left as it is.
Resolution = tuple[str, str, str] | None


class SiteIndex:
    """What each path of the old site names in this build: a post, a document, a page, a file."""

    def __init__(self, app: Sphinx) -> None:
        from ...reading.domain import domain_of
        from ...writing.builders import writes_html_pages
        from ...writing.render import renderer_for
        from ...writing.routes import plan
        from .redirects import old_path

        self.app = app
        self.env = app.env
        self.anchors = links_domain(app.env).anchors
        claims: dict[str, list[str]] = {}
        for post in domain_of(app.env).posts.values():
            path = old_path(post, app.config.blogposts_path)
            if path is not None:
                claims.setdefault(path, []).append(post.docname)
        #: A URL two posts had is left to the redirect warning; it names neither.
        self.old_urls = {path: docs[0] for path, docs in claims.items() if len(docs) == 1}
        site = app.config.blogposts_site_url
        self.site = urlsplit(site.strip()) if site else None
        url_map: dict[str, str] = app.config.blogposts_url_map
        self.url_map = sorted(url_map.items(), key=lambda kv: len(kv[0]), reverse=True)
        self.html = writes_html_pages(app.builder)
        renderer = renderer_for(app)
        if self.html:
            self.generated: Set[str] = renderer.page_set
        else:  # named all the same: a PDF links to the blog's pages on the site
            cfg = app.config
            self.generated = {
                spec.name
                for spec in plan(
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
        if self.site is None or not _SCHEME.match(url):
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
        from ...writing import assets

        source = assets.source_of(self.app, unquote(path), None)
        if source is None or source.suffix.lower() in _SOURCE_SUFFIXES:
            return None
        if not self.html:  # not copied: the link names the path on the site
            return (source, "")
        name = assets.output_name(self.app, source)
        return (source, name) if name is not None else None

    def anchor(self, page: str, fragment: str) -> str:
        """The id a Docusaurus anchor of ``page`` became (unknown ones are kept as written)."""
        return self.anchors.get(page, {}).get(fragment, fragment)

    # -- whole links -----------------------------------------------------------------------

    def root(self, target: str) -> Resolution:
        path, fragment = _split(target)
        page = self.page_for(path)
        if page is not None:
            return ("page", page, self.anchor(page, fragment) if fragment else "")
        found = self.file_for(path)
        if found is not None:
            return ("file", found[1], fragment) if found[1] else ("site", target, "")
        return ("missing", target, "")

    def xref(self, target: str, refdoc: str, is_label: bool) -> Resolution:
        """A Markdown link myst-parser could not place: ``[x](/docs/a#b)``, ``[x](#1-a)``."""
        mapped = self.mapped(target)
        on_site = self.site_path(mapped)
        if on_site is not None:
            mapped = on_site
        if mapped.startswith("/") and not mapped.startswith("//"):
            return self.root(mapped)
        if _SCHEME.match(mapped) or mapped.startswith("//"):
            return ("url", mapped, "")
        if mapped != target:
            return ("relative", mapped, "")
        if "/" not in target and not is_label:
            found = self.anchors.get(refdoc, {}).get(target)
            if found is not None:
                return ("local", found, "")
        return None

    def uri(self, uri: str) -> Resolution:
        """A link myst-parser made external: ``https://<blogposts_site_url>/blog/...``."""
        mapped = self.mapped(uri)
        on_site = self.site_path(mapped)
        if on_site is not None:
            path, fragment = _split(on_site)
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
        found = self.anchors.get(page, {}).get(anchor)
        if found is None or page not in self.env.all_docs:
            return None
        return ("page", page, found)


def _split(target: str) -> tuple[str, str]:
    path, _, fragment = target.partition("#")
    return path.partition("?")[0], fragment


def _is_label(env: BuildEnvironment, target: str) -> bool:
    std = env.domaindata.get("std", {})
    key = target.lower()
    return key in std.get("labels", {}) or key in std.get("anonlabels", {})


def site_index(env: BuildEnvironment) -> SiteIndex:
    """The build's index, made on first use after the read phase."""
    runtime = links_domain(env).runtime
    index = runtime.get("index")
    if index is None or index.env is not env:
        index = runtime["index"] = SiteIndex(_app_of(env))
    return index


class LinkResolver(SphinxPostTransform):
    """Resolve Docusaurus-style links before myst-parser warns about them."""

    default_priority = 5  # before myst-parser's resolver (9) and Sphinx's (10)

    def run(self, **kwargs: Any) -> None:
        index = site_index(self.env)
        refdoc_default = self.env.docname
        for node in list(self.document.findall(addnodes.pending_xref)):
            if node.get("reftype") != "myst":
                continue
            refdoc = node.get("refdoc", refdoc_default)
            if node.get("refdomain") == "doc":
                anchor = node.get("reftargetid")
                found = index.doc_anchor(node["reftarget"], anchor) if anchor else None
            else:
                target = node["reftarget"]
                found = index.xref(target, refdoc, _is_label(self.env, target))
            if found is not None:
                self._apply(node, found, refdoc)
        for ref in list(self.document.findall(nodes.reference)):
            if "refuri" in ref and not ref.get("internal"):
                found = index.uri(ref["refuri"])
                if found is not None:
                    self._apply(ref, found, refdoc_default)

    def _apply(self, node: nodes.Element, found: tuple[str, str, str], refdoc: str) -> None:
        kind, value, extra = found
        builder = _app_of(self.env).builder
        if kind == "relative":  # mapped to a relative target: myst-parser resolves it
            node["reftarget"] = value
            return
        if kind == "local":
            new = nodes.reference("", "", self._inner(node), internal=True, refid=value)
        elif kind == "page" and value in self.env.all_docs:
            try:
                new = make_refnode(builder, refdoc, value, extra, self._inner(node))
            except NoUri:  # a document this builder does not write (LaTeX): the text
                new = self._inner(node)
        elif kind == "page" and site_index(self.env).html:  # a generated page (index, tag…)
            uri = builder.get_relative_uri(refdoc, value) or _basename(builder, value)
            new = nodes.reference("", "", self._inner(node), internal=True)
            new["refuri"] = uri + (f"#{extra}" if extra else "")
        elif kind == "page":  # a generated page, from a builder that does not write them
            uri = self._kept(f"/{value}.html" + (f"#{extra}" if extra else ""), refdoc)
            new = nodes.reference("", "", self._inner(node), internal=False, refuri=uri)
        elif kind == "file":
            links_domain(self.env).runtime.setdefault("files", set()).add(value)
            uri = relative_uri(builder.get_target_uri(refdoc), value)
            new = nodes.reference("", "", self._inner(node), internal=False)
            new["refuri"] = uri + (f"#{extra}" if extra else "")
        elif kind in ("missing", "site"):
            if kind == "missing":
                self._report(value, node)
            new = nodes.reference("", "", self._inner(node), internal=False)
            new["refuri"] = self._kept(value, refdoc)
        else:  # "url"
            new = nodes.reference("", "", self._inner(node), internal=False, refuri=value)
        if isinstance(new, nodes.reference):
            if node.get("reftitle"):  # [x](/docs/a "title")
                new["reftitle"] = node["reftitle"]
            if isinstance(node, nodes.reference) and node.get("classes"):
                new["classes"] = node["classes"]
        node.replace_self(new)

    def _inner(self, node: nodes.Element) -> nodes.Node:
        """The link's text; a link written with none shows its target, as myst-parser does."""
        if isinstance(node, nodes.reference):
            inner = nodes.inline("", "")
            inner.extend(child.deepcopy() for child in node.children)
            return inner
        inner = node[0].deepcopy()
        if isinstance(inner, nodes.inline) and not inner.children:
            inner += nodes.literal(node["reftarget"], node["reftarget"])
        return inner

    def _kept(self, target: str, refdoc: str) -> str:
        """A root-relative path as a URL that reaches the same path of the site from here
        (in an EPUB or a PDF, which are not on the site: absolute, with ``html_baseurl``)."""
        from sphinx.builders._epub_base import EpubBuilder

        from ...writing.builders import writes_html_pages

        builder = _app_of(self.env).builder
        if writes_html_pages(builder) and not isinstance(builder, EpubBuilder):
            cut = min((i for i in (target.find("?"), target.find("#")) if i >= 0), default=None)
            path, rest = target[:cut], target[len(target[:cut]) :]
            here = builder.get_target_uri(refdoc)
            return (relative_uri(here, path.lstrip("/")) or "./") + rest
        base = self.config.html_baseurl
        return base.rstrip("/") + target if base else target

    def _report(self, target: str, node: nodes.Element) -> None:
        mode = self.config.blogposts_root_links
        runtime = links_domain(self.env).runtime
        reported: set[str] = runtime.setdefault("reported", set())
        if mode == "keep" or target in reported:
            return
        reported.add(target)
        message = (
            f"link to {target!r} names no document of this project; "
            "it is kept as a link to that path of the site"
        )
        if mode == "error":
            runtime["failed"] = True
            logger.error(message, type="blogposts", subtype=Warn.LINK.value, location=node)
        else:
            warn(message, Warn.LINK, node)


def _basename(builder: Any, page: str) -> str:
    return str(builder.get_target_uri(page)).rpartition("/")[2] or "./"


# -- incremental builds ------------------------------------------------------------------------


def record_links(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: the links of a document whose target another document decides."""
    found: list[tuple[str, str, str]] = []
    for node in doctree.findall(addnodes.pending_xref):
        if node.get("reftype") != "myst":
            continue
        if node.get("refdomain") == "doc":
            if node.get("reftargetid"):
                found.append(("doc", node["reftarget"], node["reftargetid"]))
        elif not str(node["reftarget"]).startswith("#"):
            found.append(("xref", node["reftarget"], ""))
    for ref in doctree.findall(nodes.reference):
        uri = ref.get("refuri", "")
        if uri.startswith(("http://", "https://")):
            found.append(("uri", uri, ""))
    domain = links_domain(app.env)
    if found:
        domain.data["links"][app.env.docname] = sorted(set(found))
    else:
        domain.data["links"].pop(app.env.docname, None)


def outdated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: documents whose links now resolve elsewhere (a post's slug changed,
    a linked document or heading appeared or went away) are written again."""
    domain = links_domain(env)
    domain.runtime.pop("index", None)
    index = site_index(env)
    previous: dict[str, str] = domain.data["signatures"]
    current: dict[str, str] = {}
    for docname, found in domain.data["links"].items():
        resolved = []
        for kind, target, anchor in found:
            if kind == "doc":
                resolved.append(index.doc_anchor(target, anchor))
            elif kind == "xref":
                resolved.append(index.xref(target, docname, _is_label(env, target)))
            else:
                resolved.append(index.uri(target))
        current[docname] = digest(resolved)
    domain.data["signatures"] = current
    changed = {
        doc for doc in current.keys() | previous.keys() if previous.get(doc) != current.get(doc)
    }
    from ...reading.domain import domain_of

    blog = domain_of(env)
    if changed & blog.posts.keys():
        # excerpts show the links too: lists with excerpts are written again
        changed |= {
            doc
            for doc, postlists in blog.data["postlists"].items()
            if any(options["excerpts"] for options in postlists)
        }
    return sorted(changed & env.found_docs)


def posts_digest(app: Sphinx) -> str:
    """How every post's links resolve: part of what generated pages and feeds are made of,
    since their excerpts and entries show those links."""
    from ...reading.domain import domain_of

    signatures = links_domain(app.env).data["signatures"]
    return digest(sorted((doc, signatures.get(doc)) for doc in domain_of(app.env).posts))


# -- per-build state -------------------------------------------------------------------------


def reset(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``: each build reports each target once, with current posts."""
    links_domain(env).runtime.clear()


def copy_files(app: Sphinx) -> list[Any]:
    """``html-collect-pages``: copy the static files links named (to ``_static/blogposts``)."""
    from ...writing import assets

    files: set[str] = links_domain(app.env).runtime.get("files", set())
    outdir = Path(app.outdir).resolve()
    roots = [r for r in (assets.static_dir(app), Path(app.srcdir)) if r is not None]
    for name in sorted(files):
        rel = name.removeprefix(assets.OUTPUT_DIR + "/")
        source = next((r / rel for r in roots if (r / rel).is_file()), None)
        if source is not None:
            assets.copy_into(outdir, source, name)
    return []


def fail_build(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: with ``blogposts_root_links = "error"``, the build fails."""
    if exception is None and links_domain(app.env).runtime.get("failed"):
        app.statuscode = 1


def register(app: Sphinx) -> None:
    app.add_domain(LinksDomain)
    app.add_transform(HeadingAnchors)
    app.add_post_transform(LinkResolver)
    app.connect("doctree-read", record_links)
    app.connect("env-before-read-docs", reset)
    app.connect("env-updated", outdated, priority=600)  # after the blog is rebuilt (500)
    app.connect("html-collect-pages", copy_files)
    app.connect("build-finished", fail_build)
    app.connect(OUTSIDE_INPUTS, posts_digest)
