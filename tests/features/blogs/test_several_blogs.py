"""Several blogs in one site: each with its own pages, feeds, neighbours, series and
related posts; postlist :blog:; sidebars of the page's blog; a post in one blog only."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import blog_warnings, card_titles, soup_of


def text(node) -> str:  # type: ignore[no-untyped-def]
    return " ".join(node.get_text().split())


def test_each_blog_has_its_own_pages(shared_build, page):
    app = shared_build("two-blogs")
    news = page(app, "news/index.html")
    assert news.h1.get_text() == "News"
    assert card_titles(news) == ["News three", "News two"]  # its own posts per page: 2
    assert card_titles(page(app, "news/page/2.html")) == ["News one"]
    blog = page(app, "blog/index.html")
    assert blog.h1.get_text() == "Engineering blog"
    assert card_titles(blog) == ["In both patterns", "Engine two", "Engine one"]
    assert card_titles(page(app, "news/tags/internals.html")) == ["News one"]
    assert card_titles(page(app, "blog/tags/internals.html")) == ["Engine two", "Engine one"]
    assert card_titles(page(app, "news/authors/ben.html")) == ["News three", "News two"]
    assert page(app, "news/authors/ben.html").h1.get_text() == "Posts by Ben Okafor"
    archive = [
        a.get_text() for a in page(app, "news/archive.html").select(".blogposts-page-archive li a")
    ]
    assert archive == ["News three", "News two", "News one"]
    assert card_titles(page(app, "news/series/launch.html")) == ["News one", "News two"]
    assert card_titles(page(app, "blog/series/launch.html")) == ["Engine one", "Engine two"]
    links = [a["href"] for a in news.select(".blogposts-sections a")]
    assert links == ["tags/index.html", "authors/index.html", "archive.html", "series/index.html"]


def test_each_blog_has_its_own_feeds(shared_build, page):
    app = shared_build("two-blogs")
    out = Path(app.outdir)
    news = (out / "news/atom.xml").read_text(encoding="utf-8")
    assert "<title>News</title>" in news and "<subtitle>What happened.</subtitle>" in news
    # the ids are the posts' Docusaurus addresses below their own blog's folder
    assert re.findall(r"<entry>\s*<id>[^<]*/(news/[^<]+)</id>", news) == [
        "news/2024/03/15/news-three",
        "news/2024/02/15/news-two",
        "news/2024/01/15/news-one",
    ]
    assert not (out / "news/rss.xml").exists()  # its feed_formats: atom only
    assert (out / "news/tags/release/atom.xml").is_file()
    blog = (out / "blog/atom.xml").read_text(encoding="utf-8")
    assert "News one" not in blog and "Engine one" in blog
    assert (out / "blog/rss.xml").is_file()
    heads = [
        link["href"]
        for link in page(app, "news/2024-02-15-news-two.html").select("link[rel=alternate]")
    ]
    assert heads == ["atom.xml"]


def test_neighbours_series_and_related_posts_stay_inside_a_blog(shared_build, page):
    app = shared_build("two-blogs")
    news_two = page(app, "news/2024-02-15-news-two.html")
    nav = [a["href"] for a in news_two.select(".blogposts-post-nav a")]
    assert nav == ["2024-03-15-news-three.html", "2024-01-15-news-one.html"]
    assert text(news_two.select_one(".blogposts-series-title")) == "Part 2 of 2 in Launch"
    assert news_two.select_one(".blogposts-series-name")["href"] == "series/launch.html"
    related = [a.get_text() for a in news_two.select(".blogposts-related a")]
    assert related == ["News three", "News one"]  # not the engineering posts tagged release
    engine = page(app, "blog/2024-01-01-engine-one.html")
    related = [a.get_text() for a in engine.select(".blogposts-related a")]
    assert related == ["Engine two", "In both patterns"]
    assert [li.get_text() for li in engine.select(".blogposts-series li")] == [
        "Engine one",
        "Engine two",
    ]


def test_postlist_picks_a_blog_and_sidebars_show_the_pages_blog(shared_build, page):
    app = shared_build("two-blogs")
    home = page(app, "index.html")
    lists = home.select(".blogposts-postlist")
    assert [a.get_text() for a in lists[0].select("a")] == ["News three", "News two", "News one"]
    assert [a.get_text() for a in lists[1].select("a")] == ["In both patterns"]  # the default
    recent = lambda soup: [a.get_text() for a in soup.select(".blogposts-sidebar-recent li a")]  # noqa: E731
    assert recent(page(app, "news/2024-01-15-news-one.html")) == [
        "News three",
        "News two",
        "News one",
    ]
    assert recent(page(app, "news/tags/release.html")) == ["News three", "News two", "News one"]
    engineering = ["In both patterns", "Engine two", "Engine one"]
    assert recent(page(app, "blog/2024-01-01-engine-one.html")) == engineering
    assert recent(page(app, "other.html")) == engineering  # not a blog page: the default blog
    more = page(app, "news/2024-01-15-news-one.html").select_one(".blogposts-sidebar-more a")
    assert more["href"] == "index.html"


def test_a_post_in_two_patterns_belongs_to_the_first_blog_with_one_warning(shared_build, page):
    app = shared_build("two-blogs")
    warnings = blog_warnings(app)
    assert len(warnings) == 1, warnings
    assert "shared/2024-04-01-both.md:1:" in warnings[0]
    assert "belongs to 'blog'" in warnings[0] and "[blogposts.config]" in warnings[0]
    assert "In both patterns" not in card_titles(page(app, "news/index.html"))


def test_bad_blog_settings_cost_one_warning_each(shared_build, page):
    app = shared_build(
        "two-blogs",
        "html",
        confoverrides={
            "blogposts_blogs": {
                "news": {"title": 5, "colour": "red", "posts_per_page": 2},
                "../out": {},
                "blog": {},
            }
        },
    )
    config = [w for w in blog_warnings(app) if "blogposts_blogs" in w]
    assert len(config) == 4, config
    assert any("'title'" in w and "using the site's value" in w for w in config)
    assert any("'colour' is not a setting of a blog" in w for w in config)
    assert any("'../out' is left out" in w for w in config)
    assert any("'blog' is left out: it is the path of another blog" in w for w in config)
    assert page(app, "news/index.html").h1.get_text() == "Engineering blog"  # the site's title
    assert not Path(app.outdir, "out").exists()


def test_several_blogs_in_dirhtml(shared_build, page):
    app = shared_build("two-blogs", "dirhtml")
    news = page(app, "news/index.html")
    assert card_titles(news) == ["News three", "News two"]
    assert news.select_one("a[rel=next]")["href"] == "page/2/"
    post = page(app, "news/2024-02-15-news-two/index.html")
    assert post.select_one(".blogposts-series-name")["href"] == "../series/launch/"


def test_each_blog_redirects_its_old_urls_in_its_folder(shared_build):
    app = shared_build("two-blogs")
    out = Path(app.outdir)
    assert (out / "news/2024/01/15/news-one/index.html").is_file()
    assert (out / "blog/2024/01/01/engine-one/index.html").is_file()
    assert not (out / "blog/2024/01/15/news-one/index.html").exists()


def test_a_blog_can_turn_its_redirects_off(shared_build):
    app = shared_build(
        "two-blogs",
        "html",
        confoverrides={"blogposts_blogs": {"news": {"pattern": ["news/**"], "redirects": False}}},
    )
    out = Path(app.outdir)
    assert not (out / "news/2024/01/15/news-one").exists()
    assert (out / "blog/2024/01/01/engine-one/index.html").is_file()


def test_parallel_build_gives_the_same_pages_for_every_blog(make_app, editable_root):
    outputs = []
    for name, parallel in (("two-blogs", 0), ("two-blogs-j2", 2)):
        app = make_app(
            "html", srcdir=editable_root("two-blogs", name), freshenv=True, parallel=parallel
        )
        app.build()
        out = Path(app.outdir)
        outputs.append(
            {
                p.relative_to(out).as_posix(): p.read_bytes()
                for p in [*out.rglob("*.html"), *out.rglob("*.xml")]
                if not p.name.startswith(("search", "genindex"))
            }
        )
        assert len(blog_warnings(app)) == 1  # the post in two patterns, once
    serial, parallel_files = outputs
    assert set(serial) == set(parallel_files) and "news/atom.xml" in serial
    for name, data in serial.items():
        assert parallel_files[name] == data, name


def test_postlist_naming_no_blog_warns_once_and_lists_the_default(make_app, editable_root):
    srcdir = editable_root("two-blogs")
    (srcdir / "lists.md").write_text(
        "---\norphan: true\n---\n\n# Lists\n\n```{postlist}\n:blog: nope\n```\n", encoding="utf-8"
    )
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    found = [w for w in blog_warnings(app) if "no blog 'nope'" in w]
    assert len(found) == 1 and "lists.md:7" in found[0] and "[blogposts.directive]" in found[0]
    soup = soup_of(Path(app.outdir, "lists.html"))
    titles = [a.get_text() for a in soup.select(".blogposts-postlist a")]
    assert titles == ["In both patterns", "Engine two", "Engine one"]
