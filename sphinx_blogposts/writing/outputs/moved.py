"""Files the blog keeps at other engines' old URLs: redirect pages, and copies of feeds.

Compatibility layers answer the ``blogposts-moved`` event with the files they want
(output path -> :class:`Moved`); this module writes them at the end of an HTML build,
only when their bytes changed, and deletes the ones no longer wanted. Which files it
wrote is listed in the output folder (``.blogposts-moved``, a ledger's manifest, see
``writing/rebuilds/ledger.py``), so only those are ever deleted, also when the doctree
folder is new. They need no digests: they are few, and compared byte for byte.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from markupsafe import escape
from sphinx.application import Sphinx
from sphinx.util.osutil import relative_uri

from ...core.diagnostics import logger
from ..builders import writes_html_pages
from ..rebuilds.ledger import Ledger

EVENT = "blogposts-moved"
MANIFEST = ".blogposts-moved"
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
    #: The file is a page Sphinx wrote there before (a post's page before it moved), so
    #: it may be replaced although the ledger did not write it.
    replaces_page: bool = False


#: Marks the redirect pages this extension writes, so only those are ever removed.
MARKER = '<meta name="generator" content="sphinx-blogposts redirect" />'


def is_redirect(path: Path) -> bool:
    """Whether the file is a redirect page this extension wrote (it has the marker)."""
    return MARKER in path.read_text(encoding="utf-8", errors="replace")


def _still_ours(path: Path) -> bool:
    """Whether a file no longer wanted at an old URL is still the one written there: a
    page Sphinx wrote since (a post back at an address it had before) has no marker."""
    return path.suffix != ".html" or is_redirect(path)


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


def _content(app: Sphinx, rel: str, moved: Moved, outdir: Path) -> bytes | None:
    if moved.copy_of is not None:
        source = outdir / moved.copy_of
        return source.read_bytes() if source.is_file() else None
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
    """``html-collect-pages`` (after the feeds are written): the old URLs' files."""
    if not writes_html_pages(app.builder) or app.builder.name not in BUILDERS:
        return []
    outdir = Path(app.outdir).resolve()
    wanted: dict[str, Moved] = {}
    for answer in app.emit(EVENT):
        if isinstance(answer, dict):
            for rel, moved in answer.items():
                wanted.setdefault(rel, moved)
    ledger = Ledger.of_build(app, None, manifest=MANIFEST)  # the output folder's list alone
    changed = 0
    for rel, moved in sorted(wanted.items()):
        target = (outdir / rel).resolve()
        if not target.is_relative_to(outdir) or (
            target.is_file() and not ledger.owns(rel) and not moved.replaces_page
        ):
            continue  # outside the output folder, or a file someone else wrote there
        data = _content(app, rel, moved, outdir)
        if data is None:
            continue
        ledger.record(rel)
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        changed += 1
    ledger.remove(ledger.stale(), ours=_still_ours)
    ledger.write_manifest()
    if wanted:
        logger.info("blogposts: %d of %d files at old URLs written", changed, len(ledger.current))
    return []


def register(app: Sphinx) -> None:
    app.add_event(EVENT)
    app.connect("html-collect-pages", write_moved, priority=900)  # after the feeds
