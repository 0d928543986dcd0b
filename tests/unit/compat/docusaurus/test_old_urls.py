"""Where Docusaurus served a post: ``reading.dates.docusaurus_name`` and ``redirects.old_path``.

The expected values are Docusaurus' documented reading of a post's path (its blog
plugin's ``parseBlogFileName``; the path is relative to the blog folder, without
``.md``/``.mdx``): the date with ``/`` between its parts, then what came before the
date, then the rest of the name; ``/index`` of a folder post dropped.
"""

from __future__ import annotations

import pytest

from sphinx_blogposts.compat.docusaurus.redirects import old_path
from sphinx_blogposts.core.model import Post
from sphinx_blogposts.reading.dates import PathName, docusaurus_name


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


def post(docname: str, slug: str | None = None) -> Post:
    return Post(docname=docname, title="A post", slug=slug)


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
def test_old_path_of_a_dated_post(docname: str, old: str) -> None:
    assert old_path(post(docname), "blog") == old


def test_an_undated_post_or_one_outside_the_blog_has_no_old_path() -> None:
    # an undated post was at blog/<its path>, which is where its page is now
    assert old_path(post("blog/my-post"), "blog") is None
    assert old_path(post("news/2021-04-15-name"), "blog") is None


def test_a_slug_names_the_old_path_below_the_blog() -> None:
    assert old_path(post("blog/2021-04-15-name", slug="welcome"), "blog") == "blog/welcome"
    # a leading "/" is the blog's root (Docusaurus: baseUrl/routeBasePath/slug)
    assert old_path(post("blog/x", slug="/2024/my-post/"), "blog") == "blog/2024/my-post"
    assert old_path(post("blog/x", slug="a//b"), "blog") == "blog/a/b"
    # a slug works for an undated post and one outside the blog folder too
    assert old_path(post("elsewhere/x", slug="kept"), "blog") == "blog/kept"
    assert old_path(post("blog/x", slug="x"), "news/blog") == "news/blog/x"


@pytest.mark.parametrize(
    "slug", ["../../etc", "a/./b", "a\\b", "a?b", "a#b", "50%", "a\x00b", '"q"', "<b>", "/", "  "]
)
def test_a_slug_that_cannot_be_a_path_in_the_output_folder_has_no_old_path(slug: str) -> None:
    assert old_path(post("blog/2021-04-15-name", slug=slug), "blog") is None


def test_an_impossible_date_keeps_the_url_docusaurus_built_from_its_digits() -> None:
    # Docusaurus makes the slug from the date's text, whether or not it is a real day
    assert old_path(post("blog/2017-02-29-leap"), "blog") == "blog/2017/02/29/leap"
