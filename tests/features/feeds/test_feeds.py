"""Feeds: Atom (validated against RFC 4287's schema), RSS 2.0 and JSON Feed, as readers get them."""

from __future__ import annotations

import email.utils
import json
import posixpath
import shutil
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup
from lxml import etree

from sphinx_blogposts.reading.domain import domain_of
from sphinx_blogposts.writing.render.renderer import Renderers
from tests.conftest import DATA, blog_warnings

ATOM = "{http://www.w3.org/2005/Atom}"
SCHEMA = etree.RelaxNG(etree.parse(str(DATA / "atom.rng")))
BASE = "https://example.org/docs/"

#: test-feeds: listed posts, newest first; the draft and the unlisted post are in no feed.
BLOG = ["blog/second", "blog/hostile", "blog/first/index", "blog/nobody"]
PER_FEED = {
    "blog": BLOG,
    "blog/tags/python": ["blog/second", "blog/first/index"],
    "blog/tags/news": ["blog/first/index", "blog/nobody"],
    "blog/tags/security": ["blog/hostile"],
    "blog/authors/ada": ["blog/second", "blog/first/index"],
    "blog/authors/bob": ["blog/hostile", "blog/first/index"],
}
HOSTILE = '<script>alert("x")</script> & "quotes"'


def feed_files(outdir: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(outdir)): p.read_bytes()
        for p in sorted(Path(outdir).rglob("*"))
        if p.name in ("atom.xml", "rss.xml", "feed.json")
    }


def post_url(docname: str) -> str:
    """Where a post is: this root keeps posts at their files' addresses (conf.py)."""
    return f"{BASE}{docname}.html"


def post_id(docname: str) -> str:
    """A post's entry id: its Docusaurus address (here its path, without ``/index``), on
    every site but an ABlog one, whatever ``blogposts_post_url`` says, so ids never move."""
    return BASE + docname.removesuffix("/index")


def atom(app, folder: str = "blog") -> etree._Element:
    return etree.parse(str(Path(app.outdir, folder, "atom.xml"))).getroot()


def entry_ids(root: etree._Element) -> list[str]:
    return [e.findtext(f"{ATOM}id") for e in root.iter(f"{ATOM}entry")]


@pytest.fixture
def build(make_app, editable_root, tmp_path):
    """A build of a private copy of a root into its own output folder: ``build(root, **kw)``."""
    counter = iter(range(100))

    def run(root: str = "feeds", srcdir: Path | None = None, **kwargs):
        n = next(counter)
        app = make_app(
            kwargs.pop("buildername", "html"),
            srcdir=srcdir or editable_root(root, f"{root}-{n}"),
            builddir=tmp_path / f"build-{n}",
            freshenv=True,
            **kwargs,
        )
        app.build()
        return app

    return run


# -- validity ------------------------------------------------------------------------------------


def test_every_feed_is_valid(shared_build):
    app = shared_build("feeds")
    assert blog_warnings(app) == []
    files = feed_files(Path(app.outdir))
    expected = {f"{folder}/{name}" for folder in PER_FEED for name in ("atom.xml", "rss.xml")}
    expected |= {f"{folder}/feed.json" for folder in PER_FEED}
    assert set(files) == expected

    for name, data in files.items():
        if name.endswith("atom.xml"):
            root = etree.fromstring(data)
            assert SCHEMA.validate(root), (name, SCHEMA.error_log)
            # RFC 4287's rules that RELAX NG cannot say: an author for every entry (its own or
            # the feed's), one alternate link, a self link, absolute ids.
            feed_has_author = root.find(f"{ATOM}author") is not None
            for entry in root.iter(f"{ATOM}entry"):
                assert feed_has_author or entry.find(f"{ATOM}author") is not None, name
                alternates = [
                    link
                    for link in entry.findall(f"{ATOM}link")
                    if link.get("rel", "alternate") == "alternate"
                ]
                assert len(alternates) == 1
                assert entry.findtext(f"{ATOM}id").startswith("https://")
            selfs = [link for link in root.findall(f"{ATOM}link") if link.get("rel") == "self"]
            assert [link.get("href") for link in selfs] == [BASE + name]
        if name.endswith(".xml"):
            parsed = feedparser.parse(data)
            assert not parsed.bozo, (name, parsed.get("bozo_exception"))
            assert parsed.entries


def test_rss_has_the_required_elements(shared_build):
    app = shared_build("feeds")
    for folder, docnames in PER_FEED.items():
        root = etree.parse(str(Path(app.outdir, folder, "rss.xml"))).getroot()
        assert root.tag == "rss" and root.get("version") == "2.0"
        channel = root.find("channel")
        for required in ("title", "link", "description"):
            assert (channel.findtext(required) or "").strip(), (folder, required)
        assert channel.findtext("link").startswith(BASE + folder)
        items = channel.findall("item")
        assert [i.findtext("guid") for i in items] == [post_id(d) for d in docnames]
        assert [i.findtext("link") for i in items] == [post_url(d) for d in docnames]
        for item in items:
            assert item.findtext("title") or item.findtext("description")
            # the guid is not where the post is (that is its link): not a permalink
            assert item.find("guid").get("isPermaLink") == "false"
            assert email.utils.parsedate_to_datetime(item.findtext("pubDate")).tzinfo
    first = etree.parse(str(Path(app.outdir, "blog/rss.xml"))).getroot()
    item = next(i for i in first.iter("item") if i.findtext("title") == "First post")
    # RSS's <author> must be an e-mail address: Ada has one, Bob only a name
    assert item.findtext("author") == "ada@example.org (Ada Lovelace)"
    creators = item.findall("{http://purl.org/dc/elements/1.1/}creator")
    assert [c.text for c in creators] == ["Bob"]
    # a tag's label is its most used spelling ("python" twice, "Python" once)
    assert [c.text for c in item.findall("category")] == ["python", "news"]


def test_json_feed_has_the_required_keys(shared_build):
    app = shared_build("feeds")
    for folder, docnames in PER_FEED.items():
        feed = json.loads(Path(app.outdir, folder, "feed.json").read_text(encoding="utf-8"))
        assert feed["version"] == "https://jsonfeed.org/version/1.1"
        assert feed["title"]
        assert feed["feed_url"] == f"{BASE}{folder}/feed.json"
        assert feed["home_page_url"].startswith(BASE)
        assert [item["id"] for item in feed["items"]] == [post_id(d) for d in docnames]
        assert [item["url"] for item in feed["items"]] == [post_url(d) for d in docnames]
        for item in feed["items"]:
            assert item.get("content_html") or item.get("content_text")
            assert item["date_published"].startswith("20")
    blog = json.loads(Path(app.outdir, "blog/feed.json").read_text(encoding="utf-8"))
    first = next(i for i in blog["items"] if i["title"] == "First post")
    assert first["authors"] == [
        {
            "name": "Ada Lovelace",
            "url": "https://ada.example",
            "avatar": "https://ada.example/ada.png",
        },
        {"name": "Bob", "url": BASE + "blog/authors/bob.html"},
    ]
    assert first["tags"] == ["python", "news"]
    assert blog["favicon"] == "https://example.org/favicon.ico"
    # the post's image, a file beside it, as the address of its copy
    second = next(i for i in blog["items"] if i["title"] == "Second post")
    assert second["image"].startswith(BASE + "_static/")
    assert Path(app.outdir, second["image"].removeprefix(BASE)).is_file()


# -- what the entries say ----------------------------------------------------------------------


def test_feed_and_entry_fields(shared_build):
    app = shared_build("feeds")
    root = atom(app)
    assert root.findtext(f"{ATOM}id") == BASE + "blog/atom.xml"
    assert root.findtext(f"{ATOM}title") == "Blog"
    assert root.findtext(f"{ATOM}subtitle") == "News from the Feeds project"
    assert root.findtext(f"{ATOM}rights") == "2024, The Feeds Team"
    assert root.findtext(f"{ATOM}icon") == "https://example.org/favicon.ico"
    assert root.findtext(f"{ATOM}logo") == BASE + "_static/logo.png"
    assert Path(app.outdir, "_static/logo.png").is_file()
    # Sphinx's "en_GB" as a language tag
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en-GB"
    assert root.findtext(f"{ATOM}generator") == "sphinx-blogposts"
    # the newest entry's updated (second post, updated 2024-03-01 10:30+01:00), never the build time
    assert root.findtext(f"{ATOM}updated") == "2024-03-01T10:30:00+01:00"
    alternate = next(link for link in root.findall(f"{ATOM}link") if link.get("rel") == "alternate")
    assert alternate.get("href") == BASE + "blog/index.html"
    # the post without author gets the project's author at feed level
    assert root.findtext(f"{ATOM}author/{ATOM}name") == "The Feeds Team"

    entries = {e.findtext(f"{ATOM}title"): e for e in root.iter(f"{ATOM}entry")}
    assert entry_ids(root) == [post_id(d) for d in BLOG]
    second = entries["Second post"]
    assert second.findtext(f"{ATOM}published") == "2024-02-01T00:00:00+00:00"
    assert second.findtext(f"{ATOM}updated") == "2024-03-01T10:30:00+01:00"
    assert second.findtext(f"{ATOM}summary") == "The second one, with a description."
    assert second.find(f"{ATOM}link").get("href") == post_url("blog/second")

    first = entries["First post"]
    authors = [
        {child.tag.removeprefix(ATOM): child.text for child in author}
        for author in first.findall(f"{ATOM}author")
    ]
    assert authors == [
        {"name": "Ada Lovelace", "email": "ada@example.org", "uri": "https://ada.example"},
        {"name": "Bob", "uri": BASE + "blog/authors/bob.html"},
    ]
    categories = [(c.get("term"), c.get("label")) for c in first.findall(f"{ATOM}category")]
    assert categories == [("python", "python"), ("news", "news")]
    # no description: the summary is the excerpt as text
    assert first.findtext(f"{ATOM}summary").startswith("The first post links to the other page")
    # full content by default: the part after the excerpt marker is there, the title is not
    content = first.find(f"{ATOM}content")
    assert content.get("type") == "html"
    body = BeautifulSoup(content.text, "html.parser")
    assert "Only in the full post." in body.get_text()
    assert body.find("h1") is None
    assert "¶" not in body.get_text()
    assert "blogposts-post-header" not in content.text
    assert "blogposts-post-nav" not in content.text


def test_links_and_images_in_content_are_absolute(shared_build):
    app = shared_build("feeds")
    outdir = Path(app.outdir)
    parsed = feedparser.parse(outdir.joinpath("blog/tags/news/atom.xml").read_bytes())
    entry = next(e for e in parsed.entries if e.title == "First post")
    body = BeautifulSoup(entry.content[0].value, "html.parser")
    hrefs = [a["href"] for a in body.find_all("a")]
    srcs = [img["src"] for img in body.find_all("img")]
    assert hrefs and srcs
    for url in hrefs + srcs:
        assert url.startswith(BASE), url
    assert BASE + "other.html" in hrefs
    assert BASE + "other.html#other-target" in hrefs
    assert post_url("blog/first/index") + "#more-details" in hrefs
    # the image beside the post is copied where the feed says it is
    assert len(srcs) == 2
    for src in srcs:
        assert outdir.joinpath(src.removeprefix(BASE)).is_file(), src


def test_excerpt_content_and_feed_length(shared_build):
    app = shared_build(
        "feeds",
        "html",
        confoverrides={"blogposts_feed_content": "excerpt", "blogposts_feed_length": 2},
    )
    root = atom(app)
    assert entry_ids(root) == [post_id(d) for d in BLOG[:2]]
    tag_root = atom(app, "blog/tags/python")
    assert entry_ids(tag_root) == [post_id(d) for d in PER_FEED["blog/tags/python"][:2]]
    first = next(e for e in atom(app, "blog/tags/news").iter(f"{ATOM}entry"))
    content = first.find(f"{ATOM}content").text
    assert "graph" in content and "Only in the full post." not in content
    assert f'src="{BASE}' in content


def test_no_content_keeps_summary_and_link(shared_build):
    app = shared_build("feeds", confoverrides={"blogposts_feed_content": "none"})
    root = atom(app)
    assert SCHEMA.validate(root), SCHEMA.error_log
    for entry in root.iter(f"{ATOM}entry"):
        assert entry.find(f"{ATOM}content") is None
        assert entry.findtext(f"{ATOM}summary")
    feed = json.loads(Path(app.outdir, "blog/feed.json").read_text(encoding="utf-8"))
    assert all("content_text" in item for item in feed["items"])


def test_tag_and_author_feeds_hold_exactly_their_posts(shared_build):
    app = shared_build("feeds")
    for folder, docnames in PER_FEED.items():
        root = atom(app, folder)
        assert entry_ids(root) == [post_id(d) for d in docnames], folder
        assert root.findtext(f"{ATOM}id") == f"{BASE}{folder}/atom.xml"
    ids = {atom(app, folder).findtext(f"{ATOM}id") for folder in PER_FEED}
    assert len(ids) == len(PER_FEED)
    python = atom(app, "blog/tags/python")
    assert python.findtext(f"{ATOM}title") == "Blog: Posts tagged “python”"
    assert (
        next(
            link.get("href")
            for link in python.findall(f"{ATOM}link")
            if link.get("rel") == "alternate"
        )
        == BASE + "blog/tags/python.html"
    )
    bob = atom(app, "blog/authors/bob")
    assert bob.findtext(f"{ATOM}author/{ATOM}name") == "Bob"


def test_archive_feeds_can_be_turned_off_and_their_files_go(make_app, editable_root, tmp_path):
    srcdir, builddir = editable_root("feeds"), tmp_path / "build"
    app = make_app("html", srcdir=srcdir, builddir=builddir, freshenv=True)
    app.build()
    assert Path(app.outdir, "blog/tags/python/rss.xml").is_file()
    off = {"blogposts_feed_archives": False, "blogposts_feed_formats": ["atom"]}
    app2 = make_app("html", srcdir=srcdir, builddir=builddir, confoverrides=off)
    app2.build()
    assert set(feed_files(Path(app2.outdir))) == {"blog/atom.xml"}
    assert not Path(app2.outdir, "blog/tags/python").exists()
    assert alternates_of(Path(app2.outdir, "blog/tags/python.html")) == {
        "application/atom+xml": "../atom.xml"
    }


def test_hostile_title_is_escaped_exactly_once(shared_build, page):
    app = shared_build("feeds")
    data = Path(app.outdir, "blog/atom.xml").read_bytes()
    assert b"<script>" not in data
    assert b"&lt;script&gt;" in data
    assert b"&amp;lt;" not in data and b"&amp;amp;" not in data
    parsed = feedparser.parse(data)
    assert not parsed.bozo
    root = etree.fromstring(data)
    titles = [e.findtext(f"{ATOM}title") for e in root.iter(f"{ATOM}entry")]
    assert HOSTILE in titles
    rss = etree.parse(str(Path(app.outdir, "blog/rss.xml"))).getroot()
    assert HOSTILE in [i.findtext("title") for i in rss.iter("item")]
    feed = json.loads(Path(app.outdir, "blog/feed.json").read_text(encoding="utf-8"))
    assert HOSTILE in [item["title"] for item in feed["items"]]


# -- pages link to their feeds ----------------------------------------------------------------


def alternates_of(path: Path) -> dict[str, str]:
    return alternates(BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser"))


def alternates(soup: BeautifulSoup) -> dict[str, str]:
    return {
        link["type"]: link["href"]
        for link in soup.head.find_all("link", rel="alternate")
        if "feed" in link["type"] or "xml" in link["type"]
    }


def test_blog_pages_link_to_their_feed(shared_build, page):
    app = shared_build("feeds")
    outdir = Path(app.outdir)
    cases = {
        "blog/index.html": "blog",
        "blog/tags/python.html": "blog/tags/python",
        "blog/authors/ada.html": "blog/authors/ada",
        "blog/tags/index.html": "blog",
        "blog/archive.html": "blog",
        "blog/first/index.html": "blog",
        "blog/second.html": "blog",
    }
    for name, folder in cases.items():
        links = alternates(page(app, name))
        assert set(links) == {
            "application/atom+xml",
            "application/rss+xml",
            "application/feed+json",
        }, name
        for media, file in (
            ("application/atom+xml", "atom.xml"),
            ("application/rss+xml", "rss.xml"),
            ("application/feed+json", "feed.json"),
        ):
            target = posixpath.normpath(posixpath.join(posixpath.dirname(name), links[media]))
            assert target == f"{folder}/{file}", name
            assert outdir.joinpath(target).is_file()
    assert alternates(page(app, "index.html")) == {}
    hostile = page(app, "blog/tags/security.html").head.find("link", rel="alternate")
    assert hostile["title"] == "Blog: Posts tagged “security” (Atom)"

    visible = page(app, "blog/index.html").select(".blogposts-feeds a.blogposts-feed-link")
    assert [(a.get_text(), a["href"]) for a in visible] == [
        ("Atom", "atom.xml"),
        ("RSS", "rss.xml"),
        ("JSON Feed", "feed.json"),
    ]
    tag_links = page(app, "blog/tags/python.html").select("a.blogposts-feed-link")
    assert tag_links[0]["href"] == "python/atom.xml"


def test_dirhtml_urls(shared_build, page):
    app = shared_build("feeds", "dirhtml")
    root = atom(app)
    assert entry_ids(root)[0] == BASE + "blog/second"  # as in html: the id is no page's URL
    assert root.find(f"{ATOM}entry/{ATOM}link").get("href") == BASE + "blog/second/"
    assert SCHEMA.validate(root), SCHEMA.error_log
    links = alternates(page(app, "blog/second/index.html"))
    assert links["application/atom+xml"] == "../atom.xml"


# -- inputs that need care ---------------------------------------------------------------------


def test_without_baseurl_feeds_are_written_with_one_warning(build):
    app = build(confoverrides={"html_baseurl": ""})
    warnings = blog_warnings(app)
    assert len(warnings) == 1
    assert "html_baseurl" in warnings[0] and "[blogposts.feed]" in warnings[0]
    outdir = Path(app.outdir)
    for folder in PER_FEED:
        root = atom(app, folder)
        assert SCHEMA.validate(root), SCHEMA.error_log
        ids = entry_ids(root)
        assert all(i.startswith("urn:uuid:") for i in ids)
        assert root.findtext(f"{ATOM}id").startswith("urn:uuid:")
        # relative links resolve from the feed's own location
        for entry in root.iter(f"{ATOM}entry"):
            href = entry.find(f"{ATOM}link").get("href")
            assert outdir.joinpath(folder, href).resolve().is_file(), href
    content = next(atom(app, "blog/tags/news").iter(f"{ATOM}entry")).findtext(f"{ATOM}content")
    for img in BeautifulSoup(content, "html.parser").find_all("img"):
        assert outdir.joinpath("blog/tags/news", img["src"]).resolve().is_file(), img["src"]
    again = build(confoverrides={"html_baseurl": ""})
    assert entry_ids(atom(again)) == entry_ids(atom(app))


def test_control_characters_are_dropped_with_one_located_warning(shared_build):
    app = shared_build("feeds-control-characters")
    warnings = blog_warnings(app)
    assert len(warnings) == 1, warnings
    assert "bell.md:6:" in warnings[0] and "[blogposts.feed]" in warnings[0]
    # the post is in three feeds (blog, tag a, tag b): each is well-formed and valid
    for folder in ("blog", "blog/tags/a", "blog/tags/b"):
        data = Path(app.outdir, folder, "atom.xml").read_bytes()
        root = etree.fromstring(data)
        assert SCHEMA.validate(root), SCHEMA.error_log
        assert "Bell title" in [e.findtext(f"{ATOM}title") for e in root.iter(f"{ATOM}entry")]
        assert b"formfeed and a  start" in data
        assert not feedparser.parse(Path(app.outdir, folder, "rss.xml").read_bytes()).bozo


def test_invalid_feed_options_warn_and_use_defaults(shared_build):
    app = shared_build(
        "feeds",
        "html",
        confoverrides={
            "blogposts_feed_formats": ["atom", "yaml"],
            "blogposts_feed_length": 0,
            "blogposts_feed_content": "everything",
        },
    )
    warnings = blog_warnings(app)
    assert len(warnings) == 3
    for name in ("blogposts_feed_formats", "blogposts_feed_length", "blogposts_feed_content"):
        assert any(name in w and "[blogposts.config]" in w for w in warnings), name
    assert len(entry_ids(atom(app))) == len(BLOG)


# -- builds: deterministic, incremental, parallel -----------------------------------------------


def test_two_clean_builds_are_byte_identical(build):
    first = feed_files(Path(build().outdir))
    second = feed_files(Path(build().outdir))
    assert first and first == second


def test_parallel_build_writes_the_same_feeds(build):
    serial = feed_files(Path(build().outdir))
    app = build(parallel=2)
    assert feed_files(Path(app.outdir)) == serial
    # posts are written by worker processes there: they still link to the feed
    links = alternates_of(Path(app.outdir, "blog/second.html"))
    assert links["application/atom+xml"] == "atom.xml"


def test_incremental_edit_add_and_remove(make_app, editable_root, tmp_path):
    srcdir = editable_root("feeds")
    builddir = tmp_path / "build"
    app = make_app("html", srcdir=srcdir, builddir=builddir, freshenv=True)
    app.build()
    before = feed_files(Path(app.outdir))
    assert "blog/tags/security/atom.xml" in before

    # edit a post, add one, remove the only post of the "security" tag
    second = srcdir / "blog/second.md"
    second.write_text(
        second.read_text(encoding="utf-8").replace("Second post body.", "Rewritten body."),
        encoding="utf-8",
    )
    (srcdir / "blog/third.md").write_text(
        "---\ntitle: Third post\ndate: 2024-05-01\nauthors: [bob]\ntags: [python]\n---\n\n"
        "Brand new.\n",
        encoding="utf-8",
    )
    (srcdir / "blog/hostile.md").unlink()
    app2 = make_app("html", srcdir=srcdir, builddir=builddir)
    app2.build()
    outdir = Path(app2.outdir)
    after = feed_files(outdir)
    assert "blog/tags/security/atom.xml" not in after
    assert not outdir.joinpath("blog/tags/security/rss.xml").exists()

    expected = {
        "blog": ["blog/third", "blog/second", "blog/first/index", "blog/nobody"],
        "blog/tags/python": ["blog/third", "blog/second", "blog/first/index"],
        "blog/authors/bob": ["blog/third", "blog/first/index"],
        "blog/authors/ada": ["blog/second", "blog/first/index"],
    }
    for folder, docnames in expected.items():
        assert entry_ids(atom(app2, folder)) == [post_id(d) for d in docnames], folder
        items = json.loads(outdir.joinpath(folder, "feed.json").read_text(encoding="utf-8"))
        assert [i["id"] for i in items["items"]] == [post_id(d) for d in docnames]
    entry = next(
        e
        for e in atom(app2, "blog/authors/ada").iter(f"{ATOM}entry")
        if e.findtext(f"{ATOM}title") == "Second post"
    )
    assert "Rewritten body." in entry.findtext(f"{ATOM}content")
    assert atom(app2).findtext(f"{ATOM}updated") == "2024-05-01T00:00:00+00:00"
    # feeds nothing changed in keep their bytes
    assert after["blog/tags/news/atom.xml"] == before["blog/tags/news/atom.xml"]


def test_only_the_feeds_of_a_changed_post_are_rendered_again(make_app, editable_root, tmp_path):
    srcdir, builddir = editable_root("feeds"), tmp_path / "build"
    app = make_app("html", srcdir=srcdir, builddir=builddir, freshenv=True)
    app.build()
    outdir = Path(app.outdir)

    def mtimes():
        return {name: outdir.joinpath(name).stat().st_mtime_ns for name in feed_files(outdir)}

    before = mtimes()
    app2 = make_app("html", srcdir=srcdir, builddir=builddir)
    app2.build()
    assert "no targets are out of date" in app2.status.getvalue()
    assert mtimes() == before
    renderer = domain_of(app2.env).cache.part(Renderers).renderer
    assert renderer is None or renderer.fragments.body_count == 0

    hostile = srcdir / "blog/hostile.md"
    hostile.write_text(hostile.read_text(encoding="utf-8") + "\nEdited.\n", encoding="utf-8")
    app3 = make_app("html", srcdir=srcdir, builddir=builddir)
    app3.build()
    after = mtimes()
    changed = {name.rsplit("/", 1)[0] for name in after if after[name] != before[name]}
    assert changed == {"blog", "blog/tags/security", "blog/authors/bob"}
    # the posts of those three feeds are taken from their written pages: none is rendered
    # again (the edited one was just written, the others are on disk from the first build)
    renderer = domain_of(app3.env).cache.part(Renderers).renderer
    assert renderer is not None and renderer.fragments.body_count == 0
    assert "Edited." in atom(app3, "blog/tags/security").findtext(f"{ATOM}entry/{ATOM}content")


def test_feed_of_an_unwritten_post_still_has_its_images(make_app, editable_root, tmp_path):
    """Editing one post rewrites its feeds, most of whose other posts' pages are not
    written again: the feed itself must make their images be copied."""
    srcdir, builddir = editable_root("feeds"), tmp_path / "build"
    app = make_app("html", srcdir=srcdir, builddir=builddir, freshenv=True)
    app.build()
    outdir = Path(app.outdir)
    shutil.rmtree(outdir / "_images")
    edit = srcdir / "blog/second.md"
    edit.write_text(edit.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    app2 = make_app("html", srcdir=srcdir, builddir=builddir)
    app2.build()
    assert "One more line." in atom(app2).findall(f"{ATOM}entry")[0].findtext(f"{ATOM}content")
    first = next(
        e for e in atom(app2).iter(f"{ATOM}entry") if e.findtext(f"{ATOM}title") == "First post"
    )
    srcs = [
        img["src"]
        for img in BeautifulSoup(first.findtext(f"{ATOM}content"), "html.parser").find_all("img")
    ]
    assert len(srcs) == 2  # one in the excerpt, one after it
    for src in srcs:
        assert outdir.joinpath(src.removeprefix(BASE)).is_file(), src


def test_feeds_need_an_html_builder(build):
    app = build(buildername="singlehtml")
    assert feed_files(Path(app.outdir)) == {}
    assert Path(app.outdir, "index.html").is_file()


def test_listed_drafts_stay_out_of_feeds(shared_build, page):
    app = shared_build("feeds", confoverrides={"blogposts_drafts": True})
    titles = [a.get_text() for a in page(app, "blog/index.html").select(".blogposts-card-title a")]
    assert "A draft" in titles
    for folder, docnames in PER_FEED.items():
        assert entry_ids(atom(app, folder)) == [post_id(d) for d in docnames], folder
