"""Sphinx's search results link to a moved post's address, not to the redirect at its
file's address: ``searchindex.js`` names the post by its address's page, which
``searchtools.js`` turns into the result's link. In html and dirhtml, serial and with
``-j 2``, and after an incremental build that did not write the post again."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sphinx.util.console import strip_escape_sequences

from tests.conftest import build_copy, soup_of

ROOT = "permalinks-deep"


def _index(outdir: Path) -> dict[str, Any]:
    text = (outdir / "searchindex.js").read_text(encoding="utf-8")
    prefix = "Search.setIndex("
    assert text.startswith(prefix) and text.endswith(")")
    return json.loads(text[len(prefix) : -1])


def _result_link(builder: str, docname: str) -> str:
    """The link searchtools.js gives a result (``_displayItem``), relative to the root:
    ``docName + LINK_SUFFIX`` in html; in dirhtml the name's folder."""
    if builder != "dirhtml":
        return docname + ".html"
    folder = docname + "/"
    if folder.endswith("/index/"):
        return folder.removesuffix("index/")
    return "" if folder == "index/" else folder


def _page_of_result(outdir: Path, builder: str, title: str) -> Path:
    index = _index(outdir)
    docname = index["docnames"][index["titles"].index(title)]
    link = _result_link(builder, docname)
    return outdir / (link + "index.html" if link.endswith("/") or not link else link)


def _is_the_post(page: Path, title: str) -> bool:
    soup = soup_of(page)
    h1 = soup.find("h1")
    refresh = soup.find("meta", attrs={"http-equiv": "refresh"})
    return refresh is None and h1 is not None and h1.get_text().rstrip("#¶ ") == title


def test_searchtools_builds_links_as_the_test_reads_them(shared_build):
    """The rule ``_result_link`` mirrors, as the installed Sphinx's searchtools.js has it."""
    js = (Path(shared_build(ROOT).outdir) / "_static/searchtools.js").read_text(encoding="utf-8")
    assert "linkUrl = docName + docLinkSuffix;" in js
    assert 'let dirname = docName + "/";' in js
    assert "dirname.substring(0, dirname.length - 6)" in js


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_a_search_result_links_to_the_post_itself(shared_build, builder):
    out = Path(shared_build(ROOT, builder).outdir)
    for title in ("Hello", "World"):
        page = _page_of_result(out, builder, title)
        assert _is_the_post(page, title), page
    hello = _page_of_result(out, builder, "Hello").relative_to(out).as_posix()
    assert hello == "blog/2024/01/05/hello/index.html"
    # the other documents keep their names
    assert {"index", "other"} <= set(_index(out)["docnames"])


def test_parallel_build_gives_the_same_index(make_app, editable_root):
    indexes = []
    for jobs, name in ((1, "serial"), (2, "parallel")):
        app = make_app("html", srcdir=editable_root(ROOT, name), freshenv=True, parallel=jobs)
        app.build()
        indexes.append(_index(Path(app.outdir)))
    assert indexes[0] == indexes[1]
    assert _is_the_post(_page_of_result(Path(app.outdir), "html", "Hello"), "Hello")


def test_an_incremental_build_keeps_the_moved_posts_in_the_index(tmp_path):
    """Sphinx reads the last index back and keeps the documents it does not write: by
    their docnames, which the index must give back for the moved posts."""
    app = build_copy(tmp_path, ROOT)
    other = Path(app.srcdir, "other.md")
    other.write_text(other.read_text(encoding="utf-8") + "\nA new word: pelican.\n")
    app = build_copy(tmp_path, ROOT, fresh=False)
    status = strip_escape_sequences(app.status.getvalue())
    assert "writing output... [100%] other" in status  # not the posts
    out = Path(app.outdir)
    index = _index(out)
    hello = index["titles"].index("Hello")
    assert index["docnames"][hello] == "blog/2024/01/05/hello/index"
    assert index["terms"]["zanzibar"] == hello  # its words still found
    assert "pelican" in index["terms"]
    assert _is_the_post(_page_of_result(out, "html", "World"), "World")
