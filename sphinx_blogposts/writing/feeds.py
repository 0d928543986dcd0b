"""Feeds: Atom, RSS 2.0 and JSON Feed for the blog, each tag and each author.

Feed readers, newsletters and chat bots read these files without a browser, so
everything in them must stand on its own: links and images are absolute (built from
``html_baseurl``), ids never change between builds, and two builds of the same
sources give the same bytes (no build time anywhere; ``updated`` is the newest
entry's). The files are written by the main process at the end of the write phase,
when every post is known, for the HTML builders that write one page per document.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from markupsafe import escape
from sphinx.application import Sphinx
from sphinx.util.osutil import relative_uri

from ..core.config import FEED_FORMATS
from ..core.diagnostics import Warn, warn
from ..core.model import Author, Post
from ..core.urls import absolutize, relocate
from ..core.version import __version__
from ..reading.domain import domain_of
from . import assets, signatures
from .blog import Blog
from .builders import writes_html_pages
from .render import Renderer, _, renderer_for
from .routes import author_page, index_page, tag_page

MEDIA_TYPES = {
    "atom": "application/atom+xml",
    "rss": "application/rss+xml",
    "json": "application/feed+json",
}
LEDGER = "blogposts-feeds.json"
GENERATOR = "sphinx-blogposts"
#: Most categories (tags) an entry carries; the post's page lists every tag.
FEED_CATEGORIES = 100
GENERATOR_URI = "https://pypi.org/project/sphinx-blogposts/"
#: Characters XML 1.0 cannot carry, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


@dataclass
class FeedSpec:
    """One feed (in every configured format): which posts, under which folder."""

    kind: str  # blog | tag | author
    folder: str
    title: str
    subtitle: str
    page: str
    posts: list[Post] = field(default_factory=list)
    author: Author | None = None

    def path(self, fmt: str) -> str:
        return f"{self.folder}/{FEED_FORMATS[fmt]}"


def formats(app: Sphinx) -> list[str]:
    """The configured formats, each once, in a fixed order."""
    wanted = set(app.config.blogposts_feed_formats)
    return [fmt for fmt in FEED_FORMATS if fmt in wanted]


def plan(blog: Blog, app: Sphinx) -> list[FeedSpec]:
    """The feeds this build writes; a feed with no entry is not written."""
    config = app.config
    path = config.blogposts_path
    length = config.blogposts_feed_length

    def entries(posts: Iterable[Post]) -> list[Post]:
        listed = [p for p in posts if p.docname not in blog.drafts and not p.unlisted]
        return listed[:length] if length else listed

    site_title = config.blogposts_title
    specs = [
        FeedSpec(
            kind="blog",
            folder=path,
            title=site_title,
            subtitle=config.blogposts_description or site_title,
            page=index_page(path),
            posts=entries(blog.listed),
        )
    ]
    if config.blogposts_feed_archives:
        for tag in sorted(blog.tags.values(), key=lambda t: t.slug):
            label = _("Posts tagged “%s”") % tag.label
            specs.append(
                FeedSpec(
                    kind="tag",
                    folder=f"{path}/tags/{tag.slug}",
                    title=f"{site_title}: {label}",
                    subtitle=label,
                    page=tag_page(path, tag),
                    posts=entries(tag.posts),
                )
            )
        for key, posts in sorted(blog.author_posts.items()):
            author = blog.authors[key]
            label = _("Posts by %s") % author.name
            specs.append(
                FeedSpec(
                    kind="author",
                    folder=f"{path}/authors/{author.slug}",
                    title=f"{site_title}: {label}",
                    subtitle=label,
                    page=author_page(path, author),
                    posts=entries(posts),
                    author=author,
                )
            )
    return [spec for spec in specs if spec.posts]


def _plan_of(app: Sphinx) -> tuple[Renderer, list[FeedSpec]]:
    """This build's renderer and feed plan, computed once per process."""
    renderer = renderer_for(app)
    runtime = domain_of(app.env).runtime
    cached = runtime.get("feed_plan")
    if cached is None or cached[0] is not renderer:
        cached = (renderer, plan(renderer.blog, app) if formats(app) else [])
        runtime["feed_plan"] = cached
    return cached


# -- write: the feed files ---------------------------------------------------------------------


@dataclass
class Entry:
    """What every feed says of one post, computed once per build (so warnings come once)."""

    post: Post
    uri: str
    title: str
    summary: str
    #: HTML written for the post's own page (relative URLs resolve from there).
    content: str | None
    published: datetime
    updated: datetime
    authors: list[dict[str, str]]
    tags: list[str]
    image: str | None


class FeedWriter:
    """Builds and writes every feed of one build."""

    def __init__(self, app: Sphinx, renderer: Renderer) -> None:
        self.app = app
        self.config = app.config
        self.renderer = renderer
        self.blog = renderer.blog
        self.base: str = (self.config.html_baseurl or "").strip()
        if self.base:
            self.base = self.base.rstrip("/") + "/"
        self.formats = formats(app)
        # Sphinx writes "pt_BR"; feeds take language tags, "pt-BR"
        self.language: str | None = (self.config.language or "").replace("_", "-") or None
        self._entries: dict[str, Entry] = {}
        self._absolute_content: dict[str, str] = {}

    # -- URLs --------------------------------------------------------------------------------

    def url(self, target: str, feed_file: str) -> str:
        """``target`` (a path from the output root) as the feed at ``feed_file`` links to it."""
        if self.base:
            return self.base + target
        return relative_uri(feed_file, target) or target.rsplit("/", 1)[-1] or "./"

    def page_url(self, pagename: str, feed_file: str) -> str:
        return self.url(self.renderer.uri(pagename), feed_file)

    def ident(self, what: str, target: str) -> str:
        """A stable id: the absolute URL when there is one, else a name-based UUID URN."""
        if self.base:
            return self.base + target
        name = f"sphinx-blogposts:{self.config.project}:{what}:{target}"
        return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"

    def content_for(self, entry: Entry, feed_file: str) -> str | None:
        if entry.content is None:
            return None
        if self.base:
            docname = entry.post.docname
            if docname not in self._absolute_content:
                self._absolute_content[docname] = absolutize(entry.content, entry.uri, self.base)
            return self._absolute_content[docname]
        return relocate(entry.content, entry.uri, feed_file)

    def asset(self, value: str | None, feed_file: str) -> str | None:
        """``html_logo``/``html_favicon``: a URL as is, a file as Sphinx copies it to _static."""
        if not value:
            return None
        value = str(value)
        if _SCHEME.match(value):
            return value
        return self.url("_static/" + Path(value).name, feed_file)

    def image_target(self, value: str | None, docname: str | None) -> str | None:
        """A post's image or an author's avatar: a full URL as is, a local file as the path
        its copy has in the output folder (see :mod:`assets`), else None."""
        if not value:
            return None
        if _SCHEME.match(value):
            return value
        source = assets.source_of(self.app, value, docname)
        return assets.output_name(self.app, source) if source is not None else None

    def target_url(self, target: str, feed_file: str) -> str:
        """A full URL as is; a path from the output root as the feed links to it."""
        return target if _SCHEME.match(target) else self.url(target, feed_file)

    # -- entries -----------------------------------------------------------------------------

    def entry(self, post: Post) -> Entry:
        if post.docname not in self._entries:
            self._entries[post.docname] = self._entry(post)
        return self._entries[post.docname]

    def _entry(self, post: Post) -> Entry:
        assert post.date is not None
        renderer = self.renderer
        mode = self.config.blogposts_feed_content
        dropped: list[bool] = []

        def clean(text: str) -> str:
            cleaned = _NOT_XML.sub("", text)
            if cleaned != text:
                dropped.append(True)
            return cleaned

        content: str | None = None
        if mode == "full":
            content = renderer.post_body_html(post)
        elif mode == "excerpt":
            content = str(renderer.excerpt_html(post, post.docname))
        authors = []
        for author in self.blog.post_authors.get(post.docname, []):
            details = {"name": clean(author.name)}
            if author.url and _SCHEME.match(author.url):
                details["uri"] = clean(author.url)
            elif renderer.has_page(author_page(renderer.blog_path, author)):
                details["page"] = author_page(renderer.blog_path, author)
            if author.email and "@" in author.email:
                details["email"] = clean(author.email)
            avatar = self.image_target(author.image_url, None)
            if avatar:
                details["avatar"] = clean(avatar)
            authors.append(details)
        image = self.image_target(post.image, post.docname)
        entry = Entry(
            post=post,
            uri=renderer.uri(post.docname),
            title=clean(post.title).strip() or post.docname,
            summary=clean(post.description or renderer.excerpt_text(post)),
            content=clean(content) if content else None,
            published=post.date,
            updated=post.updated or post.date,
            authors=authors,
            # capped: each tag has its own feed, so a post with thousands of tags would
            # otherwise repeat all of them in each of those thousands of feeds
            tags=[clean(tag.label) for tag in self.blog.tags_of(post)[:FEED_CATEGORIES]],
            image=clean(image) if image else None,
        )
        if dropped:
            warn(
                "the post contains characters that XML cannot carry (control characters); "
                "they are left out of its feed entries",
                Warn.FEED,
                (post.docname, _line_of_control_char(self.app, post)),
            )
        return entry

    def entry_authors(self, entry: Entry, feed_file: str) -> list[dict[str, str]]:
        out = []
        for details in entry.authors:
            item = {k: v for k, v in details.items() if k in ("name", "uri", "email")}
            if "page" in details:
                item["uri"] = self.page_url(details["page"], feed_file)
            out.append(item)
        return out

    def feed_author(self, spec: FeedSpec) -> dict[str, str]:
        """The fallback author (RFC 4287: every entry needs one): the feed's author, else the
        project's ``author``, else the project."""
        if spec.author is not None:
            return {"name": _NOT_XML.sub("", spec.author.name)}
        name = self.config.author
        if not name or name == "Author name not set":
            name = self.config.project or self.config.blogposts_title
        return {"name": _NOT_XML.sub("", str(name))}

    # -- one feed ----------------------------------------------------------------------------

    def atom_or_rss(self, spec: FeedSpec, fmt: str) -> bytes:
        feed_file = spec.path(fmt)
        entries = [self.entry(p) for p in spec.posts]
        from feedgen.feed import FeedGenerator  # lxml and all: only when a feed is written

        fg = FeedGenerator()
        fg.load_extension("dc", atom=False, rss=True)
        fg.id(self.ident("feed", spec.path("atom")))
        fg.title(_NOT_XML.sub("", spec.title))
        fg.subtitle(_NOT_XML.sub("", spec.subtitle))
        alternate = self.page_url(spec.page, feed_file)
        # feedgen takes the last link as RSS's <link>: the page, not the feed itself
        fg.link(href=self.url(feed_file, feed_file), rel="self", type=MEDIA_TYPES[fmt])
        fg.link(href=alternate, rel="alternate", type="text/html")
        updated = max(e.updated for e in entries)
        fg.updated(updated)  # also RSS's lastBuildDate: never the build's time
        fg.generator(GENERATOR, version=__version__, uri=GENERATOR_URI)
        if self.language:
            fg.language(self.language)
        if any(not e.authors for e in entries) or spec.author is not None:
            fg.author(self.feed_author(spec))
        icon = self.asset(self.config.html_favicon, feed_file)
        logo = self.asset(self.config.html_logo, feed_file)
        if fmt == "atom":
            if icon:
                fg.icon(icon)
            if logo:
                fg.logo(logo)
        elif logo:
            fg.image(url=logo, title=_NOT_XML.sub("", spec.title), link=alternate)
        rights = self.config.copyright
        if isinstance(rights, (list, tuple)):  # Sphinx also takes a list of lines
            rights = ", ".join(str(line) for line in rights)
        if rights:
            fg.rights(_NOT_XML.sub("", str(rights)))
        for entry in entries:
            fe = fg.add_entry(order="append")
            link = self.page_url(entry.post.docname, feed_file)
            fe.id(self.ident("post", entry.uri))
            fe.guid(fe.id(), permalink=bool(self.base))
            fe.title(entry.title)
            fe.link(href=link, rel="alternate", type="text/html")
            fe.published(entry.published)
            fe.updated(entry.updated)
            authors = self.entry_authors(entry, feed_file)
            if authors:
                fe.author(authors)
                for author in authors:
                    if "email" not in author:
                        fe.dc.dc_creator(author["name"])
            if entry.tags:
                fe.category([{"term": label, "label": label} for label in entry.tags])
            if entry.summary:
                fe.summary(entry.summary)
            content = self.content_for(entry, feed_file)
            if content:
                fe.content(content, type="html")
        if fmt == "atom":
            return fg.atom_str(pretty=True)
        return fg.rss_str(pretty=True)

    def json_feed(self, spec: FeedSpec) -> bytes:
        feed_file = spec.path("json")
        feed: dict[str, Any] = {
            "version": "https://jsonfeed.org/version/1.1",
            "title": _NOT_XML.sub("", spec.title),
            "home_page_url": self.page_url(spec.page, feed_file),
            "feed_url": self.url(feed_file, feed_file),
            "description": _NOT_XML.sub("", spec.subtitle),
        }
        icon = self.asset(self.config.html_logo, feed_file)
        favicon = self.asset(self.config.html_favicon, feed_file)
        if icon:
            feed["icon"] = icon
        if favicon:
            feed["favicon"] = favicon
        feed["authors"] = [self.feed_author(spec)]
        if self.language:
            feed["language"] = self.language
        items = []
        for post in spec.posts:
            entry = self.entry(post)
            item: dict[str, Any] = {
                "id": self.ident("post", entry.uri),
                "url": self.page_url(post.docname, feed_file),
                "title": entry.title,
            }
            content = self.content_for(entry, feed_file)
            if content:
                item["content_html"] = content
            else:
                item["content_text"] = entry.summary
            if entry.summary:
                item["summary"] = entry.summary
            if entry.image:
                item["image"] = self.target_url(entry.image, feed_file)
            item["date_published"] = entry.published.isoformat()
            item["date_modified"] = entry.updated.isoformat()
            authors = []
            resolved = self.entry_authors(entry, feed_file)
            for details, original in zip(resolved, entry.authors, strict=True):
                author = {"name": details["name"]}
                if "uri" in details:
                    author["url"] = details["uri"]
                if "avatar" in original:
                    author["avatar"] = self.target_url(original["avatar"], feed_file)
                authors.append(author)
            if authors:
                item["authors"] = authors
            if entry.tags:
                item["tags"] = entry.tags
            items.append(item)
        feed["items"] = items
        return (json.dumps(feed, ensure_ascii=False, indent=2) + "\n").encode("utf-8")

    def render(self, spec: FeedSpec, fmt: str) -> bytes:
        return self.json_feed(spec) if fmt == "json" else self.atom_or_rss(spec, fmt)


def write_feeds(app: Sphinx) -> list[tuple[str, dict[str, Any], str]]:
    """``html-collect-pages``: write the feed files whose inputs changed, delete obsolete ones.

    A ledger in the doctree folder (per builder and output folder) holds a signature of
    each feed's inputs; a feed whose signature is unchanged and whose file exists is
    neither rendered nor written, so a rebuild that changes no post renders nothing.
    """
    if not writes_html_pages(app.builder):
        return []
    outdir = Path(app.outdir).resolve()
    renderer, specs = _plan_of(app)
    fmts = formats(app)
    ledger = Path(app.doctreedir, LEDGER)
    key = f"{app.builder.name}:{outdir}"
    book = signatures.load_ledger(ledger)
    previous: dict[str, str] = book.get(key, {})
    digests: dict[str, str] = {}
    current = {
        spec.path(fmt): signature
        for spec in specs
        for fmt, signature in _signatures(app, renderer, spec, fmts, digests)
    }
    for name in sorted(set(previous) - set(current)):
        _remove(outdir, name)
    domain_of(app.env).runtime["feed_ledger"] = (ledger, key, current)
    if not specs:
        return []
    writer = FeedWriter(app, renderer)
    if not writer.base:
        warn(
            "html_baseurl is not set: the feeds are written with relative links, which many "
            "feed readers cannot follow; set html_baseurl to the site's address",
            Warn.FEED,
        )
    for spec in specs:
        for fmt in fmts:
            name = spec.path(fmt)
            target = (outdir / name).resolve()
            if not target.is_relative_to(outdir):
                continue
            if previous.get(name) == current[name] and target.is_file():
                continue
            data = writer.render(spec, fmt)
            if target.is_file() and target.read_bytes() == data:
                continue  # unchanged: keep its date, so mirrors and caches see no change
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    return []


def save_ledger(app: Sphinx, exception: Exception | None) -> None:
    """At ``build-finished``: remember the feeds' signatures, only if the build succeeded."""
    pending = domain_of(app.env).runtime.pop("feed_ledger", None)
    if pending is None or exception is not None:
        return
    ledger, key, current = pending
    signatures.save_ledger(ledger, key, current)


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
    builder: Any = app.builder
    build_info = getattr(builder, "build_info", None)
    blog = renderer.blog
    wpm = app.config.blogposts_words_per_minute
    posts = []
    for post in spec.posts:
        if post.docname not in cache:
            cache[post.docname] = signatures.digest(
                [
                    signatures.card(blog, post, wpm),
                    app.env.all_docs.get(post.docname),
                    post.updated,
                    post.image,
                    [a.email for a in blog.post_authors.get(post.docname, [])],
                ]
            )
        posts.append(cache[post.docname])
    common = [
        __version__,
        builder.name,
        getattr(build_info, "config_hash", None),
        spec.kind,
        spec.title,
        spec.subtitle,
        spec.page,
        renderer.uri(spec.page),
        posts,
        signatures.outside_inputs(app),  # e.g. how the links in the entries resolve
    ]
    return [(fmt, signatures.digest([*common, fmt])) for fmt in fmts]


def _remove(outdir: Path, name: str) -> None:
    path = (outdir / name).resolve()
    if path.is_relative_to(outdir) and path.is_file():
        path.unlink()
        if path.parent != outdir and not any(path.parent.iterdir()):
            path.parent.rmdir()  # a tag's or author's folder held only its feeds


# -- pages: <link rel="alternate"> in <head>, and the visible links -----------------------------


def feed_of_page(app: Sphinx, pagename: str) -> FeedSpec | None:
    """The feed a page belongs to: its tag's or author's feed, else the blog's."""
    if not writes_html_pages(app.builder):
        return None
    renderer, specs = _plan_of(app)
    if not specs:
        return None
    runtime = domain_of(app.env).runtime
    cached = runtime.get("feed_of_page")
    if cached is None or cached[0] is not specs:
        cached = (specs, _feeds_of_pages(renderer, specs))
        runtime["feed_of_page"] = cached
    return cached[1].get(pagename)


def _feeds_of_pages(renderer: Renderer, specs: list[FeedSpec]) -> dict[str, FeedSpec]:
    """Page name -> its feed: for every generated page, every post and the blog index."""
    by_page = {spec.page: spec for spec in specs}
    blog_feed = specs[0] if specs[0].kind == "blog" else None
    out: dict[str, FeedSpec] = {}
    for page in renderer.pages:
        feed = blog_feed
        if page.kind == "tag" and page.tag is not None:
            feed = by_page.get(tag_page(renderer.blog_path, page.tag), blog_feed)
        elif page.kind == "author" and page.author is not None:
            feed = by_page.get(author_page(renderer.blog_path, page.author), blog_feed)
        if feed is not None:
            out[page.name] = feed
    if blog_feed is not None:
        for name in [*renderer.blog.posts, index_page(renderer.blog_path)]:
            out.setdefault(name, blog_feed)
    return out


def feed_links(app: Sphinx, pagename: str) -> list[dict[str, str]]:
    """The feeds of ``pagename``: one per format, with a URL relative to that page."""
    spec = feed_of_page(app, pagename)
    if spec is None:
        return []
    renderer = renderer_for(app)
    page_uri = renderer.uri(pagename)
    names = {"atom": "Atom", "rss": "RSS", "json": "JSON Feed"}
    return [
        {
            "url": relative_uri(page_uri, spec.path(fmt)),
            "type": MEDIA_TYPES[fmt],
            "title": f"{spec.title} ({names[fmt]})",
            "format": names[fmt],
        }
        for fmt in formats(app)
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


# -- helpers -----------------------------------------------------------------------------------


def _line_of_control_char(app: Sphinx, post: Post) -> int | None:
    """The first source line holding a character XML cannot carry (the post's line if none)."""
    try:
        text = Path(app.env.doc2path(post.docname)).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return post.line
    # split on newlines only: str.splitlines() also splits on some of the very characters sought
    for number, line in enumerate(text.split("\n"), start=1):
        if _NOT_XML.search(line):
            return number
    return post.line


def register(app: Sphinx) -> None:
    app.connect("html-collect-pages", write_feeds)
    app.connect("build-finished", save_ledger)
    app.connect("html-page-context", add_head_links)
