"""Documents at ABlog's page addresses (``blog.md`` with a toctree, ``blog/tag.md``, ...)
show the lists ABlog wrote there, and keep their title and navigation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

from tests.conftest import blog_warnings, build_copy, card_titles, soup_of

ALL = ["What goes in the bag", "An otter in the reeds", "Herons at dawn"]
INFO = "show the lists ABlog wrote at their addresses"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build_copy(tmp_path_factory.mktemp("placeholders"), "ablog-placeholders")


def body(app: SphinxTestApp, name: str) -> BeautifulSoup:
    return soup_of(Path(app.outdir, name)).select_one("div.body")


def test_blog_placeholder_lists_every_post_and_keeps_its_toctree(built: SphinxTestApp) -> None:
    main = body(built, "blog.html")
    assert [h.get_text() for h in main.find_all("h1")] == ["The notebook¶"]
    assert main.find("p").get_text() == "Every note we posted, newest first."
    assert card_titles(main) == ALL
    toctree = [a.get_text() for a in main.select(".toctree-wrapper a")]
    assert toctree == ["Topics", "Kinds of note", "By year", "About these notes"]
    # the list comes after the document's own content
    assert main.select_one(".toctree-wrapper").find_next("section", class_="blogposts-page")
    # the site's navigation still lists the documents
    toctree = body(built, "index.html").select(".toctree-wrapper a")
    assert [(a.get_text(), a["href"]) for a in toctree][:4] == [
        ("The notebook", "blog.html"),
        ("Topics", "blog/tag.html"),
        ("Kinds of note", "blog/category.html"),
        ("By year", "blog/archive.html"),
    ]
    # the page is the document's, not a redirect to ours
    assert not soup_of(Path(built.outdir, "blog.html")).select('meta[http-equiv="refresh"]')


def test_searching_a_post_finds_the_post_not_the_placeholder(built: SphinxTestApp) -> None:
    text = Path(built.outdir, "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    found = index["terms"]["flask"]
    assert [index["docnames"][i] for i in ([found] if isinstance(found, int) else found)] == [
        "posts/kit"
    ]
    assert "newest" in index["terms"]  # the document's own text is searched


def test_catalog_placeholders_show_ablog_lists(built: SphinxTestApp) -> None:
    tags = body(built, "blog/tag.html")
    assert tags.find("h1").get_text() == "Topics¶"
    assert "The topics of the notes." in tags.get_text()
    assert [a.get_text() for a in tags.select(".blogposts-tag")] == [
        "birds",
        "gear",
        "mammals",
        "mornings",
    ]
    assert tags.select_one(".blogposts-tag")["href"] == "tags/birds.html"
    kinds = body(built, "blog/category.html")
    assert [a.get_text() for a in kinds.select(".blogposts-tag")] == ["Notes", "Sightings"]
    years = body(built, "blog/archive.html")
    assert [s["id"] for s in years.select(".blogposts-year")] == ["year-2024", "year-2023"]
    assert [a.get_text() for a in years.select(".blogposts-year a")] == ALL


def test_a_placeholder_with_its_own_postlist_keeps_it(built: SphinxTestApp) -> None:
    authors = body(built, "blog/author.html")
    assert not authors.select(".blogposts-page")
    assert [a.get_text() for a in authors.select("li a")] == [
        "An otter in the reeds",
        "Herons at dawn",
    ]


def test_ablog_labels_lead_to_the_placeholders(built: SphinxTestApp) -> None:
    links = {a.get_text(): a["href"] for a in body(built, "index.html").select("a.reference")}
    assert links["Posts"] == "blog.html"
    assert links["topics"] == "blog/tag.html"
    assert links["Archives"] == "blog/archive.html"


def test_no_warning_and_one_info_message(built: SphinxTestApp) -> None:
    assert blog_warnings(built) == []
    status = strip_escape_sequences(built.status.getvalue())
    assert status.count(INFO) == 1
    assert "blog, blog/archive, blog/author, blog/category, blog/tag " + INFO in status


def test_a_new_post_rewrites_the_placeholders(tmp_path: Path) -> None:
    first = build_copy(tmp_path, "ablog-placeholders")
    assert card_titles(body(first, "blog.html")) == ALL
    (tmp_path / "root" / "posts" / "owl.rst").write_text(
        "A barn owl\n==========\n\n.. post:: 2025-01-05\n   :tags: birds, nights\n"
        "   :category: Sightings\n\nIt hunted along the hedge.\n",
        encoding="utf-8",
    )
    again = build_copy(tmp_path, "ablog-placeholders", fresh=False)
    assert card_titles(body(again, "blog.html")) == ["A barn owl", *ALL]
    assert "nights" in [a.get_text() for a in body(again, "blog/tag.html").select(".blogposts-tag")]
    assert "year-2025" in [
        s["id"] for s in body(again, "blog/archive.html").select(".blogposts-year")
    ]
    assert blog_warnings(again) == []


def test_parallel_build_fills_the_placeholders(tmp_path: Path) -> None:
    app = build_copy(tmp_path, "ablog-placeholders", parallel=2)
    assert card_titles(body(app, "blog.html")) == ALL
    assert len(body(app, "blog/tag.html").select(".blogposts-tag")) == 4
    assert blog_warnings(app) == []
