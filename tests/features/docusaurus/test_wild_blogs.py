"""Docusaurus blogs as people write them: titles, static files, JSX, dates in paths, empty excerpts.

The root ``test-docusaurus-wild`` is shaped after what Docusaurus documents for its blog
plugin: posts titled by front matter, by a leading H1 or only by their file name; files
of ``static/`` named by root paths in Markdown, raw HTML, ``require()`` and front matter;
JSX written over several lines with attributes in braces; dates anywhere in the path;
a truncate marker before any content. It has exactly two warnings, on purpose: an
image in neither the static nor the source folder, and an unknown JSX component.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse
from xml.etree import ElementTree

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

from tests.conftest import ROOTS, build_copy, card, card_titles, soup_of


def _build(
    tmp_path_factory: pytest.TempPathFactory, builder: str, **kwargs: object
) -> SphinxTestApp:
    return build_copy(
        tmp_path_factory.mktemp(f"wild-{builder}"), "docusaurus-wild", builder, **kwargs
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return _build(tmp_path_factory, "html")


def out(app: SphinxTestApp) -> Path:
    return Path(app.outdir)


def page(app: SphinxTestApp, name: str):  # type: ignore[no-untyped-def]
    return soup_of(out(app) / name)


def warnings(app: SphinxTestApp) -> list[str]:
    text = strip_escape_sequences(app.warning.getvalue())
    return [line for line in text.splitlines() if line.strip()]


def main(soup):  # type: ignore[no-untyped-def]
    return soup.select_one("div[role=main]")


def resolves(outdir: Path, pagename: str, url: str) -> bool:
    """Whether ``url``, as written on ``pagename``, names a file of the output folder."""
    target = urlparse(urljoin("http://x/" + pagename, url)).path.lstrip("/")
    if target.endswith("/") or not target:  # dirhtml: a folder's index.html
        target += "index.html"
    return (outdir / unquote(target)).is_file()


def local_urls(soup, attrs=("src", "href", "poster")) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    found = []
    for element in main(soup).find_all(True):
        for attr in attrs:
            value = element.get(attr)
            if value and not value.startswith(("http:", "https:", "#", "mailto:")):
                found.append((element.name, value))
    return found


def style_of(element) -> dict[str, str]:  # type: ignore[no-untyped-def]
    pairs = [p.split(":", 1) for p in element.get("style", "").split(";") if p.strip()]
    return {k.strip(): v.strip() for k, v in pairs}


# -- warnings -------------------------------------------------------------------------------


def test_only_the_two_deliberate_warnings(built):
    found = warnings(built)
    assert len(found) == 2, "\n".join(found)
    missing, jsx = sorted(found)
    assert "2024-02-01-static-files.md:34:" in missing
    assert "'/img/missing.png'" in missing and missing.endswith("[blogposts.image]")
    assert "2024-03-01-jsx-forms.mdx:42:" in jsx
    # one warning for the post: the first tag with no HTML form, and how many more
    assert "<Highlight" in jsx and "(and 3 more)" in jsx and jsx.endswith("[blogposts.mdx]")
    assert not [w for w in found if "myst.header" in w or "not_readable" in w]


# -- titles ---------------------------------------------------------------------------------

TITLES = {
    "blog/2024/01/05/title-and-h1/index.html": "Release candidates are here",
    "blog/2024/01/06/late-h1/index.html": "A heading after the intro",
    "blog/2024/01/07/untitled-post/index.html": "untitled-post",
    "blog/2024/01/08/folder-post/index.html": "folder-post",
    "blog/2024/01/09/heading-title/index.html": "The heading is the title",
    "blog/2024/01/10/raw-heading/index.html": "Heading 1",
    "blog/2024/01/11/meta-title/index.html": "The long and descriptive title of this post",
    "blog/2024/01/12/setext/index.html": "A setext title",
    # the closing '---' ends the file: the title must not join its line
    "blog/2024/01/13/front-matter-only/index.html": "A post that is only its front matter",
}


@pytest.mark.parametrize("name", TITLES)
def test_title_as_docusaurus_gives_it(built, name):
    soup = page(built, name)
    title = TITLES[name]
    headings = [h.get_text().rstrip("¶") for h in main(soup).find_all("h1")]
    if "raw-heading" in name:  # the raw <h1> of the content stays raw HTML
        assert headings == [title, "Heading in HTML"]
    else:
        assert headings == [title]
    if "meta-title" not in name:
        assert soup.title.get_text().startswith(f"{title} —")
    assert title in card_titles(page(built, "blog/index.html"))


def test_no_page_is_untitled(built):
    for path in out(built).rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "&lt;no title&gt;" not in text and "<no title>" not in text, path


def test_leading_h1_is_removed_when_front_matter_has_the_title(built):
    soup = page(built, "blog/2024/01/05/title-and-h1/index.html")
    assert "Announcing release candidates" not in soup.get_text()
    assert "TITLE-H1-INTRO" in main(soup).get_text()
    assert [h.get_text().rstrip("¶") for h in main(soup).find_all("h2")] == ["How to try one"]


def test_later_h1_is_a_section_of_the_post(built):
    soup = page(built, "blog/2024/01/06/late-h1/index.html")
    body = main(soup)
    assert [h.get_text().rstrip("¶") for h in body.find_all("h2")] == [
        "The first part",
        "The second part",
    ]
    assert [h.get_text().rstrip("¶") for h in body.find_all("h3")] == ["A detail of the first part"]
    # one title for Sphinx too: the toc has the post's title at its top, the parts below it
    env = built.env
    docname = "blog/2024-01-06-late-h1"
    assert env.titles[docname].astext() == "A heading after the intro"
    toc = env.tocs[docname]
    top = toc[0]
    assert len(toc.children) == 1 and top[0].astext() == "A heading after the intro"
    assert [item[0].astext() for item in top[1].children] == ["The first part", "The second part"]


def test_untitled_post_keeps_its_h2_sections(built):
    soup = page(built, "blog/2024/01/07/untitled-post/index.html")
    assert [h.get_text().rstrip("¶") for h in main(soup).find_all("h2")] == [
        "What happened",
        "What is next",
    ]
    assert "UNTITLED-INTRO" in main(soup).get_text()


def test_title_meta_and_sidebar_label(built):
    soup = page(built, "blog/2024/01/11/meta-title/index.html")
    assert soup.title.get_text().startswith("Short SEO title —")
    recent = page(built, "index.html").select_one(".blogposts-sidebar-recent")
    labels = [a.get_text() for a in recent.select("li a")]
    assert "Short label" in labels
    assert "The long and descriptive title of this post" not in labels
    assert "The long and descriptive title of this post" in card_titles(
        page(built, "blog/index.html")
    )


# -- static files ---------------------------------------------------------------------------

STATIC_POSTS = [
    "blog/2024/02/01/static-files/index.html",
    "blog/2024/02/02/requires/index.html",
    "blog/2024/03/01/jsx-forms/index.html",
]


@pytest.mark.parametrize("name", STATIC_POSTS)
def test_every_local_url_names_a_copied_file(built, name):
    soup = page(built, name)
    urls = local_urls(soup)
    assert urls
    broken = [
        (tag, url)
        for tag, url in urls
        if not resolves(out(built), name, url) and "missing.png" not in url
    ]
    assert broken == []


def test_static_files_of_every_kind(built):
    name = "blog/2024/02/01/static-files/index.html"
    body = main(page(built, name))

    def one(selector: str, attr: str) -> str:
        element = body.select_one(selector)
        assert element is not None, selector
        assert resolves(out(built), name, element[attr]), (selector, element[attr])
        return str(element[attr])

    assert one("img[alt='The diagram']", "src").endswith("diagram.png")
    assert one("img[alt='A photo']", "src").endswith("photo.png")
    assert one("video", "poster").endswith("poster.png")
    assert one("video source", "src").endswith("clip.mp4")
    assert one("audio", "src").endswith("sound.mp3")
    assert one("iframe", "src").endswith("widget.html")
    # a root path that names a page of this project: a link to that page
    embedded = body.select_one("iframe[title='Embedded page']")
    assert embedded["src"] == "../../../../../embed.html"
    post = next(a for a in body.find_all("a") if a.get_text() == "the split-date post")
    assert post["href"] == "../../../../2021/05/12/split-date/index.html"
    reports = [a for a in body.find_all("a") if a.get("href", "").endswith("report.pdf")]
    assert len(reports) == 2 and all(resolves(out(built), name, a["href"]) for a in reports)
    sheet = [a for a in body.find_all("a") if a.get_text() == "the sheet"]
    assert sheet and resolves(out(built), name, sheet[0]["href"])
    # the file in neither folder keeps its path on the site, made relative to the page
    missing = body.select_one("img[alt='Missing']")
    assert missing["src"] == "../../../../../img/missing.png"


def test_require_and_site_alias(built):
    name = "blog/2024/02/02/requires/index.html"
    body = main(page(built, name))
    alts = ("Poster by require", "Logo by alias", "Wide by require", "Logo by base URL")
    for alt in (*alts, "Cover by a relative require"):
        image = body.select_one(f"img[alt='{alt}']")
        assert image is not None, alt
        assert "@site" not in image["src"] and "require" not in image["src"]
        assert resolves(out(built), name, image["src"]), alt
    assert body.select_one("img[alt='Wide by require']")["width"] == "120"
    assert "require(" not in body.get_text() and "useBaseUrl" not in body.get_text()
    video = body.select_one("video.demo-video")
    assert video.has_attr("autoplay") and video.has_attr("playsinline")
    assert resolves(out(built), name, video.select_one("source")["src"])


def test_front_matter_image_from_static_folder(built):
    for name in ("blog/2024/02/01/static-files/index.html", "blog/2024/02/02/requires/index.html"):
        soup = page(built, name)  # image: /img/cover.png, and "@site/static/..."
        og = soup.find("meta", attrs={"property": "og:image"})["content"]
        assert og.startswith("https://example.org/site/"), og
        assert (out(built) / og.removeprefix("https://example.org/site/")).is_file()
    image = card(page(built, "blog/index.html"), "Every static file").select_one(
        ".blogposts-card-image img"
    )
    assert resolves(out(built), "blog/index.html", image["src"])


def test_static_files_in_excerpts_and_feeds(built):
    for listing in ("blog/index.html", "blog/archive.html", "blog/authors/kim.html"):
        soup = page(built, listing)
        if not soup.select(".blogposts-card"):
            continue
        excerpt = card(soup, "Every static file").select_one(".blogposts-excerpt")
        for alt in ("The diagram", "A photo in the excerpt"):  # Markdown, raw HTML
            image = excerpt.select_one(f"img[alt='{alt}']")
            assert resolves(out(built), listing, image["src"]), (listing, alt)
    feed = ElementTree.parse(out(built) / "blog/atom.xml")
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entry = next(
        e
        for e in feed.getroot().findall("a:entry", ns)
        if e.findtext("a:title", namespaces=ns) == "Every static file"
    )
    html = entry.findtext("a:content", namespaces=ns) or ""
    for needle in ("diagram.png", "photo.png", "clip.mp4", "sound.mp3", "poster.png"):
        start = html.index(needle)
        url = html[html.rindex('"', 0, start) + 1 : html.index('"', start)]
        assert url.startswith("https://example.org/site/"), url
        assert (out(built) / url.removeprefix("https://example.org/site/")).is_file(), url


# -- JSX ------------------------------------------------------------------------------------


def test_jsx_becomes_html(built):
    body = main(page(built, "blog/2024/03/01/jsx-forms/index.html"))
    wide = body.select_one("img[alt='A wide screenshot']")
    assert style_of(wide) == {
        "width": "600px",
        "max-width": "100%",
        "border-radius": "8px",
        "opacity": "0.9",
    }
    logo = body.select_one("img[alt='Logo with a width']")
    assert logo["width"] == "280" and logo["class"] == ["logo-image"]
    link = body.select_one("a.product-link")
    assert link["href"] == "https://example.com/product" and link["target"] == "_blank"
    assert link.select_one("img[alt='Logo in a link']") is not None
    box = body.select_one("div.boxed")
    assert style_of(box) == {"padding": "10px", "background-color": "#eee", "z-index": "2"}
    assert "Text inside a styled box." in box.get_text()
    assert body.select_one("label[for='name-field']").get_text() == "A label for a field"
    # an image inside a raw HTML block stays HTML (Markdown is not read there)
    centered = body.select_one("p[align='center'] img[alt='Centered logo']")
    assert resolves(out(built), "blog/2024/03/01/jsx-forms/index.html", centered["src"])
    span = next(s for s in body.find_all("span") if s.get_text() == "inline styled text")
    assert style_of(span) == {"font-weight": "700", "margin-left": "4px"}
    text = body.get_text()
    assert "Docusaurus green" in text and "JSX-INTRO" in text
    # a tag whose attribute names a JavaScript value loses its tags, keeps its text
    assert "Boxed by a variable" in text and "styles.box" not in text
    # and its closing tag goes with it: the page's own elements stay as they were
    html = (out(built) / "blog/2024/03/01/jsx-forms/index.html").read_text(encoding="utf-8")
    assert html.count("<div") == html.count("</div>")


def test_no_jsx_source_shows_as_text(built):
    text = main(page(built, "blog/2024/03/01/jsx-forms/index.html")).get_text()
    needles = ("{{", "}}", "style=", "className", "htmlFor", "<img", "/>", "<Highlight", "={", "![")
    for needle in needles:
        assert needle not in text, needle
    html = (out(built) / "blog/2024/03/01/jsx-forms/index.html").read_text(encoding="utf-8")
    for quote in ("\u201c", "\u201d", "\u2018", "\u2019"):  # no smart quotes in the markup
        assert quote not in html, quote


# -- dates in paths -------------------------------------------------------------------------

DATED = {
    # the file's page -> (date, Docusaurus' URL)
    "blog/2021/05-12-split-date.html": ("2021-05-12", "blog/2021/05/12/split-date"),
    "blog/team-a/2021/06/15/nested-team.html": ("2021-06-15", "blog/2021/06/15/team-a/nested-team"),
    "blog/team-b-2021-07-20-prefixed/index.html": ("2021-07-20", "blog/2021/07/20/team-b-prefixed"),
    "blog/2024-01-08-folder-post/index.html": ("2024-01-08", "blog/2024/01/08/folder-post"),
    "blog/2024-01-05-title-and-h1.html": ("2024-01-05", "blog/2024/01/05/title-and-h1"),
}


@pytest.fixture(scope="module")
def built_at_files(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    """The posts at their files' addresses: Docusaurus' URLs are redirect pages."""
    return _build(tmp_path_factory, "html", confoverrides={"blogposts_post_url": None})


@pytest.mark.parametrize("name", DATED)
def test_dates_anywhere_in_the_path_with_redirects(built, built_at_files, name):
    day, old = DATED[name]
    # by default the post itself is at Docusaurus' URL: no redirect there
    served = page(built, f"{old}/index.html")
    assert served.find("meta", attrs={"http-equiv": "refresh"}) is None
    assert served.select_one("time.blogposts-date")["datetime"].startswith(day)
    # at its file's address, the post has a redirect at Docusaurus' URL
    soup = page(built_at_files, name)
    assert soup.select_one("time.blogposts-date")["datetime"].startswith(day)
    redirect = out(built_at_files) / old / "index.html"
    assert redirect.is_file(), old
    refresh = soup_of(redirect).find("meta", attrs={"http-equiv": "refresh"})["content"]
    target = refresh.removeprefix("0; url=")
    assert urlparse(urljoin(f"http://x/{old}/index.html", target)).path == f"/{name}"
    # listed in its year of the archive, linking to the post
    year = page(built_at_files, "blog/archive.html").select_one(f"#year-{day[:4]}")
    hrefs = [urljoin("http://x/blog/archive.html", a["href"]) for a in year.select("li a")]
    assert f"http://x/{name}" in hrefs


def test_dated_posts_are_in_the_feed(built):
    atom = ElementTree.parse(out(built) / "blog/atom.xml").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = {e.findtext("a:title", namespaces=ns) for e in atom.findall("a:entry", ns)}
    assert {"A split date", "A team post in dated folders", "A prefixed folder"} <= titles


# -- empty excerpts -------------------------------------------------------------------------


def test_marker_before_any_content_is_an_empty_excerpt(built):
    index = page(built, "blog/index.html")
    first = card(index, "Marker before anything")
    assert "MARKER-FIRST-BODY" not in first.get_text()
    assert first.select_one(".blogposts-excerpt").get_text().strip() == (
        "Only this description shows on the card."
    )
    assert first.select_one("time.blogposts-date") is not None  # the meta is there
    second = card(index, "MDX marker before anything")
    assert "MDX-MARKER-FIRST-BODY" not in second.get_text()
    assert second.select_one(".blogposts-excerpt") is None
    assert second.select_one("time.blogposts-date") is not None
    # the posts' own pages have the whole text, and no marker
    post = page(built, "blog/2024/04/02/mdx-marker-first/index.html")
    assert "MDX-MARKER-FIRST-BODY" in main(post).get_text()
    assert (
        "truncate" not in (out(built) / "blog/2024/04/02/mdx-marker-first/index.html").read_text()
    )


# -- incremental builds ---------------------------------------------------------------------


def test_a_missing_file_added_later_is_found_on_the_next_build(make_app, tmp_path):
    src = tmp_path / "root"
    shutil.copytree(ROOTS / "test-docusaurus-wild", src)
    first = make_app("html", srcdir=src, freshenv=True)
    first.build()
    assert any("'/img/missing.png'" in w for w in warnings(first))
    first.cleanup()
    (src / "static/img/missing.png").write_bytes((src / "static/img/logo.png").read_bytes())
    second = make_app("html", srcdir=src)
    second.build()
    assert not [w for w in warnings(second) if "WARNING" in w], warnings(second)
    name = "blog/2024/02/01/static-files/index.html"
    image = main(page(second, name)).select_one("img[alt='Missing']")
    assert resolves(out(second), name, image["src"])
    # and every other file the post names is still there, from the first build
    assert [
        u for _, u in local_urls(page(second, name)) if not resolves(out(second), name, u)
    ] == []
    second.cleanup()


# -- other builders -------------------------------------------------------------------------


def test_dirhtml_and_parallel(tmp_path_factory):
    app = _build(tmp_path_factory, "dirhtml", parallel=2)
    assert len([w for w in warnings(app) if "WARNING" in w]) == 2, warnings(app)
    for name in ("blog/2024/02/01/static-files/index.html", "blog/2024/03/01/jsx-forms/index.html"):
        soup = page(app, name)
        broken = [
            u for _, u in local_urls(soup) if not resolves(out(app), name, u) and "missing" not in u
        ]
        assert broken == [], name
    assert (out(app) / "blog/2021/06/15/team-a/nested-team/index.html").is_file()
