"""Docusaurus and MDX syntax rewritten to MyST, line for line, before MyST parses it.

Pure text to text (no Sphinx), so it can be reasoned about and tested line by line:
every output line stands where its source line stood, so MyST's warnings keep
pointing at the right line of the post.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from . import code_component, components, html_tags, syntax


@dataclass
class _Block:
    """A container opened and (usually) closed in the source: admonition, tabs, details..."""

    kind: str  # admonition | colon | details | tabs | tab | figure | Admonition (JSX)
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
        return self.kind in ("details", "tabs", "tab", "figure", "Admonition")


@dataclass
class Result:
    text: str
    #: (line number, message) of JSX left as text: the first one is reported.
    unknown_jsx: list[tuple[int, str]] = field(default_factory=list)
    changed: bool = False


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

    def _inline(
        self, segment: str, number: int, unknown: list[tuple[int, str]], in_html: bool = False
    ) -> str:
        segment = syntax.COMMENT.sub("", segment)
        segment = syntax.MD_IMAGE.sub(lambda m: m.group(1) + self._static(m.group(2)), segment)
        segment = syntax.FIGCAPTION.sub("", segment)
        return html_tags.rewrite_tags(
            segment,
            in_html,
            lambda tag: unknown.append((number, tag)),
            lambda src: self._static(src) if src.startswith("/") else src,
            self._dropped,
        )

    def _inline_line(
        self, line: str, number: int, unknown: list[tuple[int, str]], in_html: bool = False
    ) -> str:
        if not in_html:  # <Link to="x">text</Link>: a Markdown link, resolved as others are
            line = components.markdown_links(line)
        out, last = [], 0
        for start, end in html_tags.code_spans(line):
            out.append(self._inline(line[last:start], number, unknown, in_html))
            out.append(line[start:end])
            last = end
        out.append(self._inline(line[last:], number, unknown, in_html))
        return "".join(out)

    # -- the whole document ------------------------------------------------------------------

    def run(self, text: str, body_start: int, has_title: bool) -> Result:
        self._dropped: dict[str, int] = {}  # elements whose opening tag was dropped
        lines = text.split("\n")
        result = Result(text=text)
        roots: list[_Block] = []
        stack: list[_Block] = []
        fences: list[tuple[str, int, bool]] = []  # (char, length, is code)
        in_comment = False
        in_import = 0  # open braces/parentheses of a multi-line import/export
        last_level = 1 if has_title else 0
        in_html = False  # in a raw HTML block, where Markdown is not read
        definitions = components.Definitions()
        i = body_start
        while i < len(lines):
            line = lines[i]
            if syntax.in_code(fences, line):  # code is never touched, nor are fences
                i += 1
                in_html = False
                continue
            if in_comment:
                end = syntax.COMMENT_CLOSE.search(line)
                lines[i] = "" if end is None else line[end.end() :]
                in_comment = end is None
                i += 1
                continue
            if in_import:
                in_import += line.count("{") + line.count("(") - line.count("}") - line.count(")")
                lines[i] = ""
                if in_import <= 0 and not line.rstrip().endswith(("=", ",")):
                    in_import = 0
                i += 1
                continue
            if not stack and syntax.IMPORT.match(line):
                depth = line.count("{") + line.count("(") - line.count("}") - line.count(")")
                lines[i] = ""
                if line.startswith("import") and not syntax.IMPORT_DONE.search(line):
                    in_import = max(depth, 1)
                elif depth > 0:
                    in_import = depth
                i += 1
                continue
            if syntax.TRUNCATE.match(line):
                lines[i] = "<!-- truncate -->"
                i += 1
                continue
            if "<CodeBlock" in line:  # the component, as the fence it stands for
                last = code_component.rewrite(lines, i)
                if last is not None:
                    i = last + 1
                    continue
            opened = syntax.unclosed_comment(line) if "/*" in line else None
            if opened is not None:
                lines[i] = self._inline_line(line[:opened], i + 1, result.unknown_jsx, in_html)
                in_comment = True
                i += 1
                continue
            if "<" in line and not syntax.TABS_START.match(line):  # <Tabs> reads its own lines
                html_tags.join_tag(lines, i)
                line = lines[i]
            if not line.strip():
                in_html = False
            elif not in_html and (i == 0 or not lines[i - 1].strip()):
                in_html = html_tags.starts_html_block(line)
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
            if "]:" in line and definitions.repeats(line, lines[i - 1] if i else ""):
                lines[i] = ""  # CommonMark takes the first; MyST would warn
                i += 1
                continue
            heading = syntax.HEADING.match(line)
            if heading and not stack:
                level = len(heading.group(1))
                if last_level and level > last_level + 1:
                    level = last_level + 1
                    lines[i] = "#" * level + heading.group(2)
                last_level = level
                if not in_html and "/*" in line:  # a section: {/* #id */} is its id
                    lines[i] = syntax.explicit_heading_id(lines[i])
            lines[i] = self._inline_line(lines[i], i + 1, result.unknown_jsx, in_html)
            i += 1
        self._dedent(lines, roots)
        self._write(lines, roots)
        result.text = "\n".join(lines)
        result.changed = result.text != text
        return result

    def _opener(self, lines: list[str], i: int, parent: _Block | None) -> _Block | None:
        line = lines[i]
        match = syntax.ADMONITION_OPEN.match(line)
        if match:
            title = (match.group(4) or match.group(5) or "").strip()
            return _Block(
                "admonition",
                i,
                f"{{blogposts-admonition}} {match.group(3)} {title}".rstrip(),
                match.group(1),
            )
        match = syntax.COLON_OPEN.match(line)
        if match:
            return _Block("colon", i, match.group(3), match.group(1))
        match = syntax.ADMONITION_JSX_OPEN.match(line)
        if match:
            return _Block("Admonition", i, components.admonition_head(match.group(1)))
        match = syntax.DETAILS_OPEN.match(line)
        if match:
            summary = match.group(1) or components.summary_attribute(line)
            if summary is None and i + 1 < len(lines):
                following = syntax.SUMMARY.match(lines[i + 1])
                if following:
                    summary = following.group(1)
                    lines[i + 1] = ""
            return _Block(
                "details", i, f"{{blogposts-details}} {syntax.plain(summary or '')}".rstrip()
            )
        if syntax.TABS_START.match(line):
            return self._tabs(lines, i)
        match = syntax.TAB_OPEN.match(line) or syntax.TAB_ONE_LINE.match(line)
        if match:
            attrs = syntax.attrs(match.group(1))
            value = attrs.get("value", "")
            known = parent.labels if parent is not None and parent.kind == "tabs" else {}
            label = syntax.plain(attrs.get("label") or known.get(value) or value or "Tab")
            head = "{tab-item}" if self.design else "{blogposts-tab}"
            if match.re is syntax.TAB_ONE_LINE:
                # The one place a line becomes three: the directive needs its own lines.
                return _Block("tab", i, f"{head} {label}", end=i, inline=match.group(2).strip())
            return _Block("tab", i, f"{head} {label}")
        if syntax.FIGURE_OPEN.match(line):
            return _Block("figure", i, "{container} blogposts-figure")
        return None

    def _tabs(self, lines: list[str], i: int) -> _Block | None:
        """``<Tabs ...>``, also written over several lines with a ``values`` list."""
        head = "{tab-set}" if self.design else "{container} blogposts-tabs"
        if syntax.TABS_OPEN.match(lines[i]):
            return _Block("tabs", i, head, last=i)
        for end in range(i + 1, min(i + 60, len(lines))):
            tag = "\n".join(lines[i : end + 1])
            if tag.rstrip().endswith(">") and tag.count("{") == tag.count("}"):
                labels = {}
                for m in syntax.TAB_VALUE.finditer(tag):
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
        if syntax.COLON_CLOSE.match(line):
            return "colon"
        for kind, pattern in (
            ("details", syntax.DETAILS_CLOSE),
            ("tabs", syntax.TABS_CLOSE),
            ("tab", syntax.TAB_CLOSE),
            ("figure", syntax.FIGURE_CLOSE),
            ("Admonition", syntax.ADMONITION_JSX_CLOSE),
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
