"""Sphinx's search index holds what posts say, not the blog's chrome around them."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.conftest import soup_of


def search_index(app) -> dict:  # type: ignore[no-untyped-def,type-arg]
    text = Path(app.outdir, "searchindex.js").read_text(encoding="utf-8")
    found = re.fullmatch(r"Search\.setIndex\((.*)\)\s*", text, re.DOTALL)
    assert found, text[:200]
    return json.loads(found.group(1))


def docs_of(index: dict, word: str) -> set[str]:  # type: ignore[type-arg]
    found = index["terms"].get(word, [])
    return {index["docnames"][i] for i in ([found] if isinstance(found, int) else found)}


def test_headers_and_footers_are_not_searched(shared_build):
    app = shared_build("paginated-blog")
    page = soup_of(Path(app.outdir, "blog/2024-02-08-post-7.html"))
    # the chrome is on the page: author, tags, related posts, newer/older links
    assert page.select_one(".blogposts-author").get_text() == "Bob Example"
    assert "odd" in [a.get_text() for a in page.select(".blogposts-post-header .blogposts-tag")]
    assert page.select(".blogposts-related li") and page.select(".blogposts-post-nav a")
    assert not page.select(".no-search")  # and no wrapper of its own around it
    index = search_index(app)
    post = "blog/2024-02-08-post-7"
    assert post in docs_of(index, "open")  # "Opening paragraph of post 7": searched
    # the author's name, a tag label and the footer's words are on no page but in chrome
    for word in ("bob", "exampl", "odd", "newer", "older", "relat"):
        assert docs_of(index, word) == set(), word
