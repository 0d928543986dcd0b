"""A regression guard without timing: what each kind of edit renders and rewrites.

A change that makes every build render every excerpt again, or rewrite every
generated page, fails here, long before anyone notices a slow docs CI.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from sphinx.util.console import strip_escape_sequences

from sphinx_blogposts.writing.rebuilds import ledger as ledgers
from tests.conftest import card_titles, soup_of

SUMMARY = re.compile(
    r"blogposts: (\d+) posts, (\d+) of (\d+) generated pages written, (\d+) excerpts rendered"
)
# Sphinx writes these on every build
ALWAYS_WRITTEN = {"genindex.html", "search.html"}


def build(make_app, srcdir: Path):
    app = make_app("html", srcdir=srcdir)
    app.build()
    app.cleanup()
    status = strip_escape_sequences(app.status.getvalue())
    found = SUMMARY.findall(status)
    assert len(found) == 1, status
    posts, written, total, rendered = map(int, found[0])
    return app, {"posts": posts, "written": written, "total": total, "rendered": rendered}


def snapshot(outdir: Path) -> dict[str, int]:
    return {str(p.relative_to(outdir)): p.stat().st_mtime_ns for p in outdir.rglob("*.html")}


def rewritten(before: dict[str, int], after: dict[str, int]) -> set[str]:
    changed = {name for name, mtime in after.items() if before.get(name) != mtime}
    return changed - ALWAYS_WRITTEN


def built_many(make_app, editable_root) -> tuple[Path, Path, dict[str, int]]:  # type: ignore[no-untyped-def]
    """A built private copy of the "paginated-blog" root: its sources, its output, and
    the output's state."""
    srcdir = editable_root("paginated-blog")
    app, _ = build(make_app, srcdir)
    out = Path(app.outdir)
    return srcdir, out, snapshot(out)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    time.sleep(0.01)  # a distinct mtime for Sphinx's change detection
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_each_excerpt_rendered_once_and_nothing_on_a_no_change_rebuild(make_app, editable_root):
    srcdir = editable_root("paginated-blog")
    app, full = build(make_app, srcdir)
    # 14 posts, 4 a page; pages: 4 index + tags index + tags even (2), odd (2), group-0 (1),
    # group-1 (2), group-2 (2) + authors index + ann (2) + bob (2) + archive = 20
    assert full == {"posts": 14, "written": 20, "total": 20, "rendered": 14}

    out = Path(app.outdir)
    before = snapshot(out)
    _, again = build(make_app, srcdir)
    assert (again["written"], again["rendered"]) == (0, 0)
    assert rewritten(before, snapshot(out)) == set()


def test_body_edit_rewrites_only_the_post(make_app, editable_root):
    srcdir, out, before = built_many(make_app, editable_root)
    edit(srcdir / "blog/2024-02-09-post-8.md", "More about post 8.", "More about post 8, edited.")
    _, cost = build(make_app, srcdir)
    assert rewritten(before, snapshot(out)) == {"blog/2024-02-09-post-8.html"}
    assert cost["written"] == 0 and cost["rendered"] == 0


def test_excerpt_edit_rewrites_the_pages_that_show_it(make_app, editable_root):
    srcdir, out, before = built_many(make_app, editable_root)
    edit(srcdir / "blog/2024-02-09-post-8.md", "Opening paragraph of post 8", "New opening of 8")
    _, cost = build(make_app, srcdir)
    # post 8 is on index page 2, and on page 1 of "even", "group-2" and ann's posts;
    # the root index's postlist shows only the 3 newest even posts: not rewritten.
    assert rewritten(before, snapshot(out)) == {
        "blog/2024-02-09-post-8.html",
        "blog/page/2.html",
        "blog/tags/even.html",
        "blog/tags/group-2.html",
        "blog/authors/ann.html",
    }
    # the four rewritten pages show 8 distinct posts: each excerpt rendered once, not per page
    assert cost == {"posts": 14, "written": 4, "total": 20, "rendered": 8}


def test_tag_change_rewrites_the_post_its_lists_and_the_tag_pages(make_app, editable_root):
    srcdir, out, before = built_many(make_app, editable_root)
    edit(srcdir / "blog/2024-04-14-post-13.md", 'tags: [odd, "group-1"]', "tags: [odd, brand-new]")
    _, cost = build(make_app, srcdir)
    # post 13: index page 1, odd page 1, group-1 page 1 (and group-1 loses a post, so its
    # page 2 empties), the new tag's page, the tags index, bob's page 1; and the posts of
    # group-1 whose "Related posts" listed 13 (it shared two tags with them, now one).
    assert rewritten(before, snapshot(out)) == {
        "blog/2024-04-14-post-13.html",
        "blog/2024-01-02-post-1.html",
        "blog/2024-01-05-post-4.html",
        "blog/2024-02-08-post-7.html",
        "blog/2024-03-11-post-10.html",
        "blog/index.html",
        "blog/tags/odd.html",
        "blog/tags/group-1.html",
        "blog/tags/brand-new.html",
        "blog/tags/index.html",
        "blog/authors/bob.html",
    }
    assert not (out / "blog/tags/group-1/page/2.html").exists()
    # the distinct posts on those pages: 14-11 (index), 13, 11, 9, 7 (odd, bob), 10, 7, 4, 1
    assert cost == {"posts": 14, "written": 6, "total": 20, "rendered": 9}


def test_a_tag_gaining_a_page_rewrites_only_the_pages_that_changed(make_app, editable_root):
    """Pages show their number and their neighbours, not how many pages there are: a tag
    that grows from 2 to 3 pages rewrites its second page and writes the third, and the
    first stays as it is (a blog of years would otherwise rewrite every page of a tag)."""
    srcdir, out, before = built_many(make_app, editable_root)
    # "even" has posts 2-14 (7, two pages of 4); two older posts join: 14-8 | 6, 4, 3, 2 | 1
    edit(srcdir / "blog/2024-01-02-post-1.md", "tags: [odd", "tags: [even, odd")
    edit(srcdir / "blog/2024-01-04-post-3.md", "tags: [odd", "tags: [even, odd")
    build(make_app, srcdir)
    changed = rewritten(before, snapshot(out))
    assert "blog/tags/even/page/2.html" in changed
    assert "blog/tags/even/page/3.html" in changed
    assert "blog/tags/even.html" not in changed
    page3 = soup_of(out / "blog/tags/even/page/3.html")
    assert card_titles(page3) == ["Post number 1"]
    assert page3.select_one(".blogposts-page-number").get_text() == "Page 3"
    assert page3.select_one("a[rel=prev]")["href"] == "2.html"


def built_series(make_app, editable_root) -> tuple[Path, Path, dict[str, int]]:  # type: ignore[no-untyped-def]
    srcdir = editable_root("series")
    app, _ = build(make_app, srcdir)
    out = Path(app.outdir)
    return srcdir, out, snapshot(out)


PAIR = {
    "blog/2024-04-03-same-order.html",
    "blog/2024-04-04-same-order-b.html",
    "blog/2024-04-05-zero-order.html",
}


def test_a_new_part_rewrites_its_series_boxes_and_pages(make_app, editable_root):
    srcdir, out, before = built_series(make_app, editable_root)
    time.sleep(0.01)
    (srcdir / "blog/2024-04-06-pair-three.md").write_text(
        "---\ntitle: Pair, the last part\nseries: Pair\n---\n\nText.\n", encoding="utf-8"
    )
    _, cost = build(make_app, srcdir)
    # the three other parts' boxes ("of 3" -> "of 4"), the series' page and the series
    # index (a count), and the lists the new post joins: index (its 10 posts move on to
    # a second page) and archive. No post's related list changes: the new one has no tags.
    assert rewritten(before, snapshot(out)) == {
        "blog/2024-04-06-pair-three.html",
        "blog/2024/04/06/pair-three/index.html",  # the redirect from its Docusaurus URL
        *PAIR,
        "blog/series/pair.html",
        "blog/series/index.html",
        "blog/index.html",
        "blog/page/2.html",
        "blog/archive.html",
    }
    assert cost["written"] == 5
    box = soup_of(out / "blog/2024-04-03-same-order.html").select_one(".blogposts-series-title")
    assert " ".join(box.get_text().split()) == "Part 1 of 4 in Pair"


def test_a_removed_part_rewrites_the_other_parts_and_nothing_else(make_app, editable_root):
    srcdir, out, before = built_series(make_app, editable_root)
    (srcdir / "blog/2024-04-05-zero-order.md").unlink()
    _, cost = build(make_app, srcdir)
    assert rewritten(before, snapshot(out)) == {
        "blog/2024-04-03-same-order.html",
        "blog/2024-04-04-same-order-b.html",
        "blog/series/pair.html",
        "blog/series/index.html",
        "blog/index.html",
        "blog/archive.html",
    }
    assert cost["written"] == 4


def test_a_retitled_part_rewrites_the_boxes_and_related_lists_that_name_it(make_app, editable_root):
    srcdir, out, before = built_series(make_app, editable_root)
    edit(srcdir / "blog/2024-01-10-finale.md", "title: Deep dive, the writer", "title: The writer")
    build(make_app, srcdir)
    changed = rewritten(before, snapshot(out))
    # every Deep Dive part names it in its box, and each lists it as related (they share
    # "internals"); the lists that show its card; "other" (tagged sphinx) shows it nowhere
    assert changed == {
        "blog/2024-01-01-intro.html",
        "blog/2024-01-05-rest-part.html",
        "blog/2024-01-10-finale.html",
        "blog/2024-01-20-second.html",
        "blog/2024-02-01-draft-part.html",
        "blog/2024-02-02-unlisted-part.html",
        "blog/series/deep-dive.html",
        "blog/index.html",
        "blog/tags/internals.html",
        "blog/tags/writing.html",
        "blog/archive.html",
        "index.html",  # its postlist :series: Deep Dive
        "blog/2024/01/10/finale/index.html",  # the redirect from its Docusaurus URL names it
    }
    related = soup_of(out / "blog/2024-01-20-second.html").select_one(".blogposts-related")
    assert "The writer" in related.get_text()


def _add_news_four(make_app, srcdir: Path) -> tuple[Path, set[str]]:  # type: ignore[no-untyped-def]
    """Build the blogs root, add a post to its news blog, build again: the output folder
    and the files the second build rewrote."""
    app, _ = build(make_app, srcdir)
    out = Path(app.outdir)
    before = snapshot(out)
    time.sleep(0.01)
    (srcdir / "news/2024-05-01-news-four.md").write_text(
        "---\ntitle: News four\ntags: [internals]\nauthors: [ben]\n---\n\nFourth.\n",
        encoding="utf-8",
    )
    build(make_app, srcdir)
    return out, rewritten(before, snapshot(out))


def test_a_post_added_to_one_blog_leaves_the_other_blogs_pages_alone(make_app, editable_root):
    """With sidebars, every page of the blog that gained a post is rewritten (its sidebars
    show the post), and no page of the other blog, nor the pages outside both."""
    srcdir = editable_root("two-blogs")
    out, changed = _add_news_four(make_app, srcdir)
    # every news page but the redirect pages at old URLs (no sidebars), and the new one's
    news = {n for n in snapshot(out) if n.startswith("news/") and not n.startswith("news/2024/")}
    new_redirect = "news/2024/05/01/news-four/index.html"
    assert changed == news | {"index.html", new_redirect}  # index.html: postlist :blog: news
    assert "blog/index.html" not in changed and "other.html" not in changed
    recent = soup_of(out / "news/2024-01-15-news-one.html").select(".blogposts-sidebar-recent a")
    assert recent[0].get_text() == "News four"


def test_without_sidebars_another_blogs_post_rewrites_none_of_this_blogs_pages(
    make_app, editable_root
):
    srcdir = editable_root("two-blogs")
    conf = srcdir / "conf.py"
    conf.write_text(
        conf.read_text(encoding="utf-8").replace("html_sidebars", "unused_sidebars"),
        encoding="utf-8",
    )
    _out, changed = _add_news_four(make_app, srcdir)
    assert not [name for name in changed if name.startswith(("blog/", "shared/"))], changed
    assert changed == {
        "news/2024-05-01-news-four.html",
        "news/2024/05/01/news-four/index.html",  # its redirect
        "news/2024-03-15-news-three.html",  # its older neighbour
        "news/2024-01-15-news-one.html",  # related: shares "internals"
        "news/index.html",
        "news/page/2.html",
        "news/tags/internals.html",
        "news/tags/index.html",
        "news/authors/ben.html",
        "news/authors/ben/page/2.html",
        "news/authors/index.html",
        "news/archive.html",
        "index.html",  # its postlist :blog: news
    }


def test_a_no_change_rebuild_weighs_no_signature(make_app, editable_root, monkeypatch):
    """Nothing read, nothing configured differently: the stored signatures are taken as
    they are (writing/rebuilds/fingerprint.py), not computed again for every post and page."""
    from sphinx_blogposts.writing.outputs import feeds, pages
    from sphinx_blogposts.writing.render import post_links

    srcdir, out, before = built_many(make_app, editable_root)
    calls = {"page": 0, "post": 0, "feed": 0}  # a generated page's, a post page's, a feed's
    page_signature, post_signature = pages.signature, post_links.signature
    feed_signature = feeds._signatures

    def count(kind, real):  # type: ignore[no-untyped-def]
        def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
            calls[kind] += 1
            return real(*args, **kwargs)

        return counted

    monkeypatch.setattr(pages, "signature", count("page", page_signature))
    monkeypatch.setattr(post_links, "signature", count("post", post_signature))
    monkeypatch.setattr(feeds, "_signatures", count("feed", feed_signature))
    _, again = build(make_app, srcdir)
    assert calls == {"page": 0, "post": 0, "feed": 0} and again["written"] == 0
    # one post edited: both are weighed again, and only what changed is written
    edit(srcdir / "blog/2024-02-08-post-7.md", "More about post 7.", "More, edited.")
    _, edited = build(make_app, srcdir)
    assert calls["page"] == edited["total"] and calls["post"] == 14 and calls["feed"] > 0
    assert rewritten(before, snapshot(out)) == {"blog/2024-02-08-post-7.html"}


def test_a_scheduled_post_is_listed_when_its_date_comes(make_app, editable_root, monkeypatch):
    """With ``blogposts_future = "draft"`` the second build reads no document, only the
    clock moved: the post must now be listed, and its neighbour's footer link to it."""
    import datetime as dt

    from sphinx_blogposts.writing.view import blog as blog_mod

    srcdir = editable_root("paginated-blog")
    (srcdir / "blog" / "2030-01-01-scheduled.md").write_text(
        "---\ntitle: Scheduled\nauthors: [ann]\ntags: [odd]\n---\n\nIt is time.\n",
        encoding="utf-8",
    )
    with (srcdir / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('blogposts_future = "draft"\n')

    def clock(year: int) -> type:
        class Clock(dt.datetime):
            @classmethod
            def now(cls, tz=None):  # type: ignore[no-untyped-def,override]
                return dt.datetime(year, 1, 2, tzinfo=tz)

        return Clock

    monkeypatch.setattr(blog_mod, "datetime", clock(2029))
    app, _ = build(make_app, srcdir)
    out = Path(app.outdir)
    assert "Scheduled" not in card_titles(soup_of(out / "blog/index.html"))
    monkeypatch.setattr(blog_mod, "datetime", clock(2030))
    _, later = build(make_app, srcdir)
    assert later["written"] > 0
    assert card_titles(soup_of(out / "blog/index.html"))[0] == "Scheduled"
    newest = soup_of(out / "blog/2024-04-15-post-14.html")
    assert newest.select_one(".blogposts-newer .blogposts-nav-title").get_text() == "Scheduled"


def test_an_interrupted_build_leaves_no_ledger_that_vouches_for_a_rewritten_page(
    make_app, editable_root, monkeypatch
):
    """A build that rewrote a generated page and stopped before its ledger was saved: the
    next build, back at the inputs the old ledger knew, must not take the page as it is."""
    srcdir, out, _ = built_many(make_app, editable_root)
    tag_page = out / "blog/tags/odd.html"  # lists post 13 first
    post = srcdir / "blog/2024-04-14-post-13.md"
    edit(post, "title: Post number 13", "title: Renamed 13")
    with monkeypatch.context() as patch:
        # the build stops before build-finished: no ledger is saved at the end
        patch.setattr(ledgers, "save_pending", lambda app, exc: None)
        build(make_app, srcdir)
    assert card_titles(soup_of(tag_page))[0] == "Renamed 13"
    edit(post, "title: Renamed 13", "title: Post number 13")
    build(make_app, srcdir)
    assert card_titles(soup_of(tag_page))[0] == "Post number 13"


def test_a_new_post_at_its_own_address_leaves_the_other_documents_alone(make_app, editable_root):
    """A new post's address is no move (no page linked to it before): the documents that
    neither list nor neighbour it are not written again, whatever the site's size."""
    srcdir = editable_root("paginated-blog")
    conf = srcdir / "conf.py"
    conf.write_text(
        conf.read_text(encoding="utf-8").replace(
            "blogposts_post_url = None", 'blogposts_post_url = "docusaurus"'
        ),
        encoding="utf-8",
    )
    (srcdir / "notes.md").write_text("---\norphan: true\n---\n# Notes\n\nText.\n", "utf-8")
    app, _ = build(make_app, srcdir)
    out = Path(app.outdir)
    before = snapshot(out)
    time.sleep(0.01)
    (srcdir / "blog" / "2024-05-01-post-15.md").write_text(
        "---\ntitle: Post number 15\nauthors: [ann]\ntags: [odd]\n---\n\nText of 15.\n", "utf-8"
    )
    build(make_app, srcdir)
    changed = rewritten(before, snapshot(out))
    assert "blog/2024/05/01/post-15/index.html" in changed
    assert "blog/2024/04/15/post-14/index.html" in changed  # its older neighbour
    assert "notes.html" not in changed
    assert "index.html" not in changed  # its postlist shows "even" posts only
    # posts tagged "odd" list it among their related posts; the "even" ones do not
    posts = [int(m[1]) for name in changed if (m := re.search(r"/post-(\d+)/index\.html$", name))]
    assert sorted(n for n in posts if n % 2 == 0) == [14], changed
