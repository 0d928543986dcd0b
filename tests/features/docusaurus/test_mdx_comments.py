"""MDX comment expressions in a Docusaurus post: dropped, or a heading's explicit id.

The root ``test-docusaurus-comments`` is Babel's "5.0.0 Released" post in small: a list
of in-page links whose anchors hold a colon (``#stage-0:-class-properties``), and
headings that end in ``{ /*#stage-0:-class-properties*/ }``, an MDX expression holding
one comment, with spaces inside the braces. Docusaurus (3.10 and later) shows nothing
for such a comment and reads ``#…`` in it as the heading's id; a link to an anchor
that is no heading's stays a ``#`` link, with the one warning any such link gets.
"""

from __future__ import annotations

from bs4 import BeautifulSoup

from tests.conftest import soup_of

POST = "blog/2015-03-31-five"


def post_page(app) -> BeautifulSoup:  # type: ignore[no-untyped-def]
    return soup_of(app.builder.get_output_path(POST))


def body_links(soup: BeautifulSoup) -> dict[str, str]:
    body = soup.select_one("[role=main]")
    return {
        a.get_text().strip(): a["href"]
        for a in body.select("a")
        if "headerlink" not in a.get("class", [])
    }


def headings(soup: BeautifulSoup) -> dict[str, str]:
    """Each h2's text (without its ``¶``) -> the id of its section."""
    return {
        h2.get_text().replace("¶", "").strip(): h2.find_parent("section")["id"]
        for h2 in soup.select("section h2")
    }


def test_a_comment_ending_a_heading_with_a_hash_is_its_id(shared_build):
    soup = post_page(shared_build("docusaurus-comments"))
    assert headings(soup) == {
        "Stage 0: Class Properties": "stage-0:-class-properties",  # as written, colon kept
        "Stage 1: Decorators": "stage-1:-decorators",  # the comment's first word
        "Plain heading": "plain-heading",  # a comment that is no id: the text's anchor
    }
    for h2 in soup.select("section h2"):
        assert h2.find("em") is None and "/*" not in h2.get_text(), h2
        link = h2.select_one("a.headerlink")["href"]
        assert link == "#" + h2.find_parent("section")["id"]


def test_in_page_links_with_a_colon_reach_their_headings(shared_build):
    soup = post_page(shared_build("docusaurus-comments"))
    links = body_links(soup)
    assert links["Stage 0: Class Properties"] == "#stage-0:-class-properties"
    assert links["Stage 1: Decorators"] == "#stage-1:-decorators"
    assert links["Plain heading"] == "#plain-heading"
    for name in ("Stage 0: Class Properties", "Stage 1: Decorators"):
        target = links[name][1:]
        assert soup.find(id=target).get_text().replace("¶", "").strip().startswith(name)


def test_a_link_to_no_heading_keeps_its_hash_and_is_reported_once(shared_build):
    app = shared_build("docusaurus-comments")
    # never the URL "stage-9:-nowhere" (scheme "stage-9"), which leads nowhere
    assert body_links(post_page(app))["Stage 9: Nowhere"] == "#stage-9:-nowhere"
    warnings = [line for line in app.warning.getvalue().splitlines() if "WARNING" in line]
    assert len(warnings) == 1, warnings  # as any anchor no heading has; Docusaurus warns too
    assert "'stage-9:-nowhere'" in warnings[0] and "2015-03-31-five.md" in warnings[0]


def test_comment_expressions_show_nothing_and_code_keeps_them(shared_build):
    body = post_page(shared_build("docusaurus-comments")).select_one("[role=main]")
    text = body.get_text()
    assert "Spaced  words,  more." in text
    for hidden in ("hidden remark", "aside", "A remark over", "several lines", "a note"):
        assert hidden not in text, hidden
    assert body.select_one("code").get_text() == "{ /* code */ }"


def test_parallel_build_resolves_the_same_links(shared_build):
    app = shared_build("docusaurus-comments", parallel=2)
    links = body_links(post_page(app))
    assert links["Stage 0: Class Properties"] == "#stage-0:-class-properties"
    assert links["Stage 9: Nowhere"] == "#stage-9:-nowhere"
