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
  :mod:`sphinx_blogposts.writing.render` renders and for every feed entry, so all three get the
  same links.

A root-relative link to something that is not a document is kept as a link to the same
path on the site, made relative to the page, so it works wherever ``html_baseurl``
puts the site. ``blogposts_root_links`` decides whether that is said.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.errors import NoUri
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.nodes import make_refnode
from sphinx.util.osutil import relative_uri

from ...core.diagnostics import Warn, logger, warn
from ...reading import local_files
from ...reading.domain import domain_of
from ...writing.builders import app_of, writes_html_pages
from ...writing.outputs.images import copy_into
from ...writing.rebuilds.signatures import OUTSIDE_INPUTS, digest
from .anchors import HeadingAnchors, LinksDomain, links_domain, record_links
from .cache import LinksCache
from .site_index import SiteIndexCache, is_label, site_index


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
                found = index.xref(target, refdoc, is_label(self.env, target))
            if found is not None:
                self._apply(node, found, refdoc)
        for ref in list(self.document.findall(nodes.reference)):
            if "refuri" in ref and not ref.get("internal"):
                found = index.uri(ref["refuri"])
                if found is not None:
                    self._apply(ref, found, refdoc_default)

    def _apply(self, node: nodes.Element, found: tuple[str, str, str], refdoc: str) -> None:
        kind, value, extra = found
        builder = app_of(self.env).builder
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
            domain_of(self.env).cache.part(LinksCache).files.add(value)
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

        builder = app_of(self.env).builder
        if writes_html_pages(builder) and not isinstance(builder, EpubBuilder):
            cut = min((i for i in (target.find("?"), target.find("#")) if i >= 0), default=None)
            path, rest = target[:cut], target[len(target[:cut]) :]
            here = builder.get_target_uri(refdoc)
            return (relative_uri(here, path.lstrip("/")) or "./") + rest
        base = self.config.html_baseurl
        return base.rstrip("/") + target if base else target

    def _report(self, target: str, node: nodes.Element) -> None:
        mode = self.config.blogposts_root_links
        cache = domain_of(self.env).cache.part(LinksCache)
        reported = cache.reported
        if mode == "keep" or target in reported:
            return
        reported.add(target)
        message = (
            f"link to {target!r} names no document of this project; "
            "it is kept as a link to that path of the site"
        )
        if mode == "error":
            cache.failed = True
            logger.error(message, type="blogposts", subtype=Warn.LINK.value, location=node)
        else:
            warn(message, Warn.LINK, node)


def _basename(builder: Any, page: str) -> str:
    return str(builder.get_target_uri(page)).rpartition("/")[2] or "./"


# -- incremental builds ------------------------------------------------------------------------


def outdated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: documents whose links now resolve elsewhere (a post's slug changed,
    a linked document or heading appeared or went away) are written again."""
    domain = links_domain(env)
    domain_of(env).cache.reset(SiteIndexCache)
    index = site_index(env)
    previous: dict[str, str] = domain.data["signatures"]
    current: dict[str, str] = {}
    for docname, found in domain.data["links"].items():
        resolved = []
        for kind, target, anchor in found:
            if kind == "doc":
                resolved.append(index.doc_anchor(target, anchor))
            elif kind == "xref":
                resolved.append(index.xref(target, docname, is_label(env, target)))
            else:
                resolved.append(index.uri(target))
        current[docname] = digest(resolved)
    domain.data["signatures"] = current
    changed = {
        doc for doc in current.keys() | previous.keys() if previous.get(doc) != current.get(doc)
    }

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
    since their excerpts and entries show those links. Posts without such links add
    nothing: adding or removing one leaves every other page as it is."""
    signatures = links_domain(app.env).data["signatures"]
    posts = domain_of(app.env).posts
    return digest(sorted((doc, signatures[doc]) for doc in posts if doc in signatures))


# -- per-build state -------------------------------------------------------------------------


def reset(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``: each build reports each target once, with current posts."""
    domain_of(env).cache.reset(LinksCache)
    domain_of(env).cache.reset(SiteIndexCache)


def copy_files(app: Sphinx) -> list[Any]:
    """``html-collect-pages``: copy the static files links named (to ``_static/blogposts``)."""
    files = domain_of(app.env).cache.part(LinksCache).files
    outdir = Path(app.outdir).resolve()
    roots = [r for r in (local_files.static_dir(app), Path(app.srcdir)) if r is not None]
    for name in sorted(files):
        rel = name.removeprefix(local_files.OUTPUT_DIR + "/")
        source = next((r / rel for r in roots if (r / rel).is_file()), None)
        if source is not None:
            copy_into(outdir, source, name)
    return []


def fail_build(app: Sphinx, exception: Exception | None) -> None:
    """``build-finished``: with ``blogposts_root_links = "error"``, the build fails."""
    if exception is None and domain_of(app.env).cache.part(LinksCache).failed:
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
