"""Generated pages (paginated index, tags, authors, archive) and post pages; html and dirhtml."""

from __future__ import annotations

from pathlib import Path

from bs4 import Comment

from tests.conftest import soup_of


def resolves(page_path: Path, href: str) -> bool:
    """Whether a relative link on a page points at a file (or a folder's index.html)."""
    target = (page_path.parent / href.split("#")[0]).resolve()
    return target.is_file() or (target / "index.html").is_file()


def test_index_is_paginated_with_rel_links(shared_build, page):
    app = shared_build("paginated-blog")
    first = page(app, "blog/index.html")
    assert [a.get_text() for a in first.select(".blogposts-card-title a")] == [
        f"Post number {i}" for i in (14, 13, 12, 11)
    ]
    assert first.find("link", rel="next")["href"] == "page/2.html"
    assert first.find("link", rel="prev") is None
    assert first.select_one(".blogposts-pagination a[rel=next]")["href"] == "page/2.html"

    second = page(app, "blog/page/2.html")
    assert [a.get_text() for a in second.select(".blogposts-card-title a")] == [
        f"Post number {i}" for i in (10, 9, 8, 7)
    ]
    assert second.find("link", rel="prev")["href"] == "../index.html"
    assert second.find("link", rel="next")["href"] == "3.html"
    last = page(app, "blog/page/4.html")
    assert [a.get_text() for a in last.select(".blogposts-card-title a")] == [
        "Post number 2",
        "Post number 1",
    ]
    assert last.find("link", rel="next") is None
    assert not Path(app.outdir, "blog/page/5.html").exists()
    # every card's links, from a page one folder deeper, resolve
    for a in second.select(".blogposts-card a, .blogposts-excerpt a"):
        assert resolves(Path(app.outdir, "blog/page/2.html"), a["href"]), a["href"]


def test_tag_and_author_pages(shared_build, page):
    app = shared_build("paginated-blog")
    even = page(app, "blog/tags/even.html")
    assert [a.get_text() for a in even.select(".blogposts-card-title a")] == [
        f"Post number {i}" for i in (14, 12, 10, 8)
    ]
    assert page(app, "blog/tags/even/page/2.html").select(".blogposts-card")
    cloud = {
        li.select_one(".blogposts-tag").get_text(): li.select_one(".blogposts-count").get_text()
        for li in page(app, "blog/tags/index.html").select(".blogposts-tag-index li")
    }
    assert cloud == {
        "even": "(7)",
        "odd": "(7)",
        "group-0": "(4)",
        "group-1": "(5)",
        "group-2": "(5)",
    }
    ann = page(app, "blog/authors/ann.html")
    assert ann.h1.get_text() == "Posts by Ann Example"
    assert len(ann.select(".blogposts-card")) == 4
    authors = page(app, "blog/authors/index.html")
    assert [a.get_text() for a in authors.select(".blogposts-author")] == [
        "Ann Example",
        "Bob Example",
    ]
    archive = page(app, "blog/archive.html")
    assert [h.get_text() for h in archive.select(".blogposts-year h2")] == ["2024"]
    assert len(archive.select(".blogposts-year li")) == 14


def test_post_page_shows_date_authors_tags_reading_time_and_neighbours(shared_build, page):
    app = shared_build("small-blog")
    path = Path(app.outdir, "blog/2023/05/01/hello.html")
    post = soup_of(path)
    header = post.select_one(".blogposts-post-header")
    assert header.select_one("time.blogposts-date")["datetime"].startswith("2023-05-01")
    assert header.select_one("time.blogposts-date").get_text() == "May 1, 2023"
    author = header.select_one("a.blogposts-author")
    assert author.get_text() == "Jane Doe"
    assert resolves(path, author["href"]) and author["href"].endswith("authors/jane-doe.html")
    tags = {a.get_text(): a["href"] for a in header.select("a.blogposts-tag")}
    assert set(tags) == {"MLflow", "C++"}
    assert all(resolves(path, href) for href in tags.values())
    assert header.select_one(".blogposts-reading-time").get_text() == "1 min read"
    # the marks around the post's own content (for feeds) are comments, never text
    assert "blogposts:" not in post.get_text()
    assert post.find(string=lambda s: isinstance(s, Comment) and "blogposts:body" in s)
    nav = post.select_one(".blogposts-post-nav")
    assert (
        nav.select_one(".blogposts-newer .blogposts-nav-title").get_text() == "2023 Year in Review"
    )
    assert nav.select_one(".blogposts-older .blogposts-nav-title").get_text() == "C post"
    for a in nav.find_all("a"):
        assert resolves(path, a["href"]), a["href"]


def test_dirhtml_pages_live_in_folders_and_links_resolve(shared_build, page):
    app = shared_build("small-blog", "dirhtml")
    out = Path(app.outdir)
    for name in (
        "blog/index.html",
        "blog/tags/index.html",
        "blog/tags/mlflow/index.html",
        "blog/authors/index.html",
        "blog/authors/carly-akerly/index.html",
        "blog/archive/index.html",
        "blog/2023/05/01/hello/index.html",
    ):
        assert (out / name).is_file(), name
    checked = 0
    for name in ("blog/index.html", "blog/tags/mlflow/index.html", "index.html"):
        soup = page(app, name)
        for node in soup.select(".blogposts-card a, .blogposts-card img"):
            ref = node.get("href") or node.get("src")
            assert resolves(out / name, ref), f"{name}: {ref}"
            checked += 1
    assert checked > 10


def test_non_html_builders_get_plain_lists(shared_build):
    app = shared_build("small-blog", "text")
    text = Path(app.outdir, "index.txt").read_text()
    assert "2023 Year in Review" in text and "Hello world" in text
    assert "<" not in text
    assert app.warning.getvalue() == ""
