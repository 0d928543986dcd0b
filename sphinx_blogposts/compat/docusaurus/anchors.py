"""Read time: the anchors Docusaurus gave each heading, and the links each document makes.

Docusaurus anchors keep leading digits and repeated hyphens that docutils ids drop
(``#1-defining-a-metric``), and honour ``{#custom-id}``; each document's table maps
them to the ids its sections really have. The links whose target another document
decides are recorded too, so a rebuild knows which pages to write again. So are the
in-page links whose anchor reads like a URL (``#stage-0:-class-properties``): myst-parser
turns them into cross-references without their ``#``, after which only this record
tells them from a link to the URL ``stage-0:-class-properties``.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms import SphinxTransform

from ...core.store import DocumentStore

_CUSTOM_ID = re.compile(r"\s*\{#([^\s{}]+)\}\s*$")
#: The start of a URL: a scheme and a colon (``https:``, ``mailto:``, ``stage-0:``).
URL_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
#: An ``id`` attribute of a tag in raw HTML (``<a id="x"></a>``, ``<Link id="x"/>`` rewritten).
_HTML_ID = re.compile(r"""<[A-Za-z][^<>]*?\sid\s*=\s*(?:"([^"]+)"|'([^']+)')""")


class LinksDomain(DocumentStore):
    """Per-document heading anchors and links."""

    name = "blogposts_links"
    label = "Blog post links"
    data_version = 3  # 2: anchors kept as (moved, ids); 3: in-page links like URLs
    initial_data: ClassVar[dict[str, Any]] = {
        # docname -> ({anchor as written in a link: the other id the page has}, the page's
        # ids, space-separated): an id is its own anchor, and most anchors are ids, so
        # a page's entry is one string and a small dict, not a dict of every id
        "anchors": {},
        "links": {},  # docname -> links whose target other documents decide
        "signatures": {},  # docname -> how those links resolved (see ``outdated``)
        # docname -> the targets of its in-page links that read like a URL without their
        # ``#`` (``[x](#stage-0:-props)``), which is all myst-parser keeps of them
        "url_like": {},
    }
    per_document = ("anchors", "links", "url_like")

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        self._id_sets: dict[str, tuple[str, frozenset[str]]] = {}  # this process only

    def note_anchors(self, docname: str, table: dict[str, str]) -> None:
        moved = {name: target for name, target in table.items() if name != target}
        ids = " ".join(sorted(name for name, target in table.items() if name == target))
        self.data["anchors"][docname] = (moved, ids)

    def anchor(self, docname: str, name: str) -> str | None:
        """The id that Docusaurus' anchor ``name`` of ``docname`` is on that page, if any."""
        entry = self.data["anchors"].get(docname)
        if entry is None:
            return None
        moved, ids = entry
        if name in moved:
            return str(moved[name])
        known = self._id_sets.get(docname)
        if known is None or known[0] is not ids:
            known = self._id_sets[docname] = (ids, frozenset(ids.split()))
        return name if name in known[1] else None

    def is_in_page_link(self, docname: str, target: str) -> bool:
        """Whether ``target``, read like a URL, was an in-page ``#`` link of ``docname``."""
        return target in self.data["url_like"].get(docname, ())


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
        for raw in self.document.findall(nodes.raw):
            if "html" in raw.get("format", "").split():
                for node_id in html_ids(raw.astext()):
                    table.setdefault(node_id, node_id)  # an anchor on the page: #x reaches it
        domain = links_domain(self.env)
        domain.note_anchors(self.env.docname, table)
        url_like = sorted(
            {
                str(ref["refuri"])[1:]
                for ref in self.document.findall(nodes.reference)
                if ref.get("id_link") and URL_SCHEME.match(str(ref.get("refuri", ""))[1:])
            }
        )
        if url_like:  # before myst-parser's ResolveAnchorIds (879) drops their "#"
            domain.data["url_like"][self.env.docname] = url_like


def html_ids(html: str) -> list[str]:
    """The ``id`` attributes of the tags of an HTML fragment, in order."""
    return [m.group(1) or m.group(2) for m in _HTML_ID.finditer(html)]


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
