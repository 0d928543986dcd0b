"""schema.org JSON-LD: a BlogPosting on each post, a Blog on index pages, a ProfilePage
on author pages; safe inside the script element, and no URL made up."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.conftest import card_titles, soup_of

#: What Google's Article documentation recommends (it requires none of them).
GOOGLE_RECOMMENDED = {"headline", "image", "datePublished", "dateModified", "author"}


def scripts(app, name: str) -> list[Any]:
    soup = soup_of(Path(app.outdir, name))
    return [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]


def jsonld(app, name: str) -> dict[str, Any]:
    (data,) = scripts(app, name)  # exactly one per page
    return data


def test_post_page_blogposting(shared_build):
    app = shared_build("pins-authors-updates")
    data = jsonld(app, "blog/2024-01-01-first.html")
    assert set(data) >= GOOGLE_RECOMMENDED
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "BlogPosting"
    assert data["headline"] == "The first post"
    assert data["description"] == "What the first post is about."
    assert data["datePublished"] == "2024-01-01T00:00:00+00:00"
    assert data["dateModified"] == "2024-02-01T00:00:00+00:00"
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Ada Lovelace",
            "url": "https://example.org/docs/blog/authors/ada.html",
            "sameAs": ["https://ada.example.org/"],
        },
        {"@type": "Person", "name": "Bob", "url": "https://example.org/docs/blog/authors/bob.html"},
    ]
    assert data["image"] == ["https://example.org/docs/_static/blogposts/blog/cover.png"]
    assert Path(app.outdir, "_static/blogposts/blog/cover.png").is_file()
    assert data["keywords"] == ["Sphinx", "Q&A"]
    assert data["url"] == "https://example.org/docs/blog/2024-01-01-first.html"
    assert data["publisher"] == {
        "@type": "Organization",
        "name": "Structured & Co",
        "url": "https://example.org/docs/",
    }
    assert data["isPartOf"] == {
        "@type": "Blog",
        "name": "Blog",
        "url": "https://example.org/docs/blog/index.html",
    }
    # a post without description, tags or image: nothing is empty
    plain = jsonld(app, "blog/2024-01-07-plain.html")
    assert not {"description", "image", "keywords", "author"} & set(plain)
    # in the head, where every theme writes the page's metatags
    head = soup_of(Path(app.outdir, "blog/2024-01-01-first.html")).head
    assert head.find("script", type="application/ld+json") is not None


def test_nothing_can_end_the_script_element(shared_build):
    app = shared_build("pins-authors-updates")
    html = Path(app.outdir, "blog/2024-01-04-evil.html").read_text(encoding="utf-8")
    start = html.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">'
    )
    text = html[start : html.index("</script>", start)]
    assert "<" not in text and ">" not in text and "&" not in text
    data = json.loads(text)
    assert data["headline"] == "</script><script>alert(1)</script>"
    assert data["keywords"] == ["</script>"]
    assert data["description"].startswith("<b>bold</b> & 'quotes'")
    soup = soup_of(Path(app.outdir, "blog/2024-01-04-evil.html"))
    assert not [
        s
        for s in soup.find_all("script")
        if "alert(1)" in (s.string or "") and s.get("type") != "application/ld+json"
    ]


def test_index_pages_list_their_posts(shared_build):
    app = shared_build("pins-authors-updates")
    for name in ("blog/index.html", "blog/page/2.html", "blog/page/3.html"):
        data = jsonld(app, name)
        assert data["@type"] == "Blog"
        assert data["url"] == "https://example.org/docs/" + name
        titles = card_titles(soup_of(Path(app.outdir, name)))
        assert [p["headline"] for p in data["blogPost"]] == titles
        for post in data["blogPost"]:
            assert post["@type"] == "BlogPosting"
            assert post["url"].startswith("https://example.org/docs/blog/2")
            assert post["datePublished"][10] == "T"
    # pages that are not index or author pages carry none
    for name in ("blog/tags/sphinx.html", "blog/archive.html", "blog/tags/index.html", "news.html"):
        assert scripts(app, name) == [], name


def test_author_page_profile(shared_build):
    app = shared_build("pins-authors-updates")
    data = jsonld(app, "blog/authors/ada.html")
    assert data == {
        "@context": "https://schema.org",
        "@type": "ProfilePage",
        "url": "https://example.org/docs/blog/authors/ada.html",
        "mainEntity": {
            "@type": "Person",
            "name": "Ada Lovelace",
            "description": "Engine programmer",
            "url": "https://example.org/docs/blog/authors/ada.html",
            "sameAs": ["https://ada.example.org/"],
        },
    }


def _all_urls(value: Any) -> list[str]:
    if isinstance(value, dict):  # the @context is the vocabulary, not a link
        return [u for k, v in value.items() if k != "@context" for u in _all_urls(v)]
    if isinstance(value, list):
        return [u for v in value for u in _all_urls(v)]
    return [value] if isinstance(value, str) and "://" in value else []


def test_without_baseurl_no_url_is_made_up(shared_build):
    app = shared_build("pins-authors-updates", confoverrides={"html_baseurl": ""})
    post = jsonld(app, "blog/2024-01-01-first.html")
    assert "url" not in post and "image" not in post and "mainEntityOfPage" not in post
    # only what the authors map says, which is already a full URL
    assert post["author"] == [
        {"@type": "Person", "name": "Ada Lovelace", "url": "https://ada.example.org/"},
        {"@type": "Person", "name": "Bob"},
    ]
    assert _all_urls(post) == ["https://ada.example.org/"]
    index = jsonld(app, "blog/index.html")
    assert "url" not in index and all("url" not in p for p in index["blogPost"])
    assert _all_urls(jsonld(app, "blog/authors/ada.html")) == ["https://ada.example.org/"]


def test_dirhtml_urls(shared_build):
    app = shared_build("pins-authors-updates", "dirhtml")
    post = jsonld(app, "blog/2024-01-01-first/index.html")
    assert post["url"] == "https://example.org/docs/blog/2024-01-01-first/"
    assert post["author"][0]["url"] == "https://example.org/docs/blog/authors/ada/"
    assert post["isPartOf"]["url"] == "https://example.org/docs/blog/"
    index = jsonld(app, "blog/index.html")
    assert index["url"] == "https://example.org/docs/blog/"
    assert index["blogPost"][0]["url"] == "https://example.org/docs/blog/2023-06-01-pinned/"
    assert jsonld(app, "blog/authors/ada/index.html")["@type"] == "ProfilePage"
