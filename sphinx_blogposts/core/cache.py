"""The build's cache: what this process worked out in this build, one part per concern.

Each layer declares its own parts as small dataclasses (``reading/cache.py``,
``writing/cache.py``, a compatibility layer's ``cache.py``), and asks for one by its
class: ``cache.part(ViewCache).blogs``. Its fields are named and typed, a part a layer
does not know cannot be reached by mistake, and no layer names another's below it.

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
