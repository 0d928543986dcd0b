"""A post's own picture on its card in every list, with its size, its text and lazy
loading; the grid layout (``blogposts_index_layout``, ``postlist :layout:``); the
settings' and the option's validation."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag

from tests.conftest import blog_warnings, card, soup_of

WIDE = "A wide picture"
SVG = 'Fish & <Chips> "diagram"'
REMOTE = "A picture from elsewhere"
PLAIN = "No picture at all"

#: The generated pages that list posts as cards, and a post of "Ann" in the series "Tour".
LISTS = ("blog/index.html", "blog/tags/pictures.html", "blog/authors/ann.html")
SERIES = "blog/series/tour.html"


@pytest.fixture(scope="module")
def built(shared_build):  # type: ignore[no-untyped-def]
    return shared_build("card-images")


@pytest.fixture(scope="module")
def grid(shared_build):  # type: ignore[no-untyped-def]
    return shared_build("card-images", confoverrides={"blogposts_index_layout": "grid"})


def out(app: Any, name: str) -> BeautifulSoup:
    return soup_of(Path(app.outdir, name))


def card_img(soup: BeautifulSoup, title: str) -> Tag | None:
    found = card(soup, title).select_one(".blogposts-card-image img")
    return found if isinstance(found, Tag) else None


def postlists(app: Any) -> list[Tag]:
    """The root index's four postlists, in order (see the root's index.md)."""
    return out(app, "index.html").select(".blogposts-postlist")


# -- pictures on cards -------------------------------------------------------------------


@pytest.mark.parametrize("name", [*LISTS, SERIES])
def test_every_list_of_cards_shows_the_post_picture(built, name) -> None:
    img = card_img(out(built, name), WIDE)
    assert img is not None, name
    assert img["src"].endswith("_static/blogposts/img/wide.png")
    assert (Path(built.outdir, name).parent / img["src"]).resolve().is_file()
    assert (img["width"], img["height"], img["loading"]) == ("640", "360", "lazy")
    assert img["alt"] == 'Chart of "growth" <2024> & more'


@pytest.mark.parametrize("name", LISTS)
def test_a_post_without_a_picture_has_none(built, name) -> None:
    assert card_img(out(built, name), PLAIN) is None
    assert "blogposts-has-image" not in card(out(built, name), PLAIN)["class"]
    assert "blogposts-has-image" in card(out(built, name), WIDE)["class"]


def test_a_postlist_with_excerpts_shows_pictures(built) -> None:
    with_excerpts = postlists(built)[0]
    assert card_img(with_excerpts, "An image but no cover")["width"] == "320"


def test_the_archive_shows_a_thumbnail_beside_each_title_if_a_post_has_one(
    built, shared_build
) -> None:
    archive = out(built, "blog/archive.html")
    lines = archive.select("ul.blogposts-with-thumbs > li")
    assert len(lines) == 8
    by_title = {li.select("a")[-1].get_text(): li for li in lines}
    thumb = by_title[WIDE].select_one(".blogposts-thumb img")
    assert thumb["src"].endswith("img/wide.png") and thumb["loading"] == "lazy"
    assert (thumb["width"], thumb["height"]) == ("640", "360")
    # one link a line, the title; a post without a picture keeps its line aligned
    assert [a.get_text() for a in by_title[WIDE].select("a")] == [WIDE]
    assert by_title[PLAIN].select_one(".blogposts-thumb").contents == []
    # an archive where no post has a picture is as it was: titles and dates
    archive = out(shared_build("small-blog"), "blog/archive.html")
    assert archive.select(".blogposts-year ul > li")
    assert not archive.select(".blogposts-with-thumbs, .blogposts-thumb")


# -- size, text, loading -------------------------------------------------------------------

SIZES = {
    WIDE: ("640", "360"),  # PNG
    SVG: ("800", "450"),  # SVG, from its viewBox
    "A photo as its cover": ("400", "300"),  # JPEG
    "A cover given as a path": ("120", "80"),  # GIF
    "A cover as starlight-blog writes it": ("300", "200"),  # WebP
}


def test_pictures_are_lazy_with_their_size_from_the_file(built) -> None:
    index = out(built, "blog/index.html")
    for title, size in SIZES.items():
        img = card_img(index, title)
        assert (img["width"], img["height"]) == size, title
        assert img["loading"] == "lazy" and img["decoding"] == "async", title
        assert "blogposts-unsized" not in img.get("class", []), title


def test_a_picture_given_by_url_has_no_size(built) -> None:
    img = card_img(out(built, "blog/index.html"), REMOTE)
    assert img["src"] == "https://images.example.org/remote.png"
    assert "width" not in img.attrs and "height" not in img.attrs
    assert img["class"] == ["blogposts-unsized"]
    assert img["loading"] == "lazy"


def test_alt_is_image_alt_else_the_title_escaped(built) -> None:
    index = out(built, "blog/index.html")
    assert card_img(index, WIDE)["alt"] == 'Chart of "growth" <2024> & more'
    assert card_img(index, SVG)["alt"] == SVG  # no image_alt: the title
    assert card_img(index, REMOTE)["alt"] == REMOTE
    raw = Path(built.outdir, "blog/index.html").read_text(encoding="utf-8")
    assert 'alt="Chart of &#34;growth&#34; &lt;2024&gt; &amp; more"' in raw
    assert "<2024>" not in raw and "<Chips>" not in raw


# -- layouts ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", [*LISTS, SERIES])
def test_blogposts_index_layout_grid_lays_out_every_list_page(built, grid, name) -> None:
    assert out(built, name).select_one(".blogposts-cards")
    assert not out(built, name).select(".blogposts-grid"), "a list by default"
    cards = out(grid, name).select_one(".blogposts-postlist.blogposts-cards.blogposts-grid")
    assert cards is not None, name
    assert card_img(cards, WIDE)["width"] == "640"
    assert card(cards, WIDE).select_one(".blogposts-excerpt")  # image, title, date, excerpt
    assert card(cards, WIDE).select_one(".blogposts-date")


def test_the_grid_archive_is_small_cards_without_excerpts(built, grid) -> None:
    assert not out(built, "blog/archive.html").select(".blogposts-grid")
    year = out(grid, "blog/archive.html").select_one(".blogposts-year")
    cards = year.select_one(".blogposts-grid.blogposts-grid-compact")
    assert cards is not None and not year.select("ul.blogposts-with-thumbs")
    wide = card(cards, WIDE)
    assert card_img(cards, WIDE)["height"] == "360"
    assert wide.select_one(".blogposts-date")
    assert not wide.select(".blogposts-excerpt, .blogposts-read-more")


def test_postlist_layout_grid(built) -> None:
    excerpts, as_grid, titles_grid, mistyped = postlists(built)
    assert excerpts["class"] == ["blogposts-postlist", "blogposts-cards"]  # no :layout:
    assert as_grid["class"] == ["blogposts-postlist", "blogposts-cards", "blogposts-grid"]
    assert len(as_grid.select(".blogposts-card")) == 4
    assert as_grid.select(".blogposts-card .blogposts-excerpt")
    assert as_grid.select(".blogposts-read-more")
    # a grid without :excerpts: : picture, title and date only
    assert "blogposts-grid" in titles_grid["class"]
    assert len(titles_grid.select(".blogposts-card")) == 2
    assert card_img(titles_grid, "An image but no cover")["alt"] == "An image but no cover"
    assert not titles_grid.select(".blogposts-excerpt, .blogposts-read-more")
    # an unknown layout is the list: ABlog's lines
    assert mistyped.name == "ul" and len(mistyped.select("li")) == 2


def test_an_unknown_layout_is_one_warning_at_its_line(built) -> None:
    (warning,) = [w for w in blog_warnings(built) if ":layout:" in w]
    assert "index.md:28:" in warning
    assert "'mosaic'" in warning and warning.endswith("[blogposts.directive]")
    assert len(blog_warnings(built)) == 1


def test_each_blog_may_have_its_own_layout(shared_build) -> None:
    news = {"title": "News", "pattern": ["news/**", "shared/**"], "index_layout": "grid"}
    app = shared_build("two-blogs", confoverrides={"blogposts_blogs": {"news": news}})
    assert out(app, "news/index.html").select_one(".blogposts-grid")
    assert not out(app, "blog/index.html").select_one(".blogposts-grid")


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("blogposts_index_layout", "tiles"),
        ("blogposts_list_cards", "mine"),
        ("blogposts_post_cover", 2),
    ],
)
def test_a_wrong_setting_is_one_warning_and_the_default(shared_build, name, value) -> None:
    app = shared_build("card-images", confoverrides={name: value})
    config = [w for w in blog_warnings(app) if "[blogposts.config]" in w]
    assert len(config) == 1 and f"{name} = {value!r} is not valid" in config[0]
    assert not out(app, "blog/index.html").select(".blogposts-grid, .blogposts-cover")
    assert card_img(out(app, "blog/index.html"), WIDE) is not None


def test_list_cards_own_or_generated_show_own_pictures_only_until_cards_are_drawn(
    shared_build,
) -> None:
    """``"generated"`` without generated cards: the posts' own pictures, none broken."""
    app = shared_build("card-images", confoverrides={"blogposts_list_cards": "generated"})
    assert not [w for w in blog_warnings(app) if "[blogposts.config]" in w]
    index = out(app, "blog/index.html")
    assert card_img(index, WIDE)["width"] == "640"
    assert card_img(index, PLAIN) is None
