"""Front-matter values turned into typed ones: text, lists, labels, flags and authors.

Each converter accepts what YAML gives and what a reST docinfo field gives (always
text), so a post reads the same in Markdown and in reStructuredText; each returns the
typed value, or None (with the problems found) when the value cannot be used.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import yaml

from ..core.model import AuthorRef
from .frontmatter import YAML_ERRORS

TRUE_WORDS = {"true", "yes", "on", "1"}
FALSE_WORDS = {"false", "no", "off", "0", ""}


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean_text(text: str) -> str:
    """Text with control characters dropped and whitespace runs made one space.

    YAML's double-quoted escapes (``"\\a"``) can put control characters into a value;
    they are invalid in XML feeds and invisible in HTML, so they never reach a page.
    """
    return " ".join(_CONTROL.sub("", text).split())


def as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        text = clean_text(str(value))
        return text or None
    return None


def has_word(text: str) -> bool:
    """Whether a label has at least one letter or digit in any script."""
    return any(unicodedata.category(c)[0] in "LN" for c in text)


def as_list(value: Any) -> list[str] | None:
    """A YAML list, or a comma-separated string (ABlog's form, and reST fields); None if neither.

    Unusable items of a list are dropped (see :func:`as_labels` for the problems).
    """
    labels, problems = as_labels(value)
    return None if problems and not isinstance(value, (list, tuple)) else labels


def as_labels(value: Any) -> tuple[list[str], list[str]]:
    """Labels (tags, categories) and a problem for each item that is not one.

    The good items of a list are kept even when others are dropped, so one stray
    ``- {}`` does not cost a post all its tags.
    """
    if value is None:
        return [], []
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("[") and text.endswith("]"):  # a flow list written in a reST field
            try:
                parsed = yaml.safe_load(text)
            except YAML_ERRORS:
                parsed = None
            if isinstance(parsed, list):
                return as_labels(parsed)
            text = text[1:-1]
        return [t for t in (clean_text(part) for part in text.split(",")) if t], []
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return [str(value)], []
    if not isinstance(value, (list, tuple)):
        return [], [f"must be a list or a comma-separated string, not {_show(value)}"]
    out: list[str] = []
    problems: list[str] = []
    empty = 0
    for item in value:
        if isinstance(item, dict) and "label" in item:  # Docusaurus' legacy {label, permalink}
            item = item["label"]
        if isinstance(item, (str, int, float)) and not isinstance(item, bool):
            text = clean_text(str(item))
            if text:
                out.append(text)
            else:
                empty += 1
        elif item is None:
            empty += 1
        else:
            problems.append(f"{_show(item)} is not a label")
    if empty:
        problems.append("an empty item" if empty == 1 else f"{empty} empty items")
    return out, problems


def _show(value: Any, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


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
        return [], [f"expected an author key, a list of keys or author objects, got {_show(value)}"]
    if not items:
        return [], ["is empty; name an author (a key from the authors file) or remove the key"]
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
                problems.append(
                    f"the author {_show(item)} has neither a 'key' nor a 'name'; it is left out"
                )
                continue
            authors.append(ref)
        else:
            problems.append(f"{_show(item)} is not an author key or an author object; left out")
    return authors, problems
