"""The authors map (``blogposts_authors``, Docusaurus' ``authors.yml``) and resolving authors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..core.diagnostics import Warn, warn
from ..core.model import Author, AuthorRef
from ..core.slugs import slugify
from . import entries_file
from .values import clean_text

_FIELDS = {
    "name": "name",
    "title": "title",
    "url": "url",
    "link": "url",
    "image_url": "image_url",
    "imageURL": "image_url",
    "email": "email",
}


def authors_file(srcdir: Path, blog_path: str, configured: str | None) -> Path | None:
    """The authors file in use: the configured one, else ``authors.yml`` in the blog folder."""
    return entries_file.find(entries_file.AUTHORS, srcdir, blog_path, configured)


def _entry(key: str, value: Any, where: str, location: str | None) -> dict[str, str] | None:
    if isinstance(value, (list, tuple)) and value:  # ABlog: key -> (name, url)
        value = {"name": value[0], "url": value[1] if len(value) > 1 else None}
    elif isinstance(value, str):
        value = {"name": value}
    if not isinstance(value, dict):
        warn(
            f"author {key!r} in {where} must be a mapping with at least a 'name'; it is ignored",
            Warn.AUTHOR,
            location,
        )
        return None
    entry = {
        attr: text
        for src, attr in _FIELDS.items()
        if (text := clean_text(str(value[src])) if value.get(src) else "")
    }
    socials = value.get("socials")
    if "email" not in entry and isinstance(socials, dict) and socials.get("email"):
        entry["email"] = str(socials["email"]).strip()
    if not entry.get("name"):
        warn(
            f"author {key!r} in {where} has no 'name'; the key is shown instead. "
            "Add 'name: Full Name'",
            Warn.AUTHOR,
            location,
        )
        entry["name"] = key
    return entry


def load_map(
    config_authors: dict[str, Any],
    path: Path | None,
    config_location: str | None = None,
    file_location: str | None = None,
) -> dict[str, dict[str, str]]:
    """Merge ``blogposts_authors`` over the authors file; each problem is one warning."""
    authors: dict[str, dict[str, str]] = {}
    if path is not None:
        entries = entries_file.load(entries_file.AUTHORS, path, file_location)
        for key, value in entries.data.items():
            entry = _entry(str(key), value, path.name, entries.where(key))
            if entry is not None:
                authors[str(key)] = entry
    for key, value in config_authors.items():
        entry = _entry(key, value, "blogposts_authors", config_location)
        if entry is not None:
            authors[key] = entry
    return authors


def resolve(ref: AuthorRef, authors_map: dict[str, dict[str, str]]) -> Author:
    """A post's author, with inline details laid over the map's entry field by field."""
    base: dict[str, str] = {}
    if ref.key is not None and ref.key in authors_map:
        base = dict(authors_map[ref.key])
    for attr in ("name", "title", "url", "image_url", "email"):
        value = getattr(ref, attr)
        if value:
            base[attr] = value
    key = ref.key or ref.name or ""
    name = base.get("name") or key
    return Author(
        key=key,
        name=name,
        slug=slugify(key) or slugify(name),
        title=base.get("title"),
        url=base.get("url"),
        image_url=base.get("image_url"),
        email=base.get("email"),
    )


def is_known(ref: AuthorRef, authors_map: dict[str, dict[str, str]]) -> bool:
    return ref.key is None or ref.key in authors_map
