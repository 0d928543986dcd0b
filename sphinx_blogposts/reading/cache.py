"""The reading side's part of the build's cache (see ``core/cache.py``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.util.matching import Matcher

    from .frontmatter import FrontMatter


@dataclass
class ReadCache:
    """What the read phase works out once and asks again for each document."""

    #: Each blog's path, the names it generates pages at, and its ``blogposts_pattern``;
    #: compiled on first use (``domain.matching_blogs``).
    matchers: list[tuple[str, Matcher, Matcher]] | None = None
    #: docname -> the blogs whose pattern it matches (``domain.matching_blogs``), and its
    #: source file's suffix (``domain.is_markdown``): asked by several handlers of every
    #: document's read, the thousands of documentation pages of a large site included.
    blogs_of: dict[str, list[str]] = field(default_factory=dict)
    suffixes: dict[str, str] = field(default_factory=dict)
    #: Blog files that are empty or only whitespace (``source.note_empty``).
    empty: set[str] = field(default_factory=set)
    #: docname -> (its front matter block, that block parsed), from ``source-read`` to
    #: ``doctree-read`` of the same document (``domain.front_matter_of``).
    front_matter: dict[str, tuple[str, FrontMatter | None]] = field(default_factory=dict)
