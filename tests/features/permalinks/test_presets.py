"""The addresses each engine gave its posts, with no setting: Docusaurus' on a Docusaurus
blog (and on any blog that is not ABlog's), ABlog's file addresses on an ABlog site, and
MkDocs Material's when asked for. The root ``docusaurus-addresses`` is a Docusaurus blog
copied in as docs/migrating.md says: every file form Docusaurus reads a date from, a
``slug``, and undated posts, with no ``blogposts_post_url`` in its ``conf.py``."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin
from xml.etree import ElementTree

import pytest

from tests.conftest import blog_warnings, soup_of

ROOT = "docusaurus-addresses"
BASE = "https://example.org/"
ATOM = "{http://www.w3.org/2005/Atom}"

#: each post's source (docname) -> the address Docusaurus served it at
DOCUSAURUS = {
    "blog/2021-04-15-file-form": "blog/2021/04/15/file-form",
    "blog/2021-04-16-folder-form/index": "blog/2021/04/16/folder-form",
    "blog/2021/04/17/path-form": "blog/2021/04/17/path-form",
    "blog/2023-12-20-year-in-review": "blog/mlflow-year-in-review",  # its slug
    "blog/my-post/index": "blog/my-post",
    "blog/undated-file": "blog/undated-file",
}
#: the posts whose file's page was somewhere else, in html (now a redirect)
MOVED_FROM = {
    "blog/2021-04-15-file-form.html": "blog/2021/04/15/file-form",
    "blog/2021-04-16-folder-form/index.html": "blog/2021/04/16/folder-form",
    "blog/2021/04/17/path-form.html": "blog/2021/04/17/path-form",
    "blog/2023-12-20-year-in-review.html": "blog/mlflow-year-in-review",
    "blog/undated-file.html": "blog/undated-file",
}


def _title(path: Path) -> str:
    return soup_of(path).find("h1").get_text().rstrip("#¶ ")


def _redirects_to(path: Path) -> str | None:
    refresh = soup_of(path).find("meta", attrs={"http-equiv": "refresh"})
    return refresh["content"].split("url=", 1)[1] if refresh else None


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_each_post_is_served_at_its_docusaurus_address(shared_build, builder):
    app = shared_build(ROOT, builder)
    out = Path(app.outdir)
    assert blog_warnings(app) == []
    for docname, address in DOCUSAURUS.items():
        page = out / address / "index.html"
        assert _redirects_to(page) is None, f"{address} is a redirect, not the post"
        assert _title(page) == app.env.titles[docname].astext()


def test_the_seed_post_is_at_its_slug(shared_build):
    out = Path(shared_build(ROOT).outdir)
    assert _title(out / "blog/mlflow-year-in-review/index.html") == "Year in review"


def test_the_file_addresses_redirect_to_the_post(shared_build):
    out = Path(shared_build(ROOT).outdir)
    for old, address in MOVED_FROM.items():
        target = _redirects_to(out / old)
        assert target is not None, old
        assert urljoin("https://x/" + old, target) == f"https://x/{address}/index.html"
    # an undated folder post was at its address already: its own page, no redirect
    assert _redirects_to(out / "blog/my-post/index.html") is None


def test_canonical_url_json_ld_and_feed_ids_are_docusaurus_permalinks(shared_build):
    out = Path(shared_build(ROOT).outdir)
    for address in DOCUSAURUS.values():
        soup = soup_of(out / address / "index.html")
        assert soup.find("link", rel="canonical")["href"] == BASE + address  # no slash
        ld = json.loads(soup.find("script", type="application/ld+json").string)
        assert ld["url"] == BASE + address
    atom = ElementTree.parse(out / "blog/atom.xml").getroot()
    entries = atom.findall(f"{ATOM}entry")
    ids = {e.find(f"{ATOM}id").text for e in entries}
    assert ids == {BASE + address for address in DOCUSAURUS.values()}
    links = {e.find(f"{ATOM}link").get("href") for e in entries}
    assert links == ids  # the reader is sent where the id says
    rss = ElementTree.parse(out / "blog/rss.xml").getroot()
    guids = rss.findall("channel/item/guid")
    assert {g.text for g in guids} == ids
    assert {g.get("isPermaLink") for g in guids} == {"true"}


def test_links_between_pages_go_to_the_addresses(shared_build):
    out = Path(shared_build(ROOT).outdir)
    index = {a["href"] for a in soup_of(out / "index.html").find_all("a", href=True)}
    # the toctree, {doc} and a Markdown link to a post's file
    assert "blog/2021/04/15/file-form/index.html" in index
    assert "blog/2021/04/16/folder-form/index.html" in index
    assert not any("2021-04-1" in href for href in index)
    # a Markdown link from one post to another, from the new depth
    post = soup_of(out / "blog/2021/04/15/file-form/index.html")
    assert "../../17/path-form/index.html" in {a["href"] for a in post.find_all("a", href=True)}
    tag = {a["href"] for a in soup_of(out / "blog/tags/forms.html").find_all("a", href=True)}
    assert "../2021/04/15/file-form/index.html" in tag


def test_feed_ids_do_not_move_with_the_address_format(shared_build):
    def ids(app) -> set[str]:
        atom = ElementTree.parse(Path(app.outdir) / "blog/atom.xml").getroot()
        return {e.find(f"{ATOM}id").text for e in atom.findall(f"{ATOM}entry")}

    default = shared_build(ROOT)
    by_year = shared_build(ROOT, confoverrides={"blogposts_post_url": "{date:%Y}/{slug}"})
    files = shared_build(ROOT, confoverrides={"blogposts_post_url": None})
    assert (Path(by_year.outdir) / "blog/2021/file-form/index.html").is_file()
    assert (Path(files.outdir) / "blog/2021-04-15-file-form.html").is_file()
    assert ids(default) == ids(by_year) == ids(files)


def test_mkdocs_preset_puts_the_date_then_the_title(shared_build):
    app = shared_build(ROOT, confoverrides={"blogposts_post_url": "mkdocs"})
    out = Path(app.outdir)
    assert _title(out / "blog/2021/04/15/the-file-form/index.html") == "The file form"
    # MkDocs' slug stands for the title, after the date
    assert _title(out / "blog/2023/12/20/mlflow-year-in-review/index.html") == "Year in review"
    assert blog_warnings(app) == []
    # its feed ids are its addresses, as MkDocs' RSS plugin gave them (folders)
    atom = ElementTree.parse(out / "blog/atom.xml").getroot()
    ids = {e.find(f"{ATOM}id").text for e in atom.findall(f"{ATOM}entry")}
    assert BASE + "blog/2021/04/15/the-file-form/" in ids


@pytest.mark.parametrize("root", ["ablog-every-setting", "ablog-unconfigured"])
def test_an_ablog_site_keeps_its_file_addresses(shared_build, root):
    app = shared_build(root)
    out = Path(app.outdir)
    posts = app.env.domains["blogposts"].posts
    assert posts
    for docname, post in posts.items():
        if post.section is not None:
            continue
        page = out / f"{docname}.html"
        assert page.is_file() and _redirects_to(page) is None, docname
    moved = out / ".blogposts-moved"
    listed = moved.read_text().split() if moved.exists() else []
    assert not any(name.startswith(tuple(posts)) for name in listed)
