"""A post served at its own address (``blogposts_post_url``, ``slug``) in html and dirhtml:
the page there, every link to it, its assets at the new depth, a redirect at its file's
address, its feed entry's id unchanged; collisions and unsafe slugs warned about once;
incremental and parallel builds."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import blog_warnings, build_copy, soup_of

REVIEW = "blog/mlflow-year-in-review/index.html"
SECOND = "blog/2024/01/05/second/index.html"
PICTURES = "blog/pictures/index.html"


def _is_redirect(path: Path, to: str) -> bool:
    soup = soup_of(path)
    refresh = soup.find("meta", attrs={"http-equiv": "refresh"})
    canonical = soup.find("link", rel="canonical")
    return bool(refresh and to in refresh["content"] and canonical and to in canonical["href"])


def _links(soup: BeautifulSoup) -> set[str]:
    return {a["href"] for a in soup.find_all("a", href=True)}


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_the_post_page_is_at_its_address(shared_build, builder):
    out = Path(shared_build("permalinks", builder).outdir)
    review = soup_of(out / REVIEW)
    assert review.find("h1").get_text().rstrip("#¶ ") == "Year in review"
    assert soup_of(out / SECOND).find("h1").get_text().rstrip("#¶ ") == "Second post"
    old = "blog/2023-12-20-year-in-review" + (".html" if builder == "html" else "/index.html")
    assert _is_redirect(out / old, "mlflow-year-in-review/")


def test_links_go_to_the_address(shared_build):
    out = Path(shared_build("permalinks").outdir)
    index = _links(soup_of(out / "index.html"))  # toctree, {doc}, postlist
    assert {"blog/mlflow-year-in-review/index.html", "blog/2024/01/05/second/index.html"} <= index
    assert not any("2023-12-20-year-in-review" in href for href in index)
    blog = _links(soup_of(out / "blog/index.html"))
    assert "mlflow-year-in-review/index.html" in blog
    assert "../mlflow-year-in-review/index.html" in _links(soup_of(out / "blog/tags/news.html"))
    # a Markdown link to the file and {doc} from a post at another depth
    assert "../2024/01/05/second/index.html" in _links(soup_of(out / REVIEW))
    assert "../../../../mlflow-year-in-review/index.html" in _links(soup_of(out / SECOND))


def test_dirhtml_links_are_folders(shared_build):
    out = Path(shared_build("permalinks", "dirhtml").outdir)
    assert "blog/mlflow-year-in-review/" in _links(soup_of(out / "index.html"))


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_assets_resolve_from_the_new_depth(shared_build, builder):
    out = Path(shared_build("permalinks", builder).outdir)
    page = out / PICTURES
    soup = soup_of(page)
    css = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
    site = next(href for href in css if "site.css" in href)
    assert (page.parent / site.split("?")[0]).resolve() == (out / "_static/site.css").resolve()
    img = soup.find("img")["src"]
    assert (page.parent / img).is_file()
    download = next(h for h in _links(soup) if "_downloads" in h)
    assert (page.parent / download).is_file()


def _feed_entry(app, title: str):  # type: ignore[no-untyped-def]
    feed = BeautifulSoup(Path(app.outdir, "blog/atom.xml").read_text(encoding="utf-8"), "xml")
    return next(e for e in feed.find_all("entry") if e.title.get_text() == title)


@pytest.mark.parametrize(
    ("post_url", "link"),
    [
        ("{date:%Y/%m/%d}/{slug}", "blog/2024/01/05/second/"),  # the root's own format
        ("docusaurus", "blog/2024/01/05/second"),  # Docusaurus' canonical URL: no slash
        (None, "blog/2024-01-05-second.html"),
    ],
)
def test_feed_link_moves_and_id_stays(shared_build, post_url, link):
    """An entry's link is where the post is; its id is the post's Docusaurus address
    whatever ``blogposts_post_url`` says (on any site but an ABlog one): changing the
    setting shows subscribers no post twice."""
    app = shared_build("permalinks", confoverrides={"blogposts_post_url": post_url})
    entry = _feed_entry(app, "Second post")
    assert entry.link["href"] == f"https://example.org/{link}"
    assert entry.id.get_text() == "https://example.org/blog/2024/01/05/second"
    # with a slug, Docusaurus' address is the slug
    review = _feed_entry(app, "Year in review")
    assert review.id.get_text() == "https://example.org/blog/mlflow-year-in-review"


def test_collision_and_unsafe_slug_warned_once(shared_build):
    app = shared_build("permalinks")
    warnings = [w for w in blog_warnings(app) if "blogposts.slug" in w]
    taken = [w for w in warnings if "2024-03-01-taken" in w]
    odd = [w for w in warnings if "2024-04-01-odd" in w]
    assert len(taken) == 1 and "blog/2024-02-10-pictures/index" in taken[0]
    assert len(odd) == 1 and "100%-sure" in odd[0]
    assert len(blog_warnings(app)) == 2
    out = Path(app.outdir)
    assert soup_of(out / "blog/2024-03-01-taken.html").find("h1").get_text().startswith("Taken")
    assert soup_of(out / PICTURES).find("h1").get_text().startswith("Pictures")
    assert not list(out.rglob("*100*"))


def test_none_keeps_the_file_addresses(shared_build):
    """``None``, ABlog sites' default."""
    app = shared_build("permalinks", confoverrides={"blogposts_post_url": None})
    out = Path(app.outdir)
    assert soup_of(out / "blog/2023-12-20-year-in-review.html").find("h1")
    assert "blog/2023-12-20-year-in-review.html" in _links(soup_of(out / "index.html"))
    # today's stubs at the Docusaurus addresses still point to the files
    assert _is_redirect(out / SECOND, "2024-01-05-second.html")
    assert soup_of(out / "blog/2024-02-10-pictures/index.html").find("img")


def test_a_wrong_format_is_one_config_warning(shared_build):
    app = shared_build("permalinks", confoverrides={"blogposts_post_url": "{title}"})
    config = [w for w in blog_warnings(app) if "blogposts.config" in w]
    assert len(config) == 1 and "blogposts_post_url" in config[0]
    assert (Path(app.outdir) / "blog/2023-12-20-year-in-review.html").is_file()


def test_changing_a_slug_moves_the_page(tmp_path):
    app = build_copy(tmp_path, "permalinks")
    post = Path(app.srcdir, "blog/2023-12-20-year-in-review.md")
    post.write_text(post.read_text().replace("/mlflow-year-in-review", "review-2023"))
    app = build_copy(tmp_path, "permalinks", fresh=False)
    out = Path(app.outdir)
    assert soup_of(out / "blog/review-2023/index.html").find("h1").get_text().startswith("Year")
    assert _is_redirect(out / REVIEW, "review-2023/")
    assert _is_redirect(out / "blog/2023-12-20-year-in-review.html", "review-2023/")
    assert "blog/review-2023/index.html" in _links(soup_of(out / "index.html"))
    assert "../../../../review-2023/index.html" in _links(soup_of(out / SECOND))


def _outputs(outdir: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(outdir)): p.read_bytes()
        for p in sorted(outdir.rglob("*"))
        if p.is_file() and p.suffix in (".html", ".xml", ".json")
    }


def test_parallel_build_writes_the_same_bytes(make_app, editable_root):
    outputs = []
    for jobs, name in ((1, "serial"), (2, "parallel")):
        app = make_app(
            "html", srcdir=editable_root("permalinks", name), freshenv=True, parallel=jobs
        )
        app.build()
        outputs.append(_outputs(Path(app.outdir)))
    assert outputs[0].keys() == outputs[1].keys()
    assert [k for k in outputs[0] if outputs[0][k] != outputs[1][k]] == []
    assert b"sphinx-blogposts redirect" not in outputs[1][REVIEW]  # the post itself


def test_changing_the_format_moves_the_pages(tmp_path):
    build_copy(tmp_path, "permalinks")
    app = build_copy(
        tmp_path, "permalinks", fresh=False, confoverrides={"blogposts_post_url": "{slug}"}
    )
    out = Path(app.outdir)
    assert soup_of(out / "blog/second/index.html").find("h1").get_text().startswith("Second")
    assert _is_redirect(out / SECOND, "second/")  # the former address, no stale page
    assert "blog/second/index.html" in _links(soup_of(out / "index.html"))
    assert "../second/index.html" in _links(soup_of(out / REVIEW))
