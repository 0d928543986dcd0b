"""Which feeds a build has (the blog's, each tag's, each author's) and which pages link them.

Pure planning from the blog's posts: no file is rendered here, so every page of the
build can ask for its feed links (``<link rel="alternate">``, the Subscribe links)
cheaply, and the writer (feeds.py) renders only what changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from markupsafe import escape
from sphinx.application import Sphinx
from sphinx.util.osutil import relative_uri

from ...core.config import FEED_FORMATS
from ...core.model import Author, Post
from ...core.routes import (
    archive_page,
    author_feed_folder,
    author_page,
    blog_feed_folder,
    feed_file,
    index_page,
    post_page,
    tag_feed_folder,
    tag_page,
    term_feed_folder,
    term_page,
    year_feed_folder,
)
from ...reading.domain import domain_of
from ..builders import writes_html_pages
from ..render.renderer import Renderer, _, renderer_for
from ..routes import catalog_titles
from ..view.blog import CATALOGS, Blog
from ..view.registry import renderer_of_page


@dataclass
class FeedsCache:
    """The build's part of the cache for feeds, by blog path."""

    #: blog path -> (the renderer it was planned with, its feeds).
    plans: dict[str, tuple[Renderer, list[FeedSpec]]] = field(default_factory=dict)
    #: blog path -> (its feeds, page name -> the feed that page links to).
    of_page: dict[str, tuple[list[FeedSpec], dict[str, FeedSpec]]] = field(default_factory=dict)


MEDIA_TYPES = {
    "atom": "application/atom+xml",
    "rss": "application/rss+xml",
    "json": "application/feed+json",
}


@dataclass
class FeedSpec:
    """One feed (in every configured format): which posts, under which folder."""

    kind: str  # blog | tag | author | term (a category, location or language) | year
    folder: str
    title: str
    subtitle: str
    page: str
    posts: list[Post] = field(default_factory=list)
    author: Author | None = None

    def path(self, fmt: str) -> str:
        return feed_file(self.folder, fmt)


def formats(app: Sphinx, settings: Any = None) -> list[str]:
    """The configured formats (of one blog: ``settings``), each once, in a fixed order."""
    wanted = set((settings if settings is not None else app.config).blogposts_feed_formats)
    return [fmt for fmt in FEED_FORMATS if fmt in wanted]


def plan_feeds(blog: Blog, app: Sphinx, settings: Any = None) -> list[FeedSpec]:
    """The feeds of one blog (seeing the configuration as ``settings``); a feed with no
    entry is not written."""
    config = settings if settings is not None else app.config
    path = config.blogposts_path
    length = config.blogposts_feed_length

    def entries(posts: Iterable[Post]) -> list[Post]:
        listed = [p for p in posts if p.key not in blog.drafts and not p.unlisted]
        return listed[:length] if length else listed

    site_title = config.blogposts_title

    def archive_feed(
        kind: str,
        label: str,
        where: tuple[str, str],
        posts: list[Post],
        author: Author | None = None,
    ) -> FeedSpec:
        """The feed of one tag, author, year or catalog term: its folder and its page."""
        folder, page = where
        title = f"{site_title}: {label}"
        return FeedSpec(kind, folder, title, label, page, posts, author=author)

    specs = [
        FeedSpec(
            kind="blog",
            folder=blog_feed_folder(path),
            title=site_title,
            subtitle=config.blogposts_description or site_title,
            page=index_page(path),
            posts=entries(blog.listed),
        )
    ]
    if config.blogposts_feed_archives:
        for tag in sorted(blog.tags.values(), key=lambda t: t.slug):
            specs.append(
                archive_feed(
                    "tag",
                    _("Posts tagged “%s”") % tag.label,
                    (tag_feed_folder(path, tag.slug), tag_page(path, tag.slug)),
                    entries(tag.posts),
                )
            )
        for key, posts in sorted(blog.author_posts.items()):
            author = blog.authors[key]
            specs.append(
                archive_feed(
                    "author",
                    _("Posts by %s") % author.name,
                    (author_feed_folder(path, author.slug), author_page(path, author.slug)),
                    entries(posts),
                    author=author,
                )
            )
        if config.blogposts_feed_years:
            for year, posts in blog.years():
                specs.append(
                    archive_feed(
                        "year",
                        _("Posts of %s") % year,
                        (year_feed_folder(path, year), archive_page(path)),
                        entries(posts),
                    )
                )
        for catalog in CATALOGS:
            one_title = catalog_titles(catalog)[1]
            for term in sorted(blog.catalogs.get(catalog, {}).values(), key=lambda t: t.slug):
                specs.append(
                    archive_feed(
                        "term",
                        one_title % term.label,
                        (
                            term_feed_folder(path, catalog, term.slug),
                            term_page(path, catalog, term.slug),
                        ),
                        entries(term.posts),
                    )
                )
    return [spec for spec in specs if spec.posts]


def plan_of(app: Sphinx, renderer: Renderer | None = None) -> tuple[Renderer, list[FeedSpec]]:
    """A blog's renderer and feed plan (the default blog's), computed once per process."""
    renderer = renderer if renderer is not None else renderer_for(app)
    plans = domain_of(app.env).cache.part(FeedsCache).plans
    cached = plans.get(renderer.blog_path)
    if cached is None or cached[0] is not renderer:
        settings = renderer.settings
        specs = plan_feeds(renderer.blog, app, settings) if formats(app, settings) else []
        cached = plans[renderer.blog_path] = (renderer, specs)
    return cached


# -- pages: <link rel="alternate"> in <head>, and the visible links -----------------------------


def feed_of_page(app: Sphinx, pagename: str) -> FeedSpec | None:
    """The feed a page belongs to: its tag's or author's feed, else the blog's."""
    if not writes_html_pages(app.builder):
        return None
    renderer, specs = plan_of(app, renderer_of_page(app, pagename))
    if not specs:
        return None
    pages = domain_of(app.env).cache.part(FeedsCache).of_page
    cached = pages.get(renderer.blog_path)
    if cached is None or cached[0] is not specs:
        cached = pages[renderer.blog_path] = (specs, _feeds_of_pages(renderer, specs))
    return cached[1].get(pagename)


def _feeds_of_pages(renderer: Renderer, specs: list[FeedSpec]) -> dict[str, FeedSpec]:
    """Page name -> its feed: for every generated page, every post and the blog index."""
    by_page = {spec.page: spec for spec in specs}
    blog_feed = specs[0] if specs[0].kind == "blog" else None
    out: dict[str, FeedSpec] = {}
    for page in renderer.pages:
        feed = blog_feed
        if page.kind == "tag" and page.tag is not None:
            feed = by_page.get(tag_page(renderer.blog_path, page.tag.slug), blog_feed)
        elif page.kind == "author" and page.author is not None:
            feed = by_page.get(author_page(renderer.blog_path, page.author.slug), blog_feed)
        elif page.kind == "term" and page.catalog is not None and page.term is not None:
            term = term_page(renderer.blog_path, page.catalog, page.term.slug)
            feed = by_page.get(term, blog_feed)
        if feed is not None:
            out[page.name] = feed
    if blog_feed is not None:
        # every post's page; a section's post is on a document that is no post of its own
        posts = [post_page(p) for p in renderer.blog.posts.values() if not p.section]
        for name in [*posts, index_page(renderer.blog_path)]:
            out.setdefault(name, blog_feed)
    return out


def feed_links(app: Sphinx, pagename: str) -> list[dict[str, str]]:
    """The feeds of ``pagename``: one per format, with a URL relative to that page."""
    spec = feed_of_page(app, pagename)
    if spec is None:
        return []
    renderer = renderer_of_page(app, pagename)
    page_uri = renderer.uri(pagename)
    names = {"atom": "Atom", "rss": "RSS", "json": "JSON Feed"}
    return [
        {
            "url": relative_uri(page_uri, spec.path(fmt)),
            "type": MEDIA_TYPES[fmt],
            "title": f"{spec.title} ({names[fmt]})",
            "format": names[fmt],
        }
        for fmt in formats(app, renderer.settings)
    ]


def add_head_links(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: feed autodiscovery links for every blog page and post."""
    links = feed_links(app, pagename)
    if not links:
        return
    tags = "".join(
        f'<link rel="alternate" type="{link["type"]}" title="{escape(link["title"])}" '
        f'href="{escape(link["url"])}" />\n'
        for link in links
    )
    context["metatags"] = context.get("metatags", "") + tags


def register(app: Sphinx) -> None:
    app.connect("html-page-context", add_head_links)
