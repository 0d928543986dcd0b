"""Generated social cards as link previews, feeds and search engines see them: a
1200×630 PNG for each post without an image of its own, named by ``og:image`` (with its
size and alt text), ``twitter:card``, the JSON-LD ``image`` and the JSON Feed item."""

from __future__ import annotations

import io
import json
import posixpath
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from sphinx_blogposts.core.config import CARD_COLORS, OPTIONS
from tests.conftest import blog_warnings, card, soup_of

BASE = "https://example.org/site/"
CARDS = "_images/blogposts/cards/blog/"
HELLO = CARDS + "2024-01-05-hello.png"


def post(app, docname: str) -> BeautifulSoup:  # type: ignore[no-untyped-def]
    """A post's page, wherever its address puts it."""
    return soup_of(app.builder.get_output_path(docname))


def metas(soup: BeautifulSoup, attr: str, name: str) -> list[str]:
    return [m["content"] for m in soup.find_all("meta", attrs={attr: name})]


def jsonld(soup: BeautifulSoup) -> dict[str, Any]:
    (script,) = soup.find_all("script", type="application/ld+json")
    return json.loads(script.string)  # type: ignore[no-any-return]


def png(app, name: str) -> Image.Image:  # type: ignore[no-untyped-def]
    image = Image.open(io.BytesIO(Path(app.outdir, name).read_bytes()))
    image.load()
    return image


def hex_of(color: tuple[int, int, int]) -> str:
    return "#" + "".join(f"{part:02x}" for part in color)


@pytest.fixture(scope="module")
def built(shared_build):  # type: ignore[no-untyped-def]
    return shared_build("social-cards")


def test_og_image_is_the_posts_card_a_1200x630_png(built) -> None:
    soup = post(built, "blog/2024-01-05-hello")
    assert metas(soup, "property", "og:image") == [BASE + HELLO]
    assert metas(soup, "property", "og:image:width") == ["1200"]
    assert metas(soup, "property", "og:image:height") == ["630"]
    assert metas(soup, "property", "og:image:alt") == ["Hello, cards"]
    image = png(built, HELLO)
    assert (image.format, image.size) == ("PNG", (1200, 630))


def test_twitter_shows_the_card_large(built) -> None:
    soup = post(built, "blog/2024-01-05-hello")
    assert metas(soup, "name", "twitter:card") == ["summary_large_image"]
    assert metas(soup, "name", "twitter:image") == [BASE + HELLO]


def test_json_ld_and_the_json_feed_name_the_card(built) -> None:
    assert jsonld(post(built, "blog/2024-01-05-hello"))["image"] == [BASE + HELLO]
    feed = json.loads(Path(built.outdir, "blog/feed.json").read_text(encoding="utf-8"))
    images = {item["title"]: item.get("image") for item in feed["items"]}
    assert images["Hello, cards"] == BASE + HELLO
    assert images["Opted out"] is None


def test_the_card_shows_the_colours_the_logo_and_the_avatar(built) -> None:
    image = png(built, HELLO).convert("RGB")
    accent, background = (hex_of(image.getpixel(xy)) for xy in [(600, 4), (5, 300)])
    assert (accent, background) == (CARD_COLORS["accent"], CARD_COLORS["background"])
    # the logo (red, at the top left) and Ann's avatar (green, at the bottom left)
    assert image.getpixel((90, 92)) == (200, 40, 40)
    assert image.getpixel((85, 540))[1] > 120 > image.getpixel((85, 540))[0]
    colours = {color for _count, color in image.getcolors(1 << 16) or []}
    assert hex_of(max(colours, key=sum)) == CARD_COLORS["foreground"]


def test_a_post_with_its_own_image_keeps_it_and_gets_no_card(built) -> None:
    soup = post(built, "blog/2024-02-01-own-image/index")
    (own,) = metas(soup, "property", "og:image")
    assert own.startswith(BASE + "_static/blogposts/") and own.endswith("/cover.png")
    assert metas(soup, "property", "og:image:width") == []
    assert Path(built.outdir, HELLO).is_file()  # the others have theirs
    assert not Path(built.outdir, CARDS + "2024-02-01-own-image").exists()
    assert not list(Path(built.outdir, CARDS).glob("2024-02-01-own-image*"))


def test_social_card_false_opts_a_post_out(built) -> None:
    soup = post(built, "blog/2024-03-01-opted-out")
    assert metas(soup, "property", "og:image") == []
    assert metas(soup, "name", "twitter:card") == []
    assert "image" not in jsonld(soup)
    assert not Path(built.outdir, CARDS + "2024-03-01-opted-out.png").exists()
    assert metas(post(built, "blog/2024-05-01-maybe"), "property", "og:image")  # not opted out


def test_a_flag_that_is_neither_true_nor_false_is_one_warning_and_a_card(built) -> None:
    (warning,) = [w for w in blog_warnings(built) if "social_card" in w and "maybe" in w]
    assert "2024-05-01-maybe.md:3:" in warning and "[blogposts.frontmatter]" in warning
    assert Path(built.outdir, CARDS + "2024-05-01-maybe.png").is_file()


def test_the_blogs_own_lists_show_no_card(built) -> None:
    """The index lists a post with its own image only: a card repeats the title."""
    index = soup_of(built.builder.get_output_path("blog/index"))
    assert Path(built.outdir, HELLO).is_file()
    assert card(index, "Hello, cards").select_one(".blogposts-card-image img") is None
    assert card(index, "A post with its own image").select_one(".blogposts-card-image img")


def test_lists_show_the_generated_card_when_asked(shared_build) -> None:
    """``blogposts_list_cards = "generated"``: a post without an image of its own shows its
    card in lists, at the card's size, with its title as the text; its own image still wins."""
    app = shared_build("social-cards", confoverrides={"blogposts_list_cards": "generated"})
    index = soup_of(app.builder.get_output_path("blog/index"))
    img = card(index, "Hello, cards").select_one(".blogposts-card-image img")
    assert img is not None
    assert img["src"] == "../" + HELLO and Path(app.outdir, HELLO).is_file()
    assert (img["width"], img["height"], img["alt"]) == ("1200", "630", "Hello, cards")
    own = card(index, "A post with its own image").select_one(".blogposts-card-image img")
    assert own is not None and "blogposts/cards" not in own["src"]
    # a post that opted out of its card shows none
    assert card(index, "Opted out").select_one(".blogposts-card-image img") is None


def test_without_a_base_url_the_card_loads_from_the_post_page(shared_build) -> None:
    app = shared_build("social-cards", confoverrides={"html_baseurl": ""})
    page = app.builder.get_output_path("blog/2024-01-05-hello")
    (url,) = metas(soup_of(page), "property", "og:image")
    assert "://" not in url
    relative = posixpath.relpath(page, app.outdir)
    target = Path(app.outdir, posixpath.normpath(posixpath.join(posixpath.dirname(relative), url)))
    assert target == Path(app.outdir, HELLO) and target.is_file()


def test_colours_from_the_setting(shared_build) -> None:
    colors = {"background": "#ffffff", "accent": "#f00"}
    app = shared_build("social-cards", confoverrides={"blogposts_social_cards_colors": colors})
    image = png(app, HELLO).convert("RGB")
    assert image.getpixel((600, 4)) == (255, 0, 0)
    assert image.getpixel((5, 300)) == (255, 255, 255)
    assert not [w for w in blog_warnings(app) if "[blogposts.config]" in w]


def test_cards_are_off_by_default(shared_build) -> None:
    assert {option.name: option.default for option in OPTIONS}["blogposts_social_cards"] is False
    app = shared_build("social-cards", confoverrides={"blogposts_social_cards": False})
    assert not Path(app.outdir, "_images/blogposts").exists()
    assert metas(post(app, "blog/2024-01-05-hello"), "property", "og:image") == []


def test_sphinxext_opengraph_gets_the_card_and_other_pages_keep_theirs(shared_build) -> None:
    """With sphinxext-opengraph loaded, it writes the og: tags: one og:image on a post,
    ours, and the site's own image everywhere else."""
    site_image = "https://example.org/site/site-card.png"
    app = shared_build(
        "social-cards",
        confoverrides={
            "extensions": ["sphinx_blogposts", "sphinxext.opengraph"],
            "ogp_site_url": BASE,
            "ogp_image": site_image,
        },
    )
    soup = post(app, "blog/2024-01-05-hello")
    assert metas(soup, "property", "og:image") == [BASE + HELLO]
    assert metas(soup, "property", "og:image:width") == ["1200"]
    assert metas(soup, "property", "og:image:alt") == ["Hello, cards"]
    assert metas(soup, "name", "twitter:card") == ["summary_large_image"]
    root = soup_of(app.builder.get_output_path("index"))
    assert metas(root, "property", "og:image") == [site_image]
    assert metas(root, "property", "og:image:width") == []
    opted_out = post(app, "blog/2024-03-01-opted-out")
    assert metas(opted_out, "property", "og:image") == [site_image]
