"""Incremental rebuilds (no -E), parallel builds and builds sharing a process."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from tests.conftest import card, card_titles, soup_of


def tags_on_card(soup: BeautifulSoup, title: str) -> list[str]:
    return [t.get_text() for t in card(soup, title).select(".blogposts-tag")]


def images_resolve(path: Path) -> list[str]:
    """The src of every <img> on the page that does not point at an existing file."""
    soup = soup_of(path)
    broken = []
    for img in soup.find_all("img"):
        target = (path.parent / img["src"]).resolve()
        if not target.is_file():
            broken.append(img["src"])
    return broken


def rebuild(make_app, srcdir: Path, **kwargs):
    app = make_app("html", srcdir=srcdir, **kwargs)
    app.build()
    app.cleanup()  # restore docutils' registries, as a fresh process would have them
    return app


HELLO = Path("blog/2023/05/01/hello.md")


def test_tag_change_updates_every_page_that_shows_the_post(make_app, editable_root):
    srcdir = editable_root("small-blog")
    app = rebuild(make_app, srcdir)
    out = Path(app.outdir)
    assert [
        a.get_text()
        for a in soup_of(out / "blog/tags/mlflow.html").select(".blogposts-card-title a")
    ] == [
        "2023 Year in Review",
        "Hello world",
    ]

    source = srcdir / HELLO
    source.write_text(source.read_text().replace("tags: mlflow, C++", "tags: Rust"))
    app = rebuild(make_app, srcdir)

    assert card_titles(soup_of(out / "blog/tags/mlflow.html")) == ["2023 Year in Review"]
    assert card_titles(soup_of(out / "blog/tags/rust.html")) == ["Hello world"]
    assert tags_on_card(soup_of(out / "blog/index.html"), "Hello world") == ["Rust"]
    # the postlist in the root index (a document that did not change) is rewritten too
    assert tags_on_card(soup_of(out / "index.html"), "Hello world") == ["Rust"]
    # the only post tagged C++ lost the tag: its page is gone, not left stale
    assert not (out / "blog/tags/c-plus-plus.html").exists()
    cloud = [a.get_text() for a in soup_of(out / "blog/tags/index.html").select(".blogposts-tag")]
    assert "C++" not in cloud and "Rust" in cloud


def test_deleted_post_vanishes_everywhere(make_app, editable_root):
    srcdir = editable_root("small-blog")
    app = rebuild(make_app, srcdir)
    out = Path(app.outdir)
    newest = soup_of(out / "blog/2024-01-26-year-in-review/index.html")
    assert newest.select_one(".blogposts-older .blogposts-nav-title").get_text() == "Hello world"

    (srcdir / HELLO).unlink()
    app = rebuild(make_app, srcdir)

    for name in ("blog/index.html", "index.html", "blog/tags/mlflow.html"):
        assert "Hello world" not in card_titles(soup_of(out / name)), name
    archive = soup_of(out / "blog/archive.html").get_text()
    assert "Hello world" not in archive
    assert not (out / "blog/authors/jane-doe.html").exists()
    assert not (out / "blog/tags/c-plus-plus.html").exists()
    # the neighbour's "older post" link now skips the deleted post
    newest = soup_of(out / "blog/2024-01-26-year-in-review/index.html")
    assert newest.select_one(".blogposts-older .blogposts-nav-title").get_text() == "C post"


def test_added_post_appears_everywhere(make_app, editable_root):
    srcdir = editable_root("small-blog")
    app = rebuild(make_app, srcdir)
    out = Path(app.outdir)

    new = srcdir / "blog/2025-02-03-fresh.md"
    new.write_text("---\ntitle: Fresh news\ntags: [MLflow]\n---\n\nFresh first paragraph.\n")
    app = rebuild(make_app, srcdir)

    assert card_titles(soup_of(out / "blog/index.html"))[0] == "Fresh news"
    assert card_titles(soup_of(out / "index.html")) == ["Fresh news", "2023 Year in Review"]
    assert card_titles(soup_of(out / "blog/tags/mlflow.html"))[0] == "Fresh news"
    previous_newest = soup_of(out / "blog/2024-01-26-year-in-review/index.html")
    assert (
        previous_newest.select_one(".blogposts-newer .blogposts-nav-title").get_text()
        == "Fresh news"
    )


def test_no_change_rebuild_keeps_excerpt_images_and_lists(make_app, editable_root):
    srcdir = editable_root("small-blog")
    app = rebuild(make_app, srcdir)
    out = Path(app.outdir)
    before = (out / "blog/index.html").read_text()
    for _ in range(2):
        app = rebuild(make_app, srcdir)
    after = (out / "blog/index.html").read_text()
    assert after == before
    for name in ("blog/index.html", "index.html", "blog/tags/mlflow.html"):
        soup = soup_of(out / name)
        assert soup.select(".blogposts-excerpt img"), name
        assert images_resolve(out / name) == [], name


def built_pages(outdir: Path) -> dict[str, str]:
    pages = {}
    for path in sorted(outdir.rglob("*.html")):
        if path.name in ("search.html", "genindex.html"):
            continue
        pages[str(path.relative_to(outdir))] = path.read_text()
    return pages


def test_parallel_build_gives_the_same_pages(make_app, editable_root):
    serial = rebuild(make_app, editable_root("paginated-blog"), freshenv=True)
    parallel = rebuild(
        make_app, editable_root("paginated-blog", "paginated-blog-j2"), freshenv=True, parallel=2
    )
    # the read really ran in worker processes: Sphinx then reports chunks "first .. last"
    status = re.sub(r"\x1b\[[0-9;]*m", "", parallel.status.getvalue())
    assert re.search(r"reading sources\.\.\. \[ *\d+%\] \S+ \.\. \S+", status)
    assert parallel.warning.getvalue() == ""
    serial_pages = built_pages(Path(serial.outdir))
    parallel_pages = built_pages(Path(parallel.outdir))
    assert set(serial_pages) == set(parallel_pages)
    assert "blog/page/4.html" in parallel_pages
    index = BeautifulSoup(parallel_pages["blog/index.html"], "html.parser")
    assert card_titles(index) == [f"Post number {i}" for i in (14, 13, 12, 11)]
    for name, html in serial_pages.items():
        assert parallel_pages[name] == html, name


def test_two_projects_in_one_process_do_not_share_posts(make_app, editable_root, tmp_path):
    first = rebuild(make_app, editable_root("small-blog"), freshenv=True)
    other = tmp_path / "other"
    (other / "blog").mkdir(parents=True)
    (other / "conf.py").write_text('extensions = ["sphinx_blogposts"]\n')
    (other / "index.md").write_text("# Other site\n")
    (other / "blog/2020-01-01-only.md").write_text("---\ntitle: Only post\n---\n\nAlone.\n")
    second = rebuild(make_app, other, freshenv=True)
    assert card_titles(soup_of(Path(second.outdir, "blog/index.html"))) == ["Only post"]
    assert len(card_titles(soup_of(Path(first.outdir, "blog/index.html")))) == 3
