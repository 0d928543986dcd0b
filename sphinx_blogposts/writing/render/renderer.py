"""Write time: what the blog's pages show of each post, through the extension's templates.

One :class:`Renderer` serves one blog for one build. It renders every front-matter
value through Jinja with autoescaping on, so nothing a post says can inject markup. What
a post's own doctree gives (its excerpt, its whole body) is rendered by its
:attr:`Renderer.fragments`, a :class:`~.fragments.FragmentRenderer`, once each per build:
the renderer decides what a page shows, the fragment renderer how a piece of a post's
page looks elsewhere.
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Set
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import babel
import babel.dates
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup
from sphinx.application import Sphinx
from sphinx.locale import get_translation
from sphinx.util.osutil import relative_uri

from ...core import paths
from ...core.model import Post
from ...core.routes import author_page, post_page, tag_page, term_page
from ...core.urls import Movable
from ...reading.domain import domain_of
from ..builders import writes_html_pages
from ..images import cover_image, image_url, list_image
from ..rebuilds import signatures
from ..routes import PageSpec, plan_pages
from ..view.blog import Blog, all_blogs
from . import lines
from . import updated as updates
from .fragments import FragmentRenderer

#: A card's variant: the post's key, its "Read more" text, pinned, with its excerpt.
CardKey = tuple[str, str | None, bool, bool]


@dataclass
class Renderers:
    """The build's part of the cache for renderers: the default blog's, made by
    :func:`renderer_for`, and every blog's with the blog each generated page is in
    (``view.registry``); emptied with the blog view at ``env-updated``."""

    #: The default blog's renderer ...
    renderer: Renderer | None = None
    #: ... and every blog's, by path ...
    renderers: dict[str, Renderer] | None = None
    #: ... with the blog each generated page belongs to: page name -> blog path.
    page_blogs: dict[str, str] = field(default_factory=dict)


_ = get_translation("sphinx_blogposts")

TEMPLATES = paths.TEMPLATES
#: Most tags a card in a list shows; the rest are on the post's own page.
CARD_TAGS = 12


@dataclass
class Link:
    title: str
    url: str


class Renderer:
    """What the blog's pages show of posts: cards, headers, footers, postlists, clouds."""

    def __init__(self, app: Sphinx, blog: Blog, settings: Any = None) -> None:
        self.app = app
        self.env = app.env
        self.builder = app.builder
        self.config = app.config
        #: Excerpts and whole posts, rendered as on the post's own page.
        self.fragments = FragmentRenderer(app)
        self.blog = blog
        #: The configuration as this blog sees it (core.blogs.BlogConfig for another blog).
        self.settings: Any = settings if settings is not None else app.config
        self.blog_path: str = self.settings.blogposts_path
        self._cards: dict[CardKey, Movable] = {}
        self._dates: dict[tuple[date, str], str] = {}
        # the project's templates, then the theme's, then ours: a theme's own
        # blogposts/*.html overrides ours as a project's does
        dirs = [str(Path(app.confdir, p)) for p in app.config.templates_path]
        theme = getattr(app.builder, "theme", None)
        if theme is not None and hasattr(theme, "get_theme_dirs"):
            dirs += [str(d) for d in theme.get_theme_dirs()]
        # The templates are the project's and ours, both trusted: no sandbox (it costs a
        # check on every attribute access); autoescaping is what protects the output.
        # A renderer lives for one build, so templates are not checked for changes on
        # every use (auto_reload), and each message is translated once.
        self.jinja = Environment(
            loader=FileSystemLoader([*dirs, str(TEMPLATES)]),
            autoescape=True,
            auto_reload=False,
            extensions=["jinja2.ext.i18n"],
        )
        messages: dict[str, str] = {}

        def gettext(message: str) -> str:
            if message not in messages:
                messages[message] = str(_(message))
            return messages[message]

        self.jinja.install_gettext_callables(  # type: ignore[attr-defined]
            gettext=gettext,
            ngettext=lambda s, p, n: gettext(s) if n == 1 else gettext(p),
            newstyle=True,
        )
        self.locale = _locale(app.config.language)
        #: ``rtl`` for Arabic, Hebrew, ...: the blog's blocks carry it as their ``dir``.
        self.direction = text_direction(self.locale)
        self.jinja.globals["text_direction"] = self.direction
        self.pages: list[PageSpec] = []
        if writes_html_pages(app.builder):
            self.pages = plan_pages(
                blog,
                self.blog_path,
                self.settings.blogposts_title,
                self.settings.blogposts_posts_per_page,
                self.env.found_docs,
            )
        self.page_set = {spec.name for spec in self.pages}

    # -- pages that exist ------------------------------------------------------------------

    def uri(self, pagename: str) -> str:
        """The page's path in the output, as the builder names it (memoized)."""
        return self.fragments.uri(pagename)

    def has_page(self, pagename: str) -> bool:
        return pagename in self.page_set or pagename in self.env.found_docs

    def link(self, from_page: str, to_page: str) -> str:
        # what builder.get_relative_uri gives (no HTML builder here overrides it), memoized
        to_uri = self.uri(to_page)
        return relative_uri(self.uri(from_page), to_uri) or posixpath.basename(to_uri) or "./"

    # -- values ----------------------------------------------------------------------------

    def format_date(self, value: datetime | None, pattern: str | None = None) -> str:
        if value is None:
            return ""
        fmt = pattern or self.config.blogposts_date_format
        key = (value.date(), fmt)
        if key not in self._dates:  # a post's date is on its page, its cards, the archive
            try:
                if "%" in fmt:  # strftime, as ABlog's post_date_format
                    self._dates[key] = key[0].strftime(fmt)
                else:
                    self._dates[key] = babel.dates.format_date(
                        key[0], format=fmt, locale=self.locale
                    )
            except (ValueError, KeyError, AttributeError):
                self._dates[key] = key[0].isoformat()
        return self._dates[key]

    def reading_minutes(self, post: Post) -> int:
        return signatures.reading_minutes(post, self.config.blogposts_words_per_minute)

    def authors_of(self, post: Post, pagename: str) -> list[dict[str, Any]]:
        out = []
        for author in self.blog.post_authors.get(post.key, []):
            target = author_page(self.blog_path, author.slug)
            out.append(
                {
                    "name": author.name,
                    "title": author.title,
                    "url": self.link(pagename, target) if self.has_page(target) else author.url,
                    "image_url": image_url(
                        self.app, author.image_url, None, pagename, as_written=True
                    ),
                }
            )
        return out

    def tags_of(self, post: Post, pagename: str, limit: int | None = None) -> list[dict[str, Any]]:
        out = []
        for tag in self.blog.tags_of(post)[:limit]:
            target = tag_page(self.blog_path, tag.slug)
            url = self.link(pagename, target) if self.has_page(target) else None
            out.append({"label": tag.label, "url": url, "slug": tag.slug})
        return out

    # -- views for templates ---------------------------------------------------------------

    def card(
        self, post: Post, pagename: str, with_excerpt: bool = True, all_tags: bool = False
    ) -> dict[str, Any]:
        """What a template shows of a post; lists show at most :data:`CARD_TAGS` tags.

        The limit keeps list pages linear in size: every tag page lists its posts, so a
        post with thousands of tags would otherwise repeat all of them on each of its
        thousands of tag pages. The post's own header shows every tag.
        """
        limit = None if all_tags else CARD_TAGS
        total_tags = len(self.blog.post_tags.get(post.key, []))
        return {
            "title": post.title,
            # ABlog's :external_link: posts are read elsewhere: lists send readers there
            "url": post.external_link or self.link(pagename, post_page(post)) + post.anchor,
            "date": self.format_date(post.date),
            "datetime": post.date.isoformat() if post.date else "",
            "authors": self.authors_of(post, pagename),
            "tags": self.tags_of(post, pagename, limit),
            "categories": self.terms_of("category", post, pagename),
            "locations": self.terms_of("location", post, pagename),
            "languages": self.terms_of("language", post, pagename),
            "more_tags": total_tags - limit if limit is not None and total_tags > limit else 0,
            "minutes": self.reading_minutes(post),
            "show_reading_time": self.config.blogposts_show_reading_time,
            "description": post.description,
            "excerpt": self.fragments.excerpt_html(post, pagename) if with_excerpt else Markup(""),
            "draft": post.key in self.blog.drafts,
            "image": list_image(self.app, post, pagename),
        }

    def render(self, template: str, **context: Any) -> Markup:
        """Render one of the extension's templates; the result is safe HTML."""
        return Markup(self.jinja.get_template(template).render(**context))

    def header(self, post: Post) -> Markup:
        card = self.card(post, post_page(post), with_excerpt=False, all_tags=True)
        card.update(updates.header_context(self, post))  # "Updated <date>"
        card["cover"] = cover_image(self.app, post, self.settings)
        return self.render("blogposts/post_header.html", post=card)

    def footer(self, post: Post) -> Markup:
        older, newer = self.blog.neighbours.get(post.key, (None, None))
        if not self.config.blogposts_show_prev_next:
            older = newer = None

        def neighbour(other: Post | None) -> Link | None:
            if other is None:
                return None
            return Link(other.title, self.link(post_page(post), post_page(other)) + other.anchor)

        return self.render(
            "blogposts/post_footer.html", older=neighbour(older), newer=neighbour(newer)
        )

    def postlist(
        self,
        posts: Iterable[Post],
        pagename: str,
        excerpts: bool,
        fmt: str | None = None,
        date_format: str | None = None,
        list_style: str | None = None,
        expand: str | None = None,
        pinned: Set[str] = frozenset(),
        layout: str | None = None,
    ) -> Markup:
        """Cards, or with ``:format:``/``:date:`` ABlog's lines; a grid is always of cards
        (image, title, date, and the excerpt with ``excerpts``)."""
        grid = layout == "grid"
        if grid or (excerpts and not (fmt or date_format)):
            more = (expand or str(_("Read more"))) if excerpts else None
            cards = [
                self.card_html(post, pagename, more, post.key in pinned, excerpts) for post in posts
            ]
            return self.render("blogposts/postlist.html", cards=cards, excerpts=True, grid=grid)
        # ABlog's list: one formatted line per post, then (with :excerpts:) its excerpt
        # and, only when :expand: gives its text, a link to read on
        items = []
        for post in posts:
            card = self.card(post, pagename, with_excerpt=excerpts)
            date = (
                lines.strftime(post.date, date_format)
                if date_format
                else self.format_date(post.date, self.config.blogposts_date_format_short)
            )
            card["line"] = lines.format_line(
                fmt or self.config.blogposts_postlist_format, post, card, date
            )
            items.append(card)
        return self.render(
            "blogposts/postlist.html",
            posts=items,
            excerpts=False,
            list_style=list_style,
            expand=expand if excerpts else None,
        )

    def card_html(
        self,
        post: Post,
        pagename: str,
        expand: str | None,
        pinned: bool = False,
        with_excerpt: bool = True,
    ) -> Markup:
        """A post's card for ``pagename``: rendered once per build, re-pointed per page."""
        card = self.movable_card(post, expand, pinned, with_excerpt)
        return Markup(card.at(self.uri(pagename)))

    def movable_card(
        self, post: Post, expand: str | None, pinned: bool = False, with_excerpt: bool = True
    ) -> Movable:
        """A post's card as its own page would link it; rendered once per build and process.

        Without its excerpt (an archive's grid, a grid ``postlist`` without ``:excerpts:``)
        it shows no description either, and ``expand`` None leaves out "Read more"."""
        key = (post.key, expand, pinned, with_excerpt)
        if key not in self._cards:
            context = self.card(post, post_page(post), with_excerpt=with_excerpt)
            if not with_excerpt:
                context["description"] = None
            context["pinned"] = pinned  # marked on page 1 of the blog's index only
            html = str(self.render("blogposts/card.html", post=context, expand=expand))
            self._cards[key] = Movable(html, self.uri(post_page(post)))
        return self._cards[key]

    def cards(self) -> dict[CardKey, Movable]:
        """The cards this process rendered (sent back by a worker, see ``keep_cards``)."""
        return self._cards

    def keep_cards(self, cards: dict[CardKey, Movable]) -> None:
        """Cards another process rendered for this blog (``outputs/pages.py`` under ``-j``)."""
        self._cards.update(cards)

    def author_cards(self, pagename: str) -> list[dict[str, Any]]:
        cards = []
        for key, posts in sorted(self.blog.author_posts.items()):
            author = self.blog.authors[key]
            cards.append(
                {
                    "name": author.name,
                    "title": author.title,
                    "image_url": image_url(
                        self.app, author.image_url, None, pagename, as_written=True
                    ),
                    "count": len(posts),
                    "url": self.link(pagename, author_page(self.blog_path, author.slug)),
                }
            )
        return sorted(cards, key=lambda c: c["name"].casefold())

    def terms_of(self, catalog: str, post: Post, pagename: str) -> list[dict[str, Any]]:
        """A post's categories, locations or languages, each linked to its page."""
        out = []
        for term in self.blog.terms_of(catalog, post):
            target = term_page(self.blog_path, catalog, term.slug)
            url = self.link(pagename, target) if self.has_page(target) else term.url
            out.append({"label": term.label, "url": url, "slug": term.slug})
        return out

    def term_cloud(self, catalog: str, pagename: str) -> list[dict[str, Any]]:
        terms = self.blog.catalogs.get(catalog, {}).values()
        return [
            {
                "label": term.label,
                "count": len(term.posts),
                "url": self.link(pagename, term_page(self.blog_path, catalog, term.slug)),
            }
            for term in sorted(terms, key=lambda t: t.label.casefold())
            if term.posts
        ]

    def tag_cloud(self, pagename: str) -> list[dict[str, Any]]:
        return [
            {
                "label": tag.label,
                "count": len(tag.posts),
                "url": self.link(pagename, tag_page(self.blog_path, tag.slug)),
            }
            for tag in sorted(self.blog.tags.values(), key=lambda t: t.label.casefold())
            if tag.posts
        ]


def _locale(language: str | None) -> babel.Locale:
    try:
        return babel.Locale.parse(language or "en")
    except (ValueError, babel.UnknownLocaleError):
        return babel.Locale.parse("en")


def text_direction(locale: babel.Locale) -> str:
    """``rtl`` or ``ltr``, from the locale's script, since themes rarely set ``dir`` themselves."""
    return "rtl" if locale.character_order == "right-to-left" else "ltr"


def renderer_for(app: Sphinx) -> Renderer:
    """The build's renderer, made on first use and dropped when the environment changes."""
    view = domain_of(app.env).cache.part(Renderers)
    renderer = view.renderer
    if renderer is None or renderer.builder is not app.builder:
        renderer = view.renderer = Renderer(app, all_blogs(app)[app.config.blogposts_path])
    return renderer
