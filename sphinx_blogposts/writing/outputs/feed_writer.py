"""One feed's bytes: Atom and RSS 2.0 through feedgen, JSON Feed 1.1 by hand.

Feed readers, newsletters and chat bots read these files without a browser, so
everything in them must stand on its own: links and images are absolute (built from
``html_baseurl``), ids never change between builds, and two builds of the same
sources give the same bytes (no build time anywhere; ``updated`` is the newest
entry's).
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.util.osutil import relative_uri

from ...core.diagnostics import Warn, warn
from ...core.model import Post
from ...core.routes import author_page, post_page
from ...core.urls import absolutize, relocate
from ...core.version import __version__
from ...reading import updated as updated_mod
from ..addresses import feed_identity, published_url
from ..images import locate, url_of
from ..render.renderer import Renderer
from .feed_plan import MEDIA_TYPES, FeedSpec, formats

GENERATOR = "sphinx-blogposts"
#: Most categories (tags) an entry carries; the post's page lists every tag.
FEED_CATEGORIES = 100
GENERATOR_URI = "https://pypi.org/project/sphinx-blogposts/"
#: Characters XML 1.0 cannot carry, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


@dataclass
class Entry:
    """What every feed says of one post, computed once per build (so warnings come once)."""

    post: Post
    uri: str
    #: The post's URI at its source file's address: its id, which a moved post keeps.
    ident_uri: str
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
        self.config = renderer.settings  # the configuration as this blog sees it
        self.renderer = renderer
        self.blog = renderer.blog
        # ABlog's blog_baseurl may put the feeds' links elsewhere than html_baseurl
        self.base: str = (
            self.config.blogposts_feed_baseurl or self.config.html_baseurl or ""
        ).strip()
        if self.base:
            self.base = self.base.rstrip("/") + "/"
        self.formats = formats(app, renderer.settings)
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

    def post_url(self, post: Post, feed_file: str) -> str:
        """Where an entry sends its reader: the post's published URL (as its canonical
        link says), else its page's."""
        page = post_page(post)
        published = published_url(self.app, page, self.base) if self.base else None
        return (published or self.page_url(page, feed_file)) + post.anchor

    def content_for(self, entry: Entry, feed_file: str) -> str | None:
        if entry.content is None:
            return None
        if self.base:
            key = entry.post.key
            if key not in self._absolute_content:
                self._absolute_content[key] = absolutize(entry.content, entry.uri, self.base)
            return self._absolute_content[key]
        return relocate(entry.content, entry.uri, feed_file)

    def asset(self, value: str | None, feed_file: str) -> str | None:
        """``html_logo``/``html_favicon``: a URL as is, a file as Sphinx copies it to _static."""
        if not value:
            return None
        value = str(value)
        if _SCHEME.match(value):
            return value
        return self.url("_static/" + Path(value).name, feed_file)

    def image(self, place: str | None, feed_file: str) -> str | None:
        """An image :func:`~sphinx_blogposts.writing.images.locate` found, as the feed at
        ``feed_file`` links to it (absolute against the feeds' base URL when there is one)."""
        return url_of(place, feed_file, self.base) if place else None

    # -- entries -----------------------------------------------------------------------------

    def entry(self, post: Post) -> Entry:
        if post.key not in self._entries:
            self._entries[post.key] = self._entry(post)
        return self._entries[post.key]

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
        if mode == "full" and not post.section:
            content = renderer.fragments.post_body_html(post)
        elif mode != "none":  # a section's post: its excerpt, not the whole page
            content = str(renderer.fragments.excerpt_html(post, post_page(post)))
        authors = []
        for author in self.blog.post_authors.get(post.key, []):
            details = {"name": clean(author.name)}
            if author.url and _SCHEME.match(author.url):
                details["uri"] = clean(author.url)
            elif renderer.has_page(author_page(renderer.blog_path, author.slug)):
                details["page"] = author_page(renderer.blog_path, author.slug)
            if author.email and "@" in author.email:
                details["email"] = clean(author.email)
            avatar = locate(self.app, author.image_url, None)
            if avatar:
                details["avatar"] = clean(avatar)
            authors.append(details)
        image = locate(self.app, post.image, post.docname)
        entry = Entry(
            post=post,
            uri=renderer.uri(post_page(post)),
            ident_uri=feed_identity(self.app, post),
            title=clean(post.title).strip() or post.docname,
            summary=clean(post.description or renderer.fragments.excerpt_text(post)),
            content=clean(content) if content else None,
            published=post.date,
            updated=updated_mod.effective(self.app.env, post) or post.date,
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
            # ABlog's :external_link: posts are read where the link points
            link = entry.post.external_link or self.post_url(entry.post, feed_file)
            fe.id(self.ident("post", entry.ident_uri + entry.post.anchor))
            # a permalink only when it is the address readers are sent to
            fe.guid(fe.id(), permalink=bool(self.base) and fe.id() == link)
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
                "id": self.ident("post", entry.ident_uri + post.anchor),
                "url": post.external_link or self.post_url(post, feed_file),
                "title": entry.title,
            }
            content = self.content_for(entry, feed_file)
            if content:
                item["content_html"] = content
            else:
                item["content_text"] = entry.summary
            if entry.summary:
                item["summary"] = entry.summary
            image = self.image(entry.image, feed_file)
            if image:
                item["image"] = image
            item["date_published"] = entry.published.isoformat()
            item["date_modified"] = entry.updated.isoformat()
            authors = []
            resolved = self.entry_authors(entry, feed_file)
            for details, original in zip(resolved, entry.authors, strict=True):
                author = {"name": details["name"]}
                if "uri" in details:
                    author["url"] = details["uri"]
                avatar = self.image(original.get("avatar"), feed_file)
                if avatar:
                    author["avatar"] = avatar
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
