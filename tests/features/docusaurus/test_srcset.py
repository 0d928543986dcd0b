"""``srcset`` in a Docusaurus post's raw HTML: each URL of the list resolved as ``src`` is.

The root ``test-docusaurus-srcset`` has one post in a folder of its own
(``blog/2024-02-02-pictures/index.md``, served at ``blog/2024/02/02/pictures/``), so its
page, the blog's index and the tag page are each at another depth: a ``<picture>`` whose
``<source srcset>`` and ``<img srcset>`` name files of the static folder, and an ``<img>``
naming a file that is in no folder.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from lxml import etree
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

from tests.conftest import build_copy, soup_of

ATOM = "{http://www.w3.org/2005/Atom}"
POST = "blog/2024/02/02/pictures/index.html"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build_copy(tmp_path_factory.mktemp("srcset"), "docusaurus-srcset")


def srcsets(app: SphinxTestApp, page: str) -> list[str]:
    soup = soup_of(app.outdir / page)
    return [str(tag["srcset"]) for tag in soup.select("[srcset]")]


def expected(prefix: str) -> list[str]:
    """The three lists, written for a page ``prefix`` away from the output root."""
    static = f"{prefix}_static/blogposts/img/"
    return [
        f"{static}wide.png 1200w, {static}narrow.png 600w",
        f"{static}narrow.png, {static}narrow@2x.png 2x",
        f"{prefix}img/gone.png 1x, https://cdn.example.org/far.png 2x, "
        "data:image/gif;base64,R0lGOD,lhAQ 3x",
    ]


def test_each_url_of_a_srcset_is_found_copied_and_repointed(built: SphinxTestApp) -> None:
    assert srcsets(built, POST) == expected("../../../../../")
    for name in ("wide.png", "narrow.png", "narrow@2x.png"):
        assert (built.outdir / "_static/blogposts/img" / name).is_file()


def test_the_excerpt_elsewhere_points_at_the_same_files(built: SphinxTestApp) -> None:
    assert srcsets(built, "blog/index.html") == expected("../")
    assert srcsets(built, "blog/tags/pictures.html") == expected("../../")


def test_the_feed_has_absolute_urls_and_no_markup_in_its_summary(built: SphinxTestApp) -> None:
    root = etree.parse(str(built.outdir / "blog/atom.xml")).getroot()
    [entry] = root.iter(f"{ATOM}entry")
    content = BeautifulSoup(entry.findtext(f"{ATOM}content") or "", "html.parser")
    assert [str(t["srcset"]) for t in content.select("[srcset]")] == expected(
        "https://example.org/"
    )
    assert "blogposts://" not in etree.tostring(root, encoding="unicode")
    assert entry.find(f"{ATOM}summary") is None  # the excerpt is pictures only


def test_a_missing_file_is_one_warning_for_the_post(built: SphinxTestApp) -> None:
    lines = strip_escape_sequences(built.warning.getvalue()).strip().splitlines()
    assert len(lines) == 1, lines
    assert "index.md:11: WARNING: '/img/gone.png' is not a file in the static folder" in lines[0]
    assert lines[0].endswith("[blogposts.image]")
