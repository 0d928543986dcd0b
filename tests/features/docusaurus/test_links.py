"""Links written for a Docusaurus site: post URLs, site-root links, heading anchors, URL map.

The posts are at their Docusaurus addresses (the default): ``slug: mlflow-year-in-review``
at ``blog/mlflow-year-in-review/``, ``2016-09-01-jest-15.md`` at ``blog/2016/09/01/jest-15/``.
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from lxml import etree
from sphinx.util.console import strip_escape_sequences

from tests.conftest import blog_warnings

ATOM = "{http://www.w3.org/2005/Atom}"
YEAR = "blog/mlflow-year-in-review/index.html"
JEST = "blog/2016/09/01/jest-15/index.html"


def hrefs(soup) -> dict[str, str]:
    """Link text -> href, for the links inside the page's body."""
    body = soup.select_one("[role=main]")
    return {a.get_text().strip(): a["href"] for a in body.select("a") if a.get_text().strip()}


def no_dead_links(soup) -> None:
    """myst-parser's failed references leave a ``span.xref.myst``; each must be inside a link."""
    for span in soup.select("span.xref.myst"):
        assert span.find_parent("a") is not None, span


def feed_links(app, folder: str = "blog") -> dict[str, dict[str, str]]:
    """Entry title -> {link text: href} of the links in each Atom entry's content."""
    root = etree.parse(str(Path(app.outdir, folder, "atom.xml"))).getroot()
    out = {}
    for entry in root.iter(f"{ATOM}entry"):
        html = BeautifulSoup(entry.findtext(f"{ATOM}content") or "", "html.parser")
        out[entry.findtext(f"{ATOM}title")] = {
            a.get_text().strip(): a["href"] for a in html.select("a") if a.get_text().strip()
        }
    return out


def all_warnings(app) -> str:
    return strip_escape_sequences(app.warning.getvalue())


def test_post_urls_resolve_to_posts(shared_build, page):
    app = shared_build("docusaurus-links")
    links = hrefs(page(app, YEAR))
    jest = "../2016/09/01/jest-15/index.html"
    assert links["date path"] == jest
    assert links["date path, slash"] == jest
    assert links["date path, html"] == jest
    assert links["date path, anchor"] == f"{jest}#defining-a-custom-metric"
    assert links["absolute"] == f"{jest}#shard"  # https://example.org/blog/...#--shard
    assert links["verbose flag"] == f"{jest}#verbose"  # a heading smart quotes changed
    assert links["by file"] == f"{jest}#defining-a-custom-metric"
    # a slug URL, from another post and from a page outside the blog
    year = "../../../../mlflow-year-in-review/index.html"
    assert hrefs(page(app, JEST))["the year"] == f"{year}#looking-ahead"
    assert hrefs(page(app, "index.html"))["the Jest post"] == "blog/2016/09/01/jest-15/index.html"
    # a link to the post's own address, on the old site, is a link to the page itself
    assert links["absolute slug"] == "#"
    # a site URL that is not this site is left alone
    assert links["elsewhere"] == "https://other.example.com/blog/mlflow-year-in-review"
    no_dead_links(page(app, YEAR))
    no_dead_links(page(app, JEST))


def test_root_links_to_documents_and_generated_pages(shared_build, page):
    app = shared_build("docusaurus-links")
    links = hrefs(page(app, YEAR))
    assert links["docs anchor"] == "../../docs/getting-started.html#using-babel"
    assert links["docs slash"] == "../../docs/getting-started.html"
    slash = page(app, YEAR).find("a", string="docs slash") or page(app, YEAR).find(
        lambda tag: tag.name == "a" and tag.get_text() == "docs slash"
    )
    assert slash["title"] == "Start here"
    assert links["docs numbered"] == "../../docs/getting-started.html#configure"  # #2-configure
    assert links["docs folder"] == "../../docs/guides/index.html"
    assert links["second example"] == "../../docs/getting-started.html#id1"  # #example-1
    assert links["mapped"] == "../../docs/getting-started.html#using-babel"  # blogposts_url_map
    assert links["tag page"] == "../tags/news.html"
    assert links["blog index"] == "../index.html"
    assert links["home"] == "../../index.html"
    # a file of the static folder is copied and linked
    assert links["image file"] == "../../_static/blogposts/img/diagram.png"
    assert Path(app.outdir, "_static/blogposts/img/diagram.png").read_bytes() == b"PNG"
    # the anchors the links point at exist on the target pages
    getting_started = page(app, "docs/getting-started.html")
    assert getting_started.select_one("section#using-babel")
    assert getting_started.select_one("section#configure")
    assert getting_started.select_one("section#id1").get_text().count("Second.") == 1


def test_other_root_links_warn_once_and_stay_links(shared_build, page):
    app = shared_build("docusaurus-links")
    links = hrefs(page(app, YEAR))
    assert links["release"] == "../../releases/2.9.0"
    assert links["release again"] == "../../releases/2.9.0"
    assert links["release notes"] == "../../releases/2.9.0?tab=notes#fixes"
    assert hrefs(page(app, JEST))["the releases"] == "../../../../../releases/2.9.0"
    warnings = [w for w in blog_warnings(app) if "[blogposts.link]" in w]
    # three links (one in an excerpt shown on two more pages), one warning, at the first one
    assert len(warnings) == 2, warnings
    assert "'/releases/2.9.0'" in warnings[0]
    assert "'/releases/2.9.0?tab=notes#fixes'" in warnings[1]
    assert "2016-09-01-jest-15.md:6:" in warnings[0]
    # nothing else: no failed cross-references from myst-parser
    assert "myst.xref_missing" not in all_warnings(app)
    assert all_warnings(app).count("WARNING") == 2


def test_links_in_excerpts(shared_build, page):
    app = shared_build("docusaurus-links")
    soup = page(app, "blog/index.html")
    card = next(
        c for c in soup.select(".blogposts-card") if "Jest 15" in c.select_one("h2, h3").text
    )
    links = {a.get_text(): a["href"] for a in card.select(".blogposts-excerpt a")}
    assert links == {
        "the metric": "2016/09/01/jest-15/index.html#defining-a-custom-metric",
        "the year": "mlflow-year-in-review/index.html#looking-ahead",
        "the releases": "../releases/2.9.0",
    }
    tag = page(app, "blog/tags/news.html")
    tag_links = {a.get_text(): a["href"] for a in tag.select(".blogposts-excerpt a")}
    assert tag_links["the metric"] == "../2016/09/01/jest-15/index.html#defining-a-custom-metric"
    assert tag_links["the releases"] == "../../releases/2.9.0"


def test_docusaurus_heading_anchors(shared_build, page):
    app = shared_build("docusaurus-links")
    soup = page(app, JEST)
    links = hrefs(soup)
    assert links["the metric"] == "#defining-a-custom-metric"  # #1-defining-a-custom-metric
    assert links["the shard option"] == "#shard"  # #--shard
    assert links["verbose"] == "#verbose"  # #--verbose, though smart quotes made it "–verbose"
    assert links["the set-up"] == "#custom-setup"  # ## Set-up {#custom-setup}
    for href in ("#defining-a-custom-metric", "#shard", "#verbose", "#custom-setup"):
        assert soup.select_one(f"section{href}, [id='{href[1:]}']") is not None, href
    heading = soup.select_one("section#custom-setup h2")
    assert heading.get_text().replace("¶", "").strip() == "Set-up"


def test_root_links_keep(shared_build, page):
    app = shared_build("docusaurus-links", confoverrides={"blogposts_root_links": "keep"})
    assert hrefs(page(app, YEAR))["release"] == "../../releases/2.9.0"
    assert blog_warnings(app) == []
    assert app.statuscode == 0


def test_root_links_error_fails_the_build(shared_build, page):
    app = shared_build("docusaurus-links", confoverrides={"blogposts_root_links": "error"})
    errors = [line for line in blog_warnings(app) if "[blogposts.link]" in line]
    assert len(errors) == 2 and all("ERROR" in line for line in errors)
    assert "'/releases/2.9.0'" in errors[0]
    assert app.statuscode == 1
    assert hrefs(page(app, YEAR))["release"] == "../../releases/2.9.0"  # still a link


def test_root_links_invalid_value(shared_build):
    app = shared_build("docusaurus-links", confoverrides={"blogposts_root_links": "loud"})
    config = [w for w in blog_warnings(app) if "[blogposts.config]" in w]
    assert len(config) == 1 and "blogposts_root_links" in config[0]
    assert len([w for w in blog_warnings(app) if "[blogposts.link]" in w]) == 2  # "warn"


def test_dirhtml(shared_build, page):
    app = shared_build("docusaurus-links", "dirhtml")
    links = hrefs(page(app, "blog/mlflow-year-in-review/index.html"))
    assert links["date path"] == "../2016/09/01/jest-15/"
    assert links["docs anchor"] == "../../docs/getting-started/#using-babel"
    assert links["release"] == "../../releases/2.9.0"
    assert links["tag page"] == "../tags/news/"


def test_parallel_build(shared_build, page):
    app = shared_build("docusaurus-links", parallel=2)
    links = hrefs(page(app, YEAR))
    assert links["date path, anchor"] == "../2016/09/01/jest-15/index.html#defining-a-custom-metric"
    assert links["docs numbered"] == "../../docs/getting-started.html#configure"
    assert hrefs(page(app, JEST))["the shard option"] == "#shard"
    assert len([w for w in blog_warnings(app) if "[blogposts.link]" in w]) == 2


def test_incremental_slug_change(make_app, editable_root, page):
    """A post's slug changes: the pages that link to its old URL are written again."""
    srcdir = editable_root("docusaurus-links")
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    assert hrefs(page(app, JEST))["the year"] == (
        "../../../../mlflow-year-in-review/index.html#looking-ahead"
    )

    year = srcdir / "blog/2023-12-20-year.md"
    year.write_text(
        year.read_text(encoding="utf-8").replace("slug: mlflow-year-in-review", "slug: year-2023"),
        encoding="utf-8",
    )
    app2 = make_app("html", srcdir=srcdir)
    app2.build()
    # the post moved to blog/year-2023/; the link to its old address is kept, and works
    # through the redirect page left there
    assert hrefs(page(app2, JEST))["the year"] == "../../../../mlflow-year-in-review#looking-ahead"
    assert hrefs(page(app2, "blog/year-2023/index.html"))["date path"] == (
        "../2016/09/01/jest-15/index.html"
    )
    old = page(app2, "blog/mlflow-year-in-review/index.html")
    assert old.find("meta", attrs={"http-equiv": "refresh"})["content"] == (
        "0; url=../year-2023/index.html"
    )
    warnings = [w for w in blog_warnings(app2) if "[blogposts.link]" in w]
    assert any("/blog/mlflow-year-in-review#looking-ahead" in w for w in warnings), warnings
    # an absolute link to the old site that names nothing here stays as written
    assert (
        hrefs(page(app2, "blog/year-2023/index.html"))["absolute slug"]
        == "https://example.org/blog/mlflow-year-in-review/"
    )


def test_links_in_feeds(shared_build):
    app = shared_build("docusaurus-links")
    base = "https://example.org/"
    for folder in ("blog", "blog/tags/news"):
        entries = feed_links(app, folder)
        year, jest = entries["A year in review"], entries["Jest 15"]
        assert (
            year["date path, anchor"]
            == f"{base}blog/2016/09/01/jest-15/index.html#defining-a-custom-metric"
        )
        assert year["absolute"] == f"{base}blog/2016/09/01/jest-15/index.html#shard"
        assert year["docs anchor"] == f"{base}docs/getting-started.html#using-babel"
        assert year["tag page"] == f"{base}blog/tags/news.html"
        assert year["release"] == f"{base}releases/2.9.0"
        assert year["image file"] == f"{base}_static/blogposts/img/diagram.png"
        assert (
            jest["the metric"]
            == f"{base}blog/2016/09/01/jest-15/index.html#defining-a-custom-metric"
        )
        assert jest["the shard option"] == f"{base}blog/2016/09/01/jest-15/index.html#shard"
        assert jest["the year"] == f"{base}blog/mlflow-year-in-review/index.html#looking-ahead"
    assert len([w for w in blog_warnings(app) if "[blogposts.link]" in w]) == 2


def test_links_in_excerpt_feeds(shared_build):
    app = shared_build(
        "docusaurus-links", "html", confoverrides={"blogposts_feed_content": "excerpt"}
    )
    jest = feed_links(app)["Jest 15"]
    base = "https://example.org/"
    assert (
        jest["the metric"] == f"{base}blog/2016/09/01/jest-15/index.html#defining-a-custom-metric"
    )
    assert jest["the releases"] == f"{base}releases/2.9.0"


def test_incremental_excerpts_and_feeds_follow(make_app, editable_root, page):
    """A linked post's slug changes: excerpts on generated pages and feed entries follow,
    though nothing those pages list changed."""
    srcdir = editable_root("docusaurus-links")
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    year = srcdir / "blog/2023-12-20-year.md"
    text = year.read_text(encoding="utf-8")
    year.write_text(text.replace("slug: mlflow-year-in-review", "slug: y2023"), encoding="utf-8")
    app2 = make_app("html", srcdir=srcdir)
    app2.build()
    index = page(app2, "blog/index.html")
    links = {a.get_text(): a["href"] for a in index.select(".blogposts-excerpt a")}
    assert links["the year"] == "mlflow-year-in-review#looking-ahead"
    tag = page(app2, "blog/tags/jest.html")  # a page that lists only the post with the link
    links = {a.get_text(): a["href"] for a in tag.select(".blogposts-excerpt a")}
    assert links["the year"] == "../mlflow-year-in-review#looking-ahead"
    entry = feed_links(app2, "blog/tags/jest")["Jest 15"]
    assert entry["the year"] == "https://example.org/blog/mlflow-year-in-review#looking-ahead"


def test_text_builder(shared_build):
    """No site pages in plain text: only the real unknown targets are reported."""
    app = shared_build("docusaurus-links", "text")
    warnings = [w for w in blog_warnings(app) if "[blogposts.link]" in w]
    assert len(warnings) == 2 and all("/releases/2.9.0" in w for w in warnings), warnings
    text = Path(app.outdir, "blog/2023-12-20-year.txt").read_text(encoding="utf-8")
    assert "date path" in text and "myst" not in all_warnings(app)


def test_latex_builder(shared_build):
    """Posts are not in the PDF: links to them are text, and the build does not fail."""
    app = shared_build("docusaurus-links", "latex")
    assert Path(app.outdir, "links.tex").is_file()
    assert "myst" not in all_warnings(app)
