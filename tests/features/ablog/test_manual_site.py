"""A site shaped like ABlog's own documentation builds as ABlog built it: every post in the
feed at ``blog_baseurl``, undated posts as drafts, and no warning."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

from tests.conftest import blog_warnings, build_copy, soup_of


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build_copy(tmp_path_factory.mktemp("manual"), "ablog-like-its-docs")


def feed_ids(app: SphinxTestApp) -> list[str]:
    feed = BeautifulSoup(Path(app.outdir, "blog/atom.xml").read_text(encoding="utf-8"), "xml")
    return [entry.find("id").get_text() for entry in feed.find_all("entry")]


def test_the_feed_holds_every_post_at_blog_baseurl(built: SphinxTestApp) -> None:
    ids = feed_ids(built)
    releases = [f"https://kiln.example/release/kiln-0.{n}.html" for n in range(1, 22)]
    # every listed post, as ABlog's blog_feed_length = None has it: more than our 20
    assert sorted(ids) == sorted([*releases, "https://kiln.example/manual/external.html"])
    assert "https://kiln.example/manual/someday.html" not in ids  # a draft
    # the pages keep html_baseurl
    page = soup_of(Path(built.outdir, "release/kiln-0.3.html"))
    canonical = page.select_one('link[rel="canonical"]')["href"]
    assert canonical == "https://docs.kiln.example/release/kiln-0.3.html"


def test_the_site_builds_as_ablog_built_it(built: SphinxTestApp) -> None:
    assert blog_warnings(built) == []
    status = strip_escape_sequences(built.status.getvalue())
    assert "blog_baseurl (html_baseurl is used)" in status  # said, not warned
    # the undated post is a draft, listed on the drafts page only
    drafts = soup_of(Path(built.outdir, "blog/drafts.html")).select_one("div.body")
    assert [a.get_text() for a in drafts.select("li a")] == ["Firing schedules"]
    index = soup_of(Path(built.outdir, "index.html")).select_one("div.body")
    assert index.select_one("p a.reference")["href"] == "blog/drafts.html"  # blog-drafts
    # a post without a language counts as blog_default_language; the "nl" one does not
    listed = [a.get_text() for a in index.select(".blogposts-postlist a, ul li a")][:3]
    assert listed == ["Kiln 0.19 released", "Kiln 0.20 released", "Kiln 0.17 released"]
