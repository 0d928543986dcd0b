"""Drafts, unlisted and undated posts; posts outside every toctree; the date warning."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import blog_warnings

LISTED = ["Draft as false", "Public post"]
HIDDEN_PAGES = {
    "Draft post": "blog/2024-01-02-draft.html",
    "Unlisted post": "blog/2024-01-03-unlisted.html",
    "Draft as yes": "blog/2024-01-04-draft-yes.html",
}


def plain_warnings(app):
    """This extension's warning lines, without terminal colours."""
    return [re.sub(r"\x1b\[[0-9;]*m", "", w).strip() for w in blog_warnings(app)]


def card_titles(soup):
    return [a.get_text() for a in soup.select(".blogposts-card-title a")]


def postlist_titles(soup):
    return [li.select_one("a").get_text() for li in soup.select("ul.blogposts-postlist > li")]


def robots(soup):
    return [m.get("content") for m in soup.find_all("meta", attrs={"name": "robots"})]


def test_posts_outside_any_toctree_build_without_warnings(shared_build, page):
    app = shared_build("visibility")
    assert "toctree" not in app.warning.getvalue()
    assert app.warning.getvalue() == ""
    assert card_titles(page(app, "blog/index.html")) == LISTED


def test_drafts_and_unlisted_posts_are_in_no_list(shared_build, page):
    app = shared_build("visibility")
    lists = {
        "blog/index.html": card_titles,
        "blog/tags/shared.html": card_titles,
        "blog/authors/pat.html": card_titles,
        "index.html": postlist_titles,
        "blog/archive.html": lambda s: [a.get_text() for a in s.select(".blogposts-year li a")],
    }
    for name, titles in lists.items():
        assert titles(page(app, name)) == (["Public post"] if "authors" in name else LISTED), name
    tags = page(app, "blog/tags/index.html").select_one(".blogposts-tag-index").get_text()
    assert "(2)" in tags  # counts only listed posts
    public = page(app, "blog/2024-01-01-public.html")
    nav = public.select_one(".blogposts-post-nav").get_text()
    assert "Draft as false" in nav
    assert "Draft post" not in nav and "Unlisted post" not in nav


def test_hidden_posts_still_build_but_ask_not_to_be_indexed(shared_build, page):
    app = shared_build("visibility")
    for title, name in HIDDEN_PAGES.items():
        soup = page(app, name)
        assert title in soup.find("h1").get_text(), name
        assert robots(soup) == ["noindex"], name
    for name in ("blog/2024-01-01-public.html", "blog/2024-01-05-draft-false.html"):
        assert robots(page(app, name)) == [], name


def test_drafts_are_listed_and_marked_when_enabled(shared_build, page):
    app = shared_build("visibility", confoverrides={"blogposts_drafts": True})
    index = page(app, "blog/index.html")
    assert card_titles(index) == [
        "Draft as false",
        "Draft as yes",
        "Draft post",
        "Public post",
    ]
    marked = {
        card.select_one(".blogposts-card-title a").get_text()
        for card in index.select(".blogposts-card")
        if card.select_one(".blogposts-draft") is not None
    }
    assert marked == {"Draft as yes", "Draft post"}
    assert postlist_titles(page(app, "index.html")) == card_titles(index)
    assert page(app, "blog/2024-01-02-draft.html").select_one(
        ".blogposts-post-header .blogposts-draft"
    )
    assert page(app, "blog/2024-01-01-public.html").select_one(".blogposts-draft") is None


# -- posts without a date, and the warning about them -----------------------------------------


def test_undated_post_warns_with_location_and_is_listed_nowhere(shared_build, page):
    # a reST post: an undated Markdown post is dated by its file (docusaurus/test_undated_posts)
    app = shared_build("undated-posts")
    [line] = [w for w in plain_warnings(app) if "[blogposts.date]" in w]
    source = Path(app.srcdir, "blog", "undated.rst")
    assert line.startswith(f"{source}:1: WARNING: the post has no date"), line
    assert line.endswith("[blogposts.date]")

    assert page(app, "blog/undated.html").find("h1").get_text().startswith("Undated post")
    assert card_titles(page(app, "blog/index.html")) == ["Listed post"]
    assert card_titles(page(app, "blog/tags/shared.html")) == ["Listed post"]
    assert "Undated" not in page(app, "blog/archive.html").select_one(".blogposts-page").get_text()
    assert "Undated" not in page(app, "index.html").select_one(".blogposts-postlist").get_text()


def test_suppressing_date_warnings_keeps_the_others(shared_build):
    app = shared_build(
        "undated-posts", "html", confoverrides={"suppress_warnings": ["blogposts.date"]}
    )
    warnings = plain_warnings(app)
    assert not [w for w in warnings if "[blogposts.date]" in w]
    [other] = warnings
    assert other.startswith(f"{Path(app.srcdir, 'blog', '2024-01-01-dated.md')}:4: WARNING: ")
    assert other.endswith("[blogposts.frontmatter]")
    assert Path(app.outdir, "blog/undated.html").is_file()
