"""ABlog posts build unchanged: reST field lists, directive options, dates and authors."""

from __future__ import annotations


def test_ablog_posts_build_and_filter(shared_build, page):
    app = shared_build("ablog-fields-and-directive")
    assert app.warning.getvalue() == ""
    index = page(app, "blog/index.html")
    cards = index.select(".blogposts-card")
    assert [c.select_one(".blogposts-card-title a").get_text() for c in cards] == [
        "Berlin notes",
        "Trip to Paris",
    ]
    # ABlog's `excerpt: 2` field gives two paragraphs
    paris = cards[1]
    assert [p.get_text() for p in paris.select(".blogposts-excerpt p")] == [
        "First paragraph.",
        "Second paragraph.",
    ]
    # ABlog's (name, url) authors; an unknown ABlog author is a plain name, without warning
    assert paris.select_one(".blogposts-author").get_text() == "Ann Smith"
    assert cards[0].select_one(".blogposts-author").get_text() == "Someone Else"
    assert paris.select_one("time.blogposts-date")["datetime"].startswith("2014-04-15")

    home = page(app, "index.html")
    lists = home.select("ul.blogposts-postlist")
    # `:location: paris` matches the front-matter field `:location: Paris`
    assert [a.get_text() for a in lists[0].find_all("a")] == ["Trip to Paris"]
    # `:language: de` matches the directive option, with ABlog's :format: and :date:
    assert lists[1].li.get_text() == "Berlin notes (2015/06/01)"
