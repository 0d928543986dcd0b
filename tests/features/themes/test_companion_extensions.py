"""The blog next to the usual companions: versioned URLs (Read the Docs), sphinx-sitemap,
sphinxext-opengraph, and sphinx-autobuild (which loops if a build writes into the sources)."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

from tests.conftest import soup_of

BASE = "https://example.org/en/latest/"
PAGES = [
    "index.html",
    "guide/start.html",
    "blog/index.html",
    "blog/tags/index.html",
    "blog/tags/news.html",
    "blog/authors/index.html",
    "blog/authors/ann.html",
    "blog/archive.html",
    "blog/2024-01-01-plain.html",
    "blog/2024-02-02-cover/index.html",
]


def _snapshot(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha1(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_versioned_base_url_keeps_links_right(shared_build):
    app = shared_build("with-opengraph-sitemap")
    assert app.warning.getvalue() == ""
    out = Path(app.outdir)
    for page in PAGES:
        soup = soup_of(out / page)
        canonical = soup.find("link", rel="canonical")
        assert canonical["href"] == BASE + page, page
        for a in soup.select("a[href]"):
            href = a["href"]
            if href.startswith(("http:", "https:")):
                # nothing points at the site root without its /en/latest/ path
                assert not href.startswith("https://example.org/") or href.startswith(BASE)
                continue
            if href.startswith(("#", "mailto:")):
                continue
            target = urlsplit(urljoin(BASE + page, href)).path
            assert target.startswith("/en/latest/"), (page, href)
            assert (out / target.removeprefix("/en/latest/")).is_file(), (page, href)


def _sitemap(app) -> set[str]:
    tree = ElementTree.parse(Path(app.outdir, "sitemap.xml"))
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    return {loc.text for loc in tree.findall(".//s:loc", ns)}


def test_sitemap_lists_generated_pages(make_app, editable_root):
    src = editable_root("with-opengraph-sitemap")
    app = make_app("html", srcdir=src, freshenv=True)
    app.build()
    for page in PAGES:
        assert BASE + page in _sitemap(app), page
    # an incremental build that writes no generated page again still lists them all
    post = src / "blog/2024-01-01-plain.md"
    post.write_text(post.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    app2 = make_app("html", srcdir=src)
    app2.build()
    assert "0 of 7 generated pages written" in app2.status.getvalue()
    locs = _sitemap(app2)
    for page in PAGES:
        if page.startswith("blog/") and page != "blog/2024-02-02-cover/index.html":
            assert BASE + page in locs, page


def test_opengraph_uses_post_description_and_image(shared_build):
    app = shared_build("with-opengraph-sitemap")
    out = Path(app.outdir)

    def og(page: str) -> dict[str, str]:
        soup = soup_of(out / page)
        found = [(m["property"], m["content"]) for m in soup.find_all("meta", property=True)]
        names = [name for name, _ in found]
        assert len(names) == len(set(names)), names  # no og:* tag twice
        return dict(found)

    plain = og("blog/2024-01-01-plain.html")
    assert plain["og:description"] == 'A post that says <what> it is "about" & more.'
    assert plain["og:type"] == "article"
    assert plain["og:url"] == BASE + "blog/2024-01-01-plain.html"
    cover = og("blog/2024-02-02-cover/index.html")
    assert cover["og:image"].startswith(BASE)
    assert (out / cover["og:image"].removeprefix(BASE)).is_file()
    # no description in the front matter: opengraph's own (first paragraph) stays, as written
    assert cover["og:description"].endswith("The cover post's first paragraph.")
    # pages that are not posts are left to opengraph
    assert og("guide/start.html")["og:type"] == "website"


def test_builds_never_write_into_the_sources(make_app, editable_root, tmp_path):
    """sphinx-autobuild rebuilds on every change in the source folder: a build that wrote
    there (a cache, a generated .md) would rebuild forever."""
    src = editable_root("with-opengraph-sitemap")
    before = _snapshot(src)
    build = tmp_path / "build"  # outside the sources, as sphinx-autobuild is told
    app = make_app("html", srcdir=src, builddir=build, freshenv=True, parallel=2)
    app.build()
    assert _snapshot(src) == before
    post = src / "blog/2024-01-01-plain.md"
    post.write_text(post.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    before = _snapshot(src)
    app2 = make_app("html", srcdir=src, builddir=build)
    app2.build()
    assert _snapshot(src) == before
    assert "More." in (Path(app2.outdir) / "blog/2024-01-01-plain.html").read_text()


def test_versioned_base_url_keeps_feed_links_right(shared_build):
    """Feed readers need absolute links: they keep the /en/latest/ part and reach files."""
    app = shared_build("with-opengraph-sitemap")
    out = Path(app.outdir)
    urls: list[str] = []
    atom = ElementTree.parse(out / "blog/atom.xml")
    urls += [link.get("href") for link in atom.iter("{http://www.w3.org/2005/Atom}link")]
    rss = ElementTree.parse(out / "blog/rss.xml")
    urls += [link.text for link in rss.iter("link")]
    text = (out / "blog/atom.xml").read_text(encoding="utf-8")
    urls += re.findall(r"(?:src|href)=&quot;([^&]+)&quot;", text)
    assert len(urls) > 6
    for url in urls:
        assert url.startswith(BASE), url
        path = urlsplit(url).path.removeprefix("/en/latest/")
        assert (out / path).is_file(), url
