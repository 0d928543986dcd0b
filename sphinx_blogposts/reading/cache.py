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
    #: Blog files that are empty or only whitespace (``source.note_empty``).
    empty: set[str] = field(default_factory=set)
    #: docname -> (its front matter block, that block parsed), from ``source-read`` to
    #: ``doctree-read`` of the same document (``domain.front_matter_of``).
    front_matter: dict[str, tuple[str, FrontMatter | None]] = field(default_factory=dict)
