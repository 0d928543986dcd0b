"""``blogposts_shared_sidebars``: the sidebars in one script per blog that every page loads,
so a new post rewrites that script instead of every page."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin, urlparse

from bs4 import BeautifulSoup

from tests.conftest import soup_of

SIDEBARS = {"**": ["blogposts/recent.html", "blogposts/tags.html"]}
SHARED = {"html_sidebars": SIDEBARS, "blogposts_shared_sidebars": True}
SCRIPT = "_static/blogposts/sidebars/blog.js"


def _sidebars(out: Path) -> dict[str, BeautifulSoup]:
    """The script's sidebars, by name, as HTML linked from the site's root."""
    text = (out / SCRIPT).read_text(encoding="utf-8")
    start = text.index("document.currentScript, ") + len("document.currentScript, ")
    data = json.loads(text[start : text.rindex(");")])
    return {name: BeautifulSoup(html, "html.parser") for name, html in data.items()}


def _resolves(out: Path, page: str, href: str) -> bool:
    target = urlparse(urljoin("http://x/" + page, href)).path.lstrip("/")
    return (out / target).is_file()


def test_pages_hold_placeholders_and_the_script_holds_the_sidebars(make_app, editable_root):
    app = make_app("html", srcdir=editable_root("small-blog"), freshenv=True, confoverrides=SHARED)
    app.build()
    assert app.warning.getvalue() == ""
    out = Path(app.outdir)
    for page in ("other.html", "blog/index.html", "blog/2023/05/01/hello.html"):
        soup = soup_of(out / page)
        assert soup.select_one(".blogposts-sidebar-recent") is None, page
        places = soup.select("[data-blogposts-sidebar]")
        assert [p["data-blogposts-sidebar"] for p in places] == ["recent", "tags"], page
        for place in places:
            assert _resolves(out, page, place.script["src"]), page
            fallback = place.select_one("noscript a")  # readers without JavaScript
            assert fallback is not None and _resolves(out, page, fallback["href"]), page
    sidebars = _sidebars(out)
    titles = [a.get_text() for a in sidebars["recent"].select("li a")]
    assert titles == ["2023 Year in Review", "Hello world", "C post"]
    counts = {
        li.a.get_text(): li.select_one(".blogposts-count").get_text()
        for li in sidebars["tags"].select("li")
    }
    assert counts["MLflow"] == "2"
    for soup in sidebars.values():
        for link in soup.select("a[href]"):
            assert _resolves(out, "index.html", link["href"]), link["href"]


def test_a_new_post_rewrites_the_script_not_the_pages(make_app, editable_root):
    src = editable_root("small-blog")
    app = make_app("html", srcdir=src, freshenv=True, confoverrides=SHARED)
    app.build()
    out = Path(app.outdir)
    other = out / "other.html"
    before = other.stat().st_mtime_ns
    (src / "blog" / "2025-02-02-new.md").write_text(
        "---\ntags: fresh\n---\n# Brand new\n\nText.\n", encoding="utf-8"
    )
    make_app("html", srcdir=src, confoverrides=SHARED).build()
    assert other.stat().st_mtime_ns == before  # not written again
    titles = [a.get_text() for a in _sidebars(out)["recent"].select("li a")]
    assert titles[0] == "Brand new"
    assert "fresh" in [a.get_text() for a in _sidebars(out)["tags"].select("li a")]


def test_turned_off_the_pages_show_the_sidebars_and_the_script_goes(make_app, editable_root):
    src = editable_root("small-blog")
    make_app("html", srcdir=src, freshenv=True, confoverrides=SHARED).build()
    app = make_app("html", srcdir=src, confoverrides={"html_sidebars": SIDEBARS})
    app.build()
    out = Path(app.outdir)
    assert not (out / SCRIPT).exists()
    soup = soup_of(out / "other.html")
    assert soup.select_one("[data-blogposts-sidebar]") is None
    assert soup.select_one(".blogposts-sidebar-recent li a") is not None


def test_with_dirhtml_and_parallel(make_app, editable_root):
    src = editable_root("small-blog")
    app = make_app("dirhtml", srcdir=src, freshenv=True, confoverrides=SHARED, parallel=2)
    app.build()
    out = Path(app.outdir)
    soup = soup_of(out / "other" / "index.html")
    place = soup.select_one("[data-blogposts-sidebar=recent]")
    assert place is not None
    assert urlparse(urljoin("http://x/other/", place.script["src"])).path == "/" + SCRIPT
    for link in _sidebars(out)["recent"].select("a[href]"):
        target = urlparse(urljoin("http://x/", link["href"])).path.lstrip("/")
        assert (out / target / "index.html").is_file() or (out / target).is_file(), target


def test_links_hold_when_the_root_document_is_in_a_folder(make_app, editable_root):
    src = editable_root("small-blog")
    (src / "start").mkdir()
    (src / "start" / "here.md").write_text("# Start\n\n```{toctree}\n../index\n```\n", "utf-8")
    app = make_app(
        "html", srcdir=src, freshenv=True, confoverrides={**SHARED, "root_doc": "start/here"}
    )
    app.build()
    out = Path(app.outdir)
    links = [link["href"] for soup in _sidebars(out).values() for link in soup.select("a[href]")]
    assert links
    # from the site's root: none climbs out of it (a site served below a path would break)
    assert [href for href in links if href.startswith("..")] == []
    assert [href for href in links if not _resolves(out, "index.html", href)] == []
