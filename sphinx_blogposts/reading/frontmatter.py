"""Front matter read from the YAML itself, with the line of every key (typed values: values.py).

MyST's ``env.metadata`` cannot be used for this: it keeps only text (lists become
JSON strings with smart quotes, dates become strings). So Markdown sources are read
again here and their YAML block parsed with line numbers, so every warning can name
the line of the key it is about. reST sources only have docinfo fields, which are
text by nature; the same converters accept text for every key.

Reading never fails: a broken block (bad YAML, an unclosed ``---``, a list instead of
a mapping) is read key by key, every key that can be read is kept, and each broken
part becomes one *problem* (a message and the line it is on). A post written in a
hurry thus still gets its title and date, and the author gets one located warning
per mistake instead of a traceback or a post with nothing in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

_FENCE = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)
#: A line that starts a new top-level key (not indented, not a list item or a comment).
_TOP_LEVEL = re.compile(r"^[^\s#\-\]}]")
#: Every error ``yaml`` can raise on hostile input (an impossible date is a ValueError).
YAML_ERRORS = (yaml.YAMLError, ValueError, TypeError, RecursionError, OverflowError)

#: libyaml's loader when PyYAML has it (several times faster on thousands of posts).
_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[valid-type,misc]
    """The safe loader, keeping an impossible date (``2024-13-45``) as text instead of raising.

    The date reader then reports it as a date problem at its own line, instead of the
    whole block being lost to a ``ValueError``. ``kept_bad_date`` tells the caller that
    MyST's plain ``yaml.safe_load`` would fail on this block.
    """

    kept_bad_date = False


def _timestamp(loader: _Loader, node: yaml.Node) -> Any:
    try:
        return SafeConstructor.construct_yaml_timestamp(loader, node)  # type: ignore[arg-type]
    except (ValueError, OverflowError):
        loader.kept_bad_date = True
        return loader.construct_scalar(node)  # type: ignore[arg-type]


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


@dataclass
class FrontMatter:
    data: dict[str, Any] = field(default_factory=dict)
    #: 1-based source line of each top-level key, for located warnings.
    lines: dict[str, int] = field(default_factory=dict)
    #: line of the opening ``---``.
    line: int = 1
    #: 0-based index of the first line after the closing fence (the body's start).
    body_start: int = 0
    #: What could not be read: (message, 1-based line), one per mistake.
    problems: list[tuple[str, int]] = field(default_factory=list)
    #: Keys whose lines could not be read (already reported: no second warning for them).
    broken_keys: set[str] = field(default_factory=set)
    #: True when MyST could not read this block (it would then warn a second time,
    #: or show the YAML as text): the source is handed to MyST without it.
    hide_from_myst: bool = False

    @property
    def error(self) -> str | None:
        return self.problems[0][0] if self.problems else None


def split(text: str) -> tuple[str, int] | None:
    """The YAML text and the body's first line index, or None when there is no front matter.

    A block that is opened but never closed ends at its first blank line (where the
    body most likely starts); :func:`parse` reports it.
    """
    found = _locate(text)
    return None if found is None else (found[0], found[1])


def _locate(text: str) -> tuple[str, int, bool] | None:
    opening = _FENCE.match(text)
    if not opening:
        return None
    close = _CLOSE.search(text, opening.end())
    if close:
        return text[opening.end() : close.start()], text.count("\n", 0, close.end()) + 1, True
    rest = text[opening.end() :]
    blank = re.search(r"^[ \t]*\r?$", rest, re.MULTILINE)
    yaml_text = rest if blank is None else rest[: blank.start()]
    return yaml_text, text.count("\n", 0, opening.end() + len(yaml_text)), False


def _problem_line(exc: BaseException, text: str, first_line: int) -> int:
    """The file line a YAML error is on (``first_line`` is the line of ``text``'s start)."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is not None:
        return first_line + mark.line
    position = getattr(exc, "position", None)  # ReaderError: a character offset
    if isinstance(position, int):
        return first_line + text.count("\n", 0, position)
    return first_line


def _describe(exc: BaseException, text: str = "") -> str:
    if isinstance(exc, yaml.reader.ReaderError):
        char = exc.character
        code = ord(char) if isinstance(char, str) else char
        return f"it contains the control character U+{code:04X}; delete it"
    if isinstance(exc, RecursionError):
        return "it is nested too deeply"
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    if re.search(r"^ *\t", text, re.MULTILINE) or "tab" in problem.lower():
        return f"{problem} (indent with spaces, never tabs)"
    return str(problem)


def _load(text: str) -> tuple[Any, dict[str, int], bool]:
    """The YAML value, the 0-based line of each top-level key, and whether MyST's plain
    ``safe_load`` would fail on it (an impossible date); raises on bad YAML."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            lines.setdefault(_key(key_node.value), key_node.start_mark.line)
    return data, lines, loader.kept_bad_date


def _key(value: Any) -> str:
    return value if isinstance(value, str) else str(value)


def _chunks(lines: list[str]) -> list[tuple[int, str]]:
    """The block cut before each top-level key: (0-based first line, text)."""
    chunks: list[tuple[int, list[str]]] = []
    for index, line in enumerate(lines):
        if not chunks or _TOP_LEVEL.match(line):
            chunks.append((index, [line]))
        else:
            chunks[-1][1].append(line)
    return [(start, "".join(part)) for start, part in chunks]


def parse(text: str) -> FrontMatter | None:
    """Parse the leading YAML block of a Markdown source; None when it has none. Never raises."""
    located = _locate(text)
    if located is None:
        return None
    yaml_text, body_start, closed = located
    fm = FrontMatter(body_start=body_start)
    first = 2  # the file line of the YAML's first line (the fence is line 1)
    if not closed:
        fm.problems.append(
            (
                "the front matter opened by '---' on line 1 is never closed; add a line "
                "'---' after its last key (it was read up to the first blank line)",
                1,
            )
        )
    yaml_text = _drop_control_characters(yaml_text, first, fm)
    try:
        data, key_lines, bad_date = _load(yaml_text)
    except YAML_ERRORS:
        data, key_lines = _salvage(yaml_text, first, fm)
        bad_date = True  # MyST's reading fails on this block too
    if data is None:
        data = {}
    if not isinstance(data, dict):
        fm.problems.append(
            (
                "the front matter must be 'key: value' lines (a mapping), not a "
                f"{_kind(data)}; it is ignored",
                first,
            )
        )
        data = {}
    for key, line in key_lines.items():
        fm.lines[key] = first + line
    fm.data = {_key(k): v for k, v in data.items()}
    fm.hide_from_myst = fm.hide_from_myst or bool(fm.problems) or bad_date
    return fm


_RAW_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")


def _drop_control_characters(yaml_text: str, first: int, fm: FrontMatter) -> str:
    """Remove control characters YAML refuses, with one problem per line that had them.

    Otherwise a stray control character (pasted from a terminal, say) would cost the
    whole key, and then a second warning for the title or date it carried.
    """
    if not _RAW_CONTROL.search(yaml_text):
        return yaml_text
    lines = yaml_text.splitlines(keepends=True)
    for index, line in enumerate(lines):
        found = _RAW_CONTROL.findall(line)
        if found:
            codes = ", ".join(sorted({f"U+{ord(c):04X}" for c in found}))
            fm.problems.append(
                (
                    f"the front matter contains the control character {codes}; it is ignored. "
                    "Delete it",
                    first + index,
                )
            )
            fm.hide_from_myst = True
            lines[index] = _RAW_CONTROL.sub("", line)
    return "".join(lines)


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "list"
    return "single text value" if isinstance(value, str) else type(value).__name__


def _salvage(yaml_text: str, first: int, fm: FrontMatter) -> tuple[dict[str, Any], dict[str, int]]:
    """Read a broken block key by key: keep what reads, one problem per part that does not."""
    data: dict[str, Any] = {}
    key_lines: dict[str, int] = {}
    for start, chunk in _chunks(yaml_text.splitlines(keepends=True)):
        if not chunk.strip() or chunk.lstrip().startswith("#"):
            continue
        try:
            value, lines, _ = _load(chunk)
        except YAML_ERRORS as exc:
            last = first + start + len(chunk.rstrip().splitlines()) - 1
            line = min(_problem_line(exc, chunk, first + start), last)
            key = chunk.split(":", 1)[0].strip() if ":" in chunk else None
            if key:
                fm.broken_keys.add(key)
            what = f"'{key}'" if key and _TOP_LEVEL.match(key) and len(key) < 60 else "this part"
            fm.problems.append(
                (
                    f"the front matter is not valid YAML: {_describe(exc, chunk)}; "
                    f"{what} is ignored",
                    line,
                )
            )
            continue
        if isinstance(value, dict):
            for key, item in value.items():
                data.setdefault(key, item)
            for key, line in lines.items():
                key_lines.setdefault(key, start + line)
        elif value is not None:
            fm.problems.append(
                (
                    f"line {first + start} of the front matter is not a 'key: value' line; "
                    "it is ignored",
                    first + start,
                )
            )
    return data, key_lines


def from_metadata(metadata: dict[str, Any]) -> FrontMatter:
    """Docinfo fields of a reST document, as text values."""
    return FrontMatter(data={k: v for k, v in metadata.items() if k not in ("wordcount",)})


#: The keys a post's reader turns into fields; every other key is kept in ``Post.extra``.
KNOWN_KEYS = {
    "title",
    "description",
    "slug",
    "date",
    "updated",
    "last_update",
    "authors",
    "author",
    "author_title",
    "author_url",
    "author_image_url",
    "tags",
    "category",
    "categories",
    "image",
    "thumbnail",
    "image_alt",
    "cover",
    "draft",
    "unlisted",
    "pin",
    "pinned",
    "comments",
    "keywords",
    "blogpost",
    "excerpt",
    "location",
    "language",
    "redirect",
    "canonical_link",
    "external_link",
    "nocomments",
    "exclude",
    "series",
    "series_order",
}
