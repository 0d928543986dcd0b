"""Old Docusaurus URLs kept alive: a small redirect page where each post used to be.

Docusaurus served a post at ``/blog/<slug>`` when its front matter had a ``slug``, and
otherwise at ``/blog/YYYY/MM/DD/<name>`` for a post whose path holds a date: a file named
``YYYY-MM-DD-<name>.md``, a folder of that name, dated folders, a team folder before the
date (the route table has the exact rule: :func:`~sphinx_blogposts.core.routes.docusaurus_page`).
Links and search results out there still point at those URLs, so each gets
``<old>/index.html`` with a meta refresh and a canonical link to the post's new page,
unless a real page is there. Two posts claiming one URL is an error in the
source: a warning names both and neither redirect is written, so nothing points at the
wrong post. Redirects are written by the main process at the end of an HTML build.

A blog migrated from Docusaurus has one redirect per post, thousands for a large one,
and nearly all of them are the same from one build to the next. So, like the generated
pages, a ledger (``writing/rebuilds/ledger.py``) remembers per builder and output folder
a digest of each redirect page written; a redirect whose digest did not change and whose
file is still there costs one ``stat``, never a read or a write. Without a ledger (a new
doctree folder, say) each existing file is read and compared, as a fallback.

The ledger's list in the output folder itself (``.blogposts-redirects``) lets a build
delete the ones no longer wanted even when the doctree folder is new. Unlike the other
kinds of file, a redirect is only ever deleted if it carries the redirect marker this
module writes: that list names paths anyone may write to (an old URL is where a user may
put a real page later), so a page a user or another tool put there is never removed.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.util.osutil import relative_uri

from ...core.diagnostics import Warn, logger, warn
from ...core.model import Post
from ...core.routes import docusaurus_page
from ...core.version import __version__
from ...reading.domain import domain_of, read_front_matter
from ...writing.builders import writes_html_pages
from ...writing.outputs import parallel
from ...writing.outputs.moved import is_redirect, redirect_html
from ...writing.rebuilds import signatures
from ...writing.rebuilds.ledger import Ledger
from ...writing.view.registry import renderers

MANIFEST = ".blogposts-redirects"
#: Ledger file in the doctree folder: per builder and output folder, path -> digest.
LEDGER = "blogposts-redirects.json"
#: Builders whose output is served at URLs (EPUB's is not).
REDIRECT_BUILDERS = ("html", "dirhtml")


def wanted(app: Sphinx) -> dict[str, Post]:
    """Each redirect this build should have: its output path -> the post it points to.

    Warns about slugs that cannot be URLs and about two posts claiming one old URL.
    """
    claims: dict[str, list[Post]] = {}
    served = set(domain_of(app.env).rebuilds.addresses.values())  # posts' own pages there
    for renderer in renderers(app).values():  # each blog, by its own blogposts_redirects
        if not renderer.settings.blogposts_redirects:
            continue
        for post in sorted(renderer.blog.posts.values(), key=lambda p: p.docname):
            path = docusaurus_page(renderer.blog_path, post.docname, post.slug)
            if post.slug and path is None:
                warn(
                    f"'slug': {post.slug!r} cannot be a URL path; no redirect is written",
                    Warn.REDIRECT,
                    _slug_line(app, post),
                )
            if (
                path is None
                or path in served
                or renderer.has_page(path)
                or renderer.has_page(f"{path}/index")
            ):
                continue
            claims.setdefault(path, []).append(post)
    result: dict[str, Post] = {}
    for path, posts in sorted(claims.items()):
        if len(posts) > 1:
            names = " and ".join(app.env.doc2path(p.docname, base=False).as_posix() for p in posts)
            warn(
                f"{names} both had the URL {path}/; no redirect is written for either",
                Warn.REDIRECT,
                _slug_line(app, posts[-1]),
            )
            continue
        result[f"{path}/index.html"] = posts[0]
    return result


def write_redirects(app: Sphinx) -> list[Any]:
    """``html-collect-pages``: write the redirect pages that changed, remove stale ones."""
    if not writes_html_pages(app.builder) or app.builder.name not in REDIRECT_BUILDERS:
        return []  # not in an EPUB: it has no URLs to keep alive
    outdir = str(Path(app.outdir).resolve())
    ledger = Ledger.of_build(app, LEDGER, manifest=MANIFEST)
    recorded = ledger.previous

    pages: dict[str, str] = {}  # output path -> page, for those to write
    base = app.config.html_baseurl
    wanted_pages = wanted(app)
    # all a redirect page is made from, in one digest: when it is the one the ledger was
    # saved with, each page is as the ledger says and none is made again to compare
    fingerprint = signatures.digest(
        [
            __version__,
            app.builder.name,
            signatures.config_hash(app),  # how get_target_uri() builds URLs
            base,
            # where each leads: a post's URI moves with blogposts_post_url, not in config_hash
            sorted(
                (rel, p.docname, p.title, app.builder.get_target_uri(p.docname))
                for rel, p in wanted_pages.items()
            ),
        ]
    )
    as_recorded = ledger.previous_fingerprint == fingerprint
    ledger.expect({}, fingerprint)
    for rel, post in wanted_pages.items():
        target = os.path.join(outdir, rel)
        if not os.path.normpath(target).startswith(outdir + os.sep):
            continue  # docusaurus_page() keeps to the output folder; this is a second lock
        if as_recorded and rel in recorded and os.path.isfile(target):
            ledger.record(rel, recorded[rel])
            continue
        new_uri = app.builder.get_target_uri(post.docname)
        url = relative_uri(rel, new_uri)
        canonical = base.rstrip("/") + "/" + new_uri if base else url
        html = redirect_html(post.title, url, canonical)
        ledger.record(rel, hashlib.sha1(html.encode("utf-8")).hexdigest())
        if ledger.is_current(rel):
            continue  # written by an earlier build, unchanged: not even read
        if rel not in recorded and _same_file(target, html):
            continue  # no ledger entry (a new doctree folder): compare, as a fallback
        pages[rel] = html

    stale = ledger.stale()
    ledger.forget([*pages, *stale])
    for rel in _write_pages(app, outdir, pages):
        ledger.drop(rel)  # not written: the ledger must not claim it
    # only a file with the marker: the output folder's list may name a page a user put
    # there since (the ledger vouches for our files, not for what replaced them)
    removed = ledger.remove(stale, ours=is_redirect)
    ledger.write_manifest()
    ledger.keep(app)
    logger.info(
        "blogposts: %d of %d redirect pages written, %d removed",
        len(pages),
        len(ledger.current),
        removed,
    )
    return []


def _same_file(target: str, html: str) -> bool:
    try:
        with open(target, encoding="utf-8") as f:
            return f.read() == html
    except (OSError, ValueError):
        return False


def _write_pages(app: Sphinx, outdir: str, pages: dict[str, str]) -> list[str]:
    """Write the pages, in Sphinx's worker processes when it writes in parallel."""
    items = list(pages.items())
    if not parallel.in_parallel(app, items):
        return _write_all(outdir, pages)

    def work(chunk: list[tuple[str, str]]) -> parallel.Done:
        return parallel.Done(refused=_write_all(outdir, dict(chunk)))

    return sorted(
        rel for done in parallel.run_chunks(app, "redirects", items, work) for rel in done.refused
    )


def _write_all(outdir: str, pages: dict[str, str]) -> list[str]:
    """Write the pages; each folder is made (and checked to be in the output folder) once.

    Returns the pages not written because their folder leads out of the output folder.
    """
    real_outdir = os.path.realpath(outdir)
    inside = real_outdir + os.sep
    reals: dict[str, str] = {outdir: real_outdir}
    ready: set[str] = set()
    refused: list[str] = []

    def real_path(folder: str) -> str:
        """``os.path.realpath``, one ``lstat`` per folder (the parents' are remembered)."""
        if folder not in reals:
            parent = os.path.dirname(folder)
            if parent == folder or not folder.startswith(outdir) or os.path.islink(folder):
                reals[folder] = os.path.realpath(folder)
            else:
                reals[folder] = os.path.join(real_path(parent), os.path.basename(folder))
        return reals[folder]

    for rel, html in pages.items():
        target = os.path.join(outdir, rel)
        folder = os.path.dirname(target)
        if folder not in ready:
            if not real_path(folder).startswith(inside):
                refused.append(rel)  # a symbolic link out of the output folder
                continue
            os.makedirs(folder, exist_ok=True)
            ready.add(folder)
        with open(target, "w", encoding="utf-8") as f:
            f.write(html)
    return refused


def _slug_line(app: Sphinx, post: Post) -> tuple[str, int | None]:
    fm = read_front_matter(app, post.docname)
    return (post.docname, fm.lines.get("slug", post.line))


def register(app: Sphinx) -> None:
    # after writing.outputs.moved (900), which removes the redirects at old addresses no
    # longer wanted first: a post's former address its slug claims again is written here
    app.connect("html-collect-pages", write_redirects, priority=950)
