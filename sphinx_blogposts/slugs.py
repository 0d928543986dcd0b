"""URL slugs for tags and authors: ASCII, non-empty, unable to name a path outside their folder."""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Symbols that carry meaning in tag names: without them "C++", "C#" and "C" would share a page.
_SYMBOLS = {"+": "plus", "#": "sharp", "&": "and", "@": "at", "%": "percent"}
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """ASCII kebab case; may be empty when the text has no ASCII letters or digits."""
    spelled = "".join(f"-{_SYMBOLS[c]}-" if c in _SYMBOLS else c for c in text)
    ascii_text = unicodedata.normalize("NFKD", spelled).encode("ascii", "ignore").decode("ascii")
    return _NOT_ALNUM.sub("-", ascii_text.lower()).strip("-")


def short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def unique_slugs(keys: list[str], prefix: str = "tag") -> dict[str, str]:
    """One slug per key, unique among them and independent of the order keys are given in.

    Keys whose slugs collide (or are empty) get a short hash of the key appended, except
    the first of a colliding group in sorted order, which keeps the plain slug.
    """
    groups: dict[str, list[str]] = {}
    for key in sorted(set(keys)):
        groups.setdefault(slugify(key), []).append(key)
    result: dict[str, str] = {}
    for base, members in groups.items():
        for index, key in enumerate(members):
            if not base:
                result[key] = f"{prefix}-{short_hash(key)}"
            elif index == 0:
                result[key] = base
            else:
                result[key] = f"{base}-{short_hash(key)}"
    return result
