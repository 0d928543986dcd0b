"""Sidebar templates named in ``html_sidebars`` show the blog on every page, in each theme."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from tests.conftest import soup_of

ALL = [
    "blogposts/recent.html",
    "blogposts/tags.html",
    "blogposts/archives.html",
    "blogposts/authors.html",
]


def _resolves(out: Path, page: str, href: str) -> bool:
    target = urlparse(urljoin("http://x/" + page, href)).path.lstrip("/")
    return (out / target).is_file()


def _check_sidebars(out: Path, page: str) -> None:
    soup = soup_of(out / page)
    recent = soup.select_one(".blogposts-sidebar-recent")
    assert recent is not None, page
    titles = [a.get_text() for a in recent.select("li a")]
    # newest first, only listed posts
    assert titles == ["2023 Year in Review", "Hello world", "C post"], page
    tags = {
        li.a.get_text(): li.select_one(".blogposts-count").get_text()
        for li in soup.select(".blogposts-sidebar-tags li")
    }
    assert tags["MLflow"] == "2" and tags["C++"] == "1" and tags["news"] == "1", page
    years = [li.a.get_text() for li in soup.select(".blogposts-sidebar-archives li")]
    assert years == ["2024", "2023", "2022"], page
    assert soup.select_one(".blogposts-sidebar-archives li a")["href"].endswith("#year-2024")
    authors = [li.a.get_text() for li in soup.select(".blogposts-sidebar-authors li")]
    assert authors == ["Bob", "Carly Akerly", "Jane Doe"], page
    links = soup.select(".blogposts-sidebar a[href]")
    assert len(links) > 10
    for link in links:
        assert _resolves(out, page, link["href"]), (page, link["href"])


def test_sidebars_in_alabaster(shared_build):
    app = shared_build("small-blog", confoverrides={"html_sidebars": {"**": ALL}})
    assert app.warning.getvalue() == ""
    out = Path(app.outdir)
    for page in (
        "index.html",
        "other.html",
        "blog/index.html",
        "blog/2023/05/01/hello.html",
        "blog/tags/mlflow.html",
    ):
        _check_sidebars(out, page)


@pytest.mark.parametrize(
    "theme, overrides",
    [
        # furo: html_sidebars replaces its whole left sidebar, so keep its own parts
        (
            "furo",
            {
                "html_sidebars": {
                    "**": [
                        "sidebar/brand.html",
                        "sidebar/search.html",
                        "sidebar/scroll-start.html",
                        "sidebar/navigation.html",
                        *ALL,
                        "sidebar/scroll-end.html",
                    ]
                }
            },
        ),
        # pydata: html_sidebars fills the primary (left) sidebar
        ("pydata_sphinx_theme", {"html_sidebars": {"**": ["sidebar-nav-bs", *ALL]}}),
        # sphinx-book-theme: like pydata, with its own navigation template
        ("sphinx_book_theme", {"html_sidebars": {"**": ["sbt-sidebar-nav.html", *ALL]}}),
    ],
)
def test_sidebars_in_furo_pydata_and_book(make_app, editable_root, theme, overrides):
    app = make_app(
        "html",
        srcdir=editable_root("small-blog"),
        freshenv=True,
        confoverrides={"html_theme": theme, **overrides},
    )
    app.build()
    assert app.warning.getvalue() == ""
    out = Path(app.outdir)
    for page in ("other.html", "blog/index.html", "blog/2023/05/01/hello.html"):
        _check_sidebars(out, page)


def test_sidebar_in_pydata_secondary_sidebar(make_app, editable_root):
    app = make_app(
        "html",
        srcdir=editable_root("small-blog"),
        freshenv=True,
        confoverrides={
            "html_theme": "pydata_sphinx_theme",
            "html_theme_options": {
                "secondary_sidebar_items": ["page-toc", "blogposts/recent.html"]
            },
        },
    )
    app.build()
    soup = soup_of(Path(app.outdir, "blog/2023/05/01/hello.html"))
    secondary = soup.select_one(".bd-sidebar-secondary")
    assert secondary.select_one(".blogposts-sidebar-recent") is not None


def test_sidebars_escape_front_matter(shared_build):
    app = shared_build("escaping", confoverrides={"html_sidebars": {"**": ALL}})
    soup = soup_of(Path(app.outdir, "index.html"))
    sidebar = soup.select(".blogposts-sidebar")
    assert sidebar
    assert not soup.select(".blogposts-sidebar script, .blogposts-sidebar b")
    labels = [a.get_text() for a in soup.select(".blogposts-sidebar-tags li a")]
    assert "<b>bold</b>" in labels and '"><script>alert(1)</script>' in labels
    recent = [a.get_text() for a in soup.select(".blogposts-sidebar-recent li a")]
    assert "Symbols & <friends>" in recent


def test_project_templates_override_sidebars_and_pages(make_app, editable_root):
    """A project's ``_templates/blogposts/*.html`` wins over the extension's templates."""
    src = editable_root("small-blog")
    (src / "_templates" / "blogposts").mkdir(parents=True)
    (src / "_templates" / "blogposts" / "recent.html").write_text(
        '<div class="my-recent">{{ blogposts_recent|length }} posts</div>', encoding="utf-8"
    )
    (src / "_templates" / "blogposts" / "post_footer.html").write_text(
        '<p class="my-footer">{% if older %}{{ older.title }}{% endif %}</p>', encoding="utf-8"
    )
    app = make_app(
        "html",
        srcdir=src,
        freshenv=True,
        confoverrides={
            "templates_path": ["_templates"],
            "html_sidebars": {"**": ["blogposts/recent.html"]},
        },
    )
    app.build()
    soup = soup_of(Path(app.outdir, "blog/2023/05/01/hello.html"))
    assert soup.select_one(".my-recent").get_text() == "3 posts"
    assert soup.select_one(".blogposts-sidebar-recent") is None
    assert soup.select_one(".my-footer").get_text() == "C post"
    assert soup.select_one(".blogposts-post-nav") is None


def test_sidebars_follow_new_posts_on_incremental_build(make_app, editable_root):
    src = editable_root("small-blog")
    overrides = {"html_sidebars": {"**": ["blogposts/recent.html"]}}
    app = make_app("html", srcdir=src, freshenv=True, confoverrides=overrides)
    app.build()
    (src / "blog" / "2025-02-02-new.md").write_text(
        "---\ntags: fresh\n---\n# Brand new\n\nText.\n", encoding="utf-8"
    )
    app2 = make_app("html", srcdir=src, confoverrides=overrides, parallel=2)
    app2.build()
    # a document, and a generated page whose own list did not change
    for page in ("other.html", "blog/tags/mlflow.html", "blog/authors/index.html"):
        soup = soup_of(Path(app2.outdir, page))
        titles = [a.get_text() for a in soup.select(".blogposts-sidebar-recent li a")]
        assert titles[0] == "Brand new", page


def test_sidebar_links_with_dirhtml(shared_build):
    app = shared_build("small-blog", "dirhtml", confoverrides={"html_sidebars": {"**": ALL}})
    out = Path(app.outdir)
    for page in ("other/index.html", "blog/tags/mlflow/index.html"):
        soup = soup_of(out / page)
        links = [a["href"] for a in soup.select(".blogposts-sidebar a[href]")]
        assert len(links) > 10
        for href in links:
            target = urlparse(urljoin("http://x/" + page, href)).path.lstrip("/")
            if not target or target.endswith("/"):
                target += "index.html"
            assert (out / target).is_file(), (page, href)


def test_json_builder_is_not_handed_sidebar_data(shared_build):
    """The json builder writes each page's context as JSON: nothing unserialisable in it."""
    app = shared_build("small-blog", "json", confoverrides={"html_sidebars": {"**": ALL}})
    data = json.loads(Path(app.outdir, "blog/index.fjson").read_text(encoding="utf-8"))
    assert "blogposts-card" in data["body"]
    assert not any(key.startswith("blogposts_") and key != "blogposts_page" for key in data)


def test_sidebar_links_resolve_from_every_page(shared_build):
    """The sidebars' links are made once per folder of pages; from each page of every
    folder, the post pages themselves included (a post's link to itself), they resolve."""
    app = shared_build("small-blog", confoverrides={"html_sidebars": {"**": ALL}})
    out = Path(app.outdir)
    pages = sorted(str(p.relative_to(out)) for p in out.rglob("*.html") if "_static" not in p.parts)
    assert len(pages) > 15
    for page in pages:
        soup = soup_of(out / page)
        if soup.select_one(".blogposts-sidebar-recent") is None:
            continue  # search.html, genindex.html have none in alabaster
        for link in soup.select(".blogposts-sidebar a[href]"):
            assert _resolves(out, page, link["href"]), (page, link["href"])
    hello = soup_of(out / "blog/2023/05/01/hello.html")
    recent = hello.select(".blogposts-sidebar-recent li a")
    own = [a for a in recent if a.get_text() == "Hello world"]
    assert own and _resolves(out, "blog/2023/05/01/hello.html", own[0]["href"])


def test_sidebars_in_singlehtml(shared_build):
    """singlehtml gets no blog context (it writes no generated pages): the sidebars render
    empty, and the build does not fail on their templates."""
    app = shared_build("small-blog", "singlehtml", confoverrides={"html_sidebars": {"**": ALL}})
    assert "blogposts_sidebar" not in app.warning.getvalue()
    assert Path(app.outdir, "index.html").is_file()
