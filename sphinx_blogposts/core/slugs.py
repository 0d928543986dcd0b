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


#: Longest slug kept whole: file names have a limit (255 bytes), and URLs should stay readable.
MAX_SLUG = 60


def short_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def unique_slugs(keys: list[str], prefix: str = "tag") -> dict[str, str]:
    """One slug per key, unique among them and independent of the order keys are given in.

    Keys whose slugs collide (or are empty) get a short hash of the key appended, except
    the first of a colliding group in sorted order, which keeps the plain slug.
    """
    groups: dict[str, list[str]] = {}
    for key in sorted(set(keys)):
        base = slugify(key)
        if len(base) > MAX_SLUG:  # a very long tag: cut, and keep it apart from its prefix
            base = f"{base[:MAX_SLUG].rstrip('-')}-{short_hash(key)}"
        groups.setdefault(base, []).append(key)
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


_SLUG_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def safe_slug(text: str) -> tuple[str | None, str | None]:
    """A post's ``slug`` as a clean relative path, or None and why it cannot be one.

    Docusaurus allows ``/`` (``2024/my-post``) and a leading ``/`` (relative to the
    blog, not to the disk), so those are kept; what could name a place outside the
    blog folder (``..``, ``\\``, a drive, NUL) is refused.
    """
    if _SLUG_CONTROL.search(text):
        return None, "it contains a control character"
    if "\\" in text:
        return None, "it contains a backslash"
    odd = sorted(set(re.findall(r"[<>\"'`?#{}|^]", text)))
    if odd:
        return None, f"it contains {' '.join(odd)}, which cannot be in a URL path"
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", text):
        return None, "it is a URL or a drive, not a path"
    parts = [p for p in text.strip().strip("/").split("/") if p]
    if any(p in (".", "..") for p in parts):
        return None, "it contains '.' or '..'"
    if not parts:
        return None, "it is empty"
    return "/".join(parts), None
