"""A post's cover: its own picture above its text, turned on by ``blogposts_post_cover``
or by its own ``cover: true``, off by ``cover: false``; ``cover`` as a path or as
starlight-blog's mapping; the warnings for what ``cover`` and ``image_alt`` cannot be."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag

from tests.conftest import ROOTS, blog_warnings, build_copy, card, soup_of


@pytest.fixture(scope="module")
def default(shared_build):  # type: ignore[no-untyped-def]
    return shared_build("card-images")


@pytest.fixture(scope="module")
def covers_on(shared_build):  # type: ignore[no-untyped-def]
    return shared_build("card-images", confoverrides={"blogposts_post_cover": True})


def post_page(app: Any, title: str) -> BeautifulSoup:
    """The page of the post titled ``title``, found by its card's link on the blog index."""
    index = Path(app.outdir, "blog/index.html")
    href = card(soup_of(index), title).select_one(".blogposts-card-title a")["href"]
    return soup_of(index.parent / href.split("#")[0])


def cover(app: Any, title: str) -> Tag | None:
    found = post_page(app, title).select_one(".blogposts-post-header .blogposts-cover img")
    return found if isinstance(found, Tag) else None


def test_cover_true_shows_the_post_picture_with_its_size_and_text(default) -> None:
    # by default, only the posts that ask have one
    for title in ("A wide picture", "A cover given as a path", "An image but no cover"):
        assert cover(default, title) is None, title
    assert not post_page(default, "A wide picture").select(".blogposts-cover")
    img = cover(default, "A photo as its cover")
    assert img is not None
    assert img["src"].endswith("_static/blogposts/img/photo.jpg")
    assert (img["width"], img["height"], img["alt"]) == ("400", "300", "A red photo")
    assert img["decoding"] == "async"
    assert "loading" not in img.attrs  # at the top of the page: not lazy


def test_the_cover_is_under_the_header_above_the_text(default) -> None:
    page = post_page(default, "A photo as its cover")
    header = page.select_one(".blogposts-post-header")
    assert header.select_one(".blogposts-meta").find_next_sibling("figure")["class"] == [
        "blogposts-cover"
    ]
    body = page.get_text(" ", strip=True)
    assert body.index("A photo as its cover") < body.index("This post asks for its cover")


def test_a_cover_mapping_names_the_picture_and_its_text_and_shows_it(default) -> None:
    img = cover(default, "A cover as starlight-blog writes it")
    assert img is not None and img["src"].endswith("img/pic.webp")
    assert (img["width"], img["height"], img["alt"]) == ("300", "200", "A purple square")


def test_a_cover_path_is_the_post_picture(default) -> None:
    index = soup_of(Path(default.outdir, "blog/index.html"))
    img = card(index, "A cover given as a path").select_one(".blogposts-card-image img")
    assert img["src"].endswith("img/anim.gif") and img["width"] == "120"


def test_blogposts_post_cover_shows_every_post_picture(covers_on) -> None:
    wide = cover(covers_on, "A wide picture")
    assert wide is not None and (wide["width"], wide["height"]) == ("640", "360")
    assert wide["alt"] == 'Chart of "growth" <2024> & more'
    svg = cover(covers_on, 'Fish & <Chips> "diagram"')
    assert svg is not None and svg["alt"] == 'Fish & <Chips> "diagram"'
    assert cover(covers_on, "A cover given as a path") is not None
    remote = cover(covers_on, "A picture from elsewhere")
    assert remote is not None and remote["class"] == ["blogposts-unsized"]
    assert "width" not in remote.attrs
    assert cover(covers_on, "No picture at all") is None  # nothing to show


def test_cover_false_wins_over_the_setting(covers_on) -> None:
    assert cover(covers_on, "A wide picture") is not None
    assert cover(covers_on, "An image but no cover") is None


def test_unusable_cover_and_image_alt_are_one_warning_each(tmp_path) -> None:
    src = tmp_path / "root"  # where build_copy looks for its copy
    shutil.copytree(ROOTS / "test-card-images", src)
    (src / "blog/2024-02-01-bad.md").write_text(
        "---\ntitle: Bad values\ndate: 2024-02-01\nimage: /img/wide.png\n"
        "cover: [1, 2]\nimage_alt: [a, b]\n---\n\nText.\n",
        encoding="utf-8",
    )
    app = build_copy(tmp_path, "card-images")
    warnings = [w for w in blog_warnings(app) if "2024-02-01-bad.md" in w]
    assert len(warnings) == 2, warnings
    cover_warning, alt_warning = sorted(warnings, key=lambda w: "image_alt" in w)
    assert "2024-02-01-bad.md:5:" in cover_warning and "'cover: [1, 2]'" in cover_warning
    assert "2024-02-01-bad.md:6:" in alt_warning and "'image_alt' is not text" in alt_warning
    assert all(w.endswith("[blogposts.frontmatter]") for w in warnings)
    # the post is still read: its picture, described by its title, and no cover
    img = card(soup_of(Path(app.outdir, "blog/index.html")), "Bad values").select_one("img")
    assert img["alt"] == "Bad values"
    assert cover(app, "Bad values") is None
