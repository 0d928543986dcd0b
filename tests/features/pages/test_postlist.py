"""The ``postlist`` directive, in MyST and reST, in plain pages and in posts."""

from __future__ import annotations

from pathlib import Path


def postlist_in(soup, section_id):
    """The postlist of the section with this id (its first one)."""
    section = soup.find("section", id=section_id)
    assert section is not None, f"no section {section_id!r}"
    found = section.select_one(".blogposts-postlist")
    assert found is not None, f"no postlist in section {section_id!r}"
    return found


def titles_in(soup, section_id):
    found = postlist_in(soup, section_id)
    if "blogposts-cards" in found["class"]:
        return [a.get_text() for a in found.select(".blogposts-card-title a")]
    return [li.select_one("a").get_text() for li in found.find_all("li", recursive=False)]


def lines_in(soup, section_id):
    found = postlist_in(soup, section_id)
    return [li.get_text(" ", strip=True) for li in found.find_all("li", recursive=False)]


def test_count_lists_the_newest_posts_in_a_page_that_is_not_a_post(shared_build, page):
    app = shared_build("postlist")
    index = page(app, "index.html")
    assert index.select(".blogposts-post-header") == []  # a docs page, not a post
    assert titles_in(index, "newest-two") == ["Alpha", "Beta"]
    assert lines_in(index, "newest-two") == ["March 1, 2024 - Alpha", "February 1, 2024 - Beta"]


def test_tag_filter_ignores_case(shared_build, page):
    app = shared_build("postlist")
    # Delta is tagged python too; its :exclude: does not keep it out (ABlog's meaning)
    assert titles_in(page(app, "index.html"), "tagged-python") == ["Alpha", "Beta", "Delta"]


def test_author_filter_matches_the_author_key(shared_build, page):
    app = shared_build("postlist")
    assert titles_in(page(app, "index.html"), "by-alice") == ["Alpha", "Gamma", "Delta"]


def test_category_filter(shared_build, page):
    app = shared_build("postlist")
    assert titles_in(page(app, "index.html"), "in-tutorials") == ["Alpha", "Gamma", "Delta"]


def test_filters_are_anded_across_options_and_within_one(shared_build, page):
    app = shared_build("postlist")
    index = page(app, "index.html")
    assert titles_in(index, "python-tutorials-by-alice") == ["Alpha", "Delta"]
    # as in ABlog, every value must match: tags python AND sphinx, AND category tutorials
    assert titles_in(index, "python-and-sphinx-tutorials") == ["Alpha"]
    # no post is tagged both python and rust
    assert titles_in(index, "python-and-rust") == []


def test_sort_lists_oldest_first(shared_build, page):
    app = shared_build("postlist")
    assert titles_in(page(app, "index.html"), "oldest-first") == [
        "Epsilon",
        "Delta",
        "Gamma",
        "Beta",
        "Alpha",
    ]


def test_excerpts_option_shows_cards_with_excerpts(shared_build, page):
    app = shared_build("postlist")
    index = page(app, "index.html")
    cards = postlist_in(index, "with-excerpts").select(".blogposts-card")
    assert [c.select_one(".blogposts-card-title a").get_text() for c in cards] == ["Alpha", "Beta"]
    excerpts = [c.select_one(".blogposts-excerpt").get_text(strip=True) for c in cards]
    assert excerpts == ["ALPHA-EXCERPT text.", "BETA-EXCERPT text."]
    more = cards[0].select_one(".blogposts-read-more a")["href"]
    assert (Path(app.outdir) / more).resolve() == Path(app.outdir, "blog/2024-03-01-alpha.html")
    # without :excerpts: there are no cards
    assert postlist_in(index, "newest-two").select(".blogposts-card, .blogposts-excerpt") == []


def test_format_option(shared_build, page):
    app = shared_build("postlist")
    index = page(app, "index.html")
    assert lines_in(index, "formatted") == ["Alpha by Alice Smith", "Beta by Bob"]
    first = postlist_in(index, "formatted").find("li")
    link = first.find("a")
    assert link.get_text() == "Alpha"  # only the title is linked
    assert Path(app.outdir, link["href"]).is_file()


def test_rest_directive_with_options(shared_build, page):
    app = shared_build("postlist")
    listing = page(app, "listing.html")
    assert titles_in(listing, "rust-only") == ["Gamma"]
    # as in ABlog, :sort: with a number shows the newest two, oldest first
    assert lines_in(listing, "oldest-two") == ["Beta (python)", "Alpha (python, Sphinx)"]


def test_postlist_in_a_post_leaves_that_post_out(shared_build, page):
    app = shared_build("postlist")
    epsilon = page(app, "blog/2023-11-01-epsilon.html")
    assert titles_in(epsilon, "other-posts") == ["Alpha", "Beta", "Gamma", "Delta"]
    link = postlist_in(epsilon, "other-posts").find("a")["href"]
    assert Path(app.outdir, "blog", link).is_file()


def test_exclude_keeps_the_directive_content_off_the_page_only(shared_build, page):
    # ABlog's meaning: the post stays listed everywhere, its excerpt is not on its page
    app = shared_build("postlist")
    cards = page(app, "blog/index.html").select(".blogposts-card")
    titles = [c.select_one(".blogposts-card-title a").get_text() for c in cards]
    assert titles == ["Alpha", "Beta", "Gamma", "Delta", "Epsilon"]
    excerpt = cards[3].select_one(".blogposts-excerpt").get_text(strip=True)
    assert excerpt == "DELTA-EXCERPT: shown in lists only."
    own = page(app, "blog/2023-12-01-delta.html").get_text()
    assert "DELTA-EXCERPT" not in own
    assert "DELTA-BODY text." in own
    assert "Delta" in postlist_in(page(app, "index.html"), "tagged-python").get_text()
