"""The writing side's parts of the build's cache (see ``core/cache.py``).

Each part is what one concern works out once per build (and per write process) and
asks again for every page; the renderer-keyed entries are made again when the renderer
they were made with is replaced.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..core.model import TagDef
    from .outputs.feed_plan import FeedSpec
    from .rebuilds.ledger import Ledger
    from .render.renderer import Renderer
    from .routes import PageSpec
    from .view.blog import Blog


@dataclass
class ViewCache:
    """The blog view: built once per build by ``view.blog.all_blogs`` (from the stored
    posts, after ``env-updated`` made it empty again), and every blog's renderer."""

    #: Every blog by path, the default first.
    blogs: dict[str, Blog] | None = None
    #: Tags defined outside the posts (``view.blog.TAG_DEFINITIONS``: Docusaurus' tags.yml).
    tag_definitions: dict[str, TagDef] | None = None
    #: The default blog's renderer (``render.renderer.renderer_for``) ...
    renderer: Renderer | None = None
    #: ... and every blog's, by path (``view.registry.renderers``) ...
    renderers: dict[str, Renderer] | None = None
    #: ... with the blog each generated page belongs to: page name -> blog path.
    page_blogs: dict[str, str] = field(default_factory=dict)


@dataclass
class RebuildCache:
    """What ``rebuilds/fingerprint.py`` knows of this build's inputs."""

    #: Whether this build read or removed a document.
    documents_changed: bool = False
    #: The fingerprint of what the blog is made from, once taken.
    fingerprint: str | None = None


@dataclass
class LedgersCache:
    """The ledgers of what this build wrote (``rebuilds/ledger.py``): pages, feeds,
    redirects, to be saved at ``build-finished`` if the build succeeds."""

    pending: list[Ledger] = field(default_factory=list)


@dataclass
class PagesCache:
    """The generated pages (``outputs/pages.py``), and who wrote them (``outputs/parallel.py``)."""

    #: How many pages this build writes (None: it generates none).
    written: int | None = None
    #: What was written in worker processes -> their pids: the parallel path really ran.
    writers: dict[str, set[int]] = field(default_factory=dict)


@dataclass
class FeedsCache:
    """The feeds (``outputs/feed_plan.py``, ``outputs/feeds.py``), by blog path."""

    #: blog path -> (the renderer it was planned with, its feeds).
    plans: dict[str, tuple[Renderer, list[FeedSpec]]] = field(default_factory=dict)
    #: blog path -> (its feeds, page name -> the feed that page links to).
    of_page: dict[str, tuple[list[FeedSpec], dict[str, FeedSpec]]] = field(default_factory=dict)


@dataclass
class HeadCache:
    """What pages' ``<head>`` and sidebars look up (``head/jsonld.py``, ``render/sidebars.py``)."""

    #: blog path -> (its renderer, page name -> its generated page), for JSON-LD.
    page_specs: dict[str, tuple[Renderer, dict[str, PageSpec]]] = field(default_factory=dict)
    #: blog path -> (its renderer, what its sidebars show).
    sidebar_views: dict[str, tuple[Renderer, dict[str, Any]]] = field(default_factory=dict)
    #: Whether a sidebar shows ``blogposts/postcard.html``: the build's settings, asked once.
    uses_postcard: bool | None = None
