"""Whether anything the blog's pages are made from changed since the last build.

Every post header and generated page has a signature of what it shows (see
signatures.py), and weighing them all costs a build about 0.1 s per 2,000 posts even
when nothing changed. A build that read and removed no document, under the same
settings, authors, tags and drafts, would compute every one of them as it was: so each
set of signatures is stored with a fingerprint of those inputs, and a build whose
fingerprint is the stored one takes the stored signatures as they are. (A redirect
page shows only a title and an address: the redirects (``writing/outputs/moved.py``)
take a fingerprint of just those, which holds across a post's body edit too.)

The fingerprint names the *generation* of the posts: a counter kept in the
environment and advanced by every build that read or removed a document (in the main
process, which with ``-j`` too is where Sphinx decides what to read). It is never
taken from a clock or a file's time, only from what the build itself did.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ...core.version import __version__
from ...reading.domain import domain_of
from ..view.blog import ViewCache, tag_definitions
from .signatures import digest


@dataclass
class RebuildCache:
    """The build's part of the cache for the fingerprint: what this build knows of its
    inputs."""

    #: Whether this build read or removed a document.
    documents_changed: bool = False
    #: The fingerprint of what the blog is made from, once taken.
    fingerprint: str | None = None


#: The ledger entry (see ledger.py) that holds the fingerprint its other entries were
#: computed under; no page or redirect has this name (they are docnames and output paths).
FINGERPRINT = "#fingerprint"


def _note_read(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    if docnames:
        domain_of(env).cache.part(RebuildCache).documents_changed = True


def _note_removed(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    domain_of(env).cache.part(RebuildCache).documents_changed = True


def advance(env: BuildEnvironment) -> None:
    """At ``env-updated``, once per build, before any fingerprint is taken."""
    domain = domain_of(env)
    changed = domain.cache.part(RebuildCache).documents_changed
    domain.cache.reset(RebuildCache)
    if changed or not domain.rebuilds.generation:
        domain.rebuilds.generation += 1


def fingerprint(app: Sphinx, *more: Any) -> str:
    """What the blog is made from in this build, plus ``more`` (what one kind of output
    also depends on). Taken after ``env-updated`` built the blogs."""
    domain = domain_of(app.env)
    cache = domain.cache.part(RebuildCache)
    base = cache.fingerprint
    if base is None:
        config = app.config
        names = sorted(name for name in config.values if name.startswith("blogposts_"))
        blogs = domain.cache.part(ViewCache).blogs or {}
        base = digest(
            [
                __version__,
                domain.rebuilds.generation,
                [(name, repr(config[name])) for name in names],
                domain.authors_maps(),
                sorted((key, repr(tag)) for key, tag in tag_definitions(app).items()),
                {path: sorted(blog.drafts) for path, blog in blogs.items()},
            ]
        )
        cache.fingerprint = base
    return digest([base, *more]) if more else base


def register(app: Sphinx) -> None:
    # after every other handler, which may still add documents to read
    app.connect("env-before-read-docs", _note_read, priority=900)
    app.connect("env-purge-doc", _note_removed)
