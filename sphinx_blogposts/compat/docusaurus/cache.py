"""The Docusaurus layer's parts of the build's cache (see ``core/cache.py``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ...core.model import TagDef


@dataclass
class TagsFile:
    """``tags.yml``, read once at ``builder-inited`` (``tagsfile.py``); the writing side
    gets its tags through ``writing.view.blog.TAG_DEFINITIONS``."""

    path: Path | None = None
    #: tag key casefolded -> its definition.
    tags: dict[str, TagDef] = field(default_factory=dict)


@dataclass
class LinksCache:
    """The links of this build (``links.py``): made empty at ``env-before-read-docs``."""

    #: Static files links named, to copy into the output (``_static/blogposts/...``).
    files: set[str] = field(default_factory=set)
    #: Targets already warned about: each is one warning per build.
    reported: set[str] = field(default_factory=set)
    #: A link named no document with ``blogposts_root_links = "error"``: the build fails.
    failed: bool = False


@dataclass
class StaticCache:
    """Documents this process read as Docusaurus posts or MDX files (``static.py``)."""

    docs: set[str] = field(default_factory=set)
