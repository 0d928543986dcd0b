"""Bad input: each mistake is one located warning, the build goes on, the post still shows.

One build of ``test-bad-input`` (a blog where nearly every post has one mistake) is
shared by the tests of this module; each test checks one item of the catalogue: the
exact warning (file:line, subtype, what to do) and what the reader gets.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from sphinx.util.console import strip_escape_sequences

from tests.conftest import build_copy, soup_of

#: Without it the feeds warn (relative links); these projects are about other mistakes.
BASEURL = 'html_baseurl = "https://blog.example.org/"\n'


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_copy(tmp_path_factory.mktemp("bad"), "bad-input")


def warnings_of(app) -> list[str]:
    text = strip_escape_sequences(app.warning.getvalue())
    return [line for line in text.splitlines() if "WARNING" in line]


def warning_for(app, source: str) -> str:
    """The one warning about ``source``; fails if there are none or several."""
    found = [w for w in warnings_of(app) if f"{source}:" in w.replace("\\", "/")]
    assert len(found) == 1, found
    return found[0]


def located(message: str, source: str, line: int, subtype: str) -> bool:
    return bool(
        re.search(rf"{re.escape(source)}:{line}: WARNING: ", message.replace("\\", "/"))
    ) and message.endswith(f"[blogposts.{subtype}]")


def page(app, name: str):
    return soup_of(Path(app.outdir, name))


def titles(app, name: str = "blog/index.html") -> list[str]:
    return [a.get_text() for a in page(app, name).select(".blogposts-card-title a")]


def card(app, title: str):
    for article in page(app, "blog/index.html").select(".blogposts-card"):
        if article.select_one(".blogposts-card-title a").get_text() == title:
            return article
    raise AssertionError(f"no card {title!r}")


def card_tags(app, title: str) -> list[str]:
    return [t.get_text() for t in card(app, title).select(".blogposts-tag")]


#: source -> (line, subtype, text the warning must contain)
EXPECTED = {
    "blog/authors.yml": (3, "author", "author 'noname' in authors.yml has no 'name'"),
    "blog/2024-01-01-unclosed-list.md": (3, "frontmatter", "not valid YAML"),
    "blog/2024-01-02-tab-indent.md": (4, "frontmatter", "indent with spaces, never tabs"),
    "blog/2024-01-03-never-closed.md": (1, "frontmatter", "never closed; add a line '---'"),
    "blog/2024-01-04-list-front-matter.md": (2, "frontmatter", "(a mapping), not a list"),
    "blog/2024-01-05-scalar-front-matter.md": (2, "frontmatter", "not a single text value"),
    "blog/impossible-date.md": (3, "date", "'2024-13-45' is not a date"),
    "blog/2024-01-06-unknown-format.md": (3, "date", "using the date in the file name"),
    "blog/number-date.md": (3, "date", "got int 20240101; the post is listed nowhere"),
    "blog/no-date.rst": (1, "date", "the post has no date"),
    "blog/2024-01-07-unknown-author.md": (3, "author", "Known keys: jane, noname"),
    "blog/2024-01-08-empty-authors.md": (3, "author", "'authors': is empty"),
    "blog/2024-01-09-nameless-author.md": (3, "author", "neither a 'key' nor a 'name'"),
    "blog/2024-01-10-number-author.md": (3, "author", "got 42"),
    "blog/2024-01-12-tags-mapping.md": (3, "tag", "must be a list or a comma-separated"),
    "blog/2024-01-13-empty-tags.md": (3, "tag", "2 empty items; the other items are used"),
    "blog/2024-01-14-punctuation-tag.md": (3, "tag", "'!!!' has no letter or digit"),
    "blog/2024-01-15-long-tag.md": (3, "tag", "a tag of 500 characters"),
    "blog/2024-01-16-cafe-accent.md": (3, "tag", "'cafe' and 'Café' differ only in accents"),
    "blog/2024-01-18-cpp.md": (3, "tag", "'c plus plus' and 'C++'"),
    # a shared slug matters for the redirect from the old URL, and is reported there
    "blog/2024-01-21-slug-two.md": (
        3,
        "redirect",
        "blog/2024-01-20-slug-one.md and blog/2024-01-21-slug-two.md both had the URL",
    ),
    "blog/2024-01-22-slug-dots.md": (3, "slug", "it contains '.' or '..'"),
    "blog/2024-01-23-slug-backslash.md": (3, "slug", "it contains a backslash"),
    "blog/2024-01-24-slug-nul.md": (3, "slug", "it contains a control character"),
    "blog/2024-02-02-empty-title.md": (2, "title", "'title' is empty; using 'empty-title'"),
    "blog/2024-02-05-list-title.md": (2, "title", "using the post's heading 'Heading wins'"),
    "blog/2024-03-01-two-markers.md": (11, "excerpt", "a second excerpt marker"),
    "blog/2024-04-03-draft-maybe.md": (3, "frontmatter", "'draft: maybe' is neither"),
    "blog/2024-05-01-disagree.md": (7, "directive", "disagree on 'date', 'tags'; the front"),
    "notes/two-directives.rst": (6, "directive", "a second 'post' directive for the document"),
    "blog/2024-06-05-raw-control.md": (2, "frontmatter", "control character U+0007; it is"),
    # a control character in the body: fine in HTML, left out of the feeds, said once
    "blog/2024-06-01-control.md": (5, "feed", "characters that XML cannot carry"),
    # the broken title line is reported once, not again as "no title"
    "blog/2024-06-06-broken-title.md": (2, "frontmatter", "'title' is ignored"),
}


def test_every_mistake_is_exactly_one_located_warning(built):
    found = warnings_of(built)
    # no traceback, no second report by MyST ("Malformed YAML"), nothing unlocated
    assert not [w for w in found if "[blogposts." not in w], found
    assert len(found) == len(EXPECTED) + 1, "\n".join(found)  # + the empty file's
    for source, (line, subtype, text) in EXPECTED.items():
        message = warning_for(built, source)
        assert located(message, source, line, subtype), message
        assert text in message, message


def test_parallel_build_gives_the_same_warnings(built, tmp_path):
    app = build_copy(tmp_path, "bad-input", parallel=2)

    def relative(app):
        return sorted(w.replace(str(app.srcdir), "") for w in warnings_of(app))

    assert relative(app) == relative(built)


def test_broken_yaml_keeps_what_could_be_read(built):
    # the valid keys around the broken one still count: title, authors, date from the name
    assert card_tags(built, "Unclosed list") == []
    assert [a.get_text() for a in card(built, "Unclosed list").select(".blogposts-author")] == [
        "Jane Doe"
    ]
    assert "Tab indent" in titles(built)
    # an unclosed block is read up to the blank line; the body is not swallowed as YAML
    never = page(built, "blog/2024-01-03-never-closed.html")
    assert "NEVER-CLOSED-BODY" in never.get_text()
    assert "title: Never closed" not in never.get_text()
    assert card_tags(built, "Never closed") == ["alpha"]
    # a list or a scalar is ignored; the post's own heading is the title
    for title, name, body in (
        ("List front matter", "2024-01-04-list-front-matter", "LIST-BODY"),
        ("Scalar front matter", "2024-01-05-scalar-front-matter", "SCALAR-BODY"),
    ):
        assert title in titles(built)
        assert body in page(built, f"blog/{name}.html").get_text()
    assert "just some words" not in page(built, "blog/2024-01-05-scalar-front-matter.html").text


def test_bad_dates(built):
    listed = titles(built)
    # impossible or numeric dates with no other date: built, listed nowhere
    for title, name in (("Impossible date", "impossible-date"), ("Number date", "number-date")):
        assert title not in listed
        assert name.upper().split("-")[0] in page(built, f"blog/{name}.html").get_text().upper()
    assert "No date" not in listed
    # an unreadable date falls back to the file name's
    when = card(built, "Unknown format").select_one("time.blogposts-date")["datetime"]
    assert when.startswith("2024-01-06")
    # a future post is listed like any other by default, first
    assert listed[0] == "Far future"


def test_future_posts_as_drafts(tmp_path):
    app = build_copy(tmp_path, "bad-input", confoverrides={"blogposts_future": "draft"})
    assert "Far future" not in titles(app)
    own = page(app, "blog/2999-01-01-future.html")
    assert own.find("meta", attrs={"name": "robots", "content": "noindex"}) is not None
    assert "FUTURE-BODY" in own.get_text()


def test_bad_authors(built):
    authors = {
        title: [a.get_text().strip() for a in card(built, title).select(".blogposts-author")]
        for title in (
            "Unknown author",
            "Empty authors",
            "Nameless author",
            "Number author",
            "Key without name",
        )
    }
    assert authors == {
        "Unknown author": ["Jane Doe", "nobody"],
        "Empty authors": [],
        "Nameless author": ["Jane Doe"],
        "Number author": [],
        "Key without name": ["noname"],
    }


def test_bad_tags(built):
    assert card_tags(built, "Tags mapping") == []
    assert card_tags(built, "Empty tags") == ["kept"]
    assert card_tags(built, "Punctuation tag") == ["!!!", "fine"]
    # case: one tag; accents and symbol spellings: two tags, two pages
    assert card_tags(built, "Cafe accent") == ["Café", "Python"]
    index = page(built, "blog/tags/index.html")
    cloud = {a.get_text(): a["href"] for a in index.select(".blogposts-tag")}
    assert "python" not in cloud and cloud["Python"] == "python.html"
    assert cloud["cafe"] == "cafe.html" and re.fullmatch(r"cafe-[0-9a-f]{8}\.html", cloud["Café"])
    assert cloud["C++"] != cloud["c plus plus"]
    long_href = cloud["x" * 500]
    assert len(long_href) < 100
    for href in cloud.values():
        assert Path(built.outdir, "blog/tags", href).is_file(), href
    assert titles(built, "blog/tags/python.html") == ["Cafe plain", "Cafe accent"]


def test_bad_slugs_write_nothing_outside_the_blog(built):
    out = Path(built.outdir).resolve()
    src = Path(built.srcdir).resolve()
    written = [p.resolve() for p in out.rglob("*") if p.is_file()]
    assert all(p.is_relative_to(out) for p in written)
    assert not (out.parent / "outside").exists() and not (src.parent / "outside").exists()
    generated = {p.relative_to(out).as_posix() for p in written if p.suffix == ".html"}
    for name in generated:
        assert not name.startswith(("etc", "outside")), name
    # "slug: /etc/passwd" is relative to the blog, as in Docusaurus: its redirect stays there
    assert "blog/etc/passwd/index.html" in generated
    assert not [n for n in generated if "outside" in n or "\\" in n or "\x00" in n]
    for title in ("Slug one", "Slug two", "Slug dots", "Slug backslash", "Slug nul"):
        assert title in titles(built)


def test_titles(built):
    listed = titles(built)
    assert "no-title-at-all" in listed and "empty-title" in listed and "Heading wins" in listed
    # HTML and Markdown in a title are text, shown as written, with no warning
    assert "<em>Hi</em> & bye" in listed
    assert "Use *stars* and `ticks`" in listed
    html = page(built, "blog/2024-02-03-html-title.html")
    assert html.find("em") is None or "Hi" not in html.find("em").get_text()


def test_excerpt_markers(built):
    def excerpt(title):
        return card(built, title).select_one(".blogposts-excerpt").get_text()

    assert "TWO-FIRST" in excerpt("Two markers") and "TWO-SECOND" not in excerpt("Two markers")
    own = page(built, "blog/2024-03-01-two-markers.html").get_text()
    assert "TWO-THIRD" in own and "more -->" not in own
    adm = excerpt("Marker in admonition")
    assert "ADM-INSIDE" in adm and "ADM-AFTER" not in adm and "ADM-END" not in adm
    # a marker before any content: an empty excerpt, as in Docusaurus (and no warning)
    first = card(built, "Marker first")
    assert first.select_one(".blogposts-excerpt") is None and "FIRST-PARA" not in first.get_text()
    assert "LIST-ONE" in excerpt("Marker in list") and "LIST-TWO" not in excerpt("Marker in list")


def test_flags_written_as_strings(built):
    listed = titles(built)
    assert "Draft yes" not in listed  # "yes": a draft
    assert "Unlisted false" in listed  # "false": listed
    assert "Draft maybe" not in listed  # warned, treated as a draft


def test_directive_and_front_matter(built):
    # front matter wins: its date and its tags
    disagree = card(built, "Disagree")
    assert disagree.select_one("time.blogposts-date")["datetime"].startswith("2024-05-01")
    assert card_tags(built, "Disagree") == ["alpha"]
    two = card(built, "Two directives")
    assert two.select_one("time.blogposts-date")["datetime"].startswith("2024-05-02")


def test_odd_bytes(built):
    assert "Bell ringing" in titles(built)  # the control character is dropped
    assert card_tags(built, "Byte order mark") == ["bom"]
    crlf = card(built, "Windows lines")
    assert [t.get_text() for t in crlf.select(".blogposts-tag")] == ["crlf"]
    assert "CRLF-AFTER" not in crlf.get_text()
    # a raw control character costs nothing but itself; a broken title only the title
    assert card_tags(built, "Raw bell") == ["raw"]
    assert card_tags(built, "broken-title") == ["alpha"]


def test_an_empty_file_is_one_warning_naming_it_and_no_post(built):
    message = warning_for(built, "blog/2024-06-04-empty-file.md")
    assert message.endswith("[blogposts.empty]") and "is listed nowhere" in message
    assert "empty-file" not in titles(built)
    assert not page(built, "blog/2024-06-04-empty-file.html").select_one(".blogposts-post-header")


@pytest.mark.parametrize("value", ['"ten"', "0", "-3"])
def test_config_of_the_wrong_type(make_app, editable_root, value):
    src = editable_root("paginated-blog")
    conf = src / "conf.py"
    conf.write_text(conf.read_text() + BASEURL + f"blogposts_posts_per_page = {value}\n")
    line = len(conf.read_text().splitlines())
    app = make_app("html", srcdir=src, freshenv=True)
    app.build()
    [message] = warnings_of(app)
    assert re.search(rf"conf\.py:{line}: WARNING: blogposts_posts_per_page = ", message)
    assert "using the default 10" in message and message.endswith("[blogposts.config]")
    assert len(titles(app)) == 10  # the default
    assert Path(app.outdir, "blog/page/2.html").is_file()


def small_site(tmp_path: Path, conf: str, front_matter: str) -> Path:
    """A site with one post, A, whose front matter adds ``front_matter``."""
    src = tmp_path / "site"
    (src / "blog").mkdir(parents=True)
    (src / "conf.py").write_text('extensions = ["sphinx_blogposts"]\n' + conf + BASEURL)
    (src / "index.md").write_text("# Home\n")
    (src / "blog/2024-01-01-a.md").write_text(f"---\ntitle: A\n{front_matter}\n---\n\nBody.\n")
    return src


@pytest.mark.parametrize(
    ("setting", "subtype"),
    [("blogposts_authors_file", "author"), ("blogposts_tags_file", "tag")],
)
@pytest.mark.parametrize(
    ("content", "line", "text"),
    [
        (None, None, "does not exist"),
        ("jane: [unclosed\n", 2, "is not valid YAML"),
        ("- jane\n- joe\n", 1, "keys to details"),
    ],
)
def test_broken_authors_or_tags_file(make_app, tmp_path, setting, subtype, content, line, text):
    """Both files of entries go wrong the same ways, and each way is one warning at the
    same place: the setting's line for a file that is not there, else the file's line."""
    src = small_site(tmp_path, f'{setting} = "people.yml"\n', "tags: [jane]")
    if content is not None:
        (src / "people.yml").write_text(content)
    app = make_app("html", srcdir=src, freshenv=True)
    app.build()
    [message] = warnings_of(app)
    where = "conf.py:2" if line is None else f"people.yml:{line}"
    assert f"{where}: WARNING: " in message and text in message, message
    assert message.endswith(f"[blogposts.{subtype}]")
    assert titles(app) == ["A"]


def test_an_entry_of_the_tags_file_that_is_no_mapping_is_warned_about_at_its_line(
    make_app, tmp_path
):
    src = small_site(tmp_path, "", "tags: [release, odd]")
    (src / "blog/tags.yml").write_text("release:\n  label: Releases\nodd: [1, 2]\n")
    app = make_app("html", srcdir=src, freshenv=True)
    app.build()
    [message] = warnings_of(app)
    assert "tags.yml:3: WARNING: tag 'odd' in tags.yml must be a mapping" in message, message
    assert message.endswith("[blogposts.tag]")
    tags = [
        a.get_text() for a in page(app, "blog/2024/01/01/a/index.html").select(".blogposts-tag")
    ]
    assert sorted(tags) == ["Releases", "odd"], tags


def test_a_huge_post_and_a_post_with_2000_tags(make_app, tmp_path):
    """Both build (no quadratic blow-up), and show what they should."""
    src = tmp_path / "site"
    (src / "blog").mkdir(parents=True)
    (src / "conf.py").write_text('extensions = ["sphinx_blogposts"]\n' + BASEURL)
    (src / "index.md").write_text("# Home\n")
    paragraph = ("word " * 100).strip() + "\n\n"
    body = paragraph * (5 * 1024 * 1024 // len(paragraph) + 1)
    (src / "blog/2024-01-01-huge.md").write_text(
        "---\ntitle: Huge\n---\n\nHUGE-INTRO\n\n<!-- truncate -->\n\n" + body + "HUGE-END\n"
    )
    assert (src / "blog/2024-01-01-huge.md").stat().st_size > 5 * 1024 * 1024
    tags = [f"topic {i}" for i in range(2000)]
    (src / "blog/2024-01-02-tagged.md").write_text(
        f"---\ntitle: Tagged\ntags: [{', '.join(tags)}]\n---\n\nTAGGED-BODY\n"
    )
    app = make_app("html", srcdir=src, freshenv=True)
    app.build()
    assert warnings_of(app) == []
    huge = card(app, "Huge").select_one(".blogposts-excerpt").get_text()
    assert "HUGE-INTRO" in huge and "word" not in huge
    assert "HUGE-END" in Path(app.outdir, "blog/2024/01/01/huge/index.html").read_text()
    # the post's own header lists all 2,000 tags, each with its page
    own = page(app, "blog/2024/01/02/tagged/index.html")
    assert [t.get_text() for t in own.select(".blogposts-post-header .blogposts-tag")] == tags
    assert len(list(Path(app.outdir, "blog/tags").glob("topic-*.html"))) == 2000
    # cards in lists show the first 12 and how many more
    tagged = card(app, "Tagged")
    assert [t.get_text() for t in tagged.select(".blogposts-tag")] == tags[:12]
    assert tagged.select_one(".blogposts-more-tags").get_text() == "+1988"
    assert titles(app, "blog/tags/topic-1999.html") == ["Tagged"]
    # every tag has its feed; each entry carries at most 100 of the post's tags
    feed = ET.parse(Path(app.outdir, "blog/tags/topic-1999/atom.xml")).getroot()
    [entry] = [e for e in feed if e.tag.endswith("entry")]
    terms = [c.get("term") for c in entry if c.tag.endswith("category")]
    assert terms == tags[:100]


def test_document_named_like_a_generated_page(make_app, tmp_path):
    src = tmp_path / "site"
    (src / "blog/tags").mkdir(parents=True)
    (src / "conf.py").write_text('extensions = ["sphinx_blogposts"]\n' + BASEURL)
    (src / "index.md").write_text("# Home\n\n```{toctree}\nblog/tags/python\n```\n")
    (src / "blog/tags/python.md").write_text("# My own Python page\n\nMINE\n")
    (src / "blog/2024-01-01-a.md").write_text("---\ntitle: A\ntags: [python]\n---\n\nBody.\n")
    app = make_app("html", srcdir=src, freshenv=True)
    app.build()
    [message] = warnings_of(app)
    assert located(message, "blog/tags/python.md", 1, "page"), message
    assert "blog/tags/python" in message and "Rename the document" in message
    assert "MINE" in page(app, "blog/tags/python.html").get_text()
    assert "A" in titles(app)
