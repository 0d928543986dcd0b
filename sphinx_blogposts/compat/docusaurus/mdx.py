"""Docusaurus and MDX syntax in posts, rewritten to MyST before parsing (``source-read``).

A Docusaurus blog folder copied into a Sphinx project uses syntax that MyST does not
know: ``:::tip`` admonitions, MDX ``import`` lines and ``{/* comments */}``, JSX
``<Tabs>``, ``<details>`` blocks whose Markdown would otherwise be swallowed by an HTML
block, ``<img src={require(...)}>`` and ``/img/...`` paths into Docusaurus' ``static/``
folder. Each is rewritten here, line for line: a line is replaced, never inserted or
deleted, so every warning Sphinx gives later still points at the line the author wrote.
Code inside fenced code blocks is never touched. JSX this module does not understand
keeps its text (the tags are dropped) and gets one located warning per post, so nothing
is lost silently.
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.locale import admonitionlabels, get_translation
from sphinx.util.docutils import SphinxDirective
from sphinx.writers.html5 import HTML5Translator

from ...core.diagnostics import Warn, warn
from ...reading import values
from ...writing import assets

_ = get_translation("sphinx_blogposts")

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

_FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})(.*)$")
_ADMONITION_OPEN = re.compile(
    r"^(\s*)(:{3,})\s*(" + "|".join(ADMONITIONS) + r")(?![\w{-])\s*(?:\[(.*)\])?\s*(.*?)\s*$"
)
_COLON_OPEN = re.compile(r"^(\s*)(:{3,})(\{[^}]*\}.*)$")
_COLON_CLOSE = re.compile(r"^(\s*)(:{3,})\s*$")
_DETAILS_OPEN = re.compile(
    r"^\s*<details(?:\s[^>]*)?>\s*(?:<summary(?:\s[^>]*)?>(.*?)</summary>)?\s*$", re.I
)
_SUMMARY = re.compile(r"^\s*<summary(?:\s[^>]*)?>(.*?)</summary>\s*$", re.I)
_DETAILS_CLOSE = re.compile(r"^\s*</details>\s*$", re.I)
_TABS_OPEN = re.compile(r"^\s*<Tabs\b[^>]*>\s*$")
_TABS_START = re.compile(r"^\s*<Tabs\b")
#: ``values={[{label: 'Apple', value: 'apple'}, ...]}`` of Docusaurus 1 style tabs.
_TAB_VALUE = re.compile(
    r"""\{\s*(?:label:\s*["']([^"']*)["']\s*,\s*value:\s*["']([^"']*)["']|"""
    r"""value:\s*["']([^"']*)["']\s*,\s*label:\s*["']([^"']*)["'])\s*,?\s*\}"""
)
_TABS_CLOSE = re.compile(r"^\s*</Tabs>\s*$")
_TAB_OPEN = re.compile(r"^\s*<TabItem\b([^>]*)>\s*$")
_TAB_CLOSE = re.compile(r"^\s*</TabItem>\s*$")
_TAB_ONE_LINE = re.compile(r"^\s*<TabItem\b([^>]*)>(.*)</TabItem>\s*$")
_FIGURE_OPEN = re.compile(r"^\s*<figure(?:\s[^>]*)?>\s*$", re.I)
_FIGURE_CLOSE = re.compile(r"^\s*</figure>\s*$", re.I)
_FIGCAPTION = re.compile(r"</?figcaption(?:\s[^>]*)?>", re.I)
_ATTR = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["'`]([^"'`]*)["'`]\s*\})""")
_IMPORT = re.compile(r"^(?:import|export)\b")
_IMPORT_DONE = re.compile(r"""(?:\bfrom\s*["'][^"']*["']|^import\s*["'][^"']*["'])\s*;?\s*$""")
_TRUNCATE = re.compile(r"^\s*\{/\*\s*truncate\s*\*/\}\s*$", re.I)
_COMMENT = re.compile(r"\{/\*.*?\*/\}", re.S)
_IMG = re.compile(r"<img\b((?:[^>{}]|\{\{[^{}]*\}\}|\{[^{}]*\}|\})*?)/?>", re.I)
_REQUIRE = re.compile(
    r"""\{\s*(?:require\(\s*["']([^"']+)["']\s*\)(?:\.default)?|"""
    r"""useBaseUrl\(\s*["']([^"']+)["']\s*\))\s*\}"""
)
_STYLE = re.compile(r"\s+style=\{\{.*?\}\}")
_JSX_TAG = re.compile(r"</?[A-Z][\w.]*(?:\s(?:[^<>{]|\{[^}]*\})*)?/?>")
_CODE_SPAN = re.compile(r"(`+)(?:.+?)\1")
_MD_IMAGE = re.compile(r"(!\[[^\]]*\]\()(/[^)\s]+)")
_HEADING = re.compile(r"^(#{1,6})([ \t].*|)$")
#: Text that some rewrite above could act on. Each pattern the rewriter uses needs one of
#: these in a line it changes (``<Tabs`` and any component start with ``<`` and a capital
#: letter, as in ``_JSX_TAG``), so a body with none of them is left as it is, but for its
#: headings (see :func:`needs_rewrite`). Loose on purpose: a false alarm costs the full
#: rewrite, a miss would be a bug (``tests/test_mdx_fast_path.py`` checks both ways).
_TRIGGER_TEXT = (
    "{/*",  # {/* comments */} and {/* truncate */}
    ":::",  # :::tip admonitions and colon fences
    "style={{",  # JSX inline styles
    "](/",  # ![alt](/img/...) into Docusaurus' static folder
)
#: JSX (``<Tabs>``, ``<TabItem>``, any component) and the HTML the rewriter handles.
_TRIGGER_TAG = re.compile(r"<(?:/?[A-Z]|(?i:details|figure|/?figcaption|img))")
_TRIGGER_IMPORT = re.compile(r"^(?:import|export)\b", re.M)


@dataclass
class _Block:
    """A container opened and (usually) closed in the source: admonition, tabs, details..."""

    kind: str  # admonition | colon | details | tabs | tab | figure
    start: int
    head: str  # directive name and argument, written after the colons
    indent: str = ""
    end: int | None = None
    children: list[_Block] = field(default_factory=list)
    #: The opener's last line (a ``<Tabs`` tag may span several lines).
    last: int = -1
    #: Tab labels by value, from ``<Tabs values={[...]}>``.
    labels: dict[str, str] = field(default_factory=dict)
    #: The content of a block opened and closed on one line (``<TabItem>text</TabItem>``).
    inline: str | None = None

    @property
    def jsx(self) -> bool:
        return self.kind in ("details", "tabs", "tab", "figure")


@dataclass
class Result:
    text: str
    #: (line number, message) of JSX left as text: the first one is reported.
    unknown_jsx: list[tuple[int, str]] = field(default_factory=list)
    changed: bool = False


def _attrs(text: str) -> dict[str, str]:
    return {
        m.group(1): next(g for g in m.groups()[1:] if g is not None) for m in _ATTR.finditer(text)
    }


def _plain(text: str) -> str:
    """Inline HTML to text (a ``<summary>`` or a tab label), entities decoded."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", text)).split())


def _in_code(fences: list[tuple[str, int, bool]], line: str) -> bool:
    """Track fenced blocks line by line: is this line a fence, or inside a code block?

    ``fences`` holds the open fences (character, length, whether it is code: a MyST
    directive fence such as ````` ```{note} ````` holds Markdown, which is rewritten).
    """
    fence = _FENCE.match(line)
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
    if any(needle in body for needle in _TRIGGER_TEXT):
        return True
    if "<" in body and _TRIGGER_TAG.search(body):
        return True
    if ("import" in body or "export" in body) and _TRIGGER_IMPORT.search(body):
        return True
    fences: list[tuple[str, int, bool]] = []
    last_level = 1 if has_title else 0
    for line in body.split("\n"):
        first = line[:1]
        if not (first == "#" or first == "`" or first == "~" or first.isspace()):
            continue  # neither a fence (_FENCE) nor a heading (_HEADING)
        if _in_code(fences, line):
            continue
        heading = _HEADING.match(line)
        if heading:
            level = len(heading.group(1))
            if last_level and level > last_level + 1:
                return True
            last_level = level
    return False


class Preprocessor:
    """Rewrites one document's text; pure (no Sphinx), so it can be reasoned about line by line."""

    def __init__(self, design: bool, static_dir: Path | None, doc_dir: Path) -> None:
        self.design = design
        self.static_dir = static_dir
        self.doc_dir = doc_dir

    # -- inline rewrites (outside code spans) ----------------------------------------------

    def _static(self, url: str) -> str:
        """``/img/x.png`` -> a path from the document to the file in the static folder."""
        if self.static_dir is None or url.startswith("//"):
            return url
        path, sep, rest = url.partition("#")
        candidate = self.static_dir / path.lstrip("/")
        if not candidate.is_file():
            return url
        return Path(os.path.relpath(candidate, self.doc_dir)).as_posix() + sep + rest

    def _img(self, match: re.Match[str]) -> str:
        attrs_text = match.group(1)
        required = _REQUIRE.search(attrs_text)
        attrs = _attrs(_REQUIRE.sub('""', attrs_text))
        src = next((g for g in required.groups() if g), "") if required else attrs.get("src", "")
        if not src:
            return match.group(0)
        alt = attrs.get("alt", "").replace("]", r"\]")
        title = attrs.get("title")
        target = self._static(src) if src.startswith("/") else src
        target = target.replace(" ", "%20").replace(")", "%29")
        suffix = ' "{}"'.format(title.replace('"', r"\"")) if title else ""
        return f"![{alt}]({target}{suffix})"

    def _inline(self, segment: str, number: int, unknown: list[tuple[int, str]]) -> str:
        segment = _COMMENT.sub("", segment)
        segment = _IMG.sub(self._img, segment)
        segment = _STYLE.sub("", segment)
        segment = _MD_IMAGE.sub(lambda m: m.group(1) + self._static(m.group(2)), segment)
        segment = _FIGCAPTION.sub("", segment)

        def drop(match: re.Match[str]) -> str:
            unknown.append((number, match.group(0)))
            return ""

        return _JSX_TAG.sub(drop, segment)

    def _inline_line(self, line: str, number: int, unknown: list[tuple[int, str]]) -> str:
        out, last = [], 0
        for span in _CODE_SPAN.finditer(line):
            out.append(self._inline(line[last : span.start()], number, unknown))
            out.append(span.group(0))
            last = span.end()
        out.append(self._inline(line[last:], number, unknown))
        return "".join(out)

    # -- the whole document ------------------------------------------------------------------

    def run(self, text: str, body_start: int, has_title: bool) -> Result:
        lines = text.split("\n")
        result = Result(text=text)
        roots: list[_Block] = []
        stack: list[_Block] = []
        fences: list[tuple[str, int, bool]] = []  # (char, length, is code)
        in_comment = False
        in_import = 0  # open braces/parentheses of a multi-line import/export
        last_level = 1 if has_title else 0
        i = body_start
        while i < len(lines):
            line = lines[i]
            if _in_code(fences, line):  # code is never touched, nor are fences
                i += 1
                continue
            if in_comment:
                end = line.find("*/}")
                lines[i] = "" if end < 0 else line[end + 3 :]
                in_comment = end < 0
                i += 1
                continue
            if in_import:
                in_import += line.count("{") + line.count("(") - line.count("}") - line.count(")")
                lines[i] = ""
                if in_import <= 0 and not line.rstrip().endswith(("=", ",")):
                    in_import = 0
                i += 1
                continue
            if not stack and _IMPORT.match(line):
                depth = line.count("{") + line.count("(") - line.count("}") - line.count(")")
                lines[i] = ""
                if line.startswith("import") and not _IMPORT_DONE.search(line):
                    in_import = max(depth, 1)
                elif depth > 0:
                    in_import = depth
                i += 1
                continue
            if _TRUNCATE.match(line):
                lines[i] = "<!-- truncate -->"
                i += 1
                continue
            if "{/*" in line and "*/}" not in line[line.index("{/*") :]:
                lines[i] = line[: line.index("{/*")]
                in_comment = True
                i += 1
                continue
            block = self._opener(lines, i, stack[-1] if stack else None)
            if block is not None:
                (stack[-1].children if stack else roots).append(block)
                if block.inline is None:
                    stack.append(block)
                else:
                    block.inline = self._inline_line(block.inline, i + 1, result.unknown_jsx)
                i = max(i, block.last) + 1
                continue
            closed = self._closer(line)
            if closed is not None and any(self._closes(b, closed) for b in stack):
                while stack:
                    top = stack.pop()
                    if self._closes(top, closed):
                        top.end = i
                        break
                i += 1
                continue
            heading = _HEADING.match(line)
            if heading and not stack:
                level = len(heading.group(1))
                if last_level and level > last_level + 1:
                    level = last_level + 1
                    lines[i] = "#" * level + heading.group(2)
                last_level = level
            lines[i] = self._inline_line(lines[i], i + 1, result.unknown_jsx)
            i += 1
        self._dedent(lines, roots)
        self._write(lines, roots)
        result.text = "\n".join(lines)
        result.changed = result.text != text
        return result

    def _opener(self, lines: list[str], i: int, parent: _Block | None) -> _Block | None:
        line = lines[i]
        match = _ADMONITION_OPEN.match(line)
        if match:
            title = (match.group(4) or match.group(5) or "").strip()
            return _Block(
                "admonition",
                i,
                f"{{blogposts-admonition}} {match.group(3)} {title}".rstrip(),
                match.group(1),
            )
        match = _COLON_OPEN.match(line)
        if match:
            return _Block("colon", i, match.group(3), match.group(1))
        match = _DETAILS_OPEN.match(line)
        if match:
            summary = match.group(1)
            if summary is None and i + 1 < len(lines):
                following = _SUMMARY.match(lines[i + 1])
                if following:
                    summary = following.group(1)
                    lines[i + 1] = ""
            return _Block("details", i, f"{{blogposts-details}} {_plain(summary or '')}".rstrip())
        if _TABS_START.match(line):
            return self._tabs(lines, i)
        match = _TAB_OPEN.match(line) or _TAB_ONE_LINE.match(line)
        if match:
            attrs = _attrs(match.group(1))
            value = attrs.get("value", "")
            known = parent.labels if parent is not None and parent.kind == "tabs" else {}
            label = _plain(attrs.get("label") or known.get(value) or value or "Tab")
            head = "{tab-item}" if self.design else "{blogposts-tab}"
            if match.re is _TAB_ONE_LINE:
                # The one place a line becomes three: the directive needs its own lines.
                return _Block("tab", i, f"{head} {label}", end=i, inline=match.group(2).strip())
            return _Block("tab", i, f"{head} {label}")
        if _FIGURE_OPEN.match(line):
            return _Block("figure", i, "{container} blogposts-figure")
        return None

    def _tabs(self, lines: list[str], i: int) -> _Block | None:
        """``<Tabs ...>``, also written over several lines with a ``values`` list."""
        head = "{tab-set}" if self.design else "{container} blogposts-tabs"
        if _TABS_OPEN.match(lines[i]):
            return _Block("tabs", i, head, last=i)
        for end in range(i + 1, min(i + 60, len(lines))):
            tag = "\n".join(lines[i : end + 1])
            if tag.rstrip().endswith(">") and tag.count("{") == tag.count("}"):
                labels = {}
                for m in _TAB_VALUE.finditer(tag):
                    label, value = (
                        (m.group(1), m.group(2))
                        if m.group(2) is not None
                        else (
                            m.group(4),
                            m.group(3),
                        )
                    )
                    labels[value] = label
                for n in range(i + 1, end + 1):
                    lines[n] = ""
                return _Block("tabs", i, head, last=end, labels=labels)
        return None

    @staticmethod
    def _closer(line: str) -> str | None:
        if _COLON_CLOSE.match(line):
            return "colon"
        for kind, pattern in (
            ("details", _DETAILS_CLOSE),
            ("tabs", _TABS_CLOSE),
            ("tab", _TAB_CLOSE),
            ("figure", _FIGURE_CLOSE),
        ):
            if pattern.match(line):
                return kind
        return None

    @staticmethod
    def _closes(block: _Block, closer: str) -> bool:
        if closer == "colon":
            return block.kind in ("admonition", "colon")
        return block.kind == closer

    def _dedent(self, lines: list[str], blocks: list[_Block]) -> None:
        """JSX content may be indented freely; in Markdown four spaces make a code block."""
        for block in blocks:
            if block.jsx:
                end = block.end if block.end is not None else len(lines)
                body = range(block.start + 1, end)
                indents = [len(lines[n]) - len(lines[n].lstrip()) for n in body if lines[n].strip()]
                cut = min(indents, default=0)
                if cut:
                    for n in body:
                        lines[n] = lines[n][cut:] if lines[n][:cut].isspace() else lines[n].lstrip()
            self._dedent(lines, block.children)

    def _write(self, lines: list[str], blocks: list[_Block]) -> int:
        """Write each block's fences; an outer fence needs more colons than any inner one."""
        tallest = 0
        for block in blocks:
            colons = max(3, self._write(lines, block.children) + 1)
            lines[block.start] = f"{block.indent}{':' * colons}{block.head}"
            if block.inline is not None:
                lines[block.start] += f"\n{block.inline}\n{block.indent}{':' * colons}"
            elif block.end is not None:
                lines[block.end] = f"{block.indent}{':' * colons}"
            tallest = max(tallest, colons)
        return tallest


# -- Sphinx side ----------------------------------------------------------------------------


def on_source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    """Rewrite Docusaurus/MDX syntax in Markdown posts (and any ``.mdx`` file)."""
    from ...reading.domain import POST_DIRECTIVE, front_matter_of, is_markdown, matches_pattern

    env = app.env
    if not is_markdown(env, docname):
        return
    text = source[0]
    fm = front_matter_of(app, docname, text)
    data = fm.data if fm is not None else {}  # what could be read, even from a broken block
    is_mdx = env.doc2path(docname).suffix.lower() == ".mdx"
    is_post = (
        matches_pattern(app, docname)
        or values.as_bool(data.get("blogpost")) is True
        or POST_DIRECTIVE.search(text) is not None
    )
    if not (is_post or is_mdx):
        return
    body_start = fm.body_start if fm is not None else 0
    has_title = bool(values.as_text(data.get("title")))
    if not needs_rewrite(text, body_start, has_title):
        return  # plain Markdown, as most posts are
    processor = Preprocessor(
        design="sphinx_design" in app.extensions,
        static_dir=assets.static_dir(app),
        doc_dir=env.doc2path(docname).parent,
    )
    result = processor.run(text, body_start, has_title)
    if result.unknown_jsx:
        line, tag = result.unknown_jsx[0]
        count = len(result.unknown_jsx)
        more = f" (and {count - 1} more)" if count > 1 else ""
        warn(
            f"JSX {tag!r}{more} is not supported; the tags were dropped and their text kept",
            Warn.MDX,
            (docname, line),
        )
    if result.changed:
        source[0] = result.text


def enable_colon_fence(app: Sphinx, config: Any) -> None:
    """Admonitions become MyST colon fences, which need MyST's ``colon_fence`` extension."""
    current = config.myst_enable_extensions
    if "colon_fence" in current:
        return
    if isinstance(current, set):
        config.myst_enable_extensions = {*current, "colon_fence"}
    else:
        config.myst_enable_extensions = [*current, "colon_fence"]


# -- the directives the rewrite produces -------------------------------------------------------


class details_node(nodes.container):  # noqa: N801 - docutils naming
    """``<details>``; builders other than HTML see a container (Sphinx dispatches by MRO)."""


class summary_node(nodes.rubric):  # noqa: N801
    """``<summary>``; a rubric everywhere but in HTML."""


def _visit_details(self: HTML5Translator, node: details_node) -> None:
    self.body.append('<details class="blogposts-details">\n')


def _depart_details(self: HTML5Translator, node: details_node) -> None:
    self.body.append("</details>\n")


def _visit_summary(self: HTML5Translator, node: summary_node) -> None:
    self.body.append("<summary>")


def _depart_summary(self: HTML5Translator, node: summary_node) -> None:
    self.body.append("</summary>\n")


class AdmonitionDirective(SphinxDirective):
    """``:::tip[Title]`` -> an admonition with the theme's styling of that kind."""

    required_arguments = 1
    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True

    def run(self) -> list[nodes.Node]:
        kind = self.arguments[0]
        classes = ADMONITIONS.get(kind, (kind,))
        label = self.arguments[1] if len(self.arguments) > 1 else _default_title(kind)
        node = nodes.admonition("", classes=[*classes, "blogposts-admonition"])
        self.set_source_info(node)
        title_nodes, messages = self.state.inline_text(label, self.lineno)
        title = nodes.title(label, "", *title_nodes)
        title.source, title.line = self.state_machine.get_source_and_line(self.lineno)
        node += title
        node += messages
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


def _default_title(kind: str) -> str:
    if kind in admonitionlabels:
        return str(admonitionlabels[kind])
    return str({"info": _("Info"), "success": _("Success"), "secondary": _("Note")}[kind])


class DetailsDirective(SphinxDirective):
    """``<details><summary>`` with Markdown inside: a collapsible block."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True

    def run(self) -> list[nodes.Node]:
        node = details_node(classes=["blogposts-details"])
        self.set_source_info(node)
        label = self.arguments[0] if self.arguments else _("Details")
        inline, messages = self.state.inline_text(label, self.lineno)
        node += summary_node(label, "", *inline)
        node += messages
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


class TabDirective(SphinxDirective):
    """``<TabItem>`` without sphinx-design: a headed section of a ``blogposts-tabs`` container."""

    required_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {"class": directives.class_option}

    def run(self) -> list[nodes.Node]:
        node = nodes.container(classes=["blogposts-tab"])
        self.set_source_info(node)
        inline, messages = self.state.inline_text(self.arguments[0], self.lineno)
        node += nodes.rubric(self.arguments[0], "", *inline, classes=["blogposts-tab-label"])
        node += messages
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


def register(app: Sphinx) -> None:
    app.add_source_suffix(".mdx", "markdown", override=True)
    app.add_node(details_node, html=(_visit_details, _depart_details))
    app.add_node(summary_node, html=(_visit_summary, _depart_summary))
    app.add_directive("blogposts-admonition", AdmonitionDirective)
    app.add_directive("blogposts-details", DetailsDirective)
    app.add_directive("blogposts-tab", TabDirective)
    app.connect("config-inited", enable_colon_fence)
    app.connect("source-read", on_source_read, priority=400)
