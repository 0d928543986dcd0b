"""Notebook posts of ABlog sites: through nbsphinx and through MyST-NB.

ABlog documents two ways: nbsphinx with the ``post`` directive in a raw reST cell,
and MyST-NB with ABlog's keys in the notebook's metadata (or a MyST text notebook's
front matter). The notebooks are saved with their outputs, so no kernel runs; nbsphinx
needs pandoc for the Markdown cells.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

from tests.conftest import build_copy, soup_of

pytest.importorskip("nbsphinx", reason="the test extras install nbsphinx")
pytest.importorskip("myst_nb", reason="the test extras install myst-nb")


def _build(tmp_path_factory, name: str) -> SphinxTestApp:
    return build_copy(tmp_path_factory.mktemp(name), name)


@pytest.fixture(scope="module")
def nbsphinx_site(tmp_path_factory):
    return _build(tmp_path_factory, "ablog-nbsphinx")


@pytest.fixture(scope="module")
def mystnb_site(tmp_path_factory):
    return _build(tmp_path_factory, "ablog-mystnb")


def page(app, name: str):
    return soup_of(Path(app.outdir, name))


def cards(app) -> dict[str, object]:
    return {
        c.select_one(".blogposts-card-title a").get_text(): c
        for c in page(app, "blog/index.html").select(".blogposts-card")
    }


def no_warnings(app) -> None:
    assert strip_escape_sequences(app.warning.getvalue()).strip() == ""


def test_nbsphinx_notebook_with_a_post_directive_in_a_raw_cell(nbsphinx_site):
    no_warnings(nbsphinx_site)  # pandoc is there, the raw cell is read as reST
    card = cards(nbsphinx_site)["Notebook post"]
    assert card.select_one("time.blogposts-date")["datetime"] == "2018-10-27T00:00:00+00:00"
    assert card.select_one(".blogposts-author").get_text() == "Ann"
    assert [t.get_text() for t in card.select(".blogposts-tag")] == ["notebooks"]
    excerpt = card.select_one(".blogposts-excerpt").get_text(" ", strip=True)
    assert excerpt == "NBSPHINX-EXCERPT: the first paragraph of a notebook post."
    post = page(nbsphinx_site, "posts/notebook.html")
    assert post.select_one(".blogposts-post-header") is not None
    assert "42" in post.select_one(".nboutput").get_text()  # the saved output is shown
    listed = page(nbsphinx_site, "index.html").select(".blogposts-postlist li a")
    assert [a.get_text() for a in listed] == ["Notebook post"]


def test_mystnb_notebook_with_ablog_keys_in_its_metadata(mystnb_site):
    no_warnings(mystnb_site)  # myst_nb and the myst_parser this extension loads coexist
    card = cards(mystnb_site)["Notebook post"]
    assert card.select_one("time.blogposts-date")["datetime"] == "2018-10-27T00:00:00+00:00"
    assert card.select_one(".blogposts-author").get_text() == "Ann"
    assert [t.get_text() for t in card.select(".blogposts-tag")] == ["notebooks"]
    excerpt = card.select_one(".blogposts-excerpt").get_text(" ", strip=True)
    assert excerpt == "MYSTNB-EXCERPT: the first paragraph of a notebook post."
    post = page(mystnb_site, "posts/notebook.html")
    assert "42" in post.select_one(".cell_output").get_text()


def test_mystnb_text_notebook_with_a_code_cell(mystnb_site):
    card = cards(mystnb_site)["Text notebook post"]
    assert card.select_one("time.blogposts-date")["datetime"] == "2021-11-03T00:00:00+00:00"
    post = page(mystnb_site, "posts/text-notebook.html")
    # MyST-NB, not plain MyST, read the page: the code cell is a notebook cell
    assert "print(6 * 7)" in post.select_one(".cell .cell_input").get_text()
    listed = page(mystnb_site, "index.html").select(".blogposts-postlist li a")
    assert [a.get_text() for a in listed] == ["Text notebook post", "Notebook post"]
