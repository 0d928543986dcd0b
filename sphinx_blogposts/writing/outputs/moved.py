"""Files the blog keeps at old URLs: redirect pages, and copies of feeds. The one writer.

Whoever knows an old URL answers the ``blogposts-moved`` event with the files it wants
(output path -> :class:`Moved`): a moved post's file address (``writing/addresses.py``),
Docusaurus' old URLs (``compat/docusaurus/redirects.py``), ABlog's page URLs and the
names a post's ``:redirect:`` asks for (``compat/ablog/``). This module writes them all
at the end of an HTML build.

A site whose posts live at their own addresses has one redirect per post, thousands for
a large blog, and nearly all of them are the same from one build to the next. So a
ledger (``writing/rebuilds/ledger.py``) remembers, per builder and output folder, a
digest of each file written, under a fingerprint of everything the redirect pages are
made from: when the fingerprint holds, no page is even made again, and one that is
still there costs one ``stat``, never a read or a write. Without a ledger (a new doctree
folder, say) each existing file is read and compared, as a fallback. Under ``-j`` the
files to write are written by Sphinx's workers (``parallel.py``).

The ledger's list in the output folder (``.blogposts-moved``) lets a build delete the
files no longer wanted even when the doctree folder is new. A redirect page is only ever
deleted if it carries the marker this module writes: that list names paths anyone may
write to (an old URL is where a user, or Sphinx, may put a real page later). Earlier
versions listed the Docusaurus redirects apart (``.blogposts-redirects``); their files are
taken as this module's for one build, and that list retired.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from markupsafe import escape
from sphinx.application import Sphinx
from sphinx.util.osutil import relative_uri

from ...core.diagnostics import logger
from ...core.version import __version__
from ...reading.domain import domain_of
from ..builders import writes_html_pages
from ..rebuilds import signatures
from ..rebuilds.ledger import Former, Ledger
from . import parallel

EVENT = "blogposts-moved"
MANIFEST = ".blogposts-moved"
#: Ledger file in the doctree folder: per builder and output folder, path -> digest.
LEDGER = "blogposts-moved.json"
#: Where versions before this one listed the Docusaurus redirects they wrote.
FORMER = Former(manifest=".blogposts-redirects", ledger="blogposts-redirects.json")
#: Builders whose output is served at URLs (EPUB's is not).
BUILDERS = ("html", "dirhtml")


@dataclass(frozen=True)
class Moved:
    """What goes at an old URL: a redirect to ``target`` (a page name, with an anchor),
    or, for a feed, a copy of the file ``copy_of`` (relative to the output folder)."""

    title: str = ""
    target: str | None = None
    anchor: str = ""
    copy_of: str | None = None
    refresh: int = 0
    #: The file may be a page Sphinx wrote there before (a post's page before it moved),
    #: so it may be replaced although this module did not write it.
    replaces_page: bool = False


#: Marks the redirect pages this extension writes, so only those are ever removed.
MARKER = '<meta name="generator" content="sphinx-blogposts redirect" />'


def redirect_html(title: str, url: str, canonical: str, refresh: int = 0) -> str:
    """A small page that sends the reader on after ``refresh`` seconds; every value escaped
    for where it lands. Plain string building: it runs once per old URL and build, and
    ``Markup.format`` costs several times as much for the same result."""
    title_html = escape(title)
    url_attr = escape(url)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n'
        "<head>\n"
        '<meta charset="utf-8" />\n'
        f"{MARKER}\n"
        '<meta name="robots" content="noindex" />\n'
        f"<title>{title_html}</title>\n"
        f'<link rel="canonical" href="{escape(canonical)}" />\n'
        f'<meta http-equiv="refresh" content="{int(refresh)}; url={url_attr}" />\n'
        "</head>\n"
        "<body>\n"
        f'<p>This page has moved to <a href="{url_attr}">{title_html}</a>.</p>\n'
        "</body>\n"
        "</html>\n"
    )


def output_path(app: Sphinx, pagename: str) -> str:
    """Where the builder writes a page of that name, relative to the output folder."""
    uri = app.builder.get_target_uri(pagename)
    return uri + "index.html" if uri.endswith("/") or not uri else uri


def wanted(app: Sphinx) -> dict[str, Moved]:
    """Every file this build keeps at an old URL; the first answer naming a path wins."""
    files: dict[str, Moved] = {}
    for answer in app.emit(EVENT):
        if isinstance(answer, dict):
            for rel, moved in answer.items():
                files.setdefault(rel, moved)
    return files


def fingerprint(app: Sphinx, files: dict[str, Moved]) -> str:
    """All the redirect pages are made from, in one digest: when it is the one the ledger
    was saved with, each page is as the ledger says and none is made again to compare.
    (A copy's bytes are its feed's, read each build: there are a few.)"""
    return signatures.digest(
        [
            __version__,
            app.builder.name,
            signatures.config_hash(app),  # how get_target_uri() builds URLs
            app.config.html_baseurl,
            sorted(domain_of(app.env).rebuilds.addresses.items()),  # where posts are
            sorted(
                (rel, m.title, m.target, m.anchor, m.refresh, m.copy_of, m.replaces_page)
                for rel, m in files.items()
            ),
        ]
    )


def _content(app: Sphinx, rel: str, moved: Moved, outdir: str) -> bytes | None:
    if moved.copy_of is not None:
        source = os.path.join(outdir, moved.copy_of)
        return Path(source).read_bytes() if os.path.isfile(source) else None
    if moved.target is None:
        return None
    target_uri = app.builder.get_target_uri(moved.target)
    url = relative_uri(rel, target_uri) or "./"
    if moved.anchor:
        url += f"#{moved.anchor}"
    base = app.config.html_baseurl
    canonical = f"{base.rstrip('/')}/{target_uri}" if base else url
    return redirect_html(moved.title, url, canonical, moved.refresh).encode("utf-8")


def write_moved(app: Sphinx) -> list[object]:
    """``html-collect-pages`` (after the feeds are written): the files at old URLs that
    changed are written, the ones no longer wanted removed."""
    if not writes_html_pages(app.builder) or app.builder.name not in BUILDERS:
        return []  # not in an EPUB: it has no URLs to keep alive
    outdir = str(Path(app.outdir).resolve())
    inside = outdir + os.sep
    files = wanted(app)
    ledger = Ledger.of_build(app, LEDGER, manifest=MANIFEST, former=FORMER)
    recorded = ledger.previous
    inputs = fingerprint(app, files)
    as_recorded = ledger.previous_fingerprint == inputs
    ledger.expect({}, inputs)
    todo: dict[str, bytes] = {}
    for rel, moved in sorted(files.items()):
        target = os.path.join(outdir, rel)
        if not os.path.normpath(target).startswith(inside):
            continue  # the answers keep to the output folder; this is a second lock
        there = os.path.isfile(target)
        if there and not (moved.replaces_page or ledger.owns(rel)):
            continue  # a file someone else wrote there
        known = recorded.get(rel)
        if as_recorded and there and known is not None and moved.copy_of is None:
            ledger.record(rel, known)  # as the last build wrote it: one stat, no more
            continue
        data = _content(app, rel, moved, outdir)
        if data is None:
            continue
        digest = hashlib.sha1(data).hexdigest()
        ledger.record(rel, digest)
        if there and (known == digest or (known is None and _same_file(target, data))):
            continue  # unchanged; without a ledger entry, compared as a fallback
        todo[rel] = data

    stale = ledger.stale()
    ledger.forget([*todo, *stale])
    for rel in _write(app, outdir, todo):
        ledger.drop(rel)  # not written: the ledger must not claim it
    removed = ledger.remove(stale, ours=_is_ours)
    ledger.write_manifest()
    ledger.keep(app)
    if files or stale:
        logger.info(
            "blogposts: %d of %d files at old URLs written, %d removed",
            len(todo),
            len(ledger.current),
            removed,
        )
    return []


def _same_file(target: str, data: bytes) -> bool:
    try:
        with open(target, "rb") as f:
            return bool(f.read() == data)
    except OSError:
        return False


def _is_ours(path: Path) -> bool:
    """Whether a file no longer wanted may go: a page only if it is a redirect this
    module wrote (it has the marker); a feed's copy is only ever ours."""
    if path.suffix != ".html":
        return True
    with open(path, "rb") as f:
        return MARKER.encode() in f.read()


def _write(app: Sphinx, outdir: str, files: dict[str, bytes]) -> list[str]:
    """Write the files, in Sphinx's worker processes when it writes in parallel; returns
    those not written."""
    items = list(files.items())
    if not parallel.in_parallel(app, items):
        return _write_all(outdir, items)

    def work(chunk: list[tuple[str, bytes]]) -> parallel.Done:
        return parallel.Done(refused=_write_all(outdir, chunk))

    return sorted(
        rel for done in parallel.run_chunks(app, "redirects", items, work) for rel in done.refused
    )


def _write_all(outdir: str, items: list[tuple[str, bytes]]) -> list[str]:
    """Write the files; each folder is made (and checked to be in the output folder) once.

    Returns the files not written because they or their folder lead out of the output
    folder (a symbolic link).
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

    for rel, data in items:
        target = os.path.join(outdir, rel)
        folder = os.path.dirname(target)
        if folder not in ready:
            real = real_path(folder)
            if real != real_outdir and not real.startswith(inside):
                refused.append(rel)  # a symbolic link out of the output folder
                continue
            os.makedirs(folder, exist_ok=True)
            ready.add(folder)
        if os.path.islink(target):
            refused.append(rel)  # writing would follow it, wherever it leads
            continue
        with open(target, "wb") as f:
            f.write(data)
    return refused


def register(app: Sphinx) -> None:
    app.add_event(EVENT)
    app.connect("html-collect-pages", write_moved, priority=900)  # after the feeds
