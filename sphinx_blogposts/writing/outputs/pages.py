"""The generated blog pages (index, tags, authors, archive), handed to the theme's ``page.html``.

The pages are rendered through the theme's own ``page.html`` with a ``title`` and a
``body``, which every theme supports; the extension never overrides ``page.html``.

A ledger in the doctree folder remembers, per builder and output folder, what each
generated page was built from. A page whose inputs did not change since the last
successful build is not written again, and pages that no longer exist (a tag nobody
uses any more) are deleted, so no stale page is left behind. The ledger is saved only
when a build succeeds, so an interrupted build cannot leave a page out of date.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from markupsafe import escape
from sphinx.application import Sphinx

from ...core.diagnostics import logger
from ...core.model import Post
from ...core.routes import (
    archive_page,
    authors_index,
    catalog_index,
    series_index,
    series_page,
    tags_index,
)
from ...reading.domain import domain_of
from ..builders import writes_html_pages
from ..images import image_url
from ..rebuilds import fingerprint as state
from ..rebuilds import signatures
from ..rebuilds.ledger import Ledger
from ..render.renderer import Renderer, Renderers, _
from ..routes import PageSpec, catalog_titles
from ..view.blog import CATALOGS
from ..view.registry import renderers
from . import parallel, sitemap
from .feed_plan import feed_links


@dataclass
class PagesCache:
    """The build's part of the cache for generated pages: how many this build writes
    (None: it generates none), reported at ``build-finished``."""

    written: int | None = None


LEDGER = "blogposts-pages.json"

#: The pages that list posts as cards with their excerpts.
LISTS = ("index", "tag", "author", "term", "series")


def collect_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    if not writes_html_pages(app.builder):
        return
    every = list(renderers(app).values())  # one per blog, the default blog's first
    builder: Any = app.builder
    ledger = Ledger.of_build(app, LEDGER, path_of=lambda name: builder.get_output_path(name))
    frame = signatures.frame(app)
    frames = {r.blog_path: signatures.frame(app, r.blog_path) for r in every[1:]}  # their sidebars
    fingerprint = state.fingerprint(app, frame, sorted(frames.items()))
    names = {spec.name for renderer in every for spec in renderer.pages}
    if ledger.vouches_for(fingerprint, names):
        # every page's inputs are what the ledger says (see rebuilds/fingerprint.py)
        ledger.expect(ledger.previous, fingerprint)
    else:
        current = {
            spec.name: signature(renderer, spec, frames.get(renderer.blog_path, frame))
            for renderer in every
            for spec in renderer.pages
        }
        ledger.expect(current, fingerprint)
    todo: list[tuple[Renderer, PageSpec]] = []
    for renderer in every:
        for spec in renderer.pages:
            if ledger.is_current(spec.name):
                sitemap.note_skipped_page(app, spec.name)
                continue
            todo.append((renderer, spec))
    # a page a document now provides is Sphinx's, not a stale one of ours
    stale = [name for name in ledger.stale() if name not in app.env.found_docs]
    ledger.forget([*stale, *(spec.name for _renderer, spec in todo)])
    ledger.remove(stale)
    ledger.keep(app)
    domain_of(app.env).cache.part(PagesCache).written = len(todo)
    if parallel.in_parallel(app, todo):
        # the first page in this process, as Sphinx warms up before its workers: the
        # theme's and our templates are compiled once, not once per worker
        first, *rest = todo
        _write_pages(app, [first])
        _render_cards(app, rest)
        for done in parallel.run_chunks(app, "pages", rest, lambda chunk: _write_pages(app, chunk)):
            for renderer in every:
                renderer.fragments.render_count += done.counts.get(renderer.blog_path, 0)
        return
    for renderer, spec in todo:
        yield spec.name, page_context(renderer, spec), "page.html"


def _render_cards(app: Sphinx, todo: list[tuple[Renderer, PageSpec]]) -> None:
    """Each card the pages show, rendered once and not once per worker that shows it.

    A post is on an index page and on each of its tags' and authors' pages, which are in
    different chunks; without this its card (and excerpt) would be rendered in each. The
    cards are rendered by workers too, each its share of the posts, and sent back (a few
    kilobytes of HTML each): rendered here, they kept the other cores waiting.
    """
    more = str(_("Read more"))
    wanted: dict[tuple[str, str, bool], tuple[Renderer, Post, bool]] = {}
    for renderer, spec in todo:
        if spec.kind in LISTS and not _titles_only(renderer, spec):
            pinned = pinned_on(spec)
            for post in spec.posts:
                key = (renderer.blog_path, post.key, post.key in pinned)
                wanted.setdefault(key, (renderer, post, post.key in pinned))
    items = list(wanted.values())

    def work(chunk: list[tuple[Renderer, Post, bool]]) -> parallel.Done:
        shown = {renderer.blog_path: renderer for renderer, _post, _pinned in chunk}
        before = {path: renderer.fragments.render_count for path, renderer in shown.items()}
        for renderer, post, pinned in chunk:
            renderer.movable_card(post, more, pinned)
        return parallel.Done(
            counts={p: r.fragments.render_count - before[p] for p, r in shown.items()},
            values={path: renderer.cards() for path, renderer in shown.items()},
        )

    if not parallel.in_parallel(app, items):
        work(items)
        return
    blogs = {renderer.blog_path: renderer for renderer, _spec in todo}
    for done in parallel.run_chunks(app, "cards", items, work):
        if done.pid == os.getpid():
            continue  # rendered here: kept and counted already
        for path, cards in done.values.items():
            blogs[path].keep_cards(cards)
            blogs[path].fragments.render_count += done.counts.get(path, 0)


def _write_pages(app: Sphinx, chunk: list[tuple[Renderer, PageSpec]]) -> parallel.Done:
    """Write generated pages through the builder, as ``html-collect-pages`` pages are."""
    before = {renderer.blog_path: renderer.fragments.render_count for renderer, _spec in chunk}
    for renderer, spec in chunk:
        app.builder.handle_page(spec.name, page_context(renderer, spec), "page.html")  # type: ignore[attr-defined]
    counts = {r.blog_path: r.fragments.render_count - before[r.blog_path] for r, _spec in chunk}
    return parallel.Done(counts=counts)


def report(app: Sphinx, exception: Exception | None) -> None:
    """At ``build-finished``: how much work the generated pages took (their ledger is
    saved with the others, see ``rebuilds/ledger.py``)."""
    cache = domain_of(app.env).cache.part(PagesCache)
    written, cache.written = cache.written, None
    if written is None:
        return  # no generated pages in this build
    view = domain_of(app.env).cache.part(Renderers)
    renderer = view.renderer
    every = list((view.renderers or {}).values()) or ([renderer] if renderer else [])
    logger.info(
        "blogposts: %d posts, %d of %d generated pages written, %d excerpts rendered",
        sum(len(each.blog.posts) for each in every),
        written,
        sum(len(each.pages) for each in every),
        sum(each.fragments.render_count for each in every),
    )


def signature(renderer: Renderer, spec: PageSpec, frame: str) -> str:
    """Each post's card is digested once per build, however many pages list it (see
    ``signatures.card_digest``)."""
    blog = renderer.blog
    wpm = renderer.config.blogposts_words_per_minute
    extra: Any = None
    if spec.kind == "tags":
        extra = [(t["label"], t["url"], t["count"]) for t in renderer.tag_cloud(spec.name)]
    elif spec.kind == "authors":
        extra = renderer.author_cards(spec.name)
    elif spec.author is not None:
        extra = [spec.author.name, spec.author.title, spec.author.url, spec.author.image_url]
    elif spec.tag is not None:
        extra = [spec.tag.label, spec.tag.description]
    elif spec.kind == "catalog" and spec.catalog is not None:
        extra = [
            (t["label"], t["url"], t["count"]) for t in renderer.term_cloud(spec.catalog, spec.name)
        ]
    elif spec.term is not None:
        extra = [spec.term.label, spec.term.url]
    elif spec.kind == "series-index":
        extra = series_list(renderer, spec.name)
    elif spec.kind == "index":
        extra = sorted(pinned_on(spec))  # the "Pinned" marks
    if spec.kind in ("archive", "drafts") or _titles_only(renderer, spec):  # titles, dates
        shown: list[Any] = [
            (p.docname, p.title, p.date, *signatures.image_shown(p)) for p in spec.posts
        ]
    else:
        shown = [signatures.card_digest(blog, post, wpm) for post in spec.posts]
    return signatures.digest(
        [
            frame,
            spec.kind,
            layout(renderer),
            spec.title,
            spec.number,
            # whether there are pages at all, not how many: a page shows only its number and
            # its neighbours, so a tag gaining its 17th page rewrites the last one, not all 17
            spec.total > 1,
            spec.prev,
            spec.next,
            shown,
            [renderer.has_page(name) for name in _section_names(renderer)],
            extra,
        ]
    )


def page_context(renderer: Renderer, spec: PageSpec) -> dict[str, Any]:
    # Themes treat ``title`` (and ``prev``/``next`` titles) as HTML, as Sphinx gives them for
    # documents: some write it unescaped (the relation bar of "classic"), and ``<title>`` strips
    # tags from it. So the text (a tag name, an author name) is handed over escaped.
    context: dict[str, Any] = {
        "title": str(escape(spec.title)),
        "body": body(renderer, spec),
        "blogposts_page": spec.kind,
    }
    if spec.kind == "drafts":  # the drafts' own pages are not indexed either
        context["metatags"] = '<meta name="robots" content="noindex" />\n'
    for rel in ("prev", "next"):
        target = getattr(spec, rel)
        if target:
            label = _("Newer posts") if rel == "prev" else _("Older posts")
            context[rel] = {
                "link": renderer.link(spec.name, target),
                "title": str(escape(str(label))),
            }
    return context


def body(renderer: Renderer, spec: PageSpec) -> str:
    page = spec.name
    common: dict[str, Any] = {"title": spec.title, "kind": spec.kind, "embedded": spec.embedded}
    if _titles_only(renderer, spec) or spec.kind == "drafts":
        return renderer.render(
            "blogposts/page_titles.html", **common, **_titles(renderer, page, spec.posts)
        )
    if spec.kind in LISTS:
        author = None
        if spec.author is not None:
            author = {
                "name": spec.author.name,
                "title": spec.author.title,
                "url": spec.author.url,
                "image_url": image_url(
                    renderer.app, spec.author.image_url, None, page, as_written=True
                ),
            }
        return renderer.render(
            "blogposts/page_list.html",
            **common,
            postlist=renderer.postlist(
                spec.posts, page, excerpts=True, pinned=pinned_on(spec), layout=layout(renderer)
            ),
            number=spec.number,
            total=spec.total,
            newer=renderer.link(page, spec.prev) if spec.prev else None,
            older=renderer.link(page, spec.next) if spec.next else None,
            author=author,
            description=spec.tag.description if spec.tag is not None else None,
            term_url=spec.term.url if spec.term is not None else None,
            links=_section_links(renderer, page),
            feeds=feed_links(renderer.app, page),
        )
    if spec.kind == "tags":
        return renderer.render("blogposts/page_tags.html", **common, tags=renderer.tag_cloud(page))
    if spec.kind == "authors":
        return renderer.render(
            "blogposts/page_authors.html", **common, authors=renderer.author_cards(page)
        )
    if spec.kind == "catalog" and spec.catalog is not None:
        return renderer.render(
            "blogposts/page_tags.html", **common, tags=renderer.term_cloud(spec.catalog, page)
        )
    if spec.kind == "series-index":
        series = series_list(renderer, page)
        return renderer.render("blogposts/page_series.html", **common, series_list=series)
    years = [(year, _titles(renderer, page, posts)) for year, posts in renderer.blog.years()]
    return renderer.render("blogposts/page_archive.html", **common, years=years)


def layout(renderer: Renderer) -> str:
    """``blogposts_index_layout``, as the page's blog sees it (``blogposts_blogs``)."""
    return str(renderer.settings.blogposts_index_layout)


def _titles(renderer: Renderer, page: str, posts: list[Post]) -> dict[str, Any]:
    """The posts of an archive's year or a titles-only page: as a grid of cards without
    excerpts, or as lines (with a thumbnail each when one of them has an image)."""
    if layout(renderer) == "grid":
        return {"cards": [renderer.card_html(p, page, None, with_excerpt=False) for p in posts]}
    cards = [renderer.card(p, page, with_excerpt=False) for p in posts]
    return {"posts": cards, "thumbs": any(card["image"] for card in cards)}


def _titles_only(renderer: Renderer, spec: PageSpec) -> bool:
    """ABlog's ``blog_archive_titles``: the pages of a tag, author, ... list titles only."""
    return renderer.config.blogposts_archive_titles and spec.kind in ("tag", "author", "term")


def pinned_on(spec: PageSpec) -> set[str]:
    """The posts a page marks as pinned: those of the blog's index (they lead page 1)."""
    return {p.key for p in spec.posts if p.pinned} if spec.kind == "index" else set()


def _sections(renderer: Renderer) -> list[tuple[str, str]]:
    """The blog's overview pages, each with its label, in the order the pages link them."""
    path = renderer.blog_path
    return [
        (tags_index(path), str(_("Tags"))),
        (authors_index(path), str(_("Authors"))),
        *((catalog_index(path, c), catalog_titles(c)[0]) for c in CATALOGS),
        (archive_page(path), str(_("Archive"))),
        (series_index(path), str(_("Series"))),
    ]


def series_list(renderer: Renderer, page: str) -> list[dict[str, object]]:
    """Every series, by name, with its number of parts."""
    return [
        {
            "name": series.name,
            "count": len(series.parts),
            "url": renderer.link(page, series_page(renderer.blog_path, series.slug)),
        }
        for series in sorted(renderer.blog.series.values(), key=lambda s: s.name.casefold())
    ]


def _section_names(renderer: Renderer) -> list[str]:
    return [name for name, _label in _sections(renderer)]


def _section_links(renderer: Renderer, page: str) -> list[dict[str, str]]:
    return [
        {"label": label, "url": renderer.link(page, target)}
        for target, label in _sections(renderer)
        if renderer.has_page(target)
    ]


def register(app: Sphinx) -> None:
    app.connect("html-collect-pages", collect_pages)
    app.connect("build-finished", report)
