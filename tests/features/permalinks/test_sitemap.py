"""sphinx-sitemap lists a moved post at its published URL, the one its canonical link
gives, not at its file's address (a redirect, which a sitemap must not list):
sphinx-sitemap notes each page by its name, and the links it noted for moved posts are
re-pointed before it writes the sitemap."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import pytest

from tests.conftest import soup_of

BASE = "https://example.org/"
SITE = BASE + "en/"  # sphinx-sitemap's default scheme puts the language first
FORMAT = {"blogposts_post_url": "{date:%Y/%m/%d}/{slug}"}


def _locs(outdir: Path) -> set[str]:
    tree = ElementTree.parse(outdir / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    return {loc.text or "" for loc in tree.findall(".//s:loc", ns)}


def _canonical(outdir: Path, page: str) -> str:
    return str(soup_of(outdir / page).find("link", rel="canonical")["href"])


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_the_sitemap_lists_the_published_url(shared_build, builder):
    extensions = ["myst_parser", "sphinx_blogposts", "sphinx_sitemap"]
    app = shared_build("permalinks-deep", builder, confoverrides={"extensions": extensions})
    out = Path(app.outdir)
    locs = _locs(out)
    for page in ("blog/2024/01/05/hello/index.html", "blog/2024/02/01/world/index.html"):
        canonical = _canonical(out, page)
        assert canonical.startswith(BASE + "blog/2024/")
        assert SITE + canonical.removeprefix(BASE) in locs
    assert not [loc for loc in locs if "2024-01-05-hello" in loc or "2024-02-01-world" in loc]
    assert SITE + ("other/" if builder == "dirhtml" else "other.html") in locs  # as it was


@pytest.mark.parametrize("confoverrides", [{}, FORMAT], ids=["default", "format"])
def test_an_address_with_spaces_is_percent_encoded(shared_build, confoverrides):
    app = shared_build(
        "docusaurus-fixture-permalinks",
        confoverrides={"extensions": ["sphinx_blogposts", "sphinx_sitemap"], **confoverrides},
    )
    out = Path(app.outdir)
    canonical = _canonical(out, "blog/hey/my super path/héllô/index.html")
    assert canonical.startswith(BASE + "blog/hey/my%20super%20path/h%C3%A9ll%C3%B4")
    locs = _locs(out)
    assert SITE + canonical.removeprefix(BASE) in locs
    assert not [loc for loc in locs if "complex-slug" in loc]
