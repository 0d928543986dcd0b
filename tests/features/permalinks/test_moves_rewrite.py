"""When a post moves (its ``slug`` changes, or ``blogposts_post_url``), every generated
page and feed that links to it is written again, not only the documents: the lists of
posts (the blog's index, tag pages, the archive), the theme's navigation on the pages
that do not list it (the tags index), the feeds. A rebuild with no change writes none."""

from __future__ import annotations

import shutil
from pathlib import Path

from bs4 import BeautifulSoup
from sphinx.util.console import strip_escape_sequences

from tests.conftest import ROOTS, build_copy, soup_of

PAGES = ["blog/index.html", "blog/tags/news.html", "blog/archive.html", "blog/tags/index.html"]
#: A theme whose sidebar shows the site's navigation (the toctree, which lists the posts).
THEME = {"html_theme": "alabaster"}


def _hrefs(outdir: Path, page: str) -> set[str]:
    return {a["href"] for a in soup_of(outdir / page).find_all("a", href=True)}


def _feed_links(outdir: Path) -> set[str]:
    feed = BeautifulSoup((outdir / "blog/atom.xml").read_text(encoding="utf-8"), "xml")
    return {entry.link["href"] for entry in feed.find_all("entry")}


def test_a_new_slug_rewrites_every_page_that_links_to_the_post(tmp_path):
    build_copy(tmp_path, "permalinks", confoverrides=THEME)
    post = tmp_path / "root/blog/2023-12-20-year-in-review.md"
    post.write_text(post.read_text().replace("/mlflow-year-in-review", "review-2023"))
    out = Path(build_copy(tmp_path, "permalinks", fresh=False, confoverrides=THEME).outdir)
    for page in PAGES:
        hrefs = _hrefs(out, page)
        assert not [h for h in hrefs if "mlflow-year-in-review" in h], page
        assert any(h.endswith("review-2023/index.html") for h in hrefs), page
    assert "https://example.org/blog/review-2023/" in _feed_links(out)

    again = build_copy(tmp_path, "permalinks", fresh=False, confoverrides=THEME)
    assert "0 of 4 generated pages written" in strip_escape_sequences(again.status.getvalue())


def test_a_new_format_rewrites_every_page_that_links_to_the_posts(tmp_path):
    build_copy(tmp_path, "permalinks", confoverrides=THEME)
    app = build_copy(
        tmp_path, "permalinks", fresh=False, confoverrides={**THEME, "blogposts_post_url": "{slug}"}
    )
    out = Path(app.outdir)
    for page in PAGES:
        hrefs = _hrefs(out, page)
        assert not [h for h in hrefs if "2024/01/05" in h], page
        assert any(h.endswith("second/index.html") for h in hrefs), page
    assert "https://example.org/blog/second/" in _feed_links(out)


def test_a_post_taking_a_freed_address_is_linked_there_in_its_feeds(tmp_path):
    """The post that moves into a freed address is not read again (the one that held it
    is): the feed of a tag only it has must still be written again."""
    src = tmp_path / "root"
    shutil.copytree(ROOTS / "test-permalinks", src)
    taken = src / "blog/2024-03-01-taken.md"
    taken.write_text(taken.read_text().replace("slug: pictures", "slug: pictures\ntags: [moves]"))
    build_copy(tmp_path, "permalinks", confoverrides=THEME)
    pictures = src / "blog/2024-02-10-pictures/index.md"
    pictures.write_text(pictures.read_text().replace("slug: pictures", "slug: pictures-2"))
    out = Path(build_copy(tmp_path, "permalinks", fresh=False, confoverrides=THEME).outdir)
    assert soup_of(out / "blog/pictures/index.html").find("h1").get_text().startswith("Taken")
    feed = BeautifulSoup((out / "blog/tags/moves/atom.xml").read_text(encoding="utf-8"), "xml")
    assert feed.entry.link["href"] == "https://example.org/blog/pictures/"


def test_a_post_back_at_an_address_it_had_keeps_its_page(tmp_path):
    """The redirect once written at that address is no longer wanted: removing it must
    not remove the post's page, which Sphinx wrote there earlier in the same build."""
    formats = ["{date:%Y/%m/%d}/{slug}", "{slug}", "{date:%Y/%m/%d}/{slug}"]
    for number, fmt in enumerate(formats):
        app = build_copy(
            tmp_path, "permalinks", fresh=number == 0, confoverrides={"blogposts_post_url": fmt}
        )
    out = Path(app.outdir)
    page = out / "blog/2024/01/05/second/index.html"
    assert page.is_file() and soup_of(page).find("h1").get_text().startswith("Second")
    assert soup_of(out / "blog/second/index.html").find("meta", attrs={"http-equiv": "refresh"})


def test_an_address_another_slug_claims_redirects_as_a_clean_build_does(tmp_path):
    """A post's former address, claimed by another post's slug while posts are at their
    files' addresses, is where Docusaurus' redirect for that slug goes, as in a clean
    build: what the posts say now wins over where they were."""
    src = tmp_path / "root"
    review, second = src / "blog/2023-12-20-year-in-review.md", src / "blog/2024-01-05-second.md"
    build_copy(tmp_path, "permalinks")
    review.write_text(review.read_text().replace("/mlflow-year-in-review", "review-2023"))
    build_copy(tmp_path, "permalinks", fresh=False)
    second.write_text(second.read_text().replace("title:", "slug: mlflow-year-in-review\ntitle:"))
    none = {"blogposts_post_url": None}
    build_copy(tmp_path, "permalinks", fresh=False, confoverrides=none)
    # and so it stays in the build after (two writers of one file would take turns)
    out = Path(build_copy(tmp_path, "permalinks", fresh=False, confoverrides=none).outdir)
    shutil.copytree(src, tmp_path / "clean/root", ignore=shutil.ignore_patterns("_build"))
    clean = Path(build_copy(tmp_path / "clean", "permalinks", confoverrides=none).outdir)
    stub = "blog/mlflow-year-in-review/index.html"
    assert (out / stub).read_bytes() == (clean / stub).read_bytes()
    assert "2024-01-05-second.html" in soup_of(out / stub).find("link", rel="canonical")["href"]
    # the review's other former address still leads to it
    kept = soup_of(out / "blog/review-2023/index.html").find("link", rel="canonical")["href"]
    assert kept.endswith("2023-12-20-year-in-review.html")
