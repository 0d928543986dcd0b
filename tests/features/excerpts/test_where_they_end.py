"""Excerpts: where they end, what never shows, and links that keep working on other pages."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urldefrag

import pytest

from tests.conftest import soup_of

#: card title -> (text that must be in the excerpt, text that must not)
CUTS = {
    "Links post": (["See", "the other page"], ["LINKS-AFTER-MARKER"]),
    "More marker": (["MORE-BEFORE", "MORE-SECOND"], ["MORE-AFTER"]),
    "MDX marker": (["MDX-BEFORE"], ["MDX-AFTER"]),
    "reST marker": (["REST-BEFORE", "REST-SECOND"], ["REST-AFTER"]),
    "No marker": (["PLAIN-FIRST"], ["PLAIN-SECOND"]),
}

POST_PAGES = {
    "Links post": "blog/2024/01/06/links.html",
    "More marker": "blog/2024-01-05-more.html",
    "MDX marker": "blog/2024-01-04-mdx.html",
    "reST marker": "blog/2024-01-03-rest.html",
    "No marker": "blog/2024-01-02-plain.html",
}


def excerpt_of(soup, title):
    for card in soup.select(".blogposts-card"):
        if card.select_one(".blogposts-card-title a").get_text() == title:
            excerpt = card.select_one(".blogposts-excerpt")
            assert excerpt is not None, f"the card of {title!r} has no excerpt"
            return excerpt
    raise AssertionError(f"no card titled {title!r}")


def resolve(app, page_name: str, url: str) -> tuple[Path, str]:
    """The file a relative URL on ``page_name`` points at, and its fragment."""
    path, fragment = urldefrag(url)
    assert path, f"{url!r} has no path"
    assert "://" not in path and not path.startswith("/"), f"{url!r} is not relative"
    target = (Path(app.outdir, page_name).parent / path).resolve()
    return target, fragment


def test_each_marker_form_ends_the_excerpt(shared_build, page):
    app = shared_build("excerpts")
    index = page(app, "blog/index.html")
    for title, (kept, dropped) in CUTS.items():
        text = excerpt_of(index, title).get_text()
        for word in kept:
            assert word in text, f"{title}: {word!r} missing from the excerpt"
        for word in dropped:
            assert word not in text, f"{title}: {word!r} is past the marker"
            # the post page itself keeps everything
            assert word in page(app, POST_PAGES[title]).get_text(), f"{title}: {word!r} lost"


def test_marker_text_appears_in_no_output_file(shared_build):
    app = shared_build("excerpts")
    pages = sorted(Path(app.outdir).rglob("*.html"))
    assert len(pages) > 10
    for path in pages:
        soup = soup_of(path)
        for pre in soup.find_all("pre"):  # a marker quoted in a code block is legitimate text
            pre.decompose()
        html = str(soup)
        rel = path.relative_to(app.outdir)
        for needle in ("truncate", "more -->", "more --&gt;", "{/*"):
            assert needle not in html, f"{needle!r} left in {rel}"


def test_marker_in_a_code_block_is_only_text(shared_build, page):
    app = shared_build("excerpts")
    post = page(app, "blog/2024-01-01-fenced.html")
    assert "<!-- truncate -->" in post.select_one("div.highlight pre").get_text()
    assert "FENCED-AFTER" in post.get_text()

    excerpt = excerpt_of(page(app, "blog/index.html"), "Fenced marker")
    assert "<!-- truncate -->" in excerpt.select_one("pre").get_text()
    text = excerpt.get_text()
    assert "FENCED-BEFORE" in text
    assert "FENCED-KEPT" in text  # the cut is at the real marker, after the code block
    assert "FENCED-AFTER" not in text


def test_marker_inside_a_list_item_cuts_the_list_there(shared_build, page):
    app = shared_build("excerpts")
    excerpt = excerpt_of(page(app, "blog/index.html"), "Nested marker")
    assert "NESTED-INTRO" in excerpt.get_text()
    assert [li.get_text(strip=True) for li in excerpt.select("li")] == ["NESTED-ONE", "NESTED-TWO"]
    assert "NESTED-AFTER" not in excerpt.get_text()

    post = page(app, "blog/2023-12-31-nested.html")
    items = [li.get_text(strip=True) for li in post.select("section li")]
    assert items == ["NESTED-ONE", "NESTED-TWO", "NESTED-THREE"]


@pytest.mark.parametrize(
    "listing",
    [
        "blog/index.html",  # the blog index: one folder above the post
        "blog/tags/links.html",  # a tag page: one folder deeper than the index
        "index.html",  # a postlist in the root index
    ],
)
def test_excerpt_links_and_images_resolve_where_shown(shared_build, page, listing):
    app = shared_build("excerpts")
    out = Path(app.outdir).resolve()
    excerpt = excerpt_of(page(app, listing), "Links post")

    targets = {}
    for a in excerpt.select("a[href]"):
        target, fragment = resolve(app, listing, a["href"])
        assert target.is_file(), f"{a['href']!r} on {listing} points at a missing file"
        targets[a.get_text()] = (target.relative_to(out).as_posix(), fragment)
    assert targets == {
        "the other page": ("other.html", ""),
        "a sibling post": ("blog/2024-01-05-more.html", ""),
        "the doc role": ("other.html", ""),
        "the label": ("other.html", "other-label"),
    }
    assert soup_of(out / "other.html").find(id="other-label") is not None

    [img] = excerpt.select("img")
    image, _ = resolve(app, listing, img["src"])
    assert image == out / "_images" / "pic.png"
    assert image.is_file()
