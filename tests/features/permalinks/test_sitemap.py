"""sphinx-sitemap lists a moved post at its address, not at its file's address (a
redirect, which a sitemap must not list): sphinx-sitemap notes each page by its name,
and the links it noted for moved posts are re-pointed before it writes the sitemap."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import pytest

SITE = "https://example.org/en/"


def _locs(outdir: Path) -> set[str]:
    tree = ElementTree.parse(outdir / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    return {loc.text or "" for loc in tree.findall(".//s:loc", ns)}


@pytest.mark.parametrize(
    ("builder", "page"), [("html", "index.html"), ("dirhtml", "")], ids=["html", "dirhtml"]
)
def test_the_sitemap_lists_the_address(shared_build, builder, page):
    extensions = ["myst_parser", "sphinx_blogposts", "sphinx_sitemap"]
    app = shared_build("permalinks-deep", builder, confoverrides={"extensions": extensions})
    locs = _locs(Path(app.outdir))
    assert {SITE + "blog/2024/01/05/hello/" + page, SITE + "blog/2024/02/01/world/" + page} <= locs
    assert not [loc for loc in locs if "2024-01-05-hello" in loc or "2024-02-01-world" in loc]
    assert SITE + ("other.html" if page else "other/") in locs  # other pages as they were


def test_an_address_with_spaces_is_percent_encoded(shared_build):
    app = shared_build(
        "docusaurus-fixture-permalinks",
        confoverrides={
            "extensions": ["sphinx_blogposts", "sphinx_sitemap"],
            "blogposts_post_url": "{date:%Y/%m/%d}/{slug}",
        },
    )
    locs = _locs(Path(app.outdir))
    assert SITE + "blog/hey/my%20super%20path/h%C3%A9ll%C3%B4/index.html" in locs
    assert not [loc for loc in locs if "complex-slug" in loc]
