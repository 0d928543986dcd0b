"""The plan of the generated pages (``writing/routes.py``), without a build.

A plan lists each page once, paginated with links both ways, under the route table's
names (``core/routes.py``, tested in ``tests/unit/core/test_routes.py``), and leaves out
any page a real document of the same name provides.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime
from gettext import NullTranslations

import pytest
import sphinx.locale

from sphinx_blogposts.core.model import Author, Post, Tag
from sphinx_blogposts.writing.routes import PageSpec, plan_pages
from sphinx_blogposts.writing.view.blog import Blog
from sphinx_blogposts.writing.view.series import Series


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """No translator from a build that ran before in this process: titles in English."""
    monkeypatch.setattr(sphinx.locale, "translators", defaultdict(NullTranslations))


def dated(name: str, day: int, **kwargs: object) -> Post:
    return Post(
        docname=f"blog/{name}", title=name, date=datetime(2024, 1, day, tzinfo=UTC), **kwargs
    )  # type: ignore[arg-type]


@pytest.fixture
def blog() -> Blog:
    """Five listed posts (newest first, the oldest pinned), two tags (one with no listed
    post), one author of two posts, a draft and a series of two parts."""
    posts = [dated(f"p{day}", day, pinned=day == 1) for day in (5, 4, 3, 2, 1)]
    draft = dated("draft", 6, draft=True)
    python = Tag(key="python", label="Python", slug="python", posts=[posts[0], posts[2]])
    cpp = Tag(key="c++", label="C++", slug="c-plus-plus", posts=[posts[1]])
    unused = Tag(key="old", label="Old", slug="old")
    ann = Author(key="ann", name="Ann", slug="ann")
    bob = Author(key="bob", name="Bob", slug="bob")  # of the draft only
    series = Series(key="s", name="Deep dive", slug="deep-dive", parts=[posts[3], posts[1]])
    return Blog(
        posts={p.docname: p for p in [*posts, draft]},
        listed=posts,
        tags={"python": python, "c++": cpp, "old": unused},
        authors={"ann": ann, "bob": bob},
        author_posts={"ann": [posts[0], posts[4]], "bob": []},
        drafts={draft.docname},
        series={"s": series},
    )


def names(specs: list[PageSpec]) -> list[str]:
    return [spec.name for spec in specs]


def test_plan_lists_every_page_once_in_order(blog: Blog) -> None:
    specs = plan_pages(blog, "blog", "News", 2, set())
    assert names(specs) == [
        "blog/index",
        "blog/page/2",
        "blog/page/3",
        "blog/tags/index",
        "blog/tags/c-plus-plus",  # by slug, and a tag with no listed post has no page
        "blog/tags/python",
        "blog/authors/index",
        "blog/authors/ann",  # an author with no listed post has no page
        "blog/archive",
        "blog/series/index",
        "blog/series/deep-dive",
    ]
    assert len(set(names(specs))) == len(specs)


def test_the_index_is_paginated_with_links_both_ways_and_pinned_posts_first(blog: Blog) -> None:
    first, second, third = plan_pages(blog, "blog", "News", 2, set())[:3]
    assert [p.docname for p in first.posts] == ["blog/p1", "blog/p5"]  # p1 is pinned
    assert [p.docname for p in second.posts] == ["blog/p4", "blog/p3"]
    assert [p.docname for p in third.posts] == ["blog/p2"]
    assert (first.number, first.total, first.prev, first.next) == (1, 3, None, "blog/page/2")
    assert (second.prev, second.next) == ("blog/index", "blog/page/3")
    assert (third.prev, third.next) == ("blog/page/2", None)
    assert first.title == "News"
    assert second.title == "News, page 2"
    assert {spec.kind for spec in (first, second, third)} == {"index"}


def test_tag_author_and_series_pages_carry_their_subject(blog: Blog) -> None:
    specs = {spec.name: spec for spec in plan_pages(blog, "blog", "News", 10, set())}
    cpp = specs["blog/tags/c-plus-plus"]
    assert (cpp.kind, cpp.title, cpp.tag) == ("tag", "Posts tagged “C++”", blog.tags["c++"])
    ann = specs["blog/authors/ann"]
    assert (ann.kind, ann.title, ann.author) == ("author", "Posts by Ann", blog.authors["ann"])
    assert [p.docname for p in ann.posts] == ["blog/p5", "blog/p1"]
    series = specs["blog/series/deep-dive"]
    assert series.kind == "series" and series.title == "Series “Deep dive”"
    assert [p.docname for p in series.posts] == ["blog/p2", "blog/p4"]
    archive = specs["blog/archive"]
    assert archive.kind == "archive" and len(archive.posts) == 5


def test_a_tag_page_is_paginated_under_its_own_folder(blog: Blog) -> None:
    specs = [s for s in plan_pages(blog, "blog", "News", 1, set()) if s.kind == "tag"]
    assert names(specs) == ["blog/tags/c-plus-plus", "blog/tags/python", "blog/tags/python/page/2"]
    assert specs[2].title == "Posts tagged “Python”, page 2"
    assert specs[1].next == "blog/tags/python/page/2"


def test_a_real_document_wins_over_a_generated_page(blog: Blog) -> None:
    specs = plan_pages(blog, "blog", "News", 2, {"blog/index", "blog/tags/python", "blog/archive"})
    found = names(specs)
    # a hand-written blog/index replaces the whole paginated index
    assert not [n for n in found if n == "blog/index" or n.startswith("blog/page/")]
    assert "blog/tags/python" not in found and "blog/archive" not in found
    assert "blog/tags/c-plus-plus" in found


def test_the_drafts_page_only_when_asked_newest_first(blog: Blog) -> None:
    assert "blog/drafts" not in names(plan_pages(blog, "blog", "News", 2, set()))
    blog.drafts_page = True
    older = dated("older-draft", 2, draft=True)
    blog.posts[older.docname] = older
    blog.drafts.add(older.docname)
    (drafts,) = [s for s in plan_pages(blog, "blog", "News", 2, set()) if s.kind == "drafts"]
    assert drafts.name == "blog/drafts"
    assert [p.docname for p in drafts.posts] == ["blog/draft", "blog/older-draft"]


def test_catalog_pages(blog: Blog) -> None:
    paris = Tag(key="paris", label="Paris", slug="paris", posts=[blog.listed[0]])
    empty = Tag(key="rome", label="Rome", slug="rome")
    blog.catalogs = {"location": {"paris": paris, "rome": empty}}
    specs = [s for s in plan_pages(blog, "blog", "News", 2, set()) if s.catalog]
    assert [(s.name, s.kind, s.title) for s in specs] == [
        ("blog/locations/index", "catalog", "Locations"),
        ("blog/locations/paris", "term", "Posts from Paris"),
    ]
    assert specs[1].term is paris


def test_an_empty_blog_still_has_its_index_and_archive() -> None:
    specs = plan_pages(Blog(posts={}), "blog", "News", 5, set())
    assert [(s.name, s.kind, s.posts, s.total) for s in specs] == [
        ("blog/index", "index", [], 1),
        ("blog/archive", "archive", [], 1),
    ]
