"""Front matter read from the YAML itself and turned into typed values, with warnings.

MyST's ``env.metadata`` cannot be used for this: it keeps only text (lists become
JSON strings with smart quotes, dates become strings). So Markdown sources are read
again here and their YAML block parsed with line numbers, so every warning can name
the line of the key it is about. reST sources only have docinfo fields, which are
text by nature; the same converters accept text for every key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from typing import Any

import yaml

from . import dates
from .model import AuthorRef

_FENCE = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)

#: libyaml's loader when PyYAML has it (several times faster on thousands of posts).
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

TRUE_WORDS = {"true", "yes", "on", "1"}
FALSE_WORDS = {"false", "no", "off", "0", ""}


@dataclass
class FrontMatter:
    data: dict[str, Any] = field(default_factory=dict)
    #: 1-based source line of each top-level key, for located warnings.
    lines: dict[str, int] = field(default_factory=dict)
    #: line of the opening ``---``.
    line: int = 1
    #: 0-based index of the first line after the closing fence (the body's start).
    body_start: int = 0
    error: str | None = None

    def line_of(self, key: str) -> int:
        return self.lines.get(key, self.line)


def split(text: str) -> tuple[str, int] | None:
    """The YAML text and the body's first line index, or None when there is no front matter."""
    opening = _FENCE.match(text)
    if not opening:
        return None
    close = _CLOSE.search(text, opening.end())
    if not close:
        return None
    yaml_text = text[opening.end() : close.start()]
    body_start = text.count("\n", 0, close.end()) + 1
    return yaml_text, body_start


def parse(text: str) -> FrontMatter | None:
    """Parse the leading YAML block of a Markdown source; None when it has none."""
    parts = split(text)
    if parts is None:
        return None
    yaml_text, body_start = parts
    fm = FrontMatter(body_start=body_start)
    loader = _Loader(yaml_text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        if mark is not None:
            fm.line = mark.line + 2
        fm.error = f"the front matter is not valid YAML: {getattr(exc, 'problem', None) or exc}"
        return fm
    finally:
        loader.dispose()
    if data is None:
        return fm
    if not isinstance(data, dict):
        fm.error = (
            f"the front matter must be a mapping of keys to values, not a {type(data).__name__}"
        )
        return fm
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            fm.lines[str(key_node.value)] = key_node.start_mark.line + 2
    fm.data = {str(k): v for k, v in data.items()}
    return fm


def from_metadata(metadata: dict[str, Any]) -> FrontMatter:
    """Docinfo fields of a reST document, as text values."""
    return FrontMatter(data={k: v for k, v in metadata.items() if k not in ("wordcount",)})


# -- converters: each takes the raw value and a reporter, and returns a typed value or None


def as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        text = str(value).strip()
        return text or None
    return None


def as_list(value: Any) -> list[str] | None:
    """A YAML list, or a comma-separated string (ABlog's form, and reST fields)."""
    if value is None:
        return []
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("[") and text.endswith("]"):  # a flow list written in a reST field
            try:
                parsed = yaml.safe_load(text)
            except yaml.YAMLError:
                parsed = None
            if isinstance(parsed, list):
                return as_list(parsed)
            text = text[1:-1]
        return [part.strip() for part in text.split(",") if part.strip()]
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return [str(value)]
    if isinstance(value, (list, tuple)):
        out = []
        for item in value:
            if isinstance(item, dict) and "label" in item:  # Docusaurus' legacy {label, permalink}
                item = item["label"]
            if isinstance(item, (str, int, float)) and not isinstance(item, bool):
                text = str(item).strip()
                if text:
                    out.append(text)
            else:
                return None
        return out
    return None


def as_bool(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if value is None:
        return False
    text = str(value).strip().lower()
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    return None


_AUTHOR_FIELDS = {
    "name": "name",
    "title": "title",
    "url": "url",
    "image_url": "image_url",
    "imageURL": "image_url",
    "email": "email",
    "key": "key",
}


def as_authors(value: Any, strict: bool) -> tuple[list[AuthorRef], list[str]]:
    """Keys, inline objects, or a mix; returns the authors and a problem for each dropped item."""
    problems: list[str] = []
    if value is None:
        return [], problems
    items: list[Any]
    if isinstance(value, str):
        items = as_list(value) or []
    elif isinstance(value, dict):
        items = [value]
    elif isinstance(value, (list, tuple)):
        items = list(value)
    else:
        return [], [f"expected an author key, a list of keys or author objects, got {value!r}"]
    authors = []
    for item in items:
        if isinstance(item, str) and item.strip():
            authors.append(AuthorRef(key=item.strip(), strict=strict))
        elif isinstance(item, dict):
            ref = AuthorRef(strict=strict)
            for src, attr in _AUTHOR_FIELDS.items():
                text = as_text(item.get(src))
                if text is not None:
                    setattr(ref, attr, text)
            if ref.key is None and ref.name is None:
                problems.append(f"the author {item!r} has neither a 'key' nor a 'name'")
                continue
            authors.append(ref)
        else:
            problems.append(f"{item!r} is not an author key or an author object")
    return authors, problems


def as_date(value: Any, tz: tzinfo) -> datetime:
    return dates.parse_date(value, tz)
