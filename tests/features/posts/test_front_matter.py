"""What a post says about itself: front matter types, title, date, authors and tags."""

from __future__ import annotations

import re
from pathlib import Path

from sphinx.util.console import strip_escape_sequences

from tests.conftest import blog_warnings, card, card_titles


def plain_warnings(app) -> list[str]:
    """This extension's warning lines, without terminal colours."""
    return [strip_escape_sequences(line) for line in blog_warnings(app)]


def texts(element, selector: str) -> list[str]:
    return [" ".join(e.get_text().split()) for e in element.select(selector)]


def heading(soup) -> str:
    """The document's own H1 (the theme's logo is an H1 too, so it is skipped)."""
    found = [h for h in soup.select("h1") if "logo" not in (h.get("class") or [])]
    assert len(found) == 1, found
    return found[0].get_text().rstrip("¶").strip()


def resolves(app, from_page: str, href: str) -> bool:
    return (Path(app.outdir, from_page).parent / href).resolve().is_file()


# -- front matter keeps its YAML types ------------------------------------------------------


def test_yaml_list_of_tags_stays_a_list(shared_build, page):
    app = shared_build("meta-frontmatter")
    post = card(page(app, "blog/index.html"), "YAML lists")
    # `[MLflow, "2023", Linux Foundation]`: three tags, no quote or bracket left in a label
    assert texts(post, ".blogposts-tag") == ["MLflow", "2023", "Linux Foundation"]
    labels = texts(page(app, "blog/tags/index.html"), ".blogposts-tag")
    assert labels and not [label for label in labels if re.search(r"[\[\]\"'“”‘’]", label)]
    assert card_titles(page(app, "blog/tags/2023.html")) == ["YAML lists"]


def test_comma_separated_tags(shared_build, page):
    app = shared_build("meta-frontmatter")
    post = card(page(app, "blog/index.html"), "Comma tags")
    assert texts(post, ".blogposts-tag") == ["alpha", "beta gamma", "delta"]
    assert card_titles(page(app, "blog/tags/beta-gamma.html")) == ["Comma tags"]


def test_list_of_author_keys_gives_every_author(shared_build, page):
    app = shared_build("meta-frontmatter")
    post = card(page(app, "blog/index.html"), "YAML lists")
    assert texts(post, ".blogposts-author") == ["Ana Lima", "Ben Okafor"]
    assert card_titles(page(app, "blog/authors/ben.html")) == ["YAML lists"]


def test_inline_author_object(shared_build, page):
    app = shared_build("meta-frontmatter")
    post = card(page(app, "blog/index.html"), "Comma tags")
    assert texts(post, ".blogposts-author") == ["Zoe Inline"]
    author = page(app, "blog/authors/zoe-inline.html")
    assert card_titles(author) == ["Comma tags"]
    assert texts(author, ".blogposts-author-title") == ["Guest writer"]
    assert author.select_one(".blogposts-author-url")["href"] == "https://zoe.example"
    # Docusaurus spells it imageURL
    assert author.select_one(".blogposts-avatar")["src"] == "https://zoe.example/zoe.png"


def test_author_keys_and_objects_mixed(shared_build, page):
    app = shared_build("meta-frontmatter")
    post = card(page(app, "blog/index.html"), "Mixed authors")
    assert texts(post, ".blogposts-author") == ["Ana Lima", "Guest Person"]
    assert card_titles(page(app, "blog/authors/ana.html")) == ["Mixed authors", "YAML lists"]
    assert card_titles(page(app, "blog/authors/guest-person.html")) == ["Mixed authors"]


def test_unknown_front_matter_keys_are_ignored_silently(shared_build, page):
    app = shared_build("meta-frontmatter")
    # sidebar_label, hide_table_of_contents and a nested custom mapping: no warning at all
    assert app.warning.getvalue().strip() == ""
    post = page(app, "blog/2023-06-01-yaml-lists.html")
    assert heading(post) == "YAML lists"
    assert "colour" not in post.get_text()


# -- title ---------------------------------------------------------------------------------


def test_front_matter_title_with_headings_from_h2(shared_build, page):
    app = shared_build("meta-title")
    # MyST would warn "[myst.header]" for a document whose headings start at H2
    assert app.warning.getvalue().strip() == ""
    post = page(app, "blog/2024-01-10-docusaurus-style.html")
    title = "Launch day: v2.0 is #1 (really)"
    assert heading(post) == title
    assert post.title.get_text().startswith(f"{title} —")
    assert texts(post, "h2") == ["What changed¶", "What is next¶"]
    assert "Intro paragraph of the launch post." in post.get_text()
    assert title in card_titles(page(app, "blog/index.html"))


def test_post_with_its_own_h1_keeps_it(shared_build, page):
    app = shared_build("meta-title")
    post = page(app, "blog/2024-01-11-own-heading.html")
    assert heading(post) == "Written as a heading"
    assert post.title.get_text().startswith("Written as a heading —")
    assert "Written as a heading" in card_titles(page(app, "blog/index.html"))
    # the front-matter title wins over an opening H1, which is taken out (as in Docusaurus)
    both = page(app, "blog/2024-01-12-both.html")
    assert heading(both) == "Title from front matter"
    assert "Heading in the body" not in both.get_text()
    assert "Body text." in both.get_text()


# -- dates ---------------------------------------------------------------------------------
# test-meta-dates reads naive dates in America/New_York (UTC-5 in winter).

DATES_NEWEST_FIRST = [
    ("New York evening", "2024-03-01T23:30:00-05:00"),  # = 2024-03-02T04:30Z
    ("UTC night", "2024-03-02T02:00:00+00:00"),
    ("With offset", "2024-02-01T10:30:00+02:00"),
    ("Plain date", "2024-01-15T00:00:00-05:00"),
    ("Nested folder form", "2023-01-04T00:00:00-05:00"),
    ("Nested form", "2023-01-03T00:00:00-05:00"),
    ("Folder form", "2023-01-02T00:00:00-05:00"),
    ("Flat form", "2023-01-01T00:00:00-05:00"),
    ("Directive date", "2022-12-25T00:00:00-05:00"),
]


def dated_cards(soup) -> list[tuple[str, str]]:
    return [
        (
            article.select_one(".blogposts-card-title a").get_text(),
            article.select_one("time.blogposts-date")["datetime"],
        )
        for article in soup.select(".blogposts-card")
    ]


def test_naive_and_offset_dates_sort_by_real_instant(shared_build, page):
    app = shared_build("meta-dates")
    assert dated_cards(page(app, "blog/index.html")) == DATES_NEWEST_FIRST


def test_timezone_setting_decides_what_a_naive_date_means(shared_build, page):
    app = shared_build("meta-dates", confoverrides={"blogposts_timezone": "UTC"})
    # read in UTC, 23:30 on March 1st is before 02:00 on March 2nd: the order flips
    titles = card_titles(page(app, "blog/index.html"))
    assert titles[:2] == ["UTC night", "New York evening"]
    evening = card(page(app, "blog/index.html"), "New York evening")
    assert evening.select_one("time.blogposts-date")["datetime"] == "2024-03-01T23:30:00+00:00"


def test_dates_shown_on_post_pages(shared_build, page):
    app = shared_build("meta-dates")
    for name, title, shown in (
        ("blog/plain-date.html", "Plain date", "January 15, 2024"),
        ("blog/with-offset.html", "With offset", "February 1, 2024"),
        ("blog/directive-date.html", "Directive date", "December 25, 2022"),
    ):
        post = page(app, name)
        assert heading(post) == title
        assert texts(post, ".blogposts-post-header time.blogposts-date") == [shown]


def test_each_docusaurus_path_form_gives_a_date(shared_build, page):
    app = shared_build("meta-dates")
    for name, day in (
        ("blog/2023-01-01-flat-form.html", "January 1, 2023"),
        ("blog/2023-01-02-folder-form/index.html", "January 2, 2023"),
        ("blog/2023/01/03/nested-form.html", "January 3, 2023"),
        ("blog/2023/01/04/nested-folder/index.html", "January 4, 2023"),
    ):
        assert texts(page(app, name), ".blogposts-post-header time.blogposts-date") == [day]


def test_post_without_a_date(shared_build, page):
    # a reST post: an undated Markdown post is dated by its file (docusaurus/test_undated_posts)
    app = shared_build("meta-dates")
    assert len(app.warning.getvalue().strip().splitlines()) == 1
    warnings = plain_warnings(app)
    assert len(warnings) == 1, warnings
    assert re.search(r"blog[/\\]undated\.rst:\d+: WARNING: the post has no date", warnings[0])
    assert warnings[0].endswith("[blogposts.date]")
    # listed nowhere ...
    assert "Undated thoughts" not in card_titles(page(app, "blog/index.html"))
    archive = page(app, "blog/archive.html").select(".blogposts-page-archive li a")
    assert "Undated thoughts" not in [a.get_text() for a in archive]
    assert not Path(app.outdir, "blog/tags/misc.html").exists()
    # ... but its own page is built
    own = page(app, "blog/undated.html")
    assert heading(own) == "Undated thoughts"
    assert "A post with no date at all." in own.get_text()


# -- authors -------------------------------------------------------------------------------
# test-meta-authors: ana in conf.py's blogposts_authors, carly and dan in blog/authors.yml.


def test_authors_from_conf_and_authors_file(shared_build, page):
    app = shared_build("meta-authors")
    index = page(app, "blog/authors/index.html")
    entries = {
        " ".join(li.select_one(".blogposts-author").get_text().split()): li
        for li in index.select(".blogposts-author-index li")
    }
    assert list(entries) == ["Ana Lima", "Carly Akerly", "Carly_A", "Dan Wu"]
    assert texts(entries["Ana Lima"], ".blogposts-author-title") == ["Engineer"]
    assert texts(entries["Carly Akerly"], ".blogposts-author-title") == ["Developer advocate"]
    assert texts(entries["Carly Akerly"], ".blogposts-count") == ["(2)"]
    assert entries["Ana Lima"].select_one("img")["src"] == "https://ana.example/ana.png"
    assert entries["Dan Wu"].select_one("img")["src"] == "https://dan.example/dan.jpg"  # imageURL
    carly = page(app, "blog/authors/carly.html")
    assert carly.select_one(".blogposts-author-url")["href"] == "https://carly.example"
    assert carly.select_one(".blogposts-avatar")["src"] == "https://carly.example/carly.png"


def test_author_pages_list_their_posts(shared_build, page):
    app = shared_build("meta-authors")
    assert card_titles(page(app, "blog/authors/ana.html")) == ["Written as a pair"]
    assert card_titles(page(app, "blog/authors/carly.html")) == ["Carly alone", "Written as a pair"]
    assert card_titles(page(app, "blog/authors/dan.html")) == ["With a typo"]
    assert heading(page(app, "blog/authors/dan.html")) == "Posts by Dan Wu"


def test_unknown_author_key_warns_and_is_shown_as_written(shared_build, page):
    app = shared_build("meta-authors")
    warnings = plain_warnings(app)
    assert len(warnings) == 1, warnings
    message = warnings[0]
    assert re.search(r"blog[/\\]2024-01-03-typo\.md:3: WARNING: ", message)
    assert "unknown author key 'Carly_A'" in message
    assert "Known keys: ana, carly, dan" in message
    assert message.endswith("[blogposts.author]")
    post = card(page(app, "blog/index.html"), "With a typo")
    assert texts(post, ".blogposts-author") == ["Dan Wu", "Carly_A"]


def test_post_header_links_authors_to_their_pages(shared_build, page):
    app = shared_build("meta-authors")
    name = "blog/2024-01-01-pair.html"
    links = page(app, name).select(".blogposts-post-header a.blogposts-author")
    assert [(a.get_text(), a["href"]) for a in links] == [
        ("Ana Lima", "authors/ana.html"),
        ("Carly Akerly", "authors/carly.html"),
    ]
    assert all(resolves(app, name, a["href"]) for a in links)


# -- tags ----------------------------------------------------------------------------------


def tag_links(soup) -> dict[str, str]:
    """Tag label -> href, from the tags index."""
    return {a.get_text(): a["href"] for a in soup.select(".blogposts-tag-index a.blogposts-tag")}


def test_tags_differing_in_case_are_one_tag(shared_build, page):
    app = shared_build("meta-tags")
    assert app.warning.getvalue().strip() == ""
    links = tag_links(page(app, "blog/tags/index.html"))
    assert [label for label in links if label.casefold() == "mlflow"] == ["MLflow"]
    assert links["MLflow"] == "mlflow.html"
    listed = card_titles(page(app, "blog/tags/mlflow.html"))
    assert listed == ["Post three", "Post two", "Post one"]
    # the post that wrote "mlflow" links to the same page
    two = card(page(app, "blog/index.html"), "Post two")
    assert two.select("a.blogposts-tag")[0]["href"] == "tags/mlflow.html"


def test_c_cpp_and_csharp_are_three_tags(shared_build, page):
    app = shared_build("meta-tags")
    links = tag_links(page(app, "blog/tags/index.html"))
    hrefs = {label: links[label] for label in ("C", "C++", "C#")}
    # readable, distinct slugs: the symbols are spelled out rather than dropped
    assert hrefs == {"C": "c.html", "C++": "c-plus-plus.html", "C#": "c-sharp.html"}
    for label, title in (("C", "Post three"), ("C++", "Post one"), ("C#", "Post two")):
        tag_page = page(app, f"blog/tags/{hrefs[label]}")
        assert card_titles(tag_page) == [title], label
        assert heading(tag_page) == f"Posts tagged “{label}”"


def test_non_ascii_tags_get_ascii_slugs(shared_build, page):
    app = shared_build("meta-tags")
    links = tag_links(page(app, "blog/tags/index.html"))
    for label, title in (("日本語", "Post one"), ("Café", "Post two")):
        href = links[label]
        assert re.fullmatch(r"[a-z0-9][a-z0-9-]*\.html", href), href
        tag_page = page(app, f"blog/tags/{href}")
        assert card_titles(tag_page) == [title]
        assert heading(tag_page) == f"Posts tagged “{label}”"
    # the post's own header links there too
    one = page(app, "blog/2024-01-01-one.html")
    header_links = {
        a.get_text(): a["href"] for a in one.select(".blogposts-post-header a.blogposts-tag")
    }
    assert header_links["日本語"] == f"tags/{links['日本語']}"


def test_tags_index_shows_counts(shared_build, page):
    app = shared_build("meta-tags")
    index = page(app, "blog/tags/index.html")
    counts = {
        li.select_one("a.blogposts-tag").get_text(): li.select_one(".blogposts-count").get_text()
        for li in index.select(".blogposts-tag-index li")
    }
    assert counts == {
        "C": "(1)",
        "C#": "(1)",
        "C++": "(1)",
        "Café": "(1)",
        "MLflow": "(3)",
        "日本語": "(1)",
    }
