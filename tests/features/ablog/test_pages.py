"""Category, location and language pages, ABlog's sidebars and its drafts page."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

from tests.conftest import card_titles


def text(node) -> str:  # type: ignore[no-untyped-def]
    return re.sub(r"\s+", " ", node.get_text(" ")).strip()


def test_category_location_language_pages(shared_build, page):
    app = shared_build("ablog-every-setting")
    assert app.warning.getvalue() == ""
    categories = page(app, "news/categories/index.html")
    assert [text(li) for li in categories.select(".blogposts-page li")] == [
        "Releases (2)",
        "Tutorials (2)",
    ]
    tutorials = page(app, "news/categories/tutorials.html")
    assert tutorials.select_one("h1").get_text() == "Posts in “Tutorials”"
    assert card_titles(tutorials) == ["Release one", "First steps"]
    # blog_locations' names and links; blog_default_location for a post naming none
    pitt = page(app, "news/locations/pitt.html")
    assert pitt.select_one("h1").get_text() == "Posts from Pittsburgh"
    assert pitt.select_one(".blogposts-term-url a")["href"] == "https://pittsburgh.example"
    assert card_titles(pitt) == ["Release one"]
    assert card_titles(page(app, "news/locations/sf.html")) == ["Notes", "First steps"]
    # blog_languages' names; blog_default_language
    assert card_titles(page(app, "news/languages/en.html")) == ["Release one"]
    assert page(app, "news/languages/fr.html").select_one("h1").get_text() == "Posts in Français"
    languages = page(app, "news/languages/index.html")
    assert [text(li) for li in languages.select(".blogposts-page li")] == [
        "English (1)",
        "Français (2)",
    ]


def test_post_header_shows_location_language_category(shared_build, page):
    app = shared_build("ablog-every-setting")
    header = page(app, "news/first-steps.html").select_one(".blogposts-post-header")
    assert text(header.select_one(".blogposts-location")) == "Location: San Francisco"
    assert text(header.select_one(".blogposts-language")) == "Language: Français"
    assert text(header.select_one(".blogposts-category")) == "Category: Tutorials"
    links = {a.get_text(): a["href"] for a in header.select("a.blogposts-term")}
    assert links == {
        "San Francisco": "locations/sf.html",
        "Français": "languages/fr.html",
        "Tutorials": "categories/tutorials.html",
    }
    # a card in a list shows them too
    card = page(app, "news/index.html").select(".blogposts-card")[1]
    assert text(card.select_one(".blogposts-category")) == "Category: Releases , Tutorials"


def test_ablog_sidebar_names_render_our_sidebars(shared_build, page):
    app = shared_build("ablog-every-setting")
    first = page(app, "news/first-steps.html")
    sidebar = first.select_one(".sphinxsidebar")
    kinds = [
        c
        for nav in sidebar.select(".blogposts-sidebar")
        for c in nav["class"]
        if c.startswith("blogposts-sidebar-")
    ]
    assert kinds == [
        "blogposts-sidebar-postcard",
        "blogposts-sidebar-recent",
        "blogposts-sidebar-tags",
        "blogposts-sidebar-archives",
        "blogposts-sidebar-categories",
        "blogposts-sidebar-authors",
        "blogposts-sidebar-languages",
        "blogposts-sidebar-locations",
    ]
    postcard = sidebar.select_one(".blogposts-sidebar-postcard")
    assert postcard.select_one("time").get_text() == "05 June 2020"  # post_date_format
    assert text(postcard.select_one(".blogposts-postcard-author")) == "Author: Tyler Durden"
    assert text(postcard.select_one(".blogposts-postcard-location")) == "Location: San Francisco"
    # post_date_format_short in the recent posts
    recent = sidebar.select_one(".blogposts-sidebar-recent")
    assert [t.get_text() for t in recent.select("time")] == ["01 May", "04 Mar", "05 Jun"]
    locations = sidebar.select_one(".blogposts-sidebar-locations")
    assert [text(li) for li in locations.select("li")] == ["Pittsburgh 1", "San Francisco 2"]
    assert locations.select_one("li a")["href"] == "locations/pitt.html"
    # the postcard is for posts only
    about = page(app, "news/about.html")
    assert about.select_one(".blogposts-sidebar-postcard") is None
    assert about.select_one(".blogposts-sidebar-recent") is not None


def test_drafts_page_lists_future_posts(shared_build, page):
    app = shared_build("ablog-every-setting")
    assert "Some day" not in card_titles(page(app, "news/index.html"))
    drafts = page(app, "news/drafts.html")
    assert [a.get_text() for a in drafts.select(".blogposts-page li a")] == ["Some day"]
    assert drafts.select_one('meta[name="robots"]')["content"] == "noindex"


def test_archive_titles_lists_titles_only(shared_build, page):
    app = shared_build("ablog-every-setting", confoverrides={"blog_archive_titles": True})
    tag = page(app, "news/tags/python-3.html")
    assert tag.select(".blogposts-card") == []
    assert [a.get_text() for a in tag.select(".blogposts-title-list a")] == [
        "Release one",
        "First steps",
    ]
    # the blog's index keeps its cards
    assert card_titles(page(app, "news/index.html")) == ["Notes", "Release one", "First steps"]


def test_each_category_location_language_has_a_feed(shared_build, page):
    app = shared_build("ablog-every-setting")
    out = Path(app.outdir)
    feed = ElementTree.parse(out / "news/categories/tutorials/atom.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    assert feed.find(f"{atom}title").text == "Site News: Posts in “Tutorials”"
    assert [e.find(f"{atom}title").text for e in feed.iter(f"{atom}entry")] == [
        "Release one",
        "First steps",
    ]
    assert (out / "news/locations/pitt/atom.xml").is_file()
    assert (out / "news/languages/fr/rss.xml").is_file()
    # the value's page announces its own feed
    links = page(app, "news/categories/tutorials.html").select('link[rel="alternate"]')
    assert {link["href"] for link in links} == {"tutorials/atom.xml", "tutorials/rss.xml"}
