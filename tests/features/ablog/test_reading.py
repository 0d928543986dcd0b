"""ABlog posts read as ABlog reads them: dates, ``update``, ``post`` and ``postlist`` options.

One build of ``test-ablog-every-post-style`` (an ABlog site: reST and MyST posts in the styles ABlog
documents, with only the extensions line changed) is shared by the tests of this
module; each test checks what a reader of that site gets.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from tests.conftest import blog_warnings, build_copy, soup_of


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_copy(tmp_path_factory.mktemp("ablog-every-post-style"), "ablog-every-post-style")


def page(app, name: str):
    return soup_of(Path(app.outdir, name))


def dates_on_index(app) -> dict[str, str]:
    return {
        card.select_one(".blogposts-card-title a").get_text(): card.select_one(
            "time.blogposts-date"
        )["datetime"]
        for card in page(app, "blog/index.html").select(".blogposts-card")
    }


def warnings_about(app, source: str) -> list[str]:
    return [w for w in blog_warnings(app) if f"{source}:" in w.replace("\\", "/")]


# -- dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "when"),
    [
        ("June post", "2020-06-05T00:00:00+02:00"),  # .. post:: June 05 2020
        ("August post", "2020-08-18T00:00:00+02:00"),  # directive above the title
        ("November post", "2021-11-03T00:00:00+01:00"),  # 3rd November 2021
        ("October post", "2021-10-29T00:00:00+02:00"),  # 29th October 2021
        ("April post", "2026-04-09T00:00:00+02:00"),  # MyST front matter date: Apr 9 2026
        ("Field list post", "2014-04-15T00:00:00+02:00"),  # reST field :date: Apr 15, 2014
        ("Timed post", "2014-04-15T10:30:00+02:00"),  # 2014-04-15 10:30
    ],
)
def test_every_date_form_ablog_reads_dates_the_post(built, title, when):
    # naive dates are read in blogposts_timezone (Europe/Berlin here)
    assert dates_on_index(built)[title] == when


def test_a_missing_day_is_the_first_of_the_month_whatever_the_build_day(built):
    # dateutil alone would take today's day; the build must not depend on it
    assert dates_on_index(built)["Month only"] == "2020-06-01T00:00:00+02:00"


def test_no_warning_for_dates_ablog_reads(built):
    for name in ("june", "august", "november", "october", "april", "fields", "timed"):
        assert warnings_about(built, f"posts/{name}") == []


@pytest.mark.parametrize(
    ("name", "title", "says"),
    [
        ("words", "Words post", "'tomorrow' is not a date"),
        ("no-year", "No year post", "'June 05' has no year"),
    ],
)
def test_words_and_dates_without_a_year_are_refused_with_one_warning(built, name, title, says):
    found = warnings_about(built, f"posts/{name}.rst")
    assert len(found) == 1, found
    assert re.search(rf"posts[/\\]{name}\.rst:4: WARNING: .*{re.escape(says)}", found[0])
    assert found[0].endswith("[blogposts.date]")
    assert title not in dates_on_index(built)
    assert title in page(built, f"posts/{name}.html").get_text()  # the page is still built


@pytest.mark.parametrize(
    ("name", "title"), [("forever-draft.rst", "Forever draft"), ("draft-myst.md", "MyST draft")]
)
def test_an_ablog_post_without_a_date_is_a_draft_without_warning(built, name, title):
    assert warnings_about(built, f"posts/{name}") == []
    assert title not in dates_on_index(built)
    own = page(built, f"posts/{name.rsplit('.', 1)[0]}.html")
    assert own.select_one(".blogposts-post-header .blogposts-draft") is not None
    assert own.find("meta", attrs={"name": "robots"})["content"] == "noindex"


# -- the update directive ---------------------------------------------------------------


def updates_on(app, name: str):
    return page(app, name).select("div.admonition.update")


def test_update_is_an_admonition_titled_with_its_date_and_keeps_its_text(built):
    notes = updates_on(built, "posts/updated.html")
    assert [n.select_one(".admonition-title").get_text() for n in notes[:2]] == [
        "Updated on April 7, 2015",
        "Updated on September 15, 2014",
    ]
    assert "UPDATE-NEWEST: added a section." in notes[0].get_text()
    assert "UPDATE-OLDER: an earlier note." in notes[1].get_text()


def test_update_with_an_unreadable_date_warns_once_and_keeps_its_text(built):
    found = warnings_about(built, "posts/updated.rst")
    assert len(found) == 1, found
    assert re.search(r"posts[/\\]updated\.rst:1[6-8]: WARNING: .*'someday' is not a date", found[0])
    assert found[0].endswith("[blogposts.date]")
    third = updates_on(built, "posts/updated.html")[2]
    assert third.select_one(".admonition-title").get_text() == "Updated on someday"
    assert "UPDATE-UNREADABLE: the text is kept." in third.get_text()


def feed_updated(app, title: str) -> str:
    import xml.etree.ElementTree as ET

    ns = {"a": "http://www.w3.org/2005/Atom"}
    root = ET.parse(Path(app.outdir, "blog/atom.xml")).getroot()
    for entry in root.findall("a:entry", ns):
        if entry.findtext("a:title", namespaces=ns) == title:
            return entry.findtext("a:updated", namespaces=ns) or ""
    raise AssertionError(f"no feed entry {title!r}")


def test_the_newest_update_is_the_posts_updated_date(built):
    # Apr 7, 2015 wins over the older Sep 15, 2014 whatever their order on the page
    assert feed_updated(built, "Updated post").startswith("2015-04-07")


def test_myst_update_directive_and_front_matter_updated_newest_wins(built):
    notes = updates_on(built, "posts/updated-myst.html")
    assert [n.select_one(".admonition-title").get_text() for n in notes] == [
        "Updated on April 3, 2015"
    ]
    assert "MYST-UPDATE: written with MyST." in notes[0].get_text()
    # `updated: 2015-03-05` is older than the update directive's date
    assert feed_updated(built, "Updated MyST post").startswith("2015-04-03")


# -- post directive options -------------------------------------------------------------


def test_canonical_link_is_the_pages_canonical_link(built):
    links = page(built, "posts/canonical.html").select('link[rel="canonical"]')
    assert [link["href"] for link in links] == ["https://canonical.example.org/foo.html"]
    # other posts keep their own address
    other = page(built, "posts/june.html").select_one('link[rel="canonical"]')
    assert other["href"] == "https://example.org/posts/june.html"


def test_external_link_is_where_lists_and_feeds_send_readers(built):
    external = "https://www.sphinx-doc.org/en/master/"
    card = next(
        c
        for c in page(built, "blog/index.html").select(".blogposts-card")
        if c.select_one(".blogposts-card-title a").get_text() == "External post"
    )
    assert card.select_one(".blogposts-card-title a")["href"] == external
    listed = page(built, "listings.html").find("section", id="options-posts")
    assert {a.get_text(): a["href"] for a in listed.find_all("a")}["External post"] == external
    import xml.etree.ElementTree as ET

    ns = {"a": "http://www.w3.org/2005/Atom"}
    root = ET.parse(Path(built.outdir, "blog/atom.xml")).getroot()
    entry = next(
        e
        for e in root.findall("a:entry", ns)
        if e.findtext("a:title", namespaces=ns) == "External post"
    )
    assert entry.find("a:link", ns).get("href") == external
    # the post's own page is still built
    assert "EXTERNAL-FIRST" in page(built, "posts/external.html").get_text()


def test_redirect_pages_from_the_old_names(built):
    for old in ("blog/old-moved-name.html", "old/moved-again.html"):
        html = Path(built.outdir, old).read_text(encoding="utf-8")
        refresh = soup_of(Path(built.outdir, old)).find("meta", attrs={"http-equiv": "refresh"})
        delay, _, url = refresh["content"].partition("; url=")
        assert delay == "5"  # post_redirect_refresh's default
        assert (Path(built.outdir, old).parent / url).resolve() == Path(
            built.outdir, "posts/moved.html"
        ).resolve(), html


def test_exclude_keeps_the_excerpt_off_the_page_but_the_post_listed(built):
    own = page(built, "posts/excluded.html").get_text()
    assert "EXCLUDED-EXCERPT" not in own
    assert "EXCLUDED-BODY" in own
    listed = page(built, "listings.html").find("section", id="options-posts")
    assert "Excluded post" in [a.get_text() for a in listed.find_all("a")]
    card = next(
        c
        for c in page(built, "blog/index.html").select(".blogposts-card")
        if c.select_one(".blogposts-card-title a").get_text() == "Excluded post"
    )
    assert "EXCLUDED-EXCERPT" in card.select_one(".blogposts-excerpt").get_text()
    # :image: 2 is the second image of the post
    assert card.select_one(".blogposts-card-image img")["src"].endswith("two.png")


def test_image_number_in_a_field_list(built):
    card = next(
        c
        for c in page(built, "blog/index.html").select(".blogposts-card")
        if c.select_one(".blogposts-card-title a").get_text() == "Field list post"
    )
    # ABlog's `:image: 1` field: the post's first image, not a file named "1"
    src = card.select_one(".blogposts-card-image img")["src"]
    assert src.endswith("one.png")
    assert Path(built.outdir, "blog", src).resolve().is_file()


def test_directive_content_without_exclude_stays_on_the_page(built):
    own = page(built, "posts/shown-excerpt.html").get_text()
    assert "SHOWN-EXCERPT stays on the page." in own
    assert "SHOWN-BODY" in own


def test_auto_excerpt_counts_paragraphs_as_ablog_does_nested_ones_too(built):
    card = next(
        c
        for c in page(built, "blog/index.html").select(".blogposts-card")
        if c.select_one(".blogposts-card-title a").get_text() == "Nested first post"
    )
    text = card.select_one(".blogposts-excerpt").get_text(" ", strip=True)
    assert text == "NESTED-ITEM: a paragraph in a list. NESTED-NOTE: a paragraph in an admonition."


def test_excerpt_zero_gives_no_excerpt(built):
    card = next(
        c
        for c in page(built, "blog/index.html").select(".blogposts-card")
        if c.select_one(".blogposts-card-title a").get_text() == "No excerpt post"
    )
    assert card.select_one(".blogposts-excerpt") is None


# -- postlist ---------------------------------------------------------------------------


def listed_in(app, section: str, name: str = "listings.html") -> list[str]:
    found = page(app, name).find("section", id=section)
    assert found is not None, section
    postlist = found.select_one(".blogposts-postlist")
    return [li.get_text(" ", strip=True) for li in postlist.find_all("li", recursive=False)]


def test_postlist_tags_are_anded(built):
    assert listed_in(built, "tags-are-and-ed") == ["June 5, 2020 - June post"]


def test_postlist_location_and_language_from_directive_and_front_matter(built):
    assert listed_in(built, "in-berlin") == [
        "April 9, 2026 - April post",
        "November 3, 2021 - November post",
    ]
    assert listed_in(built, "in-german") == ["April 9, 2026 - April post"]


def test_postlist_every_format_placeholder(built):
    assert listed_in(built, "every-placeholder") == [
        "October post | 2021-10-29 | Ann | Paris | fr | Travel | autumn"
    ]


def test_postlist_excerpts_with_format_date_and_expand(built):
    found = page(built, "listings.html").find("section", id="excerpts-with-a-format")
    items = found.select_one(".blogposts-postlist").find_all("li", recursive=False)
    assert [
        li.select_one(".blogposts-postlist-line").get_text(" ", strip=True) for li in items
    ] == [
        "August post on 18/08/2020",
        "June post on 05/06/2020",
    ]
    assert "Written in August." in items[0].select_one(".blogposts-excerpt").get_text()
    more = items[0].select_one(".blogposts-read-more a")
    assert more.get_text() == "Continue reading"
    assert (Path(built.outdir) / more["href"]).resolve() == Path(
        built.outdir, "posts/august.html"
    ).resolve()


def test_postlist_sort_and_list_style(built):
    found = page(built, "listings.html").find("section", id="options-posts")
    postlist = found.select_one(".blogposts-postlist")
    assert "list-style-type: circle" in postlist["style"]
    assert [a.get_text() for a in postlist.find_all("a")] == [
        "Excluded post",
        "Canonical post",
        "External post",
        "Moved post",
    ]


# -- posting sections -------------------------------------------------------------------


def test_each_section_with_a_post_directive_is_a_post_of_its_own(built):
    cards = {
        c.select_one(".blogposts-card-title a").get_text(): c
        for c in page(built, "blog/index.html").select(".blogposts-card")
    }
    assert "Release notes" not in cards  # the document itself has no post directive
    for title, anchor, when, text in (
        ("First release", "first-release", "2014-08-20", "FIRST-RELEASE paragraph."),
        ("Second release", "second-release", "2014-09-15", "SECOND-RELEASE paragraph."),
    ):
        card = cards[title]
        href = card.select_one(".blogposts-card-title a")["href"]
        assert href == f"../posts/sections.html#{anchor}"
        assert card.select_one("time.blogposts-date")["datetime"].startswith(when)
        assert card.select_one(".blogposts-excerpt").get_text(strip=True) == text
    own = page(built, "posts/sections.html")
    assert own.find("section", id="second-release").get("id") == "second-release"
    headers = {
        h.parent["id"]: h.get_text(" ", strip=True) for h in own.select(".blogposts-post-header")
    }
    assert set(headers) == {"first-release", "second-release"}
    assert "Ann" in headers["second-release"]
    assert "Ann" not in headers["first-release"]


def test_section_posts_in_postlists_feeds_and_tag_pages(built):
    assert listed_in(built, "section-posts") == [
        "September 15, 2014 - Second release",
        "August 20, 2014 - First release",
    ]
    links = page(built, "listings.html").select("#section-posts .blogposts-postlist a")
    assert [a["href"] for a in links] == [
        "posts/sections.html#second-release",
        "posts/sections.html#first-release",
    ]
    import xml.etree.ElementTree as ET

    ns = {"a": "http://www.w3.org/2005/Atom"}
    root = ET.parse(Path(built.outdir, "blog/atom.xml")).getroot()
    entries = {
        e.findtext("a:title", namespaces=ns): e
        for e in root.findall("a:entry", ns)
        if e.findtext("a:title", namespaces=ns) in ("First release", "Second release")
    }
    assert (
        entries["Second release"]
        .find("a:link", ns)
        .get("href")
        .endswith("posts/sections.html#second-release")
    )
    assert len({e.findtext("a:id", namespaces=ns) for e in entries.values()}) == 2
    # the update in the second section dates that section's post only
    assert entries["Second release"].findtext("a:updated", namespaces=ns).startswith("2014-09-20")
    assert entries["First release"].findtext("a:updated", namespaces=ns).startswith("2014-08-20")
    tag = page(built, "blog/tags/sections.html").select(".blogposts-card-title a")
    assert [a.get_text() for a in tag] == ["Second release", "First release"]


# -- incremental and parallel builds ------------------------------------------------------


def index_cards(app) -> list[tuple[str, str, str]]:
    return [
        (
            c.select_one(".blogposts-card-title a").get_text(),
            c.select_one(".blogposts-card-title a")["href"],
            c.select_one("time.blogposts-date")["datetime"],
        )
        for c in page(app, "blog/index.html").select(".blogposts-card")
    ]


def test_parallel_build_reads_the_same_posts(built, tmp_path):
    app = build_copy(tmp_path, "ablog-every-post-style", parallel=2)
    assert index_cards(app) == index_cards(built)


def test_incremental_build_follows_section_posts_and_updates(tmp_path):
    src = tmp_path / "root"

    def build() -> SphinxTestApp:
        return build_copy(tmp_path, "ablog-every-post-style", fresh=False)

    first = build()
    assert "First release" in [t for t, _, _ in index_cards(first)]
    sections = src / "posts" / "sections.rst"
    text = sections.read_text(encoding="utf-8")
    # the first section is no longer a post; the second gets a newer update
    text = text.replace(".. post:: 2014-08-20\n   :tags: sections\n", "")
    text = text.replace(".. update:: 2014-09-20", ".. update:: 2014-10-01")
    sections.write_text(text, encoding="utf-8")
    second = build()
    titles = [t for t, _, _ in index_cards(second)]
    assert "First release" not in titles
    # with one post directive left, the document is the post (under its own title)
    assert "Release notes" in titles
    assert "Second release" not in titles
    assert feed_updated(second, "Release notes").startswith("2014-10-01")


def test_update_title_is_translated(tmp_path):
    app = build_copy(tmp_path, "ablog-every-post-style", confoverrides={"language": "de"})
    title = updates_on(app, "posts/updated.html")[0].select_one(".admonition-title")
    assert title.get_text() == "Aktualisiert am 7. April 2015"


def test_recent_posts_sidebar_links_a_section_post_to_its_section(tmp_path):
    app = build_copy(
        tmp_path,
        "ablog-every-post-style",
        confoverrides={
            "html_sidebars": {"**": ["blogposts/recent.html"]},
            "blogposts_sidebar_recent": 100,
        },
    )
    links = {a.get_text(strip=True): a["href"] for a in page(app, "index.html").select("a")}
    assert links["Second release"].endswith("posts/sections.html#second-release")
