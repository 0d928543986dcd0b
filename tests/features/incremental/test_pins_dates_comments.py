"""Pins, update dates and comment settings on incremental and parallel builds: a change
rewrites exactly the pages that show it, and ``-j 2`` writes the same bytes as ``-j 1``."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import soup_of
from tests.features.incremental.test_rebuild_cost import edit, rewritten, snapshot
from tests.features.posts.test_comments import GISCUS

THEMES = ["alabaster", "furo", "pydata_sphinx_theme"]


def built(make_app, src: Path, **overrides):  # type: ignore[no-untyped-def]
    app = make_app("html", srcdir=src, confoverrides=overrides)
    app.build()
    return app, Path(app.outdir)


def test_pinning_a_post_on_page_one_rewrites_it_and_the_first_index_page(make_app, editable_root):
    src = editable_root("pins-authors-updates")
    _, out = built(make_app, src)
    before = snapshot(out)
    # the newest post is on page 1 already: it moves to the top and is marked
    edit(src / "blog/2024-01-07-plain.md", "title: A plain post", "title: A plain post\npin: true")
    built(make_app, src)
    assert rewritten(before, snapshot(out)) == {"blog/2024-01-07-plain.html", "blog/index.html"}


def test_unpinning_moves_the_post_back_and_shifts_the_pages(make_app, editable_root):
    src = editable_root("pins-authors-updates")
    _, out = built(make_app, src)
    before = snapshot(out)
    edit(src / "blog/2023-05-01-pinned-too.md", "pinned: true", "pinned: false")
    built(make_app, src)
    # every index page's posts changed; tag, author and archive pages did not
    assert rewritten(before, snapshot(out)) == {
        "blog/2023-05-01-pinned-too.html",
        "blog/index.html",
        "blog/page/2.html",
        "blog/page/3.html",
    }


def test_an_update_date_rewrites_only_the_post(make_app, editable_root):
    src = editable_root("pins-authors-updates")
    _, out = built(make_app, src)
    before = snapshot(out)
    edit(src / "blog/2024-01-02-docusaurus.md", "date: 2024-03-01", "date: 2024-04-01")
    built(make_app, src)
    # lists do not show update dates; the feeds (not pages) are rewritten by their ledger
    assert rewritten(before, snapshot(out)) == {"blog/2024-01-02-docusaurus.html"}
    assert "2024-04-01" in (out / "blog/atom.xml").read_text(encoding="utf-8")


def test_a_comment_setting_rewrites_the_posts_that_show_comments(make_app, editable_root):
    src = editable_root("pins-authors-updates")
    _, out = built(make_app, src, blogposts_comments=GISCUS)
    before = snapshot(out)
    built(make_app, src, blogposts_comments={**GISCUS, "repo": "octo/other"})
    expected = {
        f"blog/{name}.html"
        for name in (
            "2023-05-01-pinned-too",
            "2023-06-01-pinned",
            "2024-01-01-first",
            "2024-01-02-docusaurus",
            "2024-01-03-material",
            "2024-01-04-evil",
            "2024-01-07-plain",
        )
    }
    assert rewritten(before, snapshot(out)) == expected
    assert "octo/other" in (out / "blog/2024-01-07-plain.html").read_text(encoding="utf-8")
    before = snapshot(out)
    built(make_app, src)  # comments turned off: the same pages, without them
    assert rewritten(before, snapshot(out)) == expected
    assert "giscus" not in (out / "blog/2024-01-07-plain.html").read_text(encoding="utf-8")


def test_turning_comments_off_for_one_post_rewrites_that_post(make_app, editable_root):
    src = editable_root("pins-authors-updates")
    _, out = built(make_app, src, blogposts_comments=GISCUS)
    before = snapshot(out)
    edit(
        src / "blog/2024-01-07-plain.md", "title: A plain post", "title: A plain post\ncomments: no"
    )
    built(make_app, src, blogposts_comments=GISCUS)
    assert rewritten(before, snapshot(out)) == {"blog/2024-01-07-plain.html"}
    assert "giscus" not in (out / "blog/2024-01-07-plain.html").read_text(encoding="utf-8")


def _outputs(outdir: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(outdir)): p.read_bytes()
        for p in sorted(outdir.rglob("*"))
        if p.is_file() and p.suffix in (".html", ".xml", ".json") and p.name != "searchindex.js"
    }


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_parallel_build_writes_the_same_bytes(make_app, editable_root, builder):
    overrides = {"blogposts_comments": GISCUS}
    outputs = []
    for jobs, name in ((1, "serial"), (2, "parallel")):
        src = editable_root("pins-authors-updates", as_name=name)
        app = make_app(builder, srcdir=src, freshenv=True, parallel=jobs, confoverrides=overrides)
        app.build()
        outputs.append(_outputs(Path(app.outdir)))
    assert outputs[0].keys() == outputs[1].keys()
    assert [k for k in outputs[0] if outputs[0][k] != outputs[1][k]] == []


@pytest.mark.parametrize("theme", THEMES)
def test_in_each_theme(make_app, editable_root, theme):
    app = make_app(
        "html",
        srcdir=editable_root("pins-authors-updates"),
        freshenv=True,
        confoverrides={"html_theme": theme, "blogposts_comments": GISCUS},
    )
    app.build()
    assert app.warning.getvalue() == ""
    out = Path(app.outdir)
    post = soup_of(out / "blog/2024-01-01-first.html")
    assert len(post.head.find_all("script", type="application/ld+json")) == 1
    # inside the theme's main content, after the post
    main = post.select_one("article, main, [role=main]")
    assert main.select_one(".blogposts-comments .blogposts-comments-widget") is not None
    assert post.select_one(".blogposts-updated time")["datetime"].startswith("2024-02-01")
    index = soup_of(out / "blog/index.html")
    assert len(index.head.find_all("script", type="application/ld+json")) == 1
    assert index.select_one(".blogposts-card.blogposts-pinned .blogposts-pinned-label")
