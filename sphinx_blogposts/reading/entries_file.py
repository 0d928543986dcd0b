"""Files of named entries beside the blog: ``authors.yml`` and Docusaurus' ``tags.yml``.

Both are YAML mappings of a key to its details, found in the blog folder unless a
setting names another file, and both go wrong the same ways: the file named is not
there, it is not YAML, or it is not a mapping. One loader reads them, so each of
those problems is the same single warning, at the same place, for either file; what
an entry may hold is the caller's business.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..core.diagnostics import Warn, warn


@dataclass(frozen=True)
class EntriesFile:
    """Which file of entries, in the words its warnings use."""

    #: The file's stem (``authors``): ``authors.yml`` or ``.yaml`` beside the blog, unless
    #: ``blogposts_authors_file`` names another file.
    stem: str
    #: What one entry is (``author``).
    entry: str
    #: One entry as a user writes it, shown when the file is not a mapping.
    example: str
    subtype: Warn

    @property
    def names(self) -> tuple[str, ...]:
        return (f"{self.stem}.yml", f"{self.stem}.yaml")

    @property
    def setting(self) -> str:
        return f"blogposts_{self.stem}_file"


AUTHORS = EntriesFile("authors", "author", "jane: {name: Jane Doe}", Warn.AUTHOR)
TAGS = EntriesFile("tags", "tag", "release: {label: Release, permalink: /releases}", Warn.TAG)


@dataclass(frozen=True)
class Entries:
    """A file's mapping, and the line of each key for warnings about its entry."""

    path: Path
    data: dict[Any, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)

    def where(self, key: object) -> str:
        """``path:line`` of the key's entry (the file's first line if it is not known)."""
        return f"{self.path}:{self.lines.get(str(key), 1)}"


def find(kind: EntriesFile, srcdir: Path, blog_path: str, configured: str | None) -> Path | None:
    """The file in use: the configured one, else the first of ``kind.names`` in the blog folder."""
    if configured:
        return Path(srcdir, configured)
    for name in kind.names:
        candidate = Path(srcdir, blog_path, name)
        if candidate.is_file():
            return candidate
    return None


def load(kind: EntriesFile, path: Path, missing_at: str | None) -> Entries:
    """The file's entries; every problem with the file as a whole is one warning, and
    then no entry. ``missing_at`` is where the setting that named a missing file is."""
    if not path.is_file():
        warn(
            f"{kind.setting} names {path}, which does not exist; create it or fix "
            f"the setting. Posts show {kind.entry} keys as written",
            kind.subtype,
            missing_at,
        )
        return Entries(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except (yaml.YAMLError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        warn(
            f"the {kind.stem} file is not valid YAML: {problem}; no {kind.entry} from it is used",
            kind.subtype,
            f"{path}:{mark.line + 1 if mark is not None else 1}",
        )
        return Entries(path)
    if data is None:
        return Entries(path)
    if not isinstance(data, dict):
        warn(
            f"the {kind.stem} file must map {kind.entry} keys to details ('{kind.example}'), "
            f"not be a {type(data).__name__}; no {kind.entry} from it is used",
            kind.subtype,
            f"{path}:1",
        )
        return Entries(path)
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            lines[str(key_node.value)] = key_node.start_mark.line + 1
    return Entries(path, data, lines)
