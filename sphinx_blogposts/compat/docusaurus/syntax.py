"""The MDX and Docusaurus syntax the rewriter knows, and a quick test for any of it.

Each pattern here matches one construct of a Docusaurus post (admonitions, tabs,
details, JSX, imports, MDX comments, ``require()`` images); :func:`needs_rewrite`
tells from a few substring searches whether a post holds any of them at all.
"""

from __future__ import annotations

import html
import re
import string

from . import html_tags

#: Docusaurus admonition keyword -> extra CSS classes themes already style.
ADMONITIONS: dict[str, tuple[str, ...]] = {
    "note": ("note",),
    "tip": ("tip",),
    "info": ("info", "note"),
    "important": ("important",),
    "warning": ("warning",),
    "caution": ("caution",),
    "danger": ("danger",),
    "success": ("success", "tip"),
    "secondary": ("secondary", "note"),
}

FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})(.*)$")
ADMONITION_OPEN = re.compile(
    r"^(\s*)(:{3,})\s*(" + "|".join(ADMONITIONS) + r")(?![\w{-])\s*(?:\[(.*)\])?\s*(.*?)\s*$"
)
COLON_OPEN = re.compile(r"^(\s*)(:{3,})(\{[^}]*\}.*)$")
COLON_CLOSE = re.compile(r"^(\s*)(:{3,})\s*$")
DETAILS_OPEN = re.compile(
    r"^\s*<details(?:\s[^>]*)?>\s*(?:<summary(?:\s[^>]*)?>(.*?)</summary>)?\s*$", re.I
)
SUMMARY = re.compile(r"^\s*<summary(?:\s[^>]*)?>(.*?)</summary>\s*$", re.I)
DETAILS_CLOSE = re.compile(r"^\s*</details>\s*$", re.I)
#: Docusaurus' ``<Admonition type="tip" title="...">``, on a line of its own.
ADMONITION_JSX_OPEN = re.compile(r"^\s*<Admonition\b([^>]*)>\s*$")
ADMONITION_JSX_CLOSE = re.compile(r"^\s*</Admonition>\s*$")
TABS_OPEN = re.compile(r"^\s*<Tabs\b[^>]*>\s*$")
TABS_START = re.compile(r"^\s*<Tabs\b")
#: ``values={[{label: 'Apple', value: 'apple'}, ...]}`` of Docusaurus 1 style tabs.
TAB_VALUE = re.compile(
    r"""\{\s*(?:label:\s*["']([^"']*)["']\s*,\s*value:\s*["']([^"']*)["']|"""
    r"""value:\s*["']([^"']*)["']\s*,\s*label:\s*["']([^"']*)["'])\s*,?\s*\}"""
)
TABS_CLOSE = re.compile(r"^\s*</Tabs>\s*$")
TAB_OPEN = re.compile(r"^\s*<TabItem\b([^>]*)>\s*$")
TAB_CLOSE = re.compile(r"^\s*</TabItem>\s*$")
TAB_ONE_LINE = re.compile(r"^\s*<TabItem\b([^>]*)>(.*)</TabItem>\s*$")
FIGURE_OPEN = re.compile(r"^\s*<figure(?:\s[^>]*)?>\s*$", re.I)
FIGURE_CLOSE = re.compile(r"^\s*</figure>\s*$", re.I)
FIGCAPTION = re.compile(r"</?figcaption(?:\s[^>]*)?>", re.I)
ATTR = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["'`]([^"'`]*)["'`]\s*\})""")
IMPORT = re.compile(r"^(?:import|export)\b")
IMPORT_DONE = re.compile(r"""(?:\bfrom\s*["'][^"']*["']|^import\s*["'][^"']*["'])\s*;?\s*$""")
TRUNCATE = re.compile(r"^\s*\{/\*\s*truncate\s*\*/\}\s*$", re.I)
#: A JavaScript block comment, which ends at its first ``*/``.
_BLOCK_COMMENT = r"/\*(?:[^*]|\*(?!/))*\*/"
#: An MDX expression holding nothing but comments, which renders nothing: ``{/* note */}``,
#: also with spaces inside the braces (``{ /* note */ }``) or several comments. Not after
#: a backslash, where ``\{`` is the brace itself.
COMMENT = re.compile(r"(?<!\\)\{\s*" + _BLOCK_COMMENT + r"(?:\s*" + _BLOCK_COMMENT + r")*\s*\}")
#: Where a comment expression that goes on over the next lines opens, and where it closes.
COMMENT_OPEN = re.compile(r"(?<!\\)\{\s*/\*")
COMMENT_CLOSE = re.compile(r"\*/\s*\}")
#: A heading's last element, a single comment expression (then maybe the ATX closing
#: ``#``\ s): Docusaurus reads ``{/* #my-id */}`` there as the heading's explicit id.
_HEADING_COMMENT = re.compile(
    r"[ \t]*(?<!\\)\{\s*/\*((?:[^*]|\*(?!/))*)\*/\s*\}(?:[ \t]+#+)?[ \t]*$"
)
#: An id the ``{#id}`` of :mod:`.anchors` can carry (``_CUSTOM_ID`` there).
_CARRIED_ID = re.compile(r"[^\s{}]+")
MD_IMAGE = re.compile(r"(!\[[^\]]*\]\()(/[^)\s]+)")
HEADING = re.compile(r"^(#{1,6})([ \t].*|)$")
#: A link reference definition on one line: ``[label]: url "title"``.
DEFINITION = re.compile(
    r"""^ {0,3}\[((?:[^\]\\]|\\.)+)\]:[ \t]*(<[^<>\n]*>|\S+)"""
    r"""(?:[ \t]+("[^"]*"|'[^']*'|\([^()]*\)))?[ \t]*$"""
)
DEFINITION_START = re.compile(r"^ {0,3}\[(?:[^\]\\]|\\.)+\]:", re.M)
#: Text that some rewrite above could act on. Each pattern the rewriter uses needs one of
#: these in a line it changes (``<Tabs`` and any component start with ``<`` and a capital
#: letter), so a body with none of them is left as it is, but for its
#: headings (see :func:`needs_rewrite`). Loose on purpose: a false alarm costs the full
#: rewrite, a miss would be a bug (``tests/features/docusaurus/test_mdx_fast_path.py``
#: checks both ways).
TRIGGER_TEXT = (
    "{/*",  # {/* comments */} and {/* truncate */}; { /* spaced ones */ } are TRIGGER_COMMENT
    ":::",  # :::tip admonitions and colon fences
    "={",  # JSX attributes in braces: style={{...}}, width={280}, src={require(...)}
    "className",  # React's names of HTML attributes
    "htmlFor",
    "](/",  # ![alt](/img/...) into Docusaurus' static folder
)
#: JSX (``<Tabs>``, ``<TabItem>``, any component) and the HTML the rewriter handles.
TRIGGER_TAG = re.compile(r"<(?:/?[A-Z]|(?i:details|figure|/?figcaption|img))")
#: Any tag at all: the lines that have one are asked :func:`html_tags.might_change`.
TRIGGER_ANY_TAG = re.compile(r"<(?=/?[A-Za-z])")
TRIGGER_IMPORT = re.compile(r"^(?:import|export)\b", re.M)
TRIGGER_ESCAPE = re.compile(r"\\[<{}\\]")
TRIGGER_COMMENT = COMMENT_OPEN


def attrs(text: str) -> dict[str, str]:
    return {
        m.group(1): next(g for g in m.groups()[1:] if g is not None) for m in ATTR.finditer(text)
    }


def plain(text: str) -> str:
    """Inline HTML to text (a ``<summary>`` or a tab label), entities decoded."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", text)).split())


def label(text: str) -> str:
    """A link label as CommonMark matches it: case-folded, inner whitespace collapsed."""
    return " ".join(text.split()).casefold()


def repeated_labels(body: str) -> bool:
    """Whether two link definitions of ``body`` might share a label (loose: the fast path)."""
    labels = [label(m.group(0)) for m in DEFINITION_START.finditer(body)]
    return len(labels) != len(set(labels))


def unclosed_comment(line: str) -> int | None:
    """Where a comment expression opens on ``line`` to go on over the next lines, if one does.

    Only a comment still open at the end of the line counts: ``{/* a */ b`` is some other
    expression, never the start of lines to drop. Openers in code spans are text.
    """
    spans = html_tags.code_spans(line) if "`" in line else []
    pos = 0
    while (opener := COMMENT_OPEN.search(line, pos)) is not None:
        whole = COMMENT.match(line, opener.start())
        if whole is not None:
            pos = whole.end()
        elif any(start <= opener.start() < end for start, end in spans):
            pos = opener.end()
        elif "*/" not in line[opener.end() :]:
            return opener.start()
        else:
            pos = opener.end()
    return None


def explicit_heading_id(line: str) -> str:
    """A heading line ending in ``{/* #my-id */}``, with Docusaurus' id as ``{#my-id}``.

    Docusaurus (3.10 and later) takes a heading's last element, when it is an expression
    holding one comment whose first word (up to a space) starts with ``#``, as the
    heading's id, verbatim: ``### Stage 0 { /*#stage-0:-props*/ }`` is ``#stage-0:-props``.
    :class:`.anchors.HeadingAnchors` honours ``{#id}``; the id's punctuation is escaped
    so MyST reads it back as written, never as emphasis or a role. Any other line, or a
    comment that is no id, is returned as it is: the comment is then dropped with the
    others, and the heading gets the anchor of its text.
    """
    match = _HEADING_COMMENT.search(line)
    if match is None:
        return line
    first = match.group(1).strip().split(" ")[0]
    if not first.startswith("#") or not _CARRIED_ID.fullmatch(first[1:]):
        return line
    escaped = "".join("\\" + c if c in string.punctuation else c for c in first[1:])
    return f"{line[: match.start()]} {{#{escaped}}}"


def in_code(fences: list[tuple[str, int, bool]], line: str) -> bool:
    """Track fenced blocks line by line: is this line a fence, or inside a code block?

    ``fences`` holds the open fences (character, length, whether it is code: a MyST
    directive fence such as ````` ```{note} ````` holds Markdown, which is rewritten).
    """
    fence = FENCE.match(line)
    if fences and fences[-1][2]:  # inside code: only look for the closing fence
        if (
            fence
            and fence.group(2)[0] == fences[-1][0]
            and len(fence.group(2)) >= fences[-1][1]
            and not fence.group(3).strip()
        ):
            fences.pop()
        return True
    if fence is None:
        return False
    char, length, info = fence.group(2)[0], len(fence.group(2)), fence.group(3)
    if char == "`" and "`" in info:
        return False  # CommonMark: no backtick fence has one in its info string
    if not info.strip() and fences and fences[-1][0] == char and length >= fences[-1][1]:
        fences.pop()
    else:
        fences.append((char, length, not info.strip().startswith("{")))
    return True


def needs_rewrite(text: str, body_start: int, has_title: bool) -> bool:
    """Whether :meth:`Preprocessor.run` could change anything in this text.

    Most posts are plain Markdown, and running the rewriter over each line of thousands
    of them costs more than reading them. A few substring searches over the body find any
    syntax the rewriter acts on; without any, the only change left is a heading level
    that skips one (``#`` then ``###``), checked on the heading and fence lines alone,
    exactly as :meth:`Preprocessor.run` does. ``False`` means ``run`` returns the text
    unchanged and reports nothing.
    """
    start = 0
    for _ in range(body_start):
        start = text.find("\n", start) + 1
        if start == 0:
            return False  # no body
    body = text[start:]
    if any(needle in body for needle in TRIGGER_TEXT):
        return True
    if "<" in body and TRIGGER_TAG.search(body):
        return True
    if (
        "<" in body
        and TRIGGER_ANY_TAG.search(body)
        and any(html_tags.might_change(line) for line in body.split("\n") if "<" in line)
    ):
        return True
    if "/*" in body and TRIGGER_COMMENT.search(body):
        return True
    if ("import" in body or "export" in body) and TRIGGER_IMPORT.search(body):
        return True
    if "]:" in body and repeated_labels(body):
        return True
    if "\\" in body and "<" in body and TRIGGER_ESCAPE.search(body):
        return True  # MDX's escapes, written out in a raw HTML block
    fences: list[tuple[str, int, bool]] = []
    last_level = 1 if has_title else 0
    for line in body.split("\n"):
        first = line[:1]
        if not (first == "#" or first == "`" or first == "~" or first.isspace()):
            continue  # neither a fence (FENCE) nor a heading (HEADING)
        if in_code(fences, line):
            continue
        heading = HEADING.match(line)
        if heading:
            level = len(heading.group(1))
            if last_level and level > last_level + 1:
                return True
            last_level = level
    return False
