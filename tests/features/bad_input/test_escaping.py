"""Nothing a post says escapes: not as markup into any page, not as a path out of the output."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import soup_of

PAYLOAD = '"><script>alert(1)</script>'
ESCAPED_TWICE = re.compile(r"&amp;(?:amp|lt|gt|quot|#34|#39|#x27);")
EVIL = "blog/2024-01-02-evil.html"
SYMBOLS = "blog/2024-01-01-symbols.html"
ATTRIBUTE_NAME = re.compile(r"^[a-zA-Z_:][-a-zA-Z0-9_:.]*$")


def build(make_app, srcdir, **kwargs):
    app = make_app("html", srcdir=srcdir, freshenv=True, **kwargs)
    app.build()
    return app


def html_pages(app):
    return sorted(Path(app.outdir).rglob("*.html"))


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    return {
        p.relative_to(root).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in root.rglob("*")
        if p.is_file()
    }


@pytest.mark.parametrize("theme", ["alabaster", "classic"])
def test_no_page_carries_an_injected_script(make_app, editable_root, theme):
    # classic shows the page title in its relation bar, which Sphinx writes unescaped
    app = build(make_app, editable_root("escaping"), confoverrides={"html_theme": theme})
    pages = html_pages(app)
    names = {p.relative_to(app.outdir).as_posix() for p in pages}
    assert {EVIL, "blog/index.html", "blog/archive.html", "blog/tags/index.html"} <= names
    assert {"blog/authors/index.html", "index.html"} <= names
    for path in pages:
        raw = path.read_text(encoding="utf-8")
        rel = path.relative_to(app.outdir)
        assert "<script>alert" not in raw, rel
        assert not ESCAPED_TWICE.search(raw), rel
        soup = soup_of(path)
        scripts = [s for s in soup.find_all("script") if "alert" in s.get_text()]
        # structured data is not run: the payload may be in it, as a JSON string, never as markup
        data = [s for s in scripts if s.get("type") == "application/ld+json"]
        assert [s for s in scripts if s not in data] == [], rel
        for script in data:
            assert "<" not in script.get_text() and PAYLOAD in json.dumps(
                json.loads(script.get_text()), ensure_ascii=False
            ), rel
        for tag in soup.find_all(True):
            for name in tag.attrs:
                assert ATTRIBUTE_NAME.match(name), f"{rel}: attribute {name!r} on <{tag.name}>"


def test_injected_values_read_as_text(make_app, editable_root, page):
    app = build(make_app, editable_root("escaping"))
    index = page(app, "blog/index.html")
    card = index.select_one(".blogposts-card")
    assert card.select_one(".blogposts-card-title a").get_text() == PAYLOAD
    assert card.select_one(".blogposts-author").get_text(strip=True) == PAYLOAD
    assert [t.get_text() for t in card.select(".blogposts-tag")] == [PAYLOAD, "../../etc"]
    assert card.select_one(".blogposts-excerpt").get_text(strip=True) == PAYLOAD  # description

    post = page(app, EVIL)
    heading = post.find("h1")
    for link in heading.select("a.headerlink"):
        link.decompose()
    assert "<script>alert(1)</script>" in heading.get_text()

    line = page(app, "index.html").select_one("ul.blogposts-postlist > li").get_text()
    assert line == f"{PAYLOAD} / {PAYLOAD} / {PAYLOAD}, ../../etc / {PAYLOAD}"

    author = page(app, "blog/authors/index.html").select_one(".blogposts-author-index li")
    assert author.select_one(".blogposts-author-title").get_text() == PAYLOAD
    assert author.select_one("img")["src"] == PAYLOAD  # an attribute value, kept whole


def test_no_file_is_written_outside_the_output(make_app, editable_root):
    srcdir = editable_root("escaping")
    root = srcdir.parent
    before = snapshot(root)
    app = build(make_app, srcdir)
    out = Path(app.outdir).resolve()
    doctrees = Path(app.doctreedir).resolve()
    assert out.is_relative_to(root) and doctrees.is_relative_to(root)

    after = snapshot(root)
    changed = {name for name, stat in after.items() if before.get(name) != stat}
    assert set(before) <= set(after)  # nothing removed
    outside = {
        name
        for name in changed
        if not ((root / name).resolve().is_relative_to(out))
        and not ((root / name).resolve().is_relative_to(doctrees))
    }
    assert outside == set()

    # every page the blog generated stayed in the blog folder, named by safe slugs
    documents = {"index", "genindex", "search", EVIL[:-5], SYMBOLS[:-5]}
    generated = {
        p.relative_to(out).with_suffix("").as_posix() for p in out.rglob("*.html")
    } - documents
    assert generated and all(name.startswith("blog/") for name in generated), generated
    assert "blog/tags/etc" in generated  # the tag "../../etc"
    assert "blog/authors/x" in generated  # the author "../../../x"
    assert not [name for name in generated if ".." in name or "<" in name or '"' in name]


def test_markup_characters_in_tags_are_escaped_exactly_once(make_app, editable_root, page):
    app = build(make_app, editable_root("escaping"))
    tags = page(app, SYMBOLS).select(".blogposts-post-header .blogposts-tag")
    assert [t.get_text() for t in tags] == ["a & b", "<b>bold</b>", 'say "hi"', "it's"]
    assert all(t.find("b") is None for t in tags)

    raw = Path(app.outdir, SYMBOLS).read_text(encoding="utf-8")
    assert "a &amp; b</a>" in raw
    card = page(app, "blog/index.html").select(".blogposts-card-title a")
    assert [a.get_text() for a in card] == [PAYLOAD, "Symbols & <friends>"]

    bold = next(Path(app.outdir, "blog/tags").glob("b-bold-b*.html"))
    title = soup_of(bold).find("title").get_text()
    assert title.startswith("Posts tagged “<b>bold</b>”"), title
    for path in html_pages(app):
        text = path.read_text(encoding="utf-8")
        assert not ESCAPED_TWICE.search(text), path.relative_to(app.outdir)
