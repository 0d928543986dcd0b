"""Whether anything the blog's pages are made from changed since the last build.

Every post header and generated page has a signature of what it shows (see
signatures.py), and weighing them all costs a build about 0.1 s per 2,000 posts even
when nothing changed. A build that read and removed no document, under the same
settings, authors, tags and drafts, would compute every one of them as it was: so each
set of signatures is stored with a fingerprint of those inputs, and a build whose
fingerprint is the stored one takes the stored signatures as they are. (A redirect
page shows only a title and an address: Docusaurus' redirects take a fingerprint of
just those, which holds across a post's body edit too.)

The fingerprint names the *generation* of the posts: a counter kept in the
environment and advanced by every build that read or removed a document (in the main
process, which with ``-j`` too is where Sphinx decides what to read). It is never
taken from a clock or a file's time, only from what the build itself did.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ...core.version import __version__
from ...reading.domain import domain_of
from .signatures import digest

GENERATION = "generation"
#: The ledger entry (see ledger.py) that holds the fingerprint its other entries were
#: computed under; no page or redirect has this name (they are docnames and output paths).
FINGERPRINT = "#fingerprint"


def _note_read(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    if docnames:
        domain_of(env).runtime["documents_changed"] = True


def _note_removed(app: Sphinx, env: BuildEnvironment, docname: str) -> None:
    domain_of(env).runtime["documents_changed"] = True


def advance(env: BuildEnvironment) -> None:
    """At ``env-updated``, once per build, before any fingerprint is taken."""
    domain = domain_of(env)
    domain.runtime.pop("fingerprint", None)
    changed = domain.runtime.pop("documents_changed", False)
    if changed or GENERATION not in domain.data:
        domain.data[GENERATION] = domain.data.get(GENERATION, 0) + 1


def fingerprint(app: Sphinx, *more: Any) -> str:
    """What the blog is made from in this build, plus ``more`` (what one kind of output
    also depends on). Taken after ``env-updated`` built the blogs."""
    domain = domain_of(app.env)
    base = domain.runtime.get("fingerprint")
    if base is None:
        config = app.config
        names = sorted(name for name in config.values if name.startswith("blogposts_"))
        blogs = domain.runtime.get("blogs", {})
        base = digest(
            [
                __version__,
                domain.data.get(GENERATION),
                [(name, repr(config[name])) for name in names],
                domain.authors_maps(),
                sorted(
                    (key, repr(tag)) for key, tag in domain.runtime.get("tags_file", {}).items()
                ),
                {path: sorted(blog.drafts) for path, blog in blogs.items()},
            ]
        )
        domain.runtime["fingerprint"] = base
    return digest([base, *more]) if more else base


def register(app: Sphinx) -> None:
    # after every other handler, which may still add documents to read
    app.connect("env-before-read-docs", _note_read, priority=900)
    app.connect("env-purge-doc", _note_removed)
