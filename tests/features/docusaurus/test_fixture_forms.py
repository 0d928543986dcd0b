"""Forms Docusaurus' own blog-plugin tests exercise, read as Docusaurus reads them.

The root ``test-docusaurus-fixture-forms`` holds posts written for this test in those
forms: a link relative to the post's old address with a heading anchor
(``other-post#heading``, also from a post with a ``slug`` in a folder of its own), and
an ``<img>`` over several lines whose ``srcSet`` is a template literal of
``useBaseUrl()`` calls. Docusaurus builds all of it without a warning, so must we.
The posts are at Docusaurus' addresses (``blog/trail-notes/``, ``blog/walks/hill/``).
"""

from __future__ import annotations

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

from tests.conftest import build_copy, soup_of


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build_copy(tmp_path_factory.mktemp("fixture-forms"), "docusaurus-fixture-forms")


def _link(app: SphinxTestApp, page: str, text: str) -> str:
    soup = soup_of(app.outdir / page)
    found = [a for a in soup.select("div[role=main] a") if a.get_text() == text]
    assert len(found) == 1, [a.get_text() for a in soup.select("div[role=main] a")]
    return str(found[0]["href"])


def test_the_build_gives_no_warning(built: SphinxTestApp) -> None:
    assert strip_escape_sequences(built.warning.getvalue()).strip() == ""


def test_a_relative_link_with_an_anchor_reaches_the_heading_of_that_post(
    built: SphinxTestApp,
) -> None:
    reading = "blog/reading-links/index.html"
    assert _link(built, reading, "by its address") == "../trail-notes/index.html"
    assert _link(built, reading, "at one of its headings") == (
        "../trail-notes/index.html#second-day"
    )


def test_a_relative_link_is_read_against_the_slug_the_post_had(built: SphinxTestApp) -> None:
    # /blog/walks/hill linked ../trail-notes#second-day: /blog/trail-notes#second-day
    assert _link(built, "blog/walks/hill/index.html", "rainy day") == (
        "../../trail-notes/index.html#second-day"
    )


def test_a_srcset_built_from_use_base_url_calls_is_the_srcset_react_renders(
    built: SphinxTestApp,
) -> None:
    page = built.outdir / "blog/picture-sizes/index.html"
    body = soup_of(page).select_one("div[role=main]")
    image = body.select_one("img[alt=Ridge]")
    assert image is not None
    # each URL then found in the static folder, as src would be
    assert image["srcset"] == (
        "../../_static/blogposts/img/ridge-small.png 320w, "
        "../../_static/blogposts/img/ridge-large.png 640w"
    )
    assert [c.get_text() for c in body.select("code")] == ["npm run build"]
    assert "useBaseUrl" not in body.get_text()
