"""Series: the box on each part, the series pages, ``postlist :series:``, and bad input."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import blog_warnings, card_titles, soup_of

DEEP_DIVE = [
    "Deep dive, the introduction",  # series_order: 1
    "A reST part",  # :series_order: 2 on the post directive
    "Deep dive, the writer",  # series_order: 3, dated before the reader
    "Deep dive, the reader",  # no order: after the numbered parts, by date
]


def box(soup):  # type: ignore[no-untyped-def]
    found = soup.select(".blogposts-series")
    assert len(found) == 1
    return found[0]


def test_each_part_names_its_place_and_links_every_other_part(shared_build, page):
    app = shared_build("series")
    rest = box(page(app, "blog/2024-01-05-rest-part.html"))
    assert " ".join(rest.select_one(".blogposts-series-title").get_text().split()) == (
        "Part 2 of 4 in Deep Dive"
    )
    assert rest.select_one(".blogposts-series-name")["href"] == "series/deep-dive.html"
    items = rest.select(".blogposts-series-parts li")
    assert [li.get_text() for li in items] == DEEP_DIVE
    # the current part is named, not linked; every other part is linked, in order
    assert items[1].a is None and items[1].select_one("[aria-current=page]")
    assert [li.a["href"] for li in items if li.a] == [
        "2024-01-01-intro.html",
        "2024-01-10-finale.html",
        "2024-01-20-second.html",
    ]
    last = box(page(app, "blog/2024-01-20-second.html"))
    assert "Part 4 of 4 in Deep Dive" in " ".join(last.get_text().split())


def test_drafts_and_unlisted_parts_are_no_part_of_the_others_boxes(shared_build, page):
    app = shared_build("series")
    intro = box(page(app, "blog/2024-01-01-intro.html"))
    assert [li.get_text() for li in intro.select("li")] == DEEP_DIVE
    # their own pages place them among the listed parts ("deep dive" is the same series)
    for name, title in (
        ("blog/2024-02-01-draft-part.html", "Deep dive, a draft part"),
        ("blog/2024-02-02-unlisted-part.html", "Deep dive, an unlisted part"),
    ):
        own = box(page(app, name))
        assert "Part 5 of 5 in Deep Dive" in " ".join(own.get_text().split())
        assert [li.get_text() for li in own.select("li")] == [*DEEP_DIVE, title]
    assert page(app, "blog/2024-04-01-bad-series.html").select(".blogposts-series") == []


def test_series_pages_list_every_series_and_its_parts_in_order(shared_build, page):
    app = shared_build("series")
    index = page(app, "blog/series/index.html")
    assert index.h1.get_text() == "Series"
    rows = [" ".join(li.get_text().split()) for li in index.select(".blogposts-series-index li")]
    assert rows == ["<b>Tips</b> & Tricks (1)", "Deep Dive (4)", "Pair (3)", "Tips (1)"]
    assert index.select(".blogposts-series-index b") == []  # the name is text, not markup
    links = [a["href"] for a in index.select(".blogposts-series-index a")]
    assert links == ["b-tips-b-and-tricks.html", "deep-dive.html", "pair.html", "tips.html"]
    deep = page(app, "blog/series/deep-dive.html")
    assert deep.h1.get_text() == "Series “Deep Dive”"
    assert card_titles(deep) == DEEP_DIVE
    # the blog index links to the series index beside tags and archive
    sections = page(app, "blog/index.html").select_one(".blogposts-sections")
    assert "series/index.html" in [a["href"] for a in sections.find_all("a")]


def test_postlist_takes_a_series_and_shows_it_in_order(shared_build, page):
    app = shared_build("series")
    titles = [a.get_text() for a in page(app, "index.html").select(".blogposts-postlist a")]
    assert titles == DEEP_DIVE  # ":series: deep  DIVE" names "Deep Dive"


def test_bad_series_input_costs_one_located_warning_each(shared_build):
    app = shared_build("series")
    found = [w for w in blog_warnings(app) if "[blogposts.series]" in w]
    where = sorted(re.search(r"blog/(\S+?):(\d+):", w).groups() for w in found)
    assert where == [
        ("2024-03-20-order-alone.md", "3"),  # series_order without a series
        ("2024-04-01-bad-series.md", "3"),  # a list
        ("2024-04-02-bad-order.md", "4"),  # "second"
        ("2024-04-04-same-order-b.md", "4"),  # the place of same-order.md
        ("2024-04-05-zero-order.md", "4"),  # 0
    ]
    assert blog_warnings(app) == found  # nothing else
    pair = soup_of(Path(app.outdir, "blog/series/pair.html"))
    # same order: by date; no (usable) order: after the numbered ones
    assert card_titles(pair) == ["Same place twice", "Same place again", "Order zero"]


def test_series_in_dirhtml(shared_build, page):
    app = shared_build("series", "dirhtml")
    rest = box(page(app, "blog/2024-01-05-rest-part/index.html"))
    assert rest.select_one(".blogposts-series-name")["href"] == "../series/deep-dive/"
    assert rest.select_one("li a")["href"] == "../2024-01-01-intro/"
    related = page(app, "blog/2024-01-05-rest-part/index.html").select(".blogposts-related a")
    assert [a["href"] for a in related] == [
        "../2024-01-20-second/",
        "../2024-01-10-finale/",
        "../2024-01-01-intro/",
    ]
    out = Path(app.outdir)
    assert (out / "blog/series/deep-dive/index.html").is_file()
    links = [
        a["href"] for a in page(app, "blog/series/index.html").select(".blogposts-series-index a")
    ]
    assert "deep-dive/" in links


def test_series_box_and_related_posts_are_translated(shared_build, page):
    app = shared_build("series", confoverrides={"language": "de"})
    post = page(app, "blog/2024-01-05-rest-part.html")
    title = " ".join(box(post).select_one(".blogposts-series-title").get_text().split())
    assert title == "Teil 2 von 4 der Serie Deep Dive"
    assert post.select_one(".blogposts-related-title").get_text() == "Ähnliche Beiträge"
    assert page(app, "blog/series/index.html").h1.get_text() == "Serien"
    assert page(app, "blog/series/deep-dive.html").h1.get_text() == "Serie „Deep Dive“"


def test_parallel_build_gives_the_same_series_pages(make_app, editable_root):
    outputs = []
    for name, parallel in (("series", 0), ("series-j2", 2)):
        app = make_app(
            "html", srcdir=editable_root("series", name), freshenv=True, parallel=parallel
        )
        app.build()
        out = Path(app.outdir)
        outputs.append(
            {
                p.relative_to(out).as_posix(): p.read_text(encoding="utf-8")
                for p in out.rglob("*.html")
                if not p.name.startswith(("search", "genindex"))
            }
        )
        assert len([w for w in blog_warnings(app) if "[blogposts.series]" in w]) == 5
    serial, parallel_pages = outputs
    assert set(serial) == set(parallel_pages) and "blog/series/deep-dive.html" in serial
    for name, html in serial.items():
        assert parallel_pages[name] == html, name


def test_a_shown_draft_is_still_no_part_of_the_others_boxes(shared_build, page):
    app = shared_build("series", confoverrides={"blogposts_drafts": True})
    assert "Deep dive, a draft part" in card_titles(page(app, "blog/index.html"))  # listed
    intro = box(page(app, "blog/2024-01-01-intro.html"))
    assert [li.get_text() for li in intro.select("li")] == DEEP_DIVE


SECTIONS = """\
Notes
=====

First part
----------

.. post:: 2024-05-01
   :series: Sections

   The first part's excerpt.

Text of the first part.

Second part
-----------

.. post:: 2024-05-02
   :series: Sections

   The second part's excerpt.

Text of the second part.
"""


def test_ablog_section_posts_are_parts_and_stay_right_incrementally(make_app, tmp_path):
    src = tmp_path / "src"
    (src / "blog").mkdir(parents=True)
    (src / "conf.py").write_text('extensions = ["sphinx_blogposts"]\n', encoding="utf-8")
    (src / "index.md").write_text("# Home\n", encoding="utf-8")
    (src / "notes.rst").write_text(SECTIONS, encoding="utf-8")
    third = src / "blog/2024-05-03-third.md"
    third.write_text("---\ntitle: Third part\nseries: Sections\n---\n\nThird.\n", encoding="utf-8")

    def boxes() -> list[list[str]]:
        soup = soup_of(Path(app.outdir, "notes.html"))
        return [[li.get_text() for li in b.select("li")] for b in soup.select(".blogposts-series")]

    app = make_app("html", srcdir=src, freshenv=True)
    app.build()
    assert boxes() == [["First part", "Second part", "Third part"]] * 2
    # not an ABlog site (the Markdown post has no post directive): at Docusaurus' address
    link = soup_of(Path(app.outdir, "blog/2024/05/03/third/index.html")).select_one(
        ".blogposts-series li a"
    )
    assert link["href"] == "../../../../../notes.html#first-part"
    third.write_text("---\ntitle: Last part\nseries: Sections\n---\n\nThird.\n", encoding="utf-8")
    app = make_app("html", srcdir=src)  # incremental: notes.rst itself did not change
    app.build()
    assert boxes() == [["First part", "Second part", "Last part"]] * 2


def test_a_document_named_like_a_series_page_is_that_page_and_no_post(make_app, editable_root):
    """As for a tag's page: a document at ``blog/series/<slug>`` replaces the generated
    page (one warning says so), and, as every name the blog may generate a page at, it is
    never taken for a post, though the blog's pattern covers it."""
    src = editable_root("series")
    (src / "blog/series").mkdir()
    (src / "blog/series/deep-dive.md").write_text("# About the deep dive\n\nMINE\n")
    app = make_app("html", srcdir=src, freshenv=True)
    app.build()
    [message] = [m for m in blog_warnings(app) if "deep-dive" in m]
    assert "blog/series/deep-dive" in message and message.endswith("[blogposts.page]"), message
    own = soup_of(Path(app.outdir, "blog/series/deep-dive.html"))
    assert "MINE" in own.get_text()
    assert own.select(".blogposts-post-header, .blogposts-series") == []
    for listing in ("blog/index.html", "blog/archive.html", "blog/series/index.html"):
        links = [a.get_text() for a in soup_of(Path(app.outdir, listing)).select("a")]
        assert "About the deep dive" not in links, listing
