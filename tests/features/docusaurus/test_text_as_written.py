"""Docusaurus posts show their text as written: no smart quotes, MDX escapes, built-in components.

The root ``test-docusaurus-text`` holds Docusaurus posts whose titles and text have
``--flags``, straight quotes and ``...``; MDX escapes (``\\<Foo.Bar />``); Docusaurus'
``<Link>``, ``<Admonition>`` and ``<Details>``; a link definition written twice. Beside
them, a reStructuredText page, a Markdown page of the docs and two ABlog-style posts
keep the site's smart quotes. The one warning it gives is on purpose: a label defined
twice with different URLs.
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from xml.etree import ElementTree

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

from sphinx_blogposts.compat.docusaurus import anchors, components, html_tags, rewrite, syntax
from tests.conftest import build_copy, card, soup_of

CACHE = "blog/2024/01/01/cache/index.html"
HEADING = "blog/2024/01/02/heading-title/index.html"
ESCAPES = "blog/2024/01/03/escapes/index.html"
COMPONENTS = "blog/2024/01/04/components/index.html"
DEFINITIONS = "blog/2024/01/05/definitions/index.html"
TITLE = "new --cache CLI option"
CURLY = ("\u201c", "\u201d", "\u2018", "\u2019", "\u2013", "\u2014", "\u2026")


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build_copy(tmp_path_factory.mktemp("text"), "docusaurus-text")


def page(app: SphinxTestApp, name: str):  # type: ignore[no-untyped-def]
    return soup_of(Path(app.outdir, name))


def warnings(app: SphinxTestApp) -> list[str]:
    text = strip_escape_sequences(app.warning.getvalue())
    return [line for line in text.splitlines() if line.strip()]


def main(soup):  # type: ignore[no-untyped-def]
    return soup.select_one("div[role=main]")


# -- build: text as written ----------------------------------------------------------------


def test_only_the_differing_duplicate_definition_warns(built):
    found = warnings(built)
    assert len(found) == 1, found
    assert "2024-01-05-definitions.md:14" in found[0]
    assert "Duplicate reference definition: OTHER [myst.duplicate_def]" in found[0]


def test_titles_and_excerpts_keep_hyphens_and_straight_quotes(built):
    index = page(built, "blog/index.html")
    cache = card(index, TITLE)  # the card's title, as written
    excerpt = cache.get_text(" ", strip=True)
    assert 'Run it with --cache and "quotes" -- as written... and don\'t stop.' in excerpt
    assert card(index, 'The "--fast" flag')  # a title taken from the post's heading
    post = page(built, CACHE)
    assert post.select_one("h1").get_text().rstrip("¶") == TITLE
    assert post.title.get_text().startswith(TITLE + " ")
    assert "More text --verbose here." in main(post).get_text()
    heading = page(built, HEADING)
    assert heading.select_one("h1").get_text().rstrip("¶") == 'The "--fast" flag'
    assert "--fast stays." in main(heading).get_text()
    recent = [a.get_text() for a in post.select(".blogposts-recent a, .sphinxsidebar li a")]
    assert TITLE in recent and 'The "--fast" flag' in recent
    for text in (main(post).get_text(), main(heading).get_text(), cache.get_text()):
        assert not any(c in text for c in CURLY)


def test_feeds_and_json_ld_keep_the_text(built):
    out = Path(built.outdir)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    atom = ElementTree.parse(out / "blog/atom.xml").getroot()
    titles = [e.findtext("a:title", namespaces=ns) for e in atom.findall("a:entry", ns)]
    assert TITLE in titles and 'The "--fast" flag' in titles
    rss = ElementTree.parse(out / "blog/rss.xml").getroot()
    assert TITLE in [i.findtext("title") for i in rss.iter("item")]
    items = {i["title"]: i for i in json.loads((out / "blog/feed.json").read_text())["items"]}
    content = html.unescape(items[TITLE]["content_html"])
    assert '--cache and "quotes" -- as written...' in content
    data = json.loads(page(built, CACHE).find("script", type="application/ld+json").string)
    assert data["headline"] == TITLE
    assert data["description"] == "Adds \"--cache\" and 'quotes'..."


def test_other_pages_and_ablog_posts_keep_the_sites_smart_quotes(built):
    guide = main(page(built, "guide.html")).get_text()
    assert "\u201cquoted\u201d and \u2013dashed\u2026" in guide
    docs_page = main(page(built, "index.html")).get_text()  # Markdown, not a post
    assert "\u201csmart quotes\u201d and \u2013dashes" in docs_page
    index = page(built, "blog/index.html")
    for title in ("An \u201cablog\u201d \u2013post", "An \u201crst\u201d \u2013post"):
        assert "\u201csmart quotes\u201d \u2013 dashes" in card(index, title).get_text()


# -- build: escapes, components, definitions --------------------------------------------------


def test_mdx_escapes_are_literal_characters(built):
    body = main(page(built, ESCAPES))
    assert body.select_one("h2").get_text().rstrip("¶") == "Fix <Foo.Bar />"
    texts = [p.get_text() for p in body.select("p")]
    assert "Braces {name} and a backslash \\ stay; so does <b>bold</b>." in texts
    literals = [c.get_text() for c in body.select("code")]
    assert literals == ["\\<Foo />", "\\{x\\}"]  # code spans keep their backslashes
    assert body.find("div", string="In HTML <Tag /> and {x}") is not None  # raw HTML
    assert '"\\<b>"' in body.select_one("div.highlight").get_text()  # so do fences


def test_link_components_become_links_and_anchors(built):
    body = main(page(built, COMPONENTS))
    links = {a.get_text(): a["href"] for a in body.select("a[href]")}
    assert links["the cache post"] == "../../01/cache/index.html"  # /blog/2024/01/01/cache
    assert links["other page"] == "../../../../../other.html"  # /other
    assert links["an external one"] == "https://example.com/x"
    for text, anchor in (
        ("See the new features", "new-features"),  # <Link id=.../>
        ("And the breaking changes", "breaking-changes"),  # <span id=.../>
        ("And the plain anchor", "plain-anchor"),  # <a id=...></a>
    ):
        assert links[text] == f"#{anchor}"
        assert body.find(id=anchor) is not None, anchor
    assert not [w for w in warnings(built) if "myst.xref_missing" in w]


def test_admonition_and_details_components(built):
    body = main(page(built, COMPONENTS))
    tip, warning = body.select(".blogposts-admonition")
    assert "tip" in tip["class"] and "warning" in warning["class"]
    assert tip.select_one(".admonition-title").get_text() == "Pro tip"
    assert tip.select_one("strong").get_text() == "bold"
    assert warning.select_one(".admonition-title").get_text() == "Warning"
    details, prop = body.select("details.blogposts-details")
    assert details.select_one("summary").get_text() == "More to read"
    assert details.select_one("strong").get_text() == "Markdown"
    assert prop.select_one("summary").get_text() == "Given as a prop"
    assert prop.select_one("strong").get_text() == "hidden"


def test_identical_duplicate_definitions_are_one(built):
    body = main(page(built, DEFINITIONS))
    links = [(a.get_text(), a["href"]) for a in body.select("p a[href]")]
    assert links == [
        ("config dependencies", "https://pnpm.io/config-dependencies"),
        ("other", "https://example.com/one"),  # CommonMark takes the first
        ("config dependencies", "https://pnpm.io/config-dependencies"),
    ]
    assert not [w for w in warnings(built) if "CONFIG DEPENDENCIES" in w]  # said twice alike


def test_parallel_and_incremental_builds_keep_the_text(tmp_path: Path):
    app = build_copy(tmp_path, "docusaurus-text", parallel=2)
    assert card(page(app, "blog/index.html"), TITLE)
    (tmp_path / "root/index.md").write_text(
        (tmp_path / "root/index.md").read_text() + "\nMore.\n", encoding="utf-8"
    )
    again = build_copy(tmp_path, "docusaurus-text", fresh=False)
    post = page(again, CACHE)
    assert post.select_one("h1").get_text().rstrip("¶") == TITLE
    assert card(page(again, "blog/index.html"), TITLE)
    assert "\u201csmart quotes\u201d" in main(page(again, "index.html")).get_text()


# -- pure functions ------------------------------------------------------------------------


def test_escaped_counts_backslashes():
    assert html_tags.escaped(r"a \<b>", 3)
    assert not html_tags.escaped(r"a \\<b>", 4)
    assert html_tags.escaped(r"\\\<b>", 3)
    assert not html_tags.escaped("<b>", 0)


def test_escaped_tags_stay_text():
    dropped: list[str] = []
    assert html_tags.rewrite_tags(r"Fix \<Foo.Bar />", False, dropped.append) == (
        r"Fix \<Foo.Bar />"
    )
    assert html_tags.rewrite_tags(r"\\<Foo />", False, dropped.append) == "\\\\"
    assert dropped == ["<Foo />"]  # an escaped backslash, then a real component
    html = html_tags.rewrite_tags(r"<div>a \<b\> \{c\} \\ d</div>", True, dropped.append)
    assert html == r"<div>a &lt;b\> {c} \ d</div>"


def test_link_components_as_markdown_links_or_anchors():
    line = 'See <Link to="/blog/x">the post</Link> and `<Link to="/a">code</Link>`'
    assert (
        components.markdown_links(line) == 'See [the post](/blog/x) and `<Link to="/a">code</Link>`'
    )
    assert components.markdown_links("<Link href={'a b'}>x</Link>") == "[x](<a b>)"
    kept = '<Link to="/a" className="c">x</Link>'  # more than a target: the <a> it renders
    assert components.markdown_links(kept) == kept
    dropped: list[str] = []
    assert html_tags.rewrite_tags(kept, False, dropped.append) == '<a href="/a" class="c">x</a>'
    assert html_tags.rewrite_tags('<Link id="new"/>', True, dropped.append) == '<a id="new"></a>'
    assert dropped == []


def test_admonition_heads():
    assert components.admonition_head(' type="tip" title="Pro &amp; tip"') == (
        "{blogposts-admonition} tip Pro & tip"
    )
    assert components.admonition_head("") == "{blogposts-admonition} info"
    assert components.admonition_head(' type="nope"') == "{blogposts-admonition} info"


def test_definitions_repeat_only_word_for_word():
    seen = components.Definitions()
    assert not seen.repeats("[A b]: https://a", "")
    assert seen.repeats("[a  B]: <https://a>", "[x]: y")  # the same label and URL
    assert not seen.repeats('[a b]: https://a "t"', "")  # a title: different
    assert not seen.repeats("[a b]: https://a", "a paragraph line")  # paragraph text
    assert not seen.repeats("[c]: https://c", "")
    assert syntax.repeated_labels("[a]: x\n\n[A]: y")
    assert not syntax.repeated_labels("[a]: x\n\n[b]: x")


def test_escapes_in_raw_html_take_the_full_rewrite():
    text = "<div>\na \\{b\\} \\< c\n</div>"
    assert syntax.needs_rewrite(text, 0, False)
    result = rewrite.Preprocessor(False, None, Path(".")).run(text, 0, False)
    assert result.text == "<div>\na {b} &lt; c\n</div>"


def test_raw_html_ids():
    assert anchors.html_ids("<h1 class='x'><a id=\"n\"></a>N</h1><p data-id='no' id='p'>") == [
        "n",
        "p",
    ]


def test_rewrite_keeps_every_line_in_place():
    text = "\n".join(
        [
            "[a]: https://a",
            "",
            "[a]: https://a",
            '<Admonition type="note" title="T">',
            "  text",
            "</Admonition>",
            "<Details summary='More'>",
            "",
            "x",
            "",
            "</Details>",
            r"#### Fix \<Foo.Bar />",
        ]
    )
    result = rewrite.Preprocessor(False, None, Path(".")).run(text, 0, True)
    lines = result.text.split("\n")
    assert len(lines) == 12
    assert lines[:7] == [
        "[a]: https://a",
        "",
        "",
        ":::{blogposts-admonition} note T",
        "text",
        ":::",
        ":::{blogposts-details} More",
    ]
    assert lines[10:] == [":::", r"## Fix \<Foo.Bar />"]
    assert result.unknown_jsx == []
