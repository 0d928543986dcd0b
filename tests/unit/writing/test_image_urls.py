"""One rule for an image's URL (``writing/images.url_of``): relative from a page or a
feed, or absolute against the site's root URL; no Sphinx build."""

from __future__ import annotations

import pytest

from sphinx_blogposts.writing.images import url_of

COPY = "_static/blogposts/img/cover.png"


@pytest.mark.parametrize(
    ("from_uri", "expected"),
    [
        ("index.html", COPY),
        ("blog/index.html", "../" + COPY),
        ("blog/tags/mlflow.html", "../../" + COPY),
        ("blog/2024/post/", "../../../" + COPY),  # dirhtml: the page is its folder
        ("blog/atom.xml", "../" + COPY),  # a feed without a base URL
    ],
)
def test_a_copy_is_relative_to_the_page_or_feed(from_uri: str, expected: str) -> None:
    assert url_of(COPY, from_uri) == expected


@pytest.mark.parametrize("base", ["https://example.org/docs/", "https://example.org/docs"])
def test_a_copy_is_absolute_against_the_site_root(base: str) -> None:
    # the same from every page: og:image, JSON-LD and feeds are read away from the page
    for from_uri in ("index.html", "blog/tags/x.html"):
        assert url_of(COPY, from_uri, base) == "https://example.org/docs/" + COPY


@pytest.mark.parametrize("base", ["", "https://example.org/"])
def test_a_full_url_stays_as_written(base: str) -> None:
    url = "https://cdn.example/cover.png?size=2"
    assert url_of(url, "blog/index.html", base) == url


def test_a_protocol_relative_url_takes_the_sites_scheme_away_from_a_page() -> None:
    # a browser takes the page's scheme; a feed reader or a link preview takes the site's
    assert url_of("//cdn.example/x.png", "blog/index.html") == "//cdn.example/x.png"
    assert url_of("//cdn.example/x.png", "blog/index.html", "https://example.org/") == (
        "https://cdn.example/x.png"
    )
    assert url_of("//cdn.example/x.png", "blog/atom.xml", "http://example.org/") == (
        "http://cdn.example/x.png"
    )
