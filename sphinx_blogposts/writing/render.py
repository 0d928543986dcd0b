"""Write time: turning posts into HTML for the pages that show them.

One :class:`Renderer` serves one build. It renders each post's excerpt at most once
(relative to the post's own page, then re-pointed for every other page), and renders
every front-matter value through Jinja with autoescaping on, so nothing a post says
can inject markup.
"""

from __future__ import annotations

import copy
import inspect
import pickle
import posixpath
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import babel
import babel.dates
from docutils.utils import new_document
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.locale import get_translation
from sphinx.util.osutil import relative_uri

from ..core import paths
from ..core.model import Post
from ..core.urls import Movable
from ..reading import excerpt
from ..reading.domain import domain_of
from . import assets, signatures
from . import blog as blog_mod
from .blog import Blog
from .builders import writes_html_pages
from .routes import PageSpec, author_page, plan, tag_page

_ = get_translation("sphinx_blogposts")

TEMPLATES = paths.TEMPLATES
FRAGMENT_FLAG = "blogposts_fragment"
#: Where a post page's own content starts and ends (after the header, before the footer).
BODY_START = "<!--blogposts:body-->"
BODY_END = "<!--/blogposts:body-->"
#: Sphinx's permalink after each heading: no use in a feed reader.
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
#: Most tags a card in a list shows; the rest are on the post's own page.
CARD_TAGS = 12


@dataclass
class Link:
    title: str
    url: str


class Renderer:
    def __init__(self, app: Sphinx, blog: Blog) -> None:
        self.app = app
        self.env = app.env
        self.builder: Builder = app.builder
        self.config = app.config
        self.blog = blog
        self.blog_path: str = app.config.blogposts_path
        self._excerpts: dict[str, Movable] = {}
        self._excerpt_texts: dict[str, str] = {}
        self._resolved_excerpts: dict[str, bytes] = {}
        self._cards: dict[tuple[str, str], Movable] = {}
        self._uris: dict[str, str] = {}
        self._dates: dict[tuple[date, str], str] = {}
        self._bodies: dict[str, str] = {}
        self._rendering_bodies: set[str] = set()
        self.render_count = 0
        self.body_count = 0  # whole posts rendered for feeds
        self._doc_images: dict[str, dict[str, str]] | None = None
        dirs = [str(Path(app.confdir, p)) for p in app.config.templates_path]
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
            self.pages = plan(
                blog,
                self.blog_path,
                app.config.blogposts_title,
                app.config.blogposts_posts_per_page,
                self.env.found_docs,
            )
        self.page_set = {spec.name for spec in self.pages}

    # -- pages that exist ------------------------------------------------------------------

    def has_page(self, pagename: str) -> bool:
        return pagename in self.page_set or pagename in self.env.found_docs

    def uri(self, pagename: str) -> str:
        if pagename not in self._uris:  # asked for again by every card of every page
            self._uris[pagename] = self.builder.get_target_uri(pagename)
        return self._uris[pagename]

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
                self._dates[key] = babel.dates.format_date(key[0], format=fmt, locale=self.locale)
            except (ValueError, KeyError, AttributeError):
                self._dates[key] = key[0].isoformat()
        return self._dates[key]

    def reading_minutes(self, post: Post) -> int:
        return signatures.reading_minutes(post, self.config.blogposts_words_per_minute)

    def authors_of(self, post: Post, pagename: str) -> list[dict[str, Any]]:
        out = []
        for author in self.blog.post_authors.get(post.docname, []):
            target = author_page(self.blog_path, author)
            out.append(
                {
                    "name": author.name,
                    "title": author.title,
                    "url": self.link(pagename, target) if self.has_page(target) else author.url,
                    "image_url": assets.url_for(self.app, author.image_url, pagename, None),
                }
            )
        return out

    def tags_of(self, post: Post, pagename: str, limit: int | None = None) -> list[dict[str, Any]]:
        out = []
        for tag in self.blog.tags_of(post)[:limit]:
            target = tag_page(self.blog_path, tag)
            url = self.link(pagename, target) if self.has_page(target) else None
            out.append({"label": tag.label, "url": url, "slug": tag.slug})
        return out

    # -- excerpts --------------------------------------------------------------------------

    def excerpt_html(self, post: Post, pagename: str) -> Markup:
        """The excerpt as HTML for ``pagename``: rendered once, re-pointed per page."""
        if post.docname not in self._excerpts:
            html = self._render_stored_excerpt(post.docname)
            self._excerpts[post.docname] = Movable(html, self.uri(post.docname))
        return Markup(self._excerpts[post.docname].at(self.uri(pagename)))

    def excerpt_text(self, post: Post) -> str:
        """The excerpt as plain text (a feed's summary)."""
        if post.docname not in self._excerpt_texts:
            self._load_stored_excerpt(post.docname)
        return self._excerpt_texts[post.docname]

    def keep_resolved_excerpt(self, docname: str, stored: excerpt.stored_excerpt) -> None:
        """At ``doctree-resolved`` of a post being written: its excerpt, resolved with the
        page, kept for the lists and feeds of this build that show it (rendered when one
        does, at most once), so it is never loaded nor resolved again."""
        self._excerpt_texts[docname] = stored["text"]
        if docname not in self._resolved_excerpts and docname not in self._excerpts:
            # kept pickled: a few hundred bytes, instead of a tree of nodes that every
            # garbage collection of the build would walk, thousands of them in a large blog
            self._resolved_excerpts[docname] = pickle.dumps(
                list(stored.children), protocol=pickle.HIGHEST_PROTOCOL
            )

    def _render_stored_excerpt(self, docname: str) -> str:
        """The excerpt's HTML as on the post's page. A post written in this build left it
        resolved; otherwise it is taken from the post's doctree and resolved on its own."""
        resolved = self._resolved_excerpts.pop(docname, None)
        if resolved is not None:
            return self._render_fragment(docname, pickle.loads(resolved), False)
        stored = self._load_stored_excerpt(docname)
        if stored is None:
            return ""
        return self._render_fragment(docname, list(stored.children), True)

    def _load_stored_excerpt(self, docname: str) -> excerpt.stored_excerpt | None:
        """The excerpt as the post's doctree keeps it (not resolved); its text is noted."""
        stored = excerpt.take(self.env.get_doctree(docname))
        self._excerpt_texts[docname] = stored["text"] if stored is not None else ""
        return stored

    def _render_fragment(self, docname: str, fragment: list[Any], resolve: bool) -> str:
        if not fragment:
            return ""
        self.render_count += 1
        doc = new_document(str(self.env.doc2path(docname)), self._writer_settings())
        doc[FRAGMENT_FLAG] = True
        for node in fragment:
            node.parent = None
            doc.append(node)
        with self._as_page(docname):
            if resolve:
                self.env.apply_post_transforms(doc, docname)
            return self._translate(doc)

    @contextmanager
    def _as_page(self, docname: str, **overrides: Any) -> Iterator[None]:
        """Set the builder up as ``write_doc`` does for ``docname`` (image path, section and
        figure numbers), so a fragment renders exactly as on that page; then put it back,
        since the builder is in the middle of writing other pages."""
        builder: Any = self.builder
        names = ("imgpath", "current_docname", "secnumbers", "fignumbers", *overrides)
        saved = {name: getattr(builder, name, None) for name in names}
        try:
            builder.current_docname = docname
            builder.secnumbers = self.env.toc_secnumbers.get(docname, {})
            builder.fignumbers = self.env.toc_fignumbers.get(docname, {})
            builder.imgpath = relative_uri(self.uri(docname), builder.imagedir)
            for name, value in overrides.items():
                setattr(builder, name, value)
            yield
        finally:
            for name, value in saved.items():
                setattr(builder, name, value)

    def _writer_settings(self) -> Any:
        """The settings Sphinx gives a page it writes, with the environment post-transforms need."""
        settings = copy.copy(self.builder.docsettings)  # type: ignore[attr-defined]
        settings.env = self.env
        return settings

    def _translate(self, doctree: Any) -> str:
        """A resolved doctree as HTML, its images registered so that they are copied."""
        builder: Any = self.builder
        builder.post_process_images(doctree)
        visitor = builder.create_translator(doctree, builder)
        doctree.walkabout(visitor)
        return "".join(visitor.fragment)

    # -- whole posts (feeds) ---------------------------------------------------------------

    def post_body_html(self, post: Post) -> str:
        """The whole post as HTML, written as if on its own page, without the blog's header,
        footer and the post's title (a feed entry has its own): rendered once per build, for
        every feed that lists the post. Its images are registered, so they are copied."""
        if post.docname not in self._bodies:
            written = self._written_body(post)
            if written is not None:
                self._bodies[post.docname] = written
                return written
            if post.docname in self._rendering_bodies:
                # resolving the post ran a handler that asked for this same body again
                return ""
            self._rendering_bodies.add(post.docname)
            try:
                self._bodies[post.docname] = self._render_body(post)
            finally:
                self._rendering_bodies.discard(post.docname)
        return self._bodies[post.docname]

    def _written_body(self, post: Post) -> str | None:
        """The post's body as its own page already has it, between the marks the post header
        and footer leave (see fill.py). Every post page is written before feeds are, in this
        build or, unchanged, in an earlier one; reading it back costs a file read instead of
        resolving and translating the whole post again. None when the page lacks the marks."""
        try:
            path = Path(self.builder.get_outfilename(post.docname))  # type: ignore[attr-defined]
            page = path.read_text(encoding="utf-8")
        except (AttributeError, OSError, UnicodeDecodeError):
            return None
        start = page.find(BODY_START)
        end = page.find(BODY_END, start)
        if start < 0 or end < 0:
            return None
        # the page's images must be in this build's output too, as if it were written now
        images: Any = getattr(self.builder, "images", None)
        if images is not None:
            images.update(self._images_by_doc().get(post.docname, {}))
        return _HEADERLINK.sub("", page[start + len(BODY_START) : end]).strip() + "\n"

    def _images_by_doc(self) -> dict[str, dict[str, str]]:
        """docname -> {image source: its name in ``_images``}, from Sphinx's own record."""
        if self._doc_images is None:
            self._doc_images = {}
            for source, (docnames, name) in self.env.images.items():
                for docname in docnames:
                    self._doc_images.setdefault(docname, {})[source] = name
        return self._doc_images

    def _render_body(self, post: Post) -> str:
        from docutils import nodes

        from ..reading.directives import post_footer_node, post_header_node

        docname = post.docname
        self.body_count += 1
        builder: Any = self.builder
        doctree = self.env.get_doctree(docname)
        for node in list(doctree.findall(post_header_node)) + list(
            doctree.findall(post_footer_node)
        ):
            node.parent.remove(node)
        section = next((c for c in doctree.children if isinstance(c, nodes.section)), None)
        if section is not None and section.children and isinstance(section[0], nodes.title):
            section.remove(section[0])
        # no pilcrows in feed readers
        with self._as_page(docname, add_permalinks=False):
            kwargs: dict[str, Any] = {"doctree": doctree}
            if "tags" in inspect.signature(self.env.get_and_resolve_doctree).parameters:
                kwargs["tags"] = builder.tags
            doctree = self.env.get_and_resolve_doctree(docname, builder, **kwargs)
            doctree.settings = self._writer_settings()
            return self._translate(doctree)

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
        total_tags = len(self.blog.post_tags.get(post.docname, []))
        return {
            "title": post.title,
            "url": self.link(pagename, post.docname),
            "date": self.format_date(post.date),
            "datetime": post.date.isoformat() if post.date else "",
            "authors": self.authors_of(post, pagename),
            "tags": self.tags_of(post, pagename, limit),
            "more_tags": total_tags - limit if limit is not None and total_tags > limit else 0,
            "minutes": self.reading_minutes(post),
            "show_reading_time": self.config.blogposts_show_reading_time,
            "description": post.description,
            "excerpt": self.excerpt_html(post, pagename) if with_excerpt else Markup(""),
            "draft": post.docname in self.blog.drafts,
            "image": assets.url_for(self.app, post.image, pagename, post.docname, False),
        }

    def render(self, template: str, **context: Any) -> Markup:
        """Render one of the extension's templates; the result is safe HTML."""
        return Markup(self.jinja.get_template(template).render(**context))

    def header(self, post: Post) -> Markup:
        card = self.card(post, post.docname, with_excerpt=False, all_tags=True)
        return self.render("blogposts/post_header.html", post=card)

    def footer(self, post: Post) -> Markup:
        older, newer = self.blog.neighbours.get(post.docname, (None, None))

        def neighbour(other: Post | None) -> Link | None:
            if other is None:
                return None
            return Link(other.title, self.link(post.docname, other.docname))

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
    ) -> Markup:
        expand = expand or str(_("Read more"))
        if excerpts:
            cards = [self.card_html(post, pagename, expand) for post in posts]
            return self.render("blogposts/postlist.html", cards=cards, excerpts=True)
        items = []
        for post in posts:
            card = self.card(post, pagename, with_excerpt=False)
            card["line"] = self._format_line(
                fmt or self.config.blogposts_postlist_format, post, card, date_format
            )
            items.append(card)
        return self.render(
            "blogposts/postlist.html", posts=items, excerpts=False, list_style=list_style
        )

    def card_html(self, post: Post, pagename: str, expand: str) -> Markup:
        """A post's card for ``pagename``: rendered once per build, re-pointed per page."""
        key = (post.docname, expand)
        if key not in self._cards:
            context = self.card(post, post.docname, with_excerpt=True)
            html = str(self.render("blogposts/card.html", post=context, expand=expand))
            self._cards[key] = Movable(html, self.uri(post.docname))
        return Markup(self._cards[key].at(self.uri(pagename)))

    def _format_line(
        self, fmt: str, post: Post, card: dict[str, Any], date_format: str | None
    ) -> Markup:
        """ABlog's ``:format:`` (``{date} - {title}``), each value escaped, the title linked."""
        values = {
            "title": Markup('<a href="{}">{}</a>').format(card["url"], post.title),
            "date": escape(_strftime(post.date, date_format) if date_format else card["date"]),
            "author": escape(", ".join(a["name"] for a in card["authors"])),
            "tags": escape(", ".join(t["label"] for t in card["tags"])),
            "category": escape(", ".join(post.categories)),
        }
        parts = re.split(r"(\{\w+\})", fmt)
        return Markup("").join(
            values.get(part[1:-1], escape(part)) if part.startswith("{") else escape(part)
            for part in parts
        )

    def author_cards(self, pagename: str) -> list[dict[str, Any]]:
        cards = []
        for key, posts in sorted(self.blog.author_posts.items()):
            author = self.blog.authors[key]
            cards.append(
                {
                    "name": author.name,
                    "title": author.title,
                    "image_url": assets.url_for(self.app, author.image_url, pagename, None),
                    "count": len(posts),
                    "url": self.link(pagename, author_page(self.blog_path, author)),
                }
            )
        return sorted(cards, key=lambda c: c["name"].casefold())

    def tag_cloud(self, pagename: str) -> list[dict[str, Any]]:
        return [
            {
                "label": tag.label,
                "count": len(tag.posts),
                "url": self.link(pagename, tag_page(self.blog_path, tag)),
            }
            for tag in sorted(self.blog.tags.values(), key=lambda t: t.label.casefold())
            if tag.posts
        ]


def _strftime(value: datetime | None, pattern: str) -> str:
    return value.strftime(pattern) if value else ""


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
    domain = domain_of(app.env)
    renderer = domain.runtime.get("renderer")
    if renderer is None or renderer.builder is not app.builder:
        blog = domain.runtime.get("blog") or blog_mod.build(
            domain.posts, app.config, domain.authors_map, domain.runtime.get("tags_file")
        )
        renderer = Renderer(app, blog)
        domain.runtime["renderer"] = renderer
    return renderer
