"""The build's cache: what this process worked out in this build, one part per concern.

Each part is a small dataclass declared beside the code that fills it
(``writing.view.blog.ViewCache``, ``writing.outputs.feed_plan.FeedsCache``,
``reading/cache.py``, ...), and is asked for by its class: ``cache.part(ViewCache).blogs``.
Its fields are named and typed, a part a module does not know cannot be reached by
mistake, and a part names only types of its own module or below, so the cache adds no
import cycle.

The cache belongs to the ``blogposts`` domain object (``reading.domain.BlogDomain``):
never pickled, so a new process, or a new build, starts with an empty one; nothing is
kept in module globals.
"""

from __future__ import annotations

from typing import Any, TypeVar

Part = TypeVar("Part")


class BuildCache:
    """Every part made so far, by its class; a part is made empty on first use."""

    def __init__(self) -> None:
        self._parts: dict[type[Any], Any] = {}

    def part(self, kind: type[Part]) -> Part:
        found = self._parts.get(kind)
        if found is None:
            found = self._parts[kind] = kind()
        return found  # type: ignore[no-any-return]

    def reset(self, kind: type[Part]) -> Part:
        """``kind`` made empty again: what it held belongs to an earlier build."""
        self._parts[kind] = fresh = kind()
        return fresh
