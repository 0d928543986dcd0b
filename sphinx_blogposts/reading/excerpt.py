"""Cutting a post's excerpt out of its doctree, at read time, and keeping it there.

The cut is made on the doctree, not on the source text, so a marker inside a code
block is text and not a marker, and a marker nested in a list still cuts the list
cleanly. The result is a small list of detached nodes: no ``document`` reference is
kept (docutils 0.22 would otherwise drag the whole doctree into the pickle), no ids
(they would clash on pages that show many excerpts), no marker.

The excerpt is kept in the post's own doctree, not in the environment: Sphinx pickles
each doctree on its own and loads it only when the page is written, while the
environment is loaded whole on every build. An excerpt that ends at a marker is the
text before it, which the doctree holds already: the marker is replaced by an
invisible :class:`excerpt_cut`, and the cut is made again when the excerpt is taken,
so a large blog does not keep a second copy of every excerpt in memory and in its
doctrees. Any other excerpt (the ``post`` directive's content, the first paragraphs)
is kept as a copy, in an invisible :class:`stored_excerpt`. When the post is written,
the excerpt is taken from the page resolved (see render/page_parts.py); a build that shows an
excerpt without writing its post loads the post's doctree for it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from ..core.diagnostics import Warn, warn
from .directives import post_footer_node, post_header_node

_HTML_MARKER = re.compile(r"^\s*<!--\s*(?:truncate|more)\s*-->\s*$", re.IGNORECASE)
_MDX_MARKER = re.compile(r"^\s*\{/\*\s*truncate\s*\*/\}\s*$", re.IGNORECASE)
_COMMENT_MARKERS = {"more", "truncate"}

#: Node types never part of an excerpt: they belong to the page, not to its text.
_DROP_NESTED: tuple[type[nodes.Node], ...] = (
    nodes.system_message,
    nodes.comment,
    nodes.target,
    nodes.substitution_definition,
    nodes.footnote_reference,
    nodes.citation_reference,
    nodes.docinfo,
    nodes.field_list,
)
#: At the top of the body the page's own title is dropped too.
_DROP = (nodes.title, *_DROP_NESTED)


def is_marker(node: nodes.Node) -> bool:
    if isinstance(node, nodes.raw) and "html" in node.get("format", "").split():
        return bool(_HTML_MARKER.match(node.astext()))
    if isinstance(node, nodes.comment):
        return node.astext().strip().lower() in _COMMENT_MARKERS
    if isinstance(node, nodes.paragraph):
        return bool(_MDX_MARKER.match(node.astext()))
    return False


def find_markers(doctree: nodes.Node) -> list[nodes.Element]:
    return [n for n in doctree.findall(nodes.Element) if is_marker(n)]


def body_of(doctree: nodes.document) -> list[nodes.Node]:
    """The post's content: the children of its title section, without the title."""
    sections = [c for c in doctree.children if isinstance(c, nodes.section)]
    others = [c for c in doctree.children if not isinstance(c, (nodes.section, nodes.Invisible))]
    if len(sections) == 1 and not others:
        return list(sections[0].children)
    return list(doctree.children)


def _cut(children: Iterable[nodes.Node], marker: nodes.Node, path: set[int]) -> list[nodes.Node]:
    kept: list[nodes.Node] = []
    for child in children:
        if child is marker:
            break
        if isinstance(child, _NOT_CONTENT):
            continue
        if id(child) in path and isinstance(child, nodes.Element):
            shell = child.copy()
            shell.extend(_cut(child.children, marker, path))
            kept.append(shell)
            break
        kept.append(child.deepcopy())
    return kept


def cut_at_marker(doctree: nodes.document, marker: nodes.Node) -> list[nodes.Node]:
    path: set[int] = set()
    parent = marker.parent
    while parent is not None:
        path.add(id(parent))
        parent = parent.parent
    return _cut(body_of(doctree), marker, path)


#: Paragraphs inside these are not the post's text (metadata, error reports).
_NOT_TEXT = (nodes.system_message, nodes.docinfo, nodes.field_list, nodes.Invisible)


def first_paragraphs(doctree: nodes.Element, count: int) -> list[nodes.Node]:
    """ABlog's automatic excerpt: the first ``count`` paragraphs in reading order, as ABlog
    counts them, also ones inside a list item, a note or a quote (each is copied alone,
    so the excerpt is a few paragraphs, never half a list).

    Only the paragraphs kept are copied: a long post has thousands of them.
    """
    found: list[nodes.Node] = []
    if count <= 0:
        return found
    for p in doctree.findall(nodes.paragraph):
        if is_marker(p) or _inside(p, _NOT_TEXT):
            continue
        found.append(p.deepcopy())
        if len(found) >= count:
            break
    return found


def _inside(node: nodes.Node, kinds: tuple[type[nodes.Node], ...]) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, kinds):
            return True
        parent = parent.parent
    return False


def choose(
    doctree: nodes.document, explicit: list[nodes.Node], paragraphs: int
) -> tuple[list[nodes.Node], nodes.Element | None]:
    """A post's excerpt: the ``post`` directive's content, else the text before the
    marker, else its first ``paragraphs`` paragraphs; and the marker it was cut at, if it
    was (left in the doctree for :func:`store` to keep). Other markers leave the doctree.

    A marker before any content is an empty excerpt, as in Docusaurus: the post's card
    shows its title, its meta and its description, and nothing of its text.
    """
    markers = find_markers(doctree)
    if len(markers) > 1:
        warn(
            "a second excerpt marker; only the first one ends the excerpt. Remove this one",
            Warn.EXCERPT,
            markers[1],
        )
    cleaned: list[nodes.Node] = []
    cut: nodes.Element | None = None
    if explicit:
        cleaned = clean([child.deepcopy() for child in explicit])
    elif markers:
        cleaned = clean(cut_at_marker(doctree, markers[0]))
        cut = markers[0] if cleaned else None
    if not cleaned and not (markers and not explicit):
        cleaned = clean(first_paragraphs(doctree, paragraphs))
    for marker in markers:
        if marker is not cut and marker.parent is not None:
            marker.parent.remove(marker)
    return cleaned, cut


def clean(fragment: list[nodes.Node]) -> list[nodes.Node]:
    """Detach the nodes from their document and drop what must not be repeated elsewhere."""
    out: list[nodes.Node] = []
    for node in fragment:
        if isinstance(node, _DROP) or is_marker(node):
            continue
        if isinstance(node, nodes.Element):
            _clean_tree(node)
        node.parent = None
        out.append(node)
    return out


def _clean_tree(root: nodes.Element) -> None:
    for node in list(root.findall(include_self=True)):
        node.document = None  # type: ignore[assignment]
        if node is not root and (isinstance(node, _DROP_NESTED) or is_marker(node)):
            if node.parent is not None and node in node.parent.children:
                node.parent.remove(node)
            continue
        if isinstance(node, nodes.Element):
            node["ids"] = []
            node["names"] = []
        if isinstance(node, nodes.section):
            _flatten_section(node)


def _flatten_section(section: nodes.section) -> None:
    """A heading inside an excerpt becomes a rubric: list pages have their own heading levels."""
    for index, child in enumerate(section.children):
        if isinstance(child, nodes.title):
            rubric = nodes.rubric(child.rawsource, "", *child.children)
            section[index] = rubric


def digest(fragment: list[nodes.Node]) -> str:
    text = "".join(n.pformat() for n in fragment)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


class stored_excerpt(nodes.Invisible, nodes.Element):  # noqa: N801 (docutils' node naming)
    """A post's excerpt, kept in its doctree until the page is written; never shown there.

    ``text`` is the excerpt as plain text (feed summaries), taken before any transform,
    so it is the same whichever way the excerpt is later rendered.
    """


class excerpt_cut(nodes.Invisible, nodes.Element):  # noqa: N801 (docutils' node naming)
    """Where a post's excerpt ends, in place of its marker: the excerpt is the text
    before it (see :func:`cut_at_marker`). ``text`` as for :class:`stored_excerpt`."""


#: What the extension itself puts in a post's doctree: never part of its text.
_NOT_CONTENT = (post_header_node, post_footer_node, stored_excerpt, excerpt_cut)


def _reader_text(node: nodes.Node) -> str:
    """What a reader reads of ``node`` (a feed's summary): raw HTML is markup, not text,
    and its URLs are placeholders until the page is written."""
    if isinstance(node, nodes.raw):
        return ""
    if not isinstance(node, nodes.Element) or next(node.findall(nodes.raw), None) is None:
        return node.astext()
    copy = node.deepcopy()
    for raw in list(copy.findall(nodes.raw)):
        raw.parent.remove(raw)
    return copy.astext()


def store(
    doctree: nodes.document,
    fragment: list[nodes.Node],
    section: str = "",
    cut: nodes.Element | None = None,
    alone: bool = False,
) -> None:
    """``section`` tells the excerpts of a document's section posts apart (``Post.section``;
    empty for the document's own post). With the marker ``cut`` the fragment was cut at,
    only the place is kept: the fragment is made again from the doctree when taken.
    ``alone``: the page does not show the excerpt's text (a ``post`` directive's
    ``:exclude:``), so its copy is the only one."""
    text = " ".join(" ".join(_reader_text(node) for node in fragment).split())
    if cut is not None and cut.parent is not None:
        cut.replace_self(excerpt_cut("", text=text, section=section))
        return
    doctree.append(stored_excerpt("", *fragment, text=text, section=section, alone=alone))


def take_all(doctree: nodes.document, cut: bool = True) -> dict[str, stored_excerpt]:
    """Remove every stored excerpt and cut from ``doctree`` (a page never shows them);
    each, by the section of its post, detached from the page: kept for later, none may
    keep the whole doctree alive. A cut is made here, from the doctree as it is now (at
    ``doctree-resolved``, resolved with the page), unless ``cut`` is false (a builder
    that shows no excerpt: the marks only leave the doctree)."""
    found: dict[str, stored_excerpt] = {}
    for mark in list(doctree.findall(excerpt_cut)):
        fragment = clean(cut_at_marker(doctree, mark)) if cut else []
        mark.parent.remove(mark)
        node = stored_excerpt("", *fragment, text=mark["text"], section=mark["section"])
        found.setdefault(mark.get("section", ""), node)
    for section, node in take_stored(doctree).items():
        found.setdefault(section, node)
    return found


def take_stored(doctree: nodes.Node, copies: bool = False) -> dict[str, stored_excerpt]:
    """Remove the stored excerpts (not the cuts) from ``doctree``, detached, by the
    section of their post; with ``copies``, only those whose text the page shows too."""
    found: dict[str, stored_excerpt] = {}
    for node in list(doctree.findall(stored_excerpt)):
        if copies and node.get("alone"):
            continue
        node.parent.remove(node)
        node.parent = None
        for child in node.findall():
            child.document = None  # type: ignore[assignment]
        found.setdefault(node.get("section", ""), node)
    return found


def take(doctree: nodes.Node, section: str = "") -> stored_excerpt | None:
    """The stored excerpt of a section's post (of the document's own post by default)."""
    return take_all(doctree).get(section)


def _skip(translator: Any, node: nodes.Node) -> None:
    raise nodes.SkipNode


def register(app: Sphinx) -> None:
    # every builder removes the node at doctree-resolved; these visitors only guard a
    # doctree written without that event (another extension's own rendering)
    skip = (_skip, None)
    for kind in (stored_excerpt, excerpt_cut):
        app.add_node(kind, html=skip, latex=skip, text=skip, man=skip, texinfo=skip)
