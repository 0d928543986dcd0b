"""Which pages the blog generates, with what on them: pure planning, no rendering.

Their names come from the route table (``core/routes.py``), the one place that knows
where a page lives. A real document of the same name always wins: its page is not
generated (and the reading side never takes it for a post: ``routes.generated_patterns``).
"""

from __future__ import annotations

from collections.abc import Callable, Set
from dataclasses import dataclass, field
from functools import partial

from sphinx.locale import get_translation

from ..core.model import Author, Post, Tag
from ..core.routes import (
    archive_page,
    author_page,
    authors_index,
    catalog_index,
    drafts_page,
    index_page,
    series_index,
    series_page,
    tag_page,
    tags_index,
    term_page,
)
from .view.blog import CATALOGS, Blog, pinned_first
from .view.series import Series

_ = get_translation("sphinx_blogposts")


def catalog_titles(catalog: str) -> tuple[str, str]:
    """The title of a catalog's index, and of one value's page (with ``%s`` for the value)."""
    titles = {
        "category": (_("Categories"), _("Posts in “%s”")),
        "location": (_("Locations"), _("Posts from %s")),
        "language": (_("Languages"), _("Posts in %s")),
    }
    index, one = titles[catalog]
    return str(index), str(one)


@dataclass
class PageSpec:
    name: str
    kind: str  # index | tag | author | tags | authors | archive | term | catalog | drafts
    # | series-index | series
    title: str
    posts: list[Post] = field(default_factory=list)
    number: int = 1
    total: int = 1
    prev: str | None = None  # newer posts
    next: str | None = None  # older posts
    tag: Tag | None = None
    author: Author | None = None
    #: For the pages of categories, locations and languages: which catalog, which value.
    catalog: str | None = None
    term: Tag | None = None
    series: Series | None = None
    #: Shown inside a document that has its own title (see compat/ablog/placeholders.py):
    #: the page's own heading is left out.
    embedded: bool = False


def _paginate(
    kind: str,
    title: str,
    posts: list[Post],
    per_page: int,
    name_of: Callable[[int], str],
    **subject: object,
) -> list[PageSpec]:
    chunks = [posts[i : i + per_page] for i in range(0, len(posts), per_page)] or [[]]
    total = len(chunks)
    specs = []
    for number, chunk in enumerate(chunks, start=1):
        page_title = (
            title
            if number == 1
            else _("%(title)s, page %(number)d")
            % {
                "title": title,
                "number": number,
            }
        )
        specs.append(
            PageSpec(
                name=name_of(number),
                kind=kind,
                title=page_title,
                posts=chunk,
                number=number,
                total=total,
                prev=name_of(number - 1) if number > 1 else None,
                next=name_of(number + 1) if number < total else None,
                **subject,  # type: ignore[arg-type]
            )
        )
    return specs


#: One subject of an index (a tag, an author): itself, its pages' title, its posts, the
#: name of its page N.
Subject = tuple[Tag | Author, str, list[Post], Callable[[int], str]]


def _index_and_pages(index: PageSpec, subjects: list[Subject], per_page: int) -> list[PageSpec]:
    """An index (of tags, of authors) and each subject's own pages; no index when nothing
    has pages, so a blog without tags links no empty tags page."""
    if not subjects:
        return []
    kind = index.kind.removesuffix("s")  # the subject's page kind: "tag", "author"
    specs = [index]
    for subject, title, posts, name_of in subjects:
        specs += _paginate(kind, title, posts, per_page, name_of, **{kind: subject})
    return specs


def plan_pages(
    blog: Blog, blog_path: str, title: str, per_page: int, documents: Set[str]
) -> list[PageSpec]:
    specs: list[PageSpec] = []
    if index_page(blog_path) not in documents:
        listed = pinned_first(blog.listed)  # pinned posts lead page 1
        specs += _paginate("index", title, listed, per_page, partial(index_page, blog_path))
    tags = sorted((t for t in blog.tags.values() if t.posts), key=lambda t: t.slug)
    specs += _index_and_pages(
        PageSpec(name=tags_index(blog_path), kind="tags", title=_("Tags")),
        [
            (t, _("Posts tagged “%s”") % t.label, t.posts, partial(tag_page, blog_path, t.slug))
            for t in tags
        ],
        per_page,
    )
    authors = sorted(
        (a for key, a in blog.authors.items() if blog.author_posts.get(key)), key=lambda a: a.slug
    )
    specs += _index_and_pages(
        PageSpec(name=authors_index(blog_path), kind="authors", title=_("Authors")),
        [
            (
                a,
                _("Posts by %s") % a.name,
                blog.author_posts[a.key],
                partial(author_page, blog_path, a.slug),
            )
            for a in authors
        ],
        per_page,
    )
    for catalog in CATALOGS:
        terms = sorted(
            (t for t in blog.catalogs.get(catalog, {}).values() if t.posts), key=lambda t: t.slug
        )
        if not terms:
            continue
        index_title, one_title = catalog_titles(catalog)
        specs.append(
            PageSpec(
                name=catalog_index(blog_path, catalog),
                kind="catalog",
                title=index_title,
                catalog=catalog,
            )
        )
        for term in terms:
            specs += _paginate(
                "term",
                one_title % term.label,
                term.posts,
                per_page,
                partial(term_page, blog_path, catalog, term.slug),
                catalog=catalog,
                term=term,
            )
    specs.append(
        PageSpec(
            name=archive_page(blog_path), kind="archive", title=_("Archive"), posts=blog.listed
        )
    )
    if blog.drafts_page:
        specs.append(
            PageSpec(
                name=drafts_page(blog_path), kind="drafts", title=_("Drafts"), posts=drafts_of(blog)
            )
        )
    specs += _series_pages(blog, blog_path)
    return [spec for spec in specs if spec.name not in documents]


def drafts_of(blog: Blog) -> list[Post]:
    """The drafts as their page lists them: newest first, the undated last."""
    return sorted(
        (blog.posts[name] for name in blog.drafts),
        key=lambda p: (p.date is None, -(p.date.timestamp() if p.date else 0), p.docname),
    )


def _series_pages(blog: Blog, blog_path: str) -> list[PageSpec]:
    """The series index and one page per series, its parts in order (a series is short:
    one page, never paginated)."""
    if not blog.series:
        return []
    specs = [PageSpec(name=series_index(blog_path), kind="series-index", title=_("Series"))]
    for series in sorted(blog.series.values(), key=lambda s: s.slug):
        title = _("Series “%s”") % series.name
        page = series_page(blog_path, series.slug)
        specs.append(
            PageSpec(name=page, kind="series", title=title, posts=series.parts, series=series)
        )
    return specs
