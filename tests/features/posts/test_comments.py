"""Comments at the end of post pages (giscus, utterances, ABlog's Disqus), loaded late,
never on drafts or generated pages, and nothing third-party without a setting."""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

import pytest

from tests.conftest import blog_warnings, soup_of

GISCUS = {
    "provider": "giscus",
    "repo": "octo/blog",
    "repo_id": "R_kgDO",
    "category": "Q&A",
    "category_id": "DIC_kwDO",
    "reactions_enabled": True,
    "lang": 'en" onload="alert(1)',
}
THIRD_PARTY = ("giscus.app", "utteranc.es", "disqus.com")
WITH_COMMENTS = [
    "blog/2023-05-01-pinned-too.html",
    "blog/2023-06-01-pinned.html",
    "blog/2024-01-01-first.html",
    "blog/2024-01-02-docusaurus.html",
    "blog/2024-01-03-material.html",
    "blog/2024-01-04-evil.html",
    "blog/2024-01-07-plain.html",
]


def widgets(app) -> dict[str, object]:
    """Every page of the output with a comments block, and its widget."""
    out = Path(app.outdir)
    found = {}
    for path in sorted(out.rglob("*.html")):
        widget = soup_of(path).select_one(".blogposts-comments-widget")
        if widget is not None:
            found[str(path.relative_to(out))] = widget
    return found


def test_nothing_configured_loads_nothing(shared_build):
    app = shared_build("pins-authors-updates")
    out = Path(app.outdir)
    for path in out.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".js", ".xml", ".json"):
            text = path.read_text(encoding="utf-8", errors="replace")
            for host in THIRD_PARTY:
                assert host not in text or path.name == "blogposts-comments.js", (path, host)
    assert widgets(app) == {}
    for path in out.rglob("*.html"):
        assert "blogposts-comments.js" not in path.read_text(encoding="utf-8"), path


def test_giscus_on_every_post_but_drafts_and_opted_out(shared_build):
    app = shared_build("pins-authors-updates", confoverrides={"blogposts_comments": GISCUS})
    assert blog_warnings(app) == []
    found = widgets(app)
    # not the draft, not "comments: false", not index/tag/author/archive pages or news.md
    assert sorted(found) == WITH_COMMENTS
    widget = found["blog/2024-01-01-first.html"]
    assert widget["data-provider"] == "giscus"
    assert widget["data-src"] == "https://giscus.app/client.js"
    assert json.loads(widget["data-options"]) == {
        "data-repo": "octo/blog",
        "data-repo-id": "R_kgDO",
        "data-category": "Q&A",
        "data-category-id": "DIC_kwDO",
        "data-mapping": "pathname",
        "data-reactions-enabled": "1",
        "data-lang": 'en" onload="alert(1)',  # a value, never an attribute of the page
    }
    assert widget.select_one(".giscus") is not None
    page = soup_of(Path(app.outdir, "blog/2024-01-01-first.html"))
    assert page.find(attrs={"onload": True}) is None
    # the third-party script is not on the page: the loader adds it when the block is seen
    assert not [s for s in page.find_all("script") if "giscus.app" in s.get("src", "")]
    (loader,) = [s for s in page.find_all("script") if "blogposts-comments.js" in s.get("src", "")]
    target = posixpath.normpath(posixpath.join("blog", loader["src"]))
    assert Path(app.outdir, target).is_file()
    # after the post (its body and the post navigation), in the article
    section = page.select_one(".blogposts-comments")
    assert section.find_previous(class_="blogposts-post-nav") is not None
    assert section.select_one("h2").get_text() == "Comments"


def test_utterances(shared_build):
    app = shared_build(
        "pins-authors-updates",
        "html",
        confoverrides={"blogposts_comments": {"provider": "utterances", "repo": "octo/blog"}},
    )
    widget = widgets(app)["blog/2024-01-07-plain.html"]
    assert widget["data-src"] == "https://utteranc.es/client.js"
    assert widget["data-origin"] == "https://utteranc.es"
    assert json.loads(widget["data-options"]) == {"repo": "octo/blog", "issue-term": "pathname"}


def test_ablog_disqus_shortname(shared_build):
    app = shared_build(
        "pins-authors-updates", "html", confoverrides={"disqus_shortname": "my-site"}
    )
    found = widgets(app)
    assert sorted(found) == WITH_COMMENTS
    widget = found["blog/2024-01-07-plain.html"]
    assert widget["data-src"] == "https://my-site.disqus.com/embed.js"
    assert widget["data-page-url"] == "https://example.org/docs/blog/2024-01-07-plain.html"
    assert widget["data-page-identifier"] == "blog/2024-01-07-plain"
    assert widget.select_one("#disqus_thread") is not None


@pytest.mark.parametrize(
    "overrides, expected",
    [
        ({"blogposts_comments": {"provider": "talkyard"}}, "blogposts_comments"),
        ({"blogposts_comments": {"provider": "giscus", "repo": "a/b"}}, "blogposts_comments"),
        (
            {"blogposts_comments": {"provider": "disqus", "shortname": "x.evil"}},
            "blogposts_comments",
        ),
        ({"disqus_shortname": "x.evil/"}, "disqus_shortname"),
    ],
)
def test_bad_settings_are_one_warning_and_no_comments(make_app, editable_root, overrides, expected):
    app = make_app(
        "html", srcdir=editable_root("pins-authors-updates"), freshenv=True, confoverrides=overrides
    )
    app.build()
    warnings = blog_warnings(app)
    assert len(warnings) == 1, warnings
    assert expected in warnings[0] and "[blogposts.config]" in warnings[0]
    assert widgets(app) == {}


def test_dirhtml(shared_build):
    app = shared_build(
        "pins-authors-updates", "dirhtml", confoverrides={"blogposts_comments": GISCUS}
    )
    found = widgets(app)
    assert "blog/2024-01-07-plain/index.html" in found
    assert "blog/2024-01-05-quiet/index.html" not in found
    page = soup_of(Path(app.outdir, "blog/2024-01-07-plain/index.html"))
    (loader,) = [s for s in page.find_all("script") if "blogposts-comments.js" in s.get("src", "")]
    target = posixpath.normpath(posixpath.join("blog/2024-01-07-plain", loader["src"]))
    assert Path(app.outdir, target).is_file()


def test_ablog_nocomments_turns_comments_off_for_that_post(make_app, editable_root):
    """ABlog's ``:nocomments:`` on the ``post`` directive: no block on that post's page only."""
    src = editable_root("pins-authors-updates")
    (src / "blog" / "2024-01-08-ablog.rst").write_text(
        "An ABlog post\n=============\n\n.. post:: 2024-01-08\n   :nocomments:\n\n"
        "   Its excerpt.\n\nIts body.\n",
        encoding="utf-8",
    )
    (src / "blog" / "2024-01-09-ablog-open.rst").write_text(
        "Another ABlog post\n==================\n\n.. post:: 2024-01-09\n\nIts body.\n",
        encoding="utf-8",
    )
    app = make_app("html", srcdir=src, freshenv=True, confoverrides={"blogposts_comments": GISCUS})
    app.build()
    found = widgets(app)
    assert "blog/2024-01-08-ablog.html" not in found
    assert "blog/2024-01-09-ablog-open.html" in found
    assert sorted(found) == sorted([*WITH_COMMENTS, "blog/2024-01-09-ablog-open.html"])
