"""``pin: true`` (or ``pinned: true``): first on page 1 of the blog's index, marked;
date order everywhere else."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from tests.conftest import blog_warnings, card_titles, soup_of

ATOM = "{http://www.w3.org/2005/Atom}"
BY_DATE = [
    "A plain post",
    "A quiet post",
    "</script><script>alert(1)</script>",
    "Material style",
    "Docusaurus style",
    "The first post",
    "Pinned news",
    "Older pinned news",
]


def test_pinned_posts_lead_the_index(shared_build):
    app = shared_build("pins-authors-updates")
    assert blog_warnings(app) == []
    out = Path(app.outdir)
    index = soup_of(out / "blog/index.html")
    # newest pinned first, then the others by date; pages after the first shift
    assert card_titles(index) == ["Pinned news", "Older pinned news", "A plain post"]
    pinned = index.select(".blogposts-card.blogposts-pinned")
    assert [c.select_one(".blogposts-card-title a").get_text() for c in pinned] == [
        "Pinned news",
        "Older pinned news",
    ]
    assert [c.select_one(".blogposts-pinned-label").get_text() for c in pinned] == ["Pinned"] * 2
    assert len(index.select(".blogposts-pinned-label")) == 2
    assert card_titles(soup_of(out / "blog/page/2.html")) == BY_DATE[1:4]
    assert card_titles(soup_of(out / "blog/page/3.html")) == BY_DATE[4:6]
    for name in ("blog/page/2.html", "blog/page/3.html"):
        assert soup_of(out / name).select(".blogposts-pinned") == []


def test_date_order_everywhere_else(shared_build):
    app = shared_build("pins-authors-updates")
    out = Path(app.outdir)
    archive = soup_of(out / "blog/archive.html")
    assert [a.get_text() for a in archive.select(".blogposts-year li a")] == BY_DATE
    news = soup_of(out / "news.html")  # a postlist
    assert card_titles(news) == BY_DATE
    assert news.select(".blogposts-pinned") == []
    root = etree.parse(str(out / "blog/atom.xml")).getroot()
    titles = [e.findtext(f"{ATOM}title") for e in root.iter(f"{ATOM}entry")]
    assert titles == BY_DATE
    # a post's neighbours are by date too
    pinned = soup_of(out / "blog/2023-06-01-pinned.html")
    assert (
        pinned.select_one(".blogposts-older .blogposts-nav-title").get_text() == "Older pinned news"
    )
    assert pinned.select(".blogposts-pinned-label") == []


def test_pinned_label_is_translated(shared_build):
    app = shared_build("pins-authors-updates", confoverrides={"language": "fr"})
    index = soup_of(Path(app.outdir, "blog/index.html"))
    assert index.select_one(".blogposts-pinned-label").get_text() == "Épinglé"
