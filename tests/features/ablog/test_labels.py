"""ABlog's ``:ref:`` labels lead to the generated pages and to posts, in html and dirhtml."""

from __future__ import annotations

import posixpath
import time
from pathlib import Path

import pytest

from tests.conftest import soup_of

#: label text on the links page -> the page it must lead to (html names; anchor after #).
EXPECTED = {
    "Posts": "news/index.html",
    "Drafts": "news/drafts.html",
    "Site News Feed": "news/atom.xml",
    "Tags": "news/tags/index.html",
    "Authors": "news/authors/index.html",
    "Categories": "news/categories/index.html",
    "Locations": "news/locations/index.html",
    "Languages": "news/languages/index.html",
    "Archives": "news/archive.html",
    "Python 3": "news/tags/python-3.html",
    "Ahmet Bakan": "news/authors/ahmet.html",
    "Tyler Durden": "news/authors/durden.html",
    "Tutorials": "news/categories/tutorials.html",
    "San Francisco": "news/locations/sf.html",
    "Français": "news/languages/fr.html",
    "2020": "news/archive.html#year-2020",
    # an explicit title is kept
    "The releases": "news/categories/releases.html",
    # posts, by file name (by folder name for an index)
    "First steps": "news/first-steps.html",
    "Release one": "news/release/index.html",
    "Notes, by name": "news/notes.html",
}


def _dirhtml(name: str) -> str:
    page, _, anchor = name.partition("#")
    if page.endswith(".html"):
        stem = page.removesuffix(".html")
        page = stem.removesuffix("index") if stem.endswith("/index") else f"{stem}/"
    return page + (f"#{anchor}" if anchor else "")


def links_of(outdir: Path, page: str) -> dict[str, str]:
    """Each link of the page's body: its text -> the output path it leads to."""
    soup = soup_of(outdir / page)
    found = {}
    for a in soup.select("div.body li a"):
        href = a["href"]
        target, _, anchor = href.partition("#")
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page), target))
        if target.endswith("/") or target in ("", "./"):
            resolved += "/"
        found[a.get_text(" ", strip=True)] = resolved + (f"#{anchor}" if anchor else "")
    return found


def _exists(outdir: Path, name: str) -> bool:
    page = name.partition("#")[0]
    return (outdir / page).is_file() or (outdir / page / "index.html").is_file()


def test_ablog_labels_resolve_in_html(shared_build):
    app = shared_build("ablog-every-setting")
    assert app.warning.getvalue() == ""
    found = links_of(Path(app.outdir), "links.html")
    assert found == EXPECTED
    assert all(_exists(Path(app.outdir), name) for name in found.values())


def test_ablog_labels_resolve_in_dirhtml(shared_build):
    app = shared_build("ablog-every-setting", "dirhtml")
    assert app.warning.getvalue() == ""
    found = links_of(Path(app.outdir), "links/index.html")
    expected = {text: _dirhtml(name) for text, name in EXPECTED.items()}
    expected["Site News Feed"] = "news/atom.xml"
    assert found == expected
    assert all(_exists(Path(app.outdir), name) for name in found.values())


def test_a_label_of_its_own_wins(make_app, editable_root):
    srcdir = editable_root("ablog-every-setting")
    about = srcdir / "news" / "about.rst"
    about.write_text(".. _tag-python-3:\n\n" + about.read_text(encoding="utf-8"), "utf-8")
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    assert app.warning.getvalue() == ""
    assert (
        links_of(Path(app.outdir), "links.html")["About the news"] == "news/about.html#tag-python-3"
    )


def test_label_text_follows_the_post_on_incremental_builds(make_app, editable_root):
    srcdir = editable_root("ablog-every-setting")
    # without sidebars, which would have every page written again anyway
    no_sidebars = {"html_sidebars": {}}
    app = make_app("html", srcdir=srcdir, freshenv=True, confoverrides=no_sidebars)
    app.build()
    app.cleanup()
    assert "First steps" in links_of(Path(app.outdir), "links.html")

    time.sleep(0.01)
    post = srcdir / "news" / "first-steps.rst"
    text = post.read_text(encoding="utf-8")
    post.write_text(text.replace("First steps\n===========", "Steps, first\n============"), "utf-8")
    app = make_app("html", srcdir=srcdir, confoverrides=no_sidebars)
    app.build()
    app.cleanup()
    # links.rst did not change; what its :ref:`first-steps` shows did
    found = links_of(Path(app.outdir), "links.html")
    assert found.get("Steps, first") == "news/first-steps.html"
    assert "First steps" not in found


def test_labels_without_generated_pages_are_their_text(shared_build):
    app = shared_build("ablog-every-setting", "text")
    assert app.warning.getvalue() == ""
    links = Path(app.outdir, "links.txt").read_text(encoding="utf-8")
    assert "Python 3" in links
    assert "The releases" in links


def test_labels_resolve_in_parallel_builds(shared_build):
    app = shared_build("ablog-every-setting", parallel=2)
    assert app.warning.getvalue() == ""
    assert links_of(Path(app.outdir), "links.html") == EXPECTED


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_a_post_naming_its_own_label_links_to_itself(make_app, editable_root, builder):
    """``:ref:`first-steps``` on the post itself leads to a file that exists (not "./",
    a folder with no index, in an html build)."""
    src = editable_root("ablog-every-setting")
    post = src / "news" / "first-steps.rst"
    post.write_text(
        post.read_text(encoding="utf-8") + "\nThis post is :ref:`first-steps`.\n", "utf-8"
    )
    app = make_app(builder, srcdir=src, freshenv=True)
    app.build()
    page = "news/first-steps.html" if builder == "html" else "news/first-steps/index.html"
    soup = soup_of(Path(app.outdir) / page)
    link = next(a for a in soup.select("div.body p a") if a.get_text() == "First steps")
    target = Path(app.outdir, posixpath.dirname(page), link["href"].partition("#")[0]).resolve()
    if target.is_dir():
        target = target / "index.html"
    assert target == Path(app.outdir, page).resolve(), link["href"]
