"""Write time: the whole blog as pages see it, built once per build from the stored posts.

Which posts are listed, in what order, their tags with unique slugs, their authors
resolved against the authors map, their neighbours: all of this depends on every
post, so it is computed here from the domain's data and never stored per document.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from ...core import blog_settings as blogs_mod
from ...core.model import Author, AuthorRef, Post, Tag, TagDef
from ...core.slugs import short_hash, unique_slugs
from ...reading import authors as authors_mod
from ...reading.domain import domain_of
from . import related as related_mod
from . import series as series_mod


@dataclass
class ViewCache:
    """The build's part of the cache for the blog view: built once per build by
    :func:`all_blogs` (from the stored posts, after ``env-updated`` made it empty again)."""

    #: Every blog by path, the default first.
    blogs: dict[str, Blog] | None = None
    #: Tags defined outside the posts (``TAG_DEFINITIONS``: Docusaurus' tags.yml).
    tag_definitions: dict[str, TagDef] | None = None


#: The catalogs besides tags and authors, as ABlog has them: each value gets a page.
CATALOGS = ("category", "location", "language")
#: The hook for tags defined outside the posts: a handler returns ``{tag key casefolded:
#: TagDef}`` (``compat/docusaurus/tagsfile.py``: Docusaurus' ``tags.yml``).
TAG_DEFINITIONS = "blogposts-tag-definitions"


def tag_key(label: str) -> str:
    """Tags are one tag whatever their case: ``MLflow`` and ``mlflow`` share a page."""
    return " ".join(label.split()).casefold()


def sort_key(post: Post) -> tuple[float, str]:
    assert post.date is not None
    return (-post.date.timestamp(), post.key)


def pinned_first(posts: list[Post]) -> list[Post]:
    """The blog index's order: pinned posts first, newest first, then the rest by date.
    Only the index does this; tag, author and archive pages, feeds and postlists keep
    ``posts`` as they are (newest first)."""
    return [p for p in posts if p.pinned] + [p for p in posts if not p.pinned]


def is_draft(post: Post, config: Config, now: datetime | None = None) -> bool:
    """A draft, or (with ``blogposts_future = "draft"``) a post whose date has not come yet.

    Decided at write time, never stored: a scheduled post is listed by the first build
    after its date without its source being touched.
    """
    if post.draft:
        return True
    if config.blogposts_future != "draft" or post.date is None:
        return False
    return post.date > (now or datetime.now(UTC))


@dataclass
class Blog:
    posts: dict[str, Post]
    #: Posts shown in lists and feeds, newest first.
    listed: list[Post] = field(default_factory=list)
    tags: dict[str, Tag] = field(default_factory=dict)
    authors: dict[str, Author] = field(default_factory=dict)
    author_posts: dict[str, list[Post]] = field(default_factory=dict)
    #: Post.key -> resolved authors / tag keys, for every post (listed or not).
    post_authors: dict[str, list[Author]] = field(default_factory=dict)
    post_tags: dict[str, list[str]] = field(default_factory=dict)
    neighbours: dict[str, tuple[Post | None, Post | None]] = field(default_factory=dict)
    #: Post.key of drafts, including future posts under ``blogposts_future = "draft"``.
    drafts: set[str] = field(default_factory=set)
    #: Whether the drafts have a page listing them (``blogposts_drafts_page``).
    drafts_page: bool = False
    #: catalog (see :data:`CATALOGS`) -> key -> its value, with its listed posts.
    catalogs: dict[str, dict[str, Tag]] = field(default_factory=dict)
    #: catalog -> Post.key -> keys of the post's values, for every post.
    post_terms: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    #: series key -> the series, with its listed parts in order (see series.py).
    series: dict[str, series_mod.Series] = field(default_factory=dict)
    #: docname -> series key, for every post in a series (listed or not).
    post_series: dict[str, str] = field(default_factory=dict)
    #: docname -> the posts its "Related posts" list shows (see related.py).
    related: dict[str, list[Post]] = field(default_factory=dict)
    #: (Post.key, with its excerpt) -> digest of its card, for this build's signatures.
    card_digests: dict[tuple[str, bool], str] = field(default_factory=dict)
    #: docname -> the address a post is served at, when not its file's (``writing/
    #: addresses.py``): what links to it lead to, so what a page listing it depends on.
    addresses: Mapping[str, str] = field(default_factory=dict)

    def tags_of(self, post: Post) -> list[Tag]:
        return [self.tags[key] for key in self.post_tags.get(post.key, [])]

    def terms_of(self, catalog: str, post: Post) -> list[Tag]:
        terms = self.catalogs.get(catalog, {})
        return [terms[key] for key in self.post_terms.get(catalog, {}).get(post.key, [])]

    def select(self, options: Mapping[str, Any], docname: str) -> list[Post]:
        """The posts a ``postlist`` with these options shows on ``docname`` (ABlog's semantics:
        every value of every filter must match, so ``:tags: a, b`` lists posts tagged both;
        without filters, not the page itself)."""
        filters: dict[str, list[str]] = options["filters"]
        posts = list(self.listed)
        values_of: dict[str, Callable[[Post], set[str]]] = {
            "tags": lambda p: set(self.post_tags.get(p.key, [])),
            "author": lambda p: {
                v.casefold() for a in self.post_authors.get(p.key, []) for v in (a.key, a.name)
            },
            "category": lambda p: self._filter_values("category", p),
            "location": lambda p: self._filter_values("location", p),
            "language": lambda p: self._filter_values("language", p),
            "series": lambda p: {self.post_series[p.key]} if p.key in self.post_series else set(),
        }
        if not any(filters.values()):
            posts = [p for p in posts if p.docname != docname]
        for key, values in filters.items():
            if values:
                want = {tag_key(v) if key == "tags" else v for v in values}
                posts = [p for p in posts if want <= values_of[key](p)]
        if filters.get("series"):  # a series is read in its order, not newest first
            posts.sort(key=series_mod.part_order)
        count = options["count"]
        posts = posts[:count] if count else posts
        # ABlog's :sort: shows the same (newest) posts, oldest first
        return posts[::-1] if options["oldest_first"] else posts

    def _filter_values(self, catalog: str, post: Post) -> set[str]:
        """What a postlist filter matches: the key as written or the value's display name."""
        return {v.casefold() for t in self.terms_of(catalog, post) for v in (t.key, t.label)}

    def years(self) -> list[tuple[int, list[Post]]]:
        by_year: dict[int, list[Post]] = {}
        for post in self.listed:
            assert post.date is not None
            by_year.setdefault(post.date.year, []).append(post)
        return sorted(by_year.items(), reverse=True)


def build_blog(
    posts: dict[str, Post],
    config: Config,
    authors_map: dict[str, dict[str, str]],
    tag_defs: Mapping[str, TagDef] | None = None,
    sections: Iterable[Post] = (),
) -> Blog:
    """``tag_defs`` (from ``tags.yml``) fix the slug and description of the tags they define.

    ``sections`` are the posts that are sections of a document (ABlog's posting
    sections): listed like the others, everything about them kept by ``Post.key``, which
    is the docname for every other post. ``Blog.posts`` stays one post per document.
    """
    blog = Blog(posts=posts)
    every = [*posts.values(), *sections]
    show_drafts = config.blogposts_drafts
    now = datetime.now(UTC)
    blog.drafts = {p.key for p in every if is_draft(p, config, now)}
    blog.drafts_page = bool(getattr(config, "blogposts_drafts_page", False))
    blog.listed = sorted(
        (p for p in every if p.listed and (show_drafts or p.key not in blog.drafts)),
        key=sort_key,
    )

    labels: dict[str, Counter[str]] = {}
    for post in sorted(every, key=lambda p: p.key):
        keys = []
        for label in post.tags:
            key = tag_key(label)
            labels.setdefault(key, Counter())[label] += 1
            keys.append(key)
        blog.post_tags[post.key] = keys
    by_label = {tag_key(d.label): d for d in (tag_defs or {}).values()}
    fixed = {key: by_label[key].slug for key in labels if key in by_label}
    slugs = unique_slugs([k for k in labels if k not in fixed], prefix="tag")
    taken = set(fixed.values())
    for key, slug in slugs.items():
        slugs[key] = f"{slug}-{short_hash(key)}" if slug in taken else slug
    slugs.update(fixed)
    for key, counts in sorted(labels.items()):
        label = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[0][0]
        described = by_label.get(key)
        blog.tags[key] = Tag(
            key=key,
            label=described.label if described else label,
            slug=slugs[key],
            description=described.description if described else None,
        )
    for post in blog.listed:
        for key in blog.post_tags[post.key]:
            blog.tags[key].posts.append(post)

    _build_catalogs(blog, config, every)

    resolved: dict[str, list[Author]] = {}
    default_authors = [AuthorRef(key=key) for key in config.blogposts_default_author]
    for post in every:
        refs = post.authors or default_authors
        resolved[post.key] = [authors_mod.resolve(ref, authors_map) for ref in refs]
    author_slugs = unique_slugs(
        [a.key for authors in resolved.values() for a in authors], prefix="author"
    )
    for authors in resolved.values():
        for author in authors:
            author.slug = author_slugs[author.key]
            blog.authors.setdefault(author.key, author)
    blog.post_authors = resolved
    for post in blog.listed:
        for author in resolved[post.key]:
            blog.author_posts.setdefault(author.key, []).append(post)

    for index, post in enumerate(blog.listed):
        newer = blog.listed[index - 1] if index > 0 else None
        older = blog.listed[index + 1] if index + 1 < len(blog.listed) else None
        blog.neighbours[post.key] = (older, newer)
    parts = [p for p in blog.listed if p.key not in blog.drafts]  # drafts even if shown
    blog.series, blog.post_series = series_mod.build_series(every, parts)
    blog.related = related_mod.related_posts(
        every, blog.listed, blog.post_tags, blog.drafts, config.blogposts_related
    )
    return blog


def all_blogs(app: Sphinx) -> dict[str, Blog]:
    """Every blog by path, the default first: the one place the blog view is built, once
    per build (``rebuilds/outdated.py`` empties the cache at ``env-updated``)."""
    domain = domain_of(app.env)
    cache = domain.cache.part(ViewCache)
    if cache.blogs is None:
        cache.blogs = build_all(
            domain.posts,
            app.config,
            domain.authors_maps(),
            tag_definitions(app),
            domain.section_posts(),
        )
        for blog in cache.blogs.values():
            blog.addresses = domain.rebuilds.addresses
    return cache.blogs


def tag_definitions(app: Sphinx) -> dict[str, TagDef]:
    """The tags defined outside the posts, asked of ``TAG_DEFINITIONS`` once per build."""
    cache = domain_of(app.env).cache.part(ViewCache)
    if cache.tag_definitions is None:
        cache.tag_definitions = {}
        for found in app.emit(TAG_DEFINITIONS):
            cache.tag_definitions.update(found)
    return cache.tag_definitions


def build_all(
    posts: dict[str, Post],
    config: Config,
    authors_maps: Mapping[str, dict[str, dict[str, str]]],
    tag_defs: Mapping[str, TagDef] | None = None,
    sections: Iterable[Post] = (),
) -> dict[str, Blog]:
    """One :class:`Blog` per blog, by path, the default blog first: each sees only its own
    posts, so its lists, neighbours, series and related posts stay inside it.

    ``authors_maps`` holds each blog's authors map, by path ("" for the default blog's).
    Without ``blogposts_blogs`` this is ``{blogposts_path: build_blog(posts, ...)}``.
    """
    settings = blogs_mod.settings(config)
    if len(settings) == 1:
        return {
            config.blogposts_path: build_blog(posts, config, authors_maps[""], tag_defs, sections)
        }
    out: dict[str, Blog] = {}
    for blog in settings:
        key = "" if blog.default else blog.key
        own = {d: p for d, p in posts.items() if p.blog == key}
        parts = [p for p in sections if p.blog == key]
        authors = authors_maps.get(key, authors_maps[""])
        out[blog.key] = build_blog(own, blog.config, authors, tag_defs, parts)
    return out


def _values(post: Post, catalog: str, config: Config) -> list[str]:
    """The post's values in a catalog; a post naming no location or language gets the
    configured default (ABlog's ``blog_default_location``/``blog_default_language``)."""
    if catalog == "category":
        return post.categories
    given = post.locations if catalog == "location" else post.languages
    return given or list(getattr(config, f"blogposts_default_{catalog}"))


def _build_catalogs(blog: Blog, config: Config, every: list[Post]) -> None:
    """Categories, locations and languages: a page per value, as tags have.

    Values are one value whatever their case. Locations and languages named in
    ``blogposts_locations``/``blogposts_languages`` (key -> (name, url)) show that name
    and link that URL; any other value shows as written.
    """
    for catalog in CATALOGS:
        names: dict[str, Any] = (
            getattr(config, f"blogposts_{catalog}s", {}) if catalog != "category" else {}
        )
        known = {tag_key(k): (k, v) for k, v in names.items()}
        labels: dict[str, Counter[str]] = {}
        per_post: dict[str, list[str]] = {}
        for post in sorted(every, key=lambda p: p.key):
            keys = []
            for value in _values(post, catalog, config):
                key = tag_key(value)
                if key and key not in keys:
                    labels.setdefault(key, Counter())[value] += 1
                    keys.append(key)
            per_post[post.key] = keys
        slugs = unique_slugs(list(labels), prefix=catalog)
        terms: dict[str, Tag] = {}
        for key, counts in sorted(labels.items()):
            written = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[0][0]
            entry = known.get(key)
            terms[key] = Tag(
                key=entry[0] if entry else written,
                label=entry[1][0] if entry else written,
                slug=slugs[key],
                url=entry[1][1] if entry else None,
            )
        for post in blog.listed:
            for key in per_post.get(post.key, []):
                terms[key].posts.append(post)
        blog.catalogs[catalog] = terms
        blog.post_terms[catalog] = per_post


def register(app: Sphinx) -> None:
    app.add_event(TAG_DEFINITIONS)
