"""Feeds written at the end of the write phase, only those whose inputs changed.

The files are written by the main process (``html-collect-pages``), when every post
is known, for the HTML builders that write one page per document. A ledger in the
doctree folder says what each feed was made of, so a rebuild that changes no post
renders no feed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from ...core.diagnostics import Warn, warn
from ...core.version import __version__
from ...reading import file_history
from ...reading import updated as updated_mod
from ..builders import writes_html_pages
from ..images import has_card
from ..rebuilds import fingerprint as state
from ..rebuilds import signatures
from ..rebuilds.ledger import Ledger
from ..render.renderer import Renderer
from ..view.registry import renderers
from .feed_plan import FeedSpec, formats, plan_of
from .feed_writer import FeedWriter

LEDGER = "blogposts-feeds.json"


def write_feeds(app: Sphinx) -> list[tuple[str, dict[str, Any], str]]:
    """``html-collect-pages``: write the feed files whose inputs changed, delete obsolete ones.

    A ledger in the doctree folder (per builder and output folder) holds a signature of
    each feed's inputs; a feed whose signature is unchanged and whose file exists is
    neither rendered nor written, so a rebuild that changes no post renders nothing.
    """
    if not writes_html_pages(app.builder):
        return []
    outdir = Path(app.outdir).resolve()
    # each blog's feeds, the default blog's first: (renderer, its feeds, its formats)
    plans = [
        (*plan_of(app, renderer), formats(app, renderer.settings))
        for renderer in renderers(app).values()
    ]
    ledger = Ledger.of_build(app, LEDGER)
    # a feed's signature also weighs its posts' read times (the generation covers them)
    # and their update dates, which git can change without a document being read
    fingerprint = state.fingerprint(
        app,
        "feeds",
        app.builder.name,
        signatures.config_hash(app),
        signatures.outside_inputs(app),
        sorted((path, str(when)) for path, when in file_history.history(app.env).items()),
    )
    names = {spec.path(fmt) for _, specs, fmts in plans for spec in specs for fmt in fmts}
    if ledger.vouches_for(fingerprint, names):
        # every feed's inputs are what the ledger says (see rebuilds/fingerprint.py)
        ledger.expect(ledger.previous, fingerprint)
    else:
        digests: dict[str, str] = {}
        current = {
            spec.path(fmt): signature
            for renderer, specs, fmts in plans
            for spec in specs
            for fmt, signature in _signatures(app, renderer, spec, fmts, digests)
        }
        ledger.expect(current, fingerprint)
    stale = ledger.stale()
    todo = {name for name in names if not ledger.is_current(name)}
    ledger.forget([*stale, *todo])
    ledger.remove(stale)
    ledger.keep(app)
    if not any(specs for _, specs, _ in plans):
        return []
    if not FeedWriter(app, plans[0][0]).base:
        warn(
            "html_baseurl is not set: the feeds are written with relative links, which many "
            "feed readers cannot follow; set html_baseurl to the site's address",
            Warn.FEED,
        )
    for renderer, specs, fmts in plans:
        _write(outdir, FeedWriter(app, renderer), specs, fmts, todo)
    return []


def _write(
    outdir: Path, writer: FeedWriter, specs: list[FeedSpec], fmts: list[str], todo: set[str]
) -> None:
    """Write one blog's feeds in ``todo``: their signature changed or their file is missing."""
    for spec in specs:
        for fmt in fmts:
            name = spec.path(fmt)
            target = (outdir / name).resolve()
            if name not in todo or not target.is_relative_to(outdir):
                continue
            data = writer.render(spec, fmt)
            if target.is_file() and target.read_bytes() == data:
                continue  # unchanged: keep its date, so mirrors and caches see no change
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)


def _signatures(
    app: Sphinx,
    renderer: Renderer,
    spec: FeedSpec,
    fmts: list[str],
    cache: dict[str, str] | None = None,
) -> list[tuple[str, str]]:
    """What a feed is made of: configuration, its posts' data and when each was last read
    (a post's source changed, or something it depends on: it was read again).

    ``cache`` keeps each post's digest across the feeds of one build: a post is in the
    blog's feed and in one feed per tag, so it is digested once, not once per feed."""
    cache = {} if cache is None else cache
    blog = renderer.blog
    wpm = app.config.blogposts_words_per_minute
    posts = []
    for post in spec.posts:
        if post.key not in cache:
            cache[post.key] = signatures.digest(
                [
                    signatures.card_digest(blog, post, wpm),
                    app.env.all_docs.get(post.docname),
                    updated_mod.effective(app.env, post),  # front matter or git
                    post.image,
                    has_card(app, post),  # no image of its own: its social card
                    [a.email for a in blog.post_authors.get(post.key, [])],
                ]
            )
        posts.append(cache[post.key])
    common = [
        __version__,
        app.builder.name,
        signatures.config_hash(app),
        spec.kind,
        spec.title,
        spec.subtitle,
        spec.page,
        renderer.uri(spec.page),
        posts,
        signatures.outside_inputs(app),  # e.g. how the links in the entries resolve
    ]
    return [(fmt, signatures.digest([*common, fmt])) for fmt in fmts]


def register(app: Sphinx) -> None:
    app.connect("html-collect-pages", write_feeds)
