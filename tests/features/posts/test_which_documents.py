"""Which documents are posts: a ``post`` directive, ``blogposts_pattern``, ``blogpost: true``."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import blog_warnings, card, card_titles


def archive_titles(soup) -> list[str]:
    return [a.get_text() for a in soup.select(".blogposts-page-archive li a")]


def is_post_page(soup) -> bool:
    return soup.select_one(".blogposts-post-header") is not None


DEFAULT_POSTS = [
    "Post by location",  # blog/pattern-post.md, 2022-05-10, matched by blog/**
    "Flagged by front matter",  # misc/flagged.md, 2022-05-08, blogpost: true
    "A MyST directive post",  # notes/myst-post.md, 2022-05-06, ```{post}
    "Notes written in reST",  # notes/rst-post.rst, 2022-05-04, .. post::
]


def test_every_way_of_making_a_post_is_listed(shared_build, page):
    app = shared_build("which-are-posts")
    # posts outside every toctree are orphans: no "not included in any toctree" warning
    assert app.warning.getvalue().strip() == ""
    index = page(app, "blog/index.html")
    assert card_titles(index) == DEFAULT_POSTS
    for name in ("blog/pattern-post", "misc/flagged", "notes/myst-post", "notes/rst-post"):
        assert is_post_page(page(app, f"{name}.html")), name


def test_rest_post_directive_options(shared_build, page):
    app = shared_build("which-are-posts")
    index = page(app, "blog/index.html")
    rst = card(index, "Notes written in reST")  # :title: wins over the document's heading
    assert [t.get_text() for t in rst.select(".blogposts-tag")] == ["Sphinx", "Tutorials"]
    # ABlog's :author: with a name that is no key is a plain name, not an error
    assert [a.get_text() for a in rst.select(".blogposts-author")] == ["Grace Hopper"]
    assert blog_warnings(app) == []
    # :excerpt: 2 -> the first two paragraphs, not the third
    excerpt = [p.get_text() for p in rst.select(".blogposts-excerpt p")]
    assert excerpt == ["First paragraph of the reST post.", "Second paragraph of the reST post."]
    assert rst.select_one("time.blogposts-date")["datetime"].startswith("2022-05-04")
    # :category: is what a postlist filters on: only this post is in "Field Notes"
    home = page(app, "index.html")
    listed = [a.get_text() for a in home.select("ul.blogposts-postlist a")]
    assert listed == ["Notes written in reST"]
    # the post's own page keeps its full body
    own = page(app, "notes/rst-post.html")
    assert "Third paragraph, never in the excerpt." in own.get_text()
    assert [t.get_text() for t in own.select(".blogposts-post-header .blogposts-tag")] == [
        "Sphinx",
        "Tutorials",
    ]


def test_myst_post_directive_outside_blog_folder(shared_build, page):
    app = shared_build("which-are-posts")
    myst = card(page(app, "blog/index.html"), "A MyST directive post")
    assert myst.select_one(".blogposts-card-title a")["href"] == "../notes/myst-post.html"
    assert [t.get_text() for t in myst.select(".blogposts-tag")] == ["Markdown"]
    assert myst.select_one("time.blogposts-date")["datetime"].startswith("2022-05-06")
    tag_page = page(app, "blog/tags/markdown.html")
    assert card_titles(tag_page) == ["A MyST directive post"]


def test_plain_documents_are_not_posts(shared_build, page):
    app = shared_build("which-are-posts")
    # about.md has a date and tags in its front matter but is outside the pattern and
    # has neither a post directive nor `blogpost: true`; news/item.md likewise
    for name in ("about", "news/item", "index"):
        assert not is_post_page(page(app, f"{name}.html")), name
    titles = card_titles(page(app, "blog/index.html"))
    assert "About" not in titles and "About this site" not in titles
    assert "News item" not in titles
    archive = archive_titles(page(app, "blog/archive.html"))
    assert archive == DEFAULT_POSTS
    assert not Path(app.outdir, "blog/tags/not-a-tag.html").exists()


def test_custom_pattern_replaces_the_default(shared_build, page):
    app = shared_build("which-are-posts", confoverrides={"blogposts_pattern": ["news/**"]})
    assert blog_warnings(app) == []
    titles = card_titles(page(app, "blog/index.html"))
    # news/** now makes posts, blog/** no longer does; directive and front-matter posts stay
    assert titles == [
        "News item",
        "Flagged by front matter",
        "A MyST directive post",
        "Notes written in reST",
    ]
    assert is_post_page(page(app, "news/item.html"))
    assert not is_post_page(page(app, "blog/pattern-post.html"))


def test_real_blog_index_is_left_alone(shared_build, page):
    app = shared_build("blog-index-written")
    assert app.warning.getvalue().strip() == ""
    index = page(app, "blog/index.html")
    # the hand-written page, not the generated list, and not a post either
    assert index.select_one("h1").get_text().rstrip("¶") == "Our hand-written blog home"
    assert "This page was written by hand and must survive the build." in index.get_text()
    assert index.select(".blogposts-card") == []
    assert not is_post_page(index)
    # its date and tags did not make it a post: nothing lists it, its tag has no page
    archive = archive_titles(page(app, "blog/archive.html"))
    assert archive == ["First release"]
    assert not Path(app.outdir, "blog/tags/hidden.html").exists()
    # the other generated pages are still there
    assert card_titles(page(app, "blog/tags/release.html")) == ["First release"]
    tags = [a.get_text() for a in page(app, "blog/tags/index.html").select(".blogposts-tag")]
    assert tags == ["Release"]
