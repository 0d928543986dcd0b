"""The route table (``core/routes.py``): every page's and feed's address, without a build.

Names are built from the blog's folder, slugs and numbers only; the reading side's
"generated page" patterns cover every generated name; Docusaurus' old address of a
post follows its documented reading of the post's path (its blog plugin's
``parseBlogFileName``; the path relative to the blog folder, without ``.md``/``.mdx``):
the date with ``/`` between its parts, then what came before the date, then the rest of
the name; ``/index`` of a folder post dropped.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from sphinx.util.matching import Matcher

from sphinx_blogposts.core.model import Post
from sphinx_blogposts.core.routes import (
    FEED_FILES,
    PathName,
    address_format_problem,
    archive_page,
    author_feed_folder,
    author_page,
    authors_index,
    blog_feed_folder,
    catalog_index,
    docusaurus_name,
    docusaurus_page,
    drafts_page,
    feed_file,
    generated_patterns,
    index_page,
    post_address,
    post_page,
    series_index,
    series_page,
    tag_feed_folder,
    tag_page,
    tags_index,
    term_feed_folder,
    term_page,
    year_feed_folder,
)


def test_page_names() -> None:
    assert index_page("blog") == "blog/index"
    assert index_page("blog", 2) == "blog/page/2"
    assert tag_page("blog", "c-plus-plus") == "blog/tags/c-plus-plus"
    assert tag_page("blog", "c-plus-plus", 3) == "blog/tags/c-plus-plus/page/3"
    assert author_page("news/blog", "ann", 2) == "news/blog/authors/ann/page/2"
    assert tags_index("blog") == "blog/tags/index"
    assert authors_index("blog") == "blog/authors/index"
    assert archive_page("blog") == "blog/archive"
    assert drafts_page("blog") == "blog/drafts"
    assert catalog_index("blog", "category") == "blog/categories/index"
    assert term_page("blog", "location", "paris") == "blog/locations/paris"
    assert term_page("blog", "language", "fr", 2) == "blog/languages/fr/page/2"
    assert series_index("blog") == "blog/series/index"
    assert series_page("blog", "deep-dive") == "blog/series/deep-dive"


def test_a_post_is_read_on_its_documents_page() -> None:
    assert post_page(Post(docname="blog/2024/hello", title="Hello")) == "blog/2024/hello"
    # a section's post is on its document's page (the section is an anchor there)
    section = Post(docname="blog/notes", title="A note", section="a-note")
    assert post_page(section) == "blog/notes"


def test_feeds_live_in_the_folder_of_the_page_they_follow() -> None:
    assert list(FEED_FILES) == ["atom", "rss", "json"]
    assert feed_file(blog_feed_folder("blog"), "atom") == "blog/atom.xml"
    assert feed_file(tag_feed_folder("blog", "python"), "rss") == "blog/tags/python/rss.xml"
    assert feed_file(author_feed_folder("blog", "ann"), "json") == "blog/authors/ann/feed.json"
    assert term_feed_folder("blog", "category", "news") == "blog/categories/news"
    assert year_feed_folder("blog", 2021) == "blog/archive/2021"


GENERATED = [
    index_page("blog"),
    index_page("blog", 7),
    tags_index("blog"),
    tag_page("blog", "python"),
    tag_page("blog", "python", 2),
    authors_index("blog"),
    author_page("blog", "ann", 3),
    catalog_index("blog", "location"),
    term_page("blog", "category", "news"),
    term_page("blog", "language", "fr", 2),
    archive_page("blog"),
    drafts_page("blog"),
    series_index("blog"),
    series_page("blog", "deep-dive"),
]


@pytest.mark.parametrize("name", GENERATED)
def test_every_generated_name_is_known_to_the_reading_side(name: str) -> None:
    assert Matcher(generated_patterns("blog"))(name)


@pytest.mark.parametrize(
    "name", ["blog/my-post", "blog/2024-01-02-hello", "blog/tagsoup", "blog/seriesly/x", "index"]
)
def test_a_post_name_is_not_a_generated_one(name: str) -> None:
    assert not Matcher(generated_patterns("blog"))(name)


def test_the_patterns_are_the_blogs_own() -> None:
    other = Matcher(generated_patterns("news"))
    assert not other(tag_page("blog", "python"))
    assert other(series_page("news", "x"))


@pytest.mark.parametrize(
    ("relative", "expected"),
    [
        # undated: the path itself
        ("some-post", PathName(None, "some-post", "some-post")),
        ("some-post/index", PathName(None, "some-post", "some-post")),
        ("some-post/some-file", PathName(None, "some-post/some-file", "some-post/some-file")),
        ("index", PathName(None, "index", "index")),
        # the documented dated forms
        ("2021-04-15-name", PathName((2021, 4, 15), "name", "2021/04/15/name")),
        ("2021-04-15-name/index", PathName((2021, 4, 15), "name", "2021/04/15/name")),
        ("2021/04/15/name", PathName((2021, 4, 15), "name", "2021/04/15/name")),
        ("2021/04/15/name/index", PathName((2021, 4, 15), "name", "2021/04/15/name")),
        ("2021/04-15-name/index", PathName((2021, 4, 15), "name", "2021/04/15/name")),
        (
            "2021/04/15/name/subfolder/subfile",
            PathName((2021, 4, 15), "name/subfolder/subfile", "2021/04/15/name/subfolder/subfile"),
        ),
        # a team folder before the date goes after it in the URL
        ("team-a/2021/05/12/name", PathName((2021, 5, 12), "name", "2021/05/12/team-a/name")),
        ("team-a/2021-05-12-name", PathName((2021, 5, 12), "name", "2021/05/12/team-a/name")),
        (
            "team-a-2021-05-12-hey/name",
            PathName((2021, 5, 12), "hey/name", "2021/05/12/team-a-hey/name"),
        ),
        # the digits as written, not padded
        ("2021-5-2-x", PathName((2021, 5, 2), "x", "2021/5/2/x")),
        # a date folder's index: Docusaurus keeps "index" as the name
        ("2021-04-15/index", PathName((2021, 4, 15), "index", "2021/04/15/index")),
        ("2021-04-15", PathName((2021, 4, 15), "", "2021/04/15")),
        # the last date in the path wins (the folder part is greedy)
        (
            "2020-01-01-old/2021-02-03-new",
            PathName((2021, 2, 3), "new", "2021/02/03/2020-01-01-old/new"),
        ),
        # an impossible date is still read as Docusaurus' path rule reads it
        ("2017-02-29-leap", PathName((2017, 2, 29), "leap", "2017/02/29/leap")),
    ],
)
def test_docusaurus_name(relative: str, expected: PathName) -> None:
    assert docusaurus_name(relative) == expected


@pytest.mark.parametrize(
    ("docname", "old"),
    [
        ("blog/2021-04-15-name", "blog/2021/04/15/name"),
        ("blog/2021-04-15-name/index", "blog/2021/04/15/name"),
        ("blog/2021/04/15/name", "blog/2021/04/15/name"),
        ("blog/team-a/2021-04-15-name", "blog/2021/04/15/team-a/name"),
        ("blog/2021-5-2-x", "blog/2021/5/2/x"),
    ],
)
def test_the_old_address_of_a_dated_post(docname: str, old: str) -> None:
    assert docusaurus_page("blog", docname, None) == old


def test_an_undated_post_or_one_outside_the_blog_has_no_old_address() -> None:
    # an undated post was at blog/<its path>, which is where its page is now
    assert docusaurus_page("blog", "blog/my-post", None) is None
    assert docusaurus_page("blog", "news/2021-04-15-name", None) is None


def test_a_slug_names_the_old_address_below_the_blog() -> None:
    assert docusaurus_page("blog", "blog/2021-04-15-name", "welcome") == "blog/welcome"
    # a leading "/" is the blog's root (Docusaurus: baseUrl/routeBasePath/slug)
    assert docusaurus_page("blog", "blog/x", "/2024/my-post/") == "blog/2024/my-post"
    assert docusaurus_page("blog", "blog/x", "a//b") == "blog/a/b"
    # a slug works for an undated post and one outside the blog folder too
    assert docusaurus_page("blog", "elsewhere/x", "kept") == "blog/kept"
    assert docusaurus_page("news/blog", "blog/x", "x") == "news/blog/x"


@pytest.mark.parametrize(
    "slug", ["../../etc", "a/./b", "a\\b", "a?b", "a#b", "50%", "a\x00b", '"q"', "<b>", "/", "  "]
)
def test_a_slug_that_cannot_be_a_path_in_the_output_folder_has_no_old_address(slug: str) -> None:
    assert docusaurus_page("blog", "blog/2021-04-15-name", slug) is None


def test_an_impossible_date_keeps_the_url_docusaurus_built_from_its_digits() -> None:
    # Docusaurus makes the slug from the date's text, whether or not it is a real day
    assert docusaurus_page("blog", "blog/2017-02-29-leap", None) == "blog/2017/02/29/leap"


# -- a post's own address (blogposts_post_url, slug) ---------------------------------------

DATED = "blog/2021-04-15-name"


def test_no_format_keeps_the_file_address() -> None:
    assert post_address(None, "blog", DATED, slug="x", date=datetime(2021, 4, 15)) == (None, None)


@pytest.mark.parametrize(
    ("fmt", "docname", "slug", "expected"),
    [
        ("{date:%Y/%m/%d}/{slug}", DATED, None, "blog/2021/04/15/name"),
        ("{date:%Y}/{slug}", "blog/2021-04-15-name/index", None, "blog/2021/name"),
        ("{file}", DATED, None, "blog/2021-04-15-name"),
        ("{category}/{slug}", DATED, None, "blog/python/name"),
        ("{blog}/{slug}", DATED, None, "blog/news/name"),
        ("{date:%Y/%m/%d}/{slug}", DATED, "x", "blog/x"),
        ("{date:%Y/%m/%d}/{slug}", DATED, "/x/", "blog/x"),
        ("{date:%Y/%m/%d}/{slug}", DATED, "2021/x", "blog/2021/x"),
    ],
)
def test_address_from_the_format_or_the_slug(
    fmt: str, docname: str, slug: str | None, expected: str
) -> None:
    got = post_address(
        fmt, "blog", docname, slug=slug, date=datetime(2021, 4, 15), category="python", blog="news"
    )
    assert got == (expected, None)


@pytest.mark.parametrize(
    ("docname", "slug", "expected"),
    [
        # the forms Docusaurus reads a date from: all at YYYY/MM/DD/name
        ("blog/2021-04-15-name", None, "blog/2021/04/15/name"),
        ("blog/2021-04-15-name/index", None, "blog/2021/04/15/name"),
        ("blog/2021/04/15/name", None, "blog/2021/04/15/name"),  # as name/index.html
        ("blog/team/2021-04-15-name", None, "blog/2021/04/15/team/name"),
        ("blog/my-post/index", None, "blog/my-post"),  # undated: its folder, where it is
        ("blog/my-post", None, "blog/my-post"),  # written as blog/my-post/index.html
        ("blog/2021-04-15-name", "/x/y", "blog/x/y"),  # the slug wins
        ("blog/hey", "/hey/my super path/héllô", "blog/hey/my super path/héllô"),
        ("news/2021-04-15-name", None, None),  # outside the blog: Docusaurus had no such post
        ("news/2021-04-15-name", "x", "blog/x"),
    ],
)
def test_docusaurus_preset(docname: str, slug: str | None, expected: str | None) -> None:
    got = post_address("docusaurus", "blog", docname, slug=slug, date=datetime(2021, 4, 15))
    assert got == (expected, None)


@pytest.mark.parametrize(
    ("slug", "title_slug", "expected"),
    [
        (None, "hello-world", "blog/2021/04/15/hello-world"),  # MkDocs: the title, slugified
        ("custom", "hello-world", "blog/2021/04/15/custom"),  # its slug stands for the title
    ],
)
def test_mkdocs_preset(slug: str | None, title_slug: str, expected: str) -> None:
    got = post_address(
        "mkdocs",
        "blog",
        "blog/posts/hello",
        slug=slug,
        date=datetime(2021, 4, 15),
        title_slug=title_slug,
    )
    assert got == (expected, None)


def test_spaces_and_letters_outside_ascii_are_kept_as_docusaurus_kept_them() -> None:
    address = post_address("{slug}", "blog", DATED, slug="/hey/my super path/héllô")
    assert address == ("blog/hey/my super path/héllô", None)


def test_an_undated_post_drops_the_date_segments() -> None:
    assert post_address("{date:%Y/%m/%d}/{slug}", "blog", "blog/my-post")[0] == "blog/my-post"


@pytest.mark.parametrize("slug", ["../../etc", "100%-sure", "x?y", "a /b", "x/\x00"])
def test_an_address_no_url_can_carry_is_refused(slug: str) -> None:
    address, problem = post_address("{slug}", "blog", DATED, slug=slug)
    assert address is None
    assert problem is not None and "cannot be a path" in problem


@pytest.mark.parametrize(
    ("fmt", "ok"),
    [
        ("{date:%Y/%m/%d}/{slug}", True),
        ("{file}", True),
        ("{category}/{blog}/{slug}", True),
        ("docusaurus", True),
        ("mkdocs", True),
        ("{title}", False),
        ("{}", False),
        ("{slug", False),
        ("", False),
        (3, False),
    ],
)
def test_format_checked(fmt: object, ok: bool) -> None:
    assert (address_format_problem(fmt) is None) is ok
