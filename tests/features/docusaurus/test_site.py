"""A Docusaurus blog folder, copied as it is, builds: MDX, admonitions, images, old URLs, tags.yml.

The root ``test-docusaurus`` has the shape of a real Docusaurus site: ``blog/`` with
posts in every file form, ``authors.yml``, ``tags.yml``, and ``static/img`` beside it.
It provokes exactly two warnings on purpose (unknown JSX, two posts with one slug).
Its posts are at Docusaurus' addresses, the default (``blog/2021/08/01/mdx-blog-post/``,
``blog/welcome/`` for ``slug: welcome``); the tests of the redirect pages Docusaurus'
addresses get when the posts are elsewhere set ``blogposts_post_url = None``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sphinx.util.console import strip_escape_sequences

from tests.conftest import blog_warnings, soup_of

MDX_POST = "blog/2021/08/01/mdx-blog-post/index.html"
RELEASE = "blog/2022/01/10/release-2.0/index.html"
WELCOME = "blog/welcome/index.html"  # slug: welcome
FIRST = "blog/first-blog-post/index.html"  # slug: first-blog-post
#: The posts stay at their files' addresses, so Docusaurus' addresses get redirect pages.
FILE_ADDRESSES = {"blogposts_post_url": None}


def all_warnings(app) -> list[str]:
    text = strip_escape_sequences(app.warning.getvalue())
    return [line for line in text.splitlines() if line.strip()]


def broken_images(path: Path) -> list[str]:
    soup = soup_of(path)
    return [
        img["src"]
        for img in soup.find_all("img")
        if not img["src"].startswith("http") and not (path.parent / img["src"]).resolve().is_file()
    ]


def rebuild(make_app, srcdir: Path, **kwargs):
    app = make_app("html", srcdir=srcdir, **kwargs)
    app.build()
    app.cleanup()  # restore docutils' registries, as a fresh process would have them
    return app


def main_text(soup) -> str:
    return soup.select_one("div[role=main]").get_text(" ", strip=True)


def refresh_target(soup) -> str:
    content = soup.find("meta", attrs={"http-equiv": "refresh"})["content"]
    assert content.startswith("0; url=")
    return content.removeprefix("0; url=")


def test_builds_with_only_the_deliberate_warnings(shared_build):
    app = shared_build("docusaurus")
    warnings = all_warnings(app)
    assert len(warnings) == 2, warnings
    jsx, slug = sorted(warnings)
    # Located at the line the author wrote, although imports and comments were rewritten.
    assert "2021-08-01-mdx-blog-post.mdx:39:" in jsx
    assert "<Highlight" in jsx and "(and 1 more)" in jsx and jsx.endswith("[blogposts.mdx]")
    assert "2023-04-02-same-slug-b.md:3:" in slug
    # the first keeps the address, the second its file's
    assert "'blog/same-slug' is taken by the post 'blog/2023-04-01-same-slug-a'" in slug
    assert slug.endswith("[blogposts.slug]")
    assert len(blog_warnings(app)) == 2


def test_titles_dates_authors_and_excerpts(shared_build, page):
    app = shared_build("docusaurus")
    index = page(app, "blog/index.html")
    titles = [a.get_text() for a in index.select(".blogposts-card-title a")]
    assert titles[:3] == ["Dated folders", "Release notes", "Plain MDX"]
    assert "Not ready" not in titles  # draft
    assert len(titles) == 10  # posts_per_page
    second = page(app, "blog/page/2.html")
    titles += [a.get_text() for a in second.select(".blogposts-card-title a")]
    assert len(titles) == 16
    assert {"MDX Blog Post", "Release 2.0", "Welcome", "First Blog Post"} <= set(titles)

    mdx = page(app, MDX_POST)
    assert mdx.select_one("h1").get_text().rstrip("¶") == "MDX Blog Post"
    assert mdx.select_one("time.blogposts-date")["datetime"].startswith("2021-08-01")
    assert [a.get_text() for a in mdx.select(".blogposts-author")] == ["Grace Hopper"]

    first = page(app, FIRST)
    assert [a.get_text() for a in first.select(".blogposts-post-header .blogposts-author")] == [
        "Ada Lovelace",
        "Grace Hopper",
    ]
    # A body that repeats the title as an H1 gets no second H1.
    again = page(app, "blog/2022/03/15/hello-again/index.html")
    assert [h.get_text().rstrip("¶") for h in again.select("h1")] == ["Hello again"]
    # Headings that skip a level (## then ####) are nested one level down, without a warning.
    long = page(app, "blog/long-blog-post/index.html")
    assert long.select_one("div[role=main] h3").get_text().rstrip("¶") == "Skipped a level"
    # Folder with a front-matter slug, dated folders, front-matter date with time.
    assert page(app, WELCOME).select_one("h1")
    assert page(app, "blog/2024/03/01/dated-folders/index.html").select_one("time.blogposts-date")
    release = page(app, RELEASE)
    assert release.select_one("time.blogposts-date")["datetime"] == "2022-01-10T10:00:00+00:00"

    # Excerpts: `{/* truncate */}` in MDX, `<!-- truncate -->` in Markdown, none -> 1st paragraph.
    cards = {
        c.select_one(".blogposts-card-title a").get_text(): c
        for c in index.select(".blogposts-card") + second.select(".blogposts-card")
    }
    mdx_excerpt = cards["MDX Blog Post"].select_one(".blogposts-excerpt").get_text(" ", strip=True)
    assert mdx_excerpt.startswith("Blog posts support")
    assert "React" not in mdx_excerpt and "truncate" not in mdx_excerpt
    release = cards["Release 2.0"].select_one(".blogposts-excerpt").get_text(" ", strip=True)
    assert release == "Version 2.0 is out. It is the biggest release yet."
    welcome = cards["Welcome"].select_one(".blogposts-excerpt")
    assert welcome.select_one("img[alt='Docusaurus Plushie']") is not None
    assert "Simply add" not in welcome.get_text()


def test_mdx_syntax_is_removed_but_code_is_untouched(shared_build, page):
    app = shared_build("docusaurus")
    mdx = page(app, MDX_POST)
    text = main_text(mdx)
    assert "@theme/TabItem" not in text.replace("import Tabs from '@theme/Tabs'", "")
    assert "Highlight," not in text and "A comment" not in text and "on two lines" not in text
    assert "{/*" not in text.replace("{/* kept in code */}", "")
    # Unknown JSX: tags dropped, text kept.
    assert "This is Docusaurus green text." in text
    centered = mdx.find("div", string="Centered text")
    # style={{...}} is written as CSS, as React renders it
    assert centered is not None and centered["style"] == "text-align: center"
    assert "{{" not in str(mdx.select_one("div[role=main]"))
    code = mdx.select_one("div.highlight-jsx").get_text()
    assert "import Tabs from '@theme/Tabs';" in code
    assert '<Tabs><TabItem value="x">{/* kept in code */}</TabItem></Tabs>' in code
    # A comment-like text in code inside an admonition stays.
    release = page(app, RELEASE)
    assert "# {/* not a comment */}" in release.select_one(".highlight-bash").get_text()
    # export const is dropped from an MDX post without components.
    plain = page(app, "blog/2023/05/05/plain/index.html")
    assert "export" not in main_text(plain) and "An MDX post without any component." in main_text(
        plain
    )


def test_admonitions_and_details(shared_build, page):
    app = shared_build("docusaurus")
    first = page(app, FIRST)
    note = first.select_one("div.admonition.note")
    assert note.select_one(".admonition-title").get_text() == "Note"
    assert note.select_one("strong").get_text() == "no title"

    mdx = page(app, MDX_POST)
    tip = mdx.select_one("div.admonition.tip")
    assert tip.select_one(".admonition-title").get_text() == "Use the power of React"
    assert tip.select_one("em").get_text() == "Markdown"

    release = page(app, RELEASE)
    info = release.select_one("div.admonition.info")
    assert info.select_one(".admonition-title").get_text() == "Tracing"
    assert "export TRACE=1" in info.select_one("div.highlight-bash").get_text()
    outer = release.select_one("div.admonition.warning")
    assert outer.select_one(".admonition-title").get_text() == "Outer warning"
    inner = outer.select_one("div.admonition.danger")
    assert inner.select_one(".admonition-title").get_text() == "Danger"
    assert "Nested danger." in inner.get_text()
    caution = release.select_one("div.admonition.caution")
    assert "Still in beta." in caution.get_text()
    assert ":::" not in main_text(release)

    details = release.select_one("details.blogposts-details")
    assert details.select_one("summary").get_text() == "Show the configuration"
    code = details.select_one("div.highlight-yaml")
    assert code is not None and "tracing: true" in code.get_text()
    assert code.select("span")  # highlighted, not raw backticks
    assert "```" not in main_text(release)


def test_tabs_become_sphinx_design_tabs(shared_build, page):
    app = shared_build("docusaurus")
    mdx = page(app, MDX_POST)
    tabs = mdx.select_one(".sd-tab-set")
    assert [label.get_text(strip=True) for label in tabs.select("label.sd-tab-label")] == [
        "Apple",
        "Orange",
    ]
    contents = tabs.select(".sd-tab-content")
    assert contents[0].get_text(strip=True) == "This is an apple."
    # Indented tab content is not turned into a code block; the fence inside is code.
    assert 'print("orange")' in contents[1].select_one("div.highlight-python").get_text()
    assert "<Tab" not in main_text(mdx)
    # Docusaurus 1 tabs: labels from `values={[...]}` over several lines; one-line items.
    old = page(app, "blog/2020/02/02/old-tabs/index.html").select_one(".sd-tab-set")
    assert [label.get_text(strip=True) for label in old.select("label.sd-tab-label")] == [
        "macOS",
        "Windows",
    ]
    contents = [c.get_text(" ", strip=True) for c in old.select(".sd-tab-content")]
    assert contents == ["Use the .dmg .", "Use the installer."]


def test_tabs_without_sphinx_design_are_headed_sections(shared_build, page):
    app = shared_build("docusaurus", confoverrides={"extensions": ["sphinx_blogposts"]})
    assert len(all_warnings(app)) == 2
    mdx = page(app, MDX_POST)
    assert mdx.select_one(".sd-tab-set") is None
    tabs = mdx.select(".blogposts-tabs .blogposts-tab")
    assert [t.select_one(".blogposts-tab-label").get_text() for t in tabs] == ["Apple", "Orange"]
    assert "This is an apple." in tabs[0].get_text()
    assert tabs[1].select_one("div.highlight-python") is not None
    old = page(app, "blog/2020/02/02/old-tabs/index.html").select(".blogposts-tabs .blogposts-tab")
    assert [t.select_one(".blogposts-tab-label").get_text() for t in old] == ["macOS", "Windows"]


def test_images_from_require_static_folder_and_front_matter(shared_build, page):
    app = shared_build("docusaurus")
    out = Path(app.outdir)
    mdx = page(app, MDX_POST)
    diagram = mdx.select_one("img[alt='Tabs diagram']")
    assert diagram is not None and diagram["style"] == "width: 300px"
    figure = page(app, "blog/2022/09/09/figure/index.html")
    architecture = figure.select_one(".blogposts-figure img[alt='Architecture']")
    assert architecture is not None
    assert "The architecture of the site." in figure.select_one(".blogposts-figure").get_text()
    for name in (MDX_POST, "blog/2022/09/09/figure/index.html", "blog/index.html"):
        assert broken_images(out / name) == [], name

    # Thumbnails and images of front matter are copied and shown on cards.
    assert (out / "_static/blogposts/img/thumbs/welcome.png").is_file()
    index = page(app, "blog/index.html")
    card_images = {
        c.select_one(".blogposts-card-title a").get_text(): c.select_one(
            ".blogposts-card-image img"
        )
        for c in index.select(".blogposts-card")
    }
    assert card_images["New year"]["src"] == "../_static/blogposts/img/thumbs/new-year.png"
    assert card_images["Dated folders"] is None
    tag_page = out / "blog/tags/releases.html"
    assert soup_of(tag_page).select_one(".blogposts-card-image img")
    assert broken_images(tag_page) == []

    # Authors' image_url from authors.yml (/img/authors/...) are copied too.
    authors = out / "blog/authors/index.html"
    avatars = [img["src"] for img in soup_of(authors).select("img.blogposts-avatar")]
    assert "../../_static/blogposts/img/authors/ada.png" in avatars
    assert "https://example.org/guest.png" in avatars
    assert broken_images(authors) == []
    assert broken_images(out / "blog/authors/grace.html") == []


def test_open_graph_and_keywords_meta(shared_build, page):
    app = shared_build("docusaurus")
    new_year = page(app, "blog/2023/01/01/new-year/index.html")

    def meta(soup, attr, name):
        found = soup.find("meta", attrs={attr: name})
        return found["content"] if found else None

    image = "https://example.org/docs/_static/blogposts/img/thumbs/new-year.png"
    assert meta(new_year, "property", "og:image") == image
    assert meta(new_year, "name", "twitter:image") == image
    assert meta(new_year, "property", "og:description") == 'What "2023" brings & more.'
    assert meta(new_year, "name", "keywords") == "roadmap, planning"
    raw = (Path(app.outdir) / "blog/2023/01/01/new-year/index.html").read_text()
    assert 'content="What &#34;2023&#34; brings &amp; more."' in raw
    welcome = page(app, WELCOME)
    assert meta(welcome, "property", "og:image").endswith("/img/thumbs/welcome.png")
    assert meta(welcome, "property", "og:description") == "The welcome post of the migrated blog."
    plain = page(app, "blog/2023/05/05/plain/index.html")
    assert meta(plain, "property", "og:image") is None
    assert meta(plain, "name", "keywords") is None


def test_redirects_from_old_docusaurus_urls(shared_build, page):
    app = shared_build("docusaurus", confoverrides=FILE_ADDRESSES)
    out = Path(app.outdir)
    expected = {
        "blog/welcome/index.html": "blog/2021-08-26-welcome/index.html",  # front-matter slug
        "blog/first-blog-post/index.html": "blog/2019-05-28-first-blog-post.html",
        "blog/2021/08/01/mdx-blog-post/index.html": "blog/2021-08-01-mdx-blog-post.html",
        "blog/2022/01/10/release-2.0/index.html": "blog/2022-01-10-release-2.0/index.html",
    }
    for old, new in expected.items():
        soup = page(app, old)
        target = refresh_target(soup)
        assert (out / old).parent.joinpath(target).resolve() == (out / new).resolve(), old
        canonical = soup.find("link", rel="canonical")["href"]
        assert canonical == "https://example.org/docs/" + new
        assert soup.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    # Two posts with one slug: neither gets the URL.
    assert not (out / "blog/same-slug").exists()
    # A real page is there already (slug = file name): no redirect.
    assert (out / "blog/release-notes.html").is_file()
    assert not (out / "blog/release-notes").exists()
    # The YYYY/MM/DD folder form kept its URL: no redirect.
    assert not (out / "blog/2024/03/01/dated-folders").exists()
    # Titles are escaped in the redirect page.
    figure = page(app, "blog/2022/09/09/figure/index.html")
    assert figure.title.get_text() == 'A <figure> & "quotes"'
    assert figure.find("figure") is None
    # By default the posts themselves are at these addresses: no redirect there.
    served = page(shared_build("docusaurus"), WELCOME)
    assert served.find("meta", attrs={"http-equiv": "refresh"}) is None
    assert served.select_one("h1").get_text().rstrip("¶") == "Welcome"


def test_redirects_with_dirhtml(shared_build, page):
    app = shared_build("docusaurus", "dirhtml", confoverrides=FILE_ADDRESSES)
    soup = page(app, "blog/welcome/index.html")
    assert refresh_target(soup) == "../2021-08-26-welcome/"
    assert soup.find("link", rel="canonical")["href"] == (
        "https://example.org/docs/blog/2021-08-26-welcome/"
    )


def test_redirects_can_be_turned_off(shared_build):
    app = shared_build("docusaurus", confoverrides={"blogposts_redirects": False, **FILE_ADDRESSES})
    out = Path(app.outdir)
    assert not (out / "blog/welcome").exists()
    assert not (out / "blog/2021/08").exists()
    assert [w for w in all_warnings(app) if "redirect" in w] == []


def test_stale_redirects_are_removed(make_app, editable_root):
    srcdir = editable_root("docusaurus")
    app = rebuild(make_app, srcdir, confoverrides=FILE_ADDRESSES)
    out = Path(app.outdir)
    assert (out / "blog/welcome/index.html").is_file()
    post = srcdir / "blog/2021-08-26-welcome/index.md"
    post.write_text(post.read_text().replace("slug: welcome", "slug: hello-there"))
    app = rebuild(make_app, srcdir, confoverrides=FILE_ADDRESSES)
    assert not (out / "blog/welcome/index.html").exists()
    target = refresh_target(soup_of(out / "blog/hello-there/index.html"))
    assert target == "../2021-08-26-welcome/index.html"


def test_tags_yml_labels_descriptions_and_permalinks(shared_build, page):
    app = shared_build("docusaurus")
    out = Path(app.outdir)
    releases = page(app, "blog/tags/releases.html")  # permalink /releases, key "release"
    assert releases.select_one("h1").get_text() == "Posts tagged “Releases”"
    assert releases.select_one(".blogposts-tag-description").get_text() == (
        "Announcements of new versions."
    )
    # "release" and "RELEASE" are one tag.
    titles = {a.get_text() for a in releases.select(".blogposts-card-title a")}
    assert titles == {"Release 2.0", "Tags in any case", "Release notes"}
    docusaurus = page(app, "blog/tags/docusaurus.html")
    assert docusaurus.select_one(".blogposts-tag-description").get_text() == (
        "Posts about <Docusaurus> & friends."
    )
    assert "Long Blog Post" in {a.get_text() for a in docusaurus.select(".blogposts-card-title a")}
    # A quoted number as a tag.
    year = page(app, "blog/tags/2023.html")
    assert {a.get_text() for a in year.select(".blogposts-card-title a")} == {
        "New year",
        "Hello again",
    }
    # A tag without a tags.yml entry keeps its name and has no description.
    facebook = page(app, "blog/tags/facebook.html")
    assert facebook.select_one(".blogposts-tag-description") is None
    cloud = [a.get_text() for a in page(app, "blog/tags/index.html").select(".blogposts-tag")]
    assert "Releases" in cloud and "release" not in cloud and "RELEASE" not in cloud
    assert not (out / "blog/tags/release.html").exists()
    header = page(app, RELEASE).select_one(".blogposts-post-header .blogposts-tag")
    assert header.get_text() == "Releases" and header["href"] == "../../../../tags/releases.html"


def test_tags_file_strict_warns_about_inline_tags(shared_build):
    app = shared_build("docusaurus", confoverrides={"blogposts_tags_file_strict": True})
    tag_warnings = [w for w in blog_warnings(app) if "[blogposts.tag]" in w]
    assert len(tag_warnings) == 1, tag_warnings
    assert "2021-08-26-welcome/index.md:6:" in tag_warnings[0]
    assert "'facebook'" in tag_warnings[0] and "tags.yml" in tag_warnings[0]


def test_tags_yml_change_updates_posts_incrementally(make_app, editable_root):
    srcdir = editable_root("docusaurus")
    app = rebuild(make_app, srcdir)
    tags = srcdir / "blog/tags.yml"
    tags.write_text(tags.read_text().replace("label: Releases", "label: Announcements"))
    app = rebuild(make_app, srcdir)
    out = Path(app.outdir)
    docusaurus_page = soup_of(out / "blog/tags/docusaurus.html")
    assert docusaurus_page.select_one(".blogposts-tag-description").get_text().startswith("Posts")
    tags.write_text(tags.read_text().replace("Posts about <Docusaurus>", "All about <Docusaurus>"))
    rebuild(make_app, srcdir)
    docusaurus_page = soup_of(out / "blog/tags/docusaurus.html")
    assert docusaurus_page.select_one(".blogposts-tag-description").get_text() == (
        "All about <Docusaurus> & friends."
    )
    header = soup_of(out / RELEASE).select_one(".blogposts-post-header .blogposts-tag")
    assert header.get_text() == "Announcements"
    assert soup_of(out / "blog/tags/releases.html").select_one("h1").get_text() == (
        "Posts tagged “Announcements”"
    )


def test_missing_front_matter_image_warns(make_app, editable_root):
    srcdir = editable_root("docusaurus")
    post = srcdir / "blog/2023-01-01-new-year.md"
    post.write_text(post.read_text().replace("/img/thumbs/new-year.png", "/img/gone.png"))
    app = rebuild(make_app, srcdir)
    image = [w for w in blog_warnings(app) if "[blogposts.image]" in w]
    assert len(image) == 1
    assert "2023-01-01-new-year.md:7:" in image[0] and "'/img/gone.png'" in image[0]
    card = soup_of(Path(app.outdir) / "blog/index.html")
    assert not [i for i in card.select(".blogposts-card-image img") if "gone" in i["src"]]


def test_parallel_build(shared_build, page):
    app = shared_build("docusaurus", parallel=2)
    assert len(all_warnings(app)) == 2
    assert page(app, MDX_POST).select_one(".sd-tab-set") is not None
    assert page(app, RELEASE).select_one("details.blogposts-details") is not None
    assert page(app, "blog/tags/releases.html").select_one(".blogposts-tag-description")
    # the redirect at the post's file address, written in the workers too
    assert refresh_target(page(app, "blog/2021-08-26-welcome/index.html")) == (
        "../welcome/index.html"
    )


@pytest.mark.sphinx("html", testroot="docusaurus", freshenv=True)
def test_source_folder_is_not_written(app):
    before = sorted(p for p in Path(app.srcdir).rglob("*") if "_build" not in p.parts)
    app.build()
    after = sorted(p for p in Path(app.srcdir).rglob("*") if "_build" not in p.parts)
    assert before == after
    assert re.search(r"blogposts-redirects", "\n".join(str(p) for p in after)) is None


def test_rebuild_without_changes_keeps_everything(make_app, editable_root):
    srcdir = editable_root("docusaurus")
    app = rebuild(make_app, srcdir)
    out = Path(app.outdir)
    names = [MDX_POST, RELEASE, "blog/index.html", WELCOME, "blog/2021-08-26-welcome/index.html"]
    before = {name: (out / name).read_text() for name in names}
    app = rebuild(make_app, srcdir)
    assert {name: (out / name).read_text() for name in names} == before
    # Nothing is read again, so only the warning given when the addresses are settled (one
    # slug, two posts) may repeat
    warnings = all_warnings(app)
    assert len(warnings) <= 1 and all("[blogposts.slug]" in w for w in warnings)
    assert (out / "_static/blogposts/img/thumbs/welcome.png").is_file()


def test_changed_card_image_updates_lists(make_app, editable_root):
    srcdir = editable_root("docusaurus")
    app = rebuild(make_app, srcdir)
    out = Path(app.outdir)

    def new_year_image():
        for card in soup_of(out / "blog/index.html").select(".blogposts-card"):
            if card.select_one(".blogposts-card-title a").get_text() == "New year":
                return card.select_one(".blogposts-card-image img")["src"]
        raise AssertionError("no New year card")

    assert new_year_image().endswith("thumbs/new-year.png")
    post = srcdir / "blog/2023-01-01-new-year.md"
    post.write_text(post.read_text().replace("thumbs/new-year.png", "thumbs/release.png"))
    rebuild(make_app, srcdir)
    assert new_year_image().endswith("thumbs/release.png")


def test_no_redirects_in_an_epub(shared_build):
    app = shared_build("docusaurus", "epub")
    out = Path(app.outdir)
    assert (out / "blog/2021-08-26-welcome/index.xhtml").is_file()
    assert not (out / "blog/welcome").exists()
    assert not (out / ".blogposts-redirects").exists()


def test_missing_static_folder_and_avatar_warn(make_app, editable_root):
    srcdir = editable_root("docusaurus")
    authors = srcdir / "blog/authors.yml"
    authors.write_text(authors.read_text().replace("/img/authors/grace.png", "/img/nobody.png"))
    app = rebuild(make_app, srcdir)
    image = [w for w in blog_warnings(app) if "[blogposts.image]" in w]
    assert len(image) == 1
    assert "authors.yml" in image[0] and "'grace'" in image[0] and "/img/nobody.png" in image[0]

    app = rebuild(make_app, srcdir, confoverrides={"blogposts_static_path": "assets"})
    config = [w for w in blog_warnings(app) if "[blogposts.config]" in w]
    assert len(config) == 1 and "'assets'" in config[0]
