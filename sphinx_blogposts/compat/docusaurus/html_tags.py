"""The tags of one line of an MDX post, rewritten: joined when spread over lines, JSX made HTML.

Markdown takes a block for raw HTML only when its first line holds a whole opening
tag, so ``<img`` on a line of its own, its attributes below, is a paragraph of text.
:func:`join_tag` writes such a tag whole on its first line; the lines it came from are
left blank when the tag starts its line (a block of its own, as it would be in MDX)
and hold an empty HTML comment otherwise (the paragraph it sits in goes on), so
every later line keeps its number. :func:`rewrite_tags` then writes each tag as HTML
(see :mod:`.jsx`), an image as a Markdown image when that loses nothing, so Sphinx
copies its file; components and tags with no HTML form lose their tags, not their text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import jsx

#: Where a tag may start: ``<`` then a letter, or ``</`` then a letter.
_TAG_START = re.compile(r"<(?=/?[A-Za-z])")
#: An image that says no more than a Markdown image can.
_MARKDOWN_IMAGE_ATTRS = frozenset({"src", "alt", "title"})
_CODE_SPAN = re.compile(r"(`+)(?:.+?)\1")
#: What stands in for a line a joined tag came from, inside a paragraph.
FILLER = "<!-- -->"
#: MDX's escapes (``\<``, ``\{``, ``\}``, ``\\``) as the characters a raw HTML block shows.
_HTML_ESCAPES = {"<": "&lt;", "{": "{", "}": "}", "\\": "\\"}
_ESCAPE = re.compile(r"\\([<{}\\])")


def escaped(text: str, pos: int) -> bool:
    """Whether ``text[pos]`` follows an odd run of backslashes: ``\\<b>`` is text in MDX."""
    count = 0
    while pos - count > 0 and text[pos - count - 1] == "\\":
        count += 1
    return count % 2 == 1


def unescape_in_html(text: str) -> str:
    """Text of a raw HTML block, where CommonMark reads no escapes, with MDX's written as
    the characters they stand for (Markdown text keeps them: CommonMark reads them alike)."""
    if "\\" not in text:
        return text
    return _ESCAPE.sub(lambda m: _HTML_ESCAPES[m.group(1)], text)


def as_anchor(tag: jsx.Tag) -> jsx.Tag:
    """Docusaurus' ``<Link to=...>`` as the ``<a href=...>`` it renders (``id`` and all kept)."""
    renamed = [("href" if name == "to" else name, value) for name, value in tag.attrs]
    return jsx.Tag("a", tag.closing, tag.self_closing, renamed)


def join_tag(lines: list[str], index: int) -> bool:
    """Write each tag that starts on ``lines[index]`` and ends on a later line whole there."""
    changed = False
    pos = 0
    while True:
        found = _TAG_START.search(lines[index], pos)
        if found is None:
            return changed
        start = found.start()
        line = lines[index]
        in_code = any(m.start() < start < m.end() for m in _CODE_SPAN.finditer(line))
        if in_code or escaped(line, start) or jsx.scan(line, start) is not None:
            pos = start + 1
            continue
        spread = tag_at(lines, index, start)
        if spread is None:
            pos = start + 1
            continue
        _, last, column = spread
        whole = "\n".join(lines[index : last + 1])
        end = len(whole) - (len(lines[last]) - column)
        tag_text = " ".join(whole[start:end].split())
        lines[index] = line[:start] + tag_text + lines[last][column:]
        filler = "" if not line[:start].strip() else FILLER
        for n in range(index + 1, last + 1):
            lines[n] = filler
        changed = True
        pos = start + len(tag_text)


def code_spans(line: str) -> list[tuple[int, int]]:
    """The code spans of ``line`` as MDX reads it: backticks in a tag's ``{…}`` attribute
    open a JavaScript template literal (``srcSet={`${useBaseUrl(…)} 300w`}``), not code."""
    spans: list[tuple[int, int]] = []
    pos = 0
    while (span := _CODE_SPAN.search(line, pos)) is not None:
        covered = _tag_over(line, pos, span.start())
        if covered is not None:
            pos = covered
            continue
        spans.append(span.span())
        pos = span.end()
    return spans


def _tag_over(line: str, pos: int, column: int) -> int | None:
    """The end of a tag that starts in ``line[pos:column]`` and goes on past ``column``
    with a braced attribute value holding a backtick."""
    for found in _TAG_START.finditer(line, pos, column):
        if escaped(line, found.start()):
            continue
        try:
            scanned = jsx.scan(line, found.start())
        except jsx.JsxError:
            continue
        if scanned is not None and scanned[1] > column:
            tag, end = scanned
            if any((raw or "").startswith("{") and "`" in (raw or "") for _, raw in tag.attrs):
                return end
    return None


def tag_at(
    lines: list[str], index: int, column: int, limit: int = 60
) -> tuple[jsx.Tag, int, int] | None:
    """The tag starting at ``lines[index][column]``, read over as many lines as it spans.

    Returns the tag, the index of its last line and the column after it there; None
    when no whole tag starts there within ``limit`` lines.
    """
    text = lines[index]
    offsets = [0]
    for end in range(index, min(index + limit, len(lines))):
        if end > index:
            offsets.append(len(text) + 1)
            text += "\n" + lines[end]
        found = jsx.scan(text, column)
        if found is not None:
            tag, stop = found
            last = max(k for k, start in enumerate(offsets) if start <= stop - 1)
            return tag, index + last, stop - offsets[last]
        if end > index and not lines[end].strip():
            return None  # a blank line ends any tag Markdown would see
    return None


def _markdown_image(attrs: dict[str, str | None], image: Callable[[str], str]) -> str | None:
    src = attrs.get("src")
    if not src or not set(attrs) <= _MARKDOWN_IMAGE_ATTRS:
        return None
    alt = (attrs.get("alt") or "").replace("]", r"\]")
    target = image(src).replace(" ", "%20").replace(")", "%29")
    title = attrs.get("title")
    suffix = ' "{}"'.format(title.replace('"', r"\"")) if title else ""
    return f"![{alt}]({target}{suffix})"


def rewrite_tags(
    segment: str,
    in_html: bool,
    unknown: Callable[[str], None],
    image: Callable[[str], str] = lambda src: src,
    dropped: dict[str, int] | None = None,
) -> str:
    """Each tag of ``segment`` (text outside code spans) as HTML; ``unknown`` hears of the
    tags dropped. Inside a raw HTML block (``in_html``) an image stays HTML: Markdown is
    not read there. ``image`` maps an image's ``src`` for a Markdown image. ``dropped``
    counts, per name, the HTML elements opened by a dropped tag (over a document's
    lines), so their closing tags go too and never close an element of the page."""
    dropped = {} if dropped is None else dropped
    plain = unescape_in_html if in_html else str
    out: list[str] = []
    pos = 0
    for found in _TAG_START.finditer(segment):
        start = found.start()
        if start < pos or escaped(segment, start):  # \<b> is text
            continue
        scanned = jsx.scan(segment, start)
        if scanned is None:
            continue
        tag, end = scanned
        text = segment[start:end]
        out.append(plain(segment[pos:start]))
        pos = end
        link = tag.name == "Link"  # Docusaurus' <Link>: the <a> it renders
        if link:
            tag = as_anchor(tag)
        name = tag.name.lower()
        if tag.component:
            unknown(text)
            continue
        if tag.closing and dropped.get(name):
            dropped[name] -= 1
            unknown(text)
            continue
        try:
            if name == "img" and not tag.closing and not in_html:
                markdown = _markdown_image(dict(_converted(tag)), image)
                if markdown is not None:
                    out.append(markdown)
                    continue
            out.append(jsx.to_html(tag) if link or jsx.is_jsx(tag) else text)
        except jsx.JsxError:
            unknown(text)
            if not tag.closing and not tag.self_closing and name not in jsx.VOID:
                dropped[name] = dropped.get(name, 0) + 1
    out.append(plain(segment[pos:]))
    return "".join(out)


def _converted(tag: jsx.Tag) -> list[tuple[str, str | None]]:
    pairs = []
    for name, raw in tag.attrs:
        converted = jsx.attribute(name, raw)
        if converted is not None:
            pairs.append(converted)
    return pairs


def might_change(line: str) -> bool:
    """Whether :func:`join_tag` or :func:`rewrite_tags` could change a tag of ``line``:
    one that does not end on it, a component, an image, or JSX. Loose on purpose (the
    rewriter's fast path asks it; a false alarm only costs the full rewrite)."""
    for found in _TAG_START.finditer(line):
        scanned = jsx.scan(line, found.start())
        if scanned is None:
            return True
        tag = scanned[0]
        if tag.component or tag.name.lower() == "img" or jsx.is_jsx(tag):
            return True
    return False


def starts_html_block(line: str) -> bool:
    """Whether ``line`` opens a raw HTML block in which Markdown is not read (roughly:
    a line that starts with an HTML tag, other than an image)."""
    stripped = line.lstrip(" ")
    if len(line) - len(stripped) > 3 or not stripped.startswith("<"):
        return False
    scanned = jsx.scan(stripped, 0)
    if scanned is None:
        return False
    tag = scanned[0]
    return not tag.component and tag.name.lower() != "img"
