"""Docusaurus' ``<Link>``, ``<Admonition>`` and ``<Details>``, and link definitions written
twice: pure text rules for the rewriter.

``<Link to="...">text</Link>`` on one line becomes a Markdown link, so its target goes
through the same resolution as any other link of the post (a ``/blog/...`` URL, a
``/docs/...`` path); any other ``<Link>`` is the ``<a>`` element Docusaurus renders for
it (:func:`.html_tags.as_anchor`; ``<Link id="x"/>`` an anchor).

CommonMark keeps the first of two link reference definitions with one label, and so
does MyST, with a warning. Docusaurus says nothing, so a definition that repeats an
earlier one word for word is blanked (the line stays, empty).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import jsx
from .html_tags import escaped
from .syntax import ADMONITIONS, DEFINITION, attrs, label, plain

#: Where a ``<Link`` tag may start on a line.
_LINK_START = re.compile(r"<Link\b")
_CODE_SPAN = re.compile(r"(`+)(?:.+?)\1")


# -- <Link> ----------------------------------------------------------------------------------


def _target(tag: jsx.Tag) -> str | None:
    """The one ``to``/``href`` value of a ``<Link>`` that says nothing more, else None."""
    if tag.closing or tag.self_closing or len(tag.attrs) != 1:
        return None
    name, raw = tag.attrs[0]
    if name not in ("to", "href") or raw is None:
        return None
    try:
        converted = jsx.attribute(name, raw)
    except jsx.JsxError:
        return None
    if converted is None or not converted[1] or any(c in converted[1] for c in "<>\n"):
        return None
    value = converted[1]
    return f"<{value}>" if any(c in value for c in " ()") else value


def markdown_links(line: str) -> str:
    """Each ``<Link to="x">text</Link>`` of ``line`` (outside code spans) as ``[text](x)``.

    Only a link whose tags sit on one line, whose text has balanced brackets and no
    other ``<Link>``, and whose only attribute is its target: everything else is left
    to :func:`as_anchor`.
    """
    if "<Link" not in line:
        return line
    spans = [m.span() for m in _CODE_SPAN.finditer(line)]
    out: list[str] = []
    pos = 0
    for found in _LINK_START.finditer(line):
        start = found.start()
        if start < pos or escaped(line, start) or any(a < start < b for a, b in spans):
            continue
        scanned = jsx.scan(line, start)
        if scanned is None:
            continue
        tag, end = scanned
        target = _target(tag)
        close = line.find("</Link>", end)
        if target is None or close < 0:
            continue
        text = line[end:close]
        if "<Link" in text or text.count("[") != text.count("]"):
            continue
        out.append(line[pos:start] + f"[{text}]({target})")
        pos = close + len("</Link>")
    return "".join(out) + line[pos:] if out else line


# -- <Admonition> and <Details> ----------------------------------------------------------------


def admonition_head(attributes: str) -> str:
    """The directive line of ``<Admonition type="tip" title="...">``; an unknown or missing
    type is ``info``, as Docusaurus renders it."""
    found = attrs(attributes)
    kind = found.get("type", "").strip().lower()
    title = plain(found.get("title", ""))
    return f"{{blogposts-admonition}} {kind if kind in ADMONITIONS else 'info'} {title}".rstrip()


def summary_attribute(tag_line: str) -> str | None:
    """``<Details summary="...">``: the summary Docusaurus' component takes as a prop."""
    return attrs(tag_line).get("summary")


# -- link reference definitions ------------------------------------------------------------


@dataclass
class Definitions:
    """The link reference definitions of one document, read line by line."""

    seen: dict[str, tuple[str, str]] = field(default_factory=dict)

    def repeats(self, line: str, previous: str) -> bool:
        """Whether ``line`` is a definition that says again what an earlier one said.

        A definition cannot interrupt a paragraph, so only a line after a blank line or
        after another definition counts; a different definition under a known label is
        not a repeat (MyST's ``duplicate_def`` warning stays).
        """
        match = DEFINITION.match(line)
        if match is None or not (not previous.strip() or DEFINITION.match(previous)):
            return False
        name = label(match.group(1))
        url = match.group(2)
        value = (url[1:-1] if url.startswith("<") else url, match.group(3) or "")
        known = self.seen.setdefault(name, value)
        return known is not value and known == value
