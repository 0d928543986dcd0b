"""Each post of Docusaurus' own blog-plugin test site is served at the permalink
Docusaurus' tests expect for it (``packages/docusaurus-plugin-content-blog/src/__tests__/
index.test.ts``, the ``website`` fixture), as the post's page itself, not as a redirect.

The root ``test-docusaurus-fixture-permalinks`` has the fixture's file names and
front-matter slugs and dates, with text of our own. A slug with spaces and letters
outside ASCII (``/hey/my super path/héllô``) is written under that name and linked
percent-encoded, as Docusaurus served it.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

from tests.conftest import soup_of

ROOT = "docusaurus-fixture-permalinks"
#: Docusaurus' 2.x and later default address of a post: dated only by its file's name.
DATE_AND_NAME = "{date:%Y/%m/%d}/{slug}"
#: source -> (the title we gave it, the permalink Docusaurus' tests expect)
PERMALINKS = {
    "2018-12-14-Happy-First-Birthday-Slash": (
        "A first birthday",
        "/blog/2018/12/14/Happy-First-Birthday-Slash",
    ),
    "date-matter": ("date-matter", "/blog/date-matter"),
    "heading-as-title": ("The heading is the title", "/blog/heading-as-title"),
    "complex-slug": ("A slug with spaces and accents", "/blog/hey/my super path/héllô"),
    "simple-slug": ("A plain slug", "/blog/simple/slug"),
    "draft": ("draft", "/blog/draft"),
    "unlisted": ("unlisted", "/blog/unlisted"),
    "mdx-blog-post": ("An MDX post", "/blog/mdx-blog-post"),
    "mdx-require-blog-post": ("An MDX post with an image", "/blog/mdx-require-blog-post"),
    "blog-with-links": ("Links between posts", "/blog/blog-with-links"),
}
#: The posts a date format gives Docusaurus' permalink too: a date in the file's name,
#: or a slug. The others are dated in their front matter, which Docusaurus leaves out of
#: the address, as the default (``"docusaurus"``) does.
BY_FORMAT = ["2018-12-14-Happy-First-Birthday-Slash", "complex-slug", "simple-slug"]


def _page(app: SphinxTestApp, permalink: str) -> Path:
    return Path(app.outdir, permalink.lstrip("/"), "index.html")


def _is_the_post(page: Path, title: str) -> bool:
    soup = soup_of(page)
    h1 = soup.find("h1")
    refresh = soup.find("meta", attrs={"http-equiv": "refresh"})
    return refresh is None and h1 is not None and h1.get_text().rstrip("#¶ ") == title


def _resolves_to(app: SphinxTestApp, from_page: str, href: str) -> Path:
    """The file a relative link on ``from_page`` reaches, as a browser would ask for it."""
    url = urljoin("https://example.org/" + from_page, href)
    path = unquote(url.removeprefix("https://example.org/").split("#")[0])
    return Path(app.outdir, path + "index.html" if path.endswith("/") else path)


@pytest.fixture(scope="module")
def by_format(shared_build) -> SphinxTestApp:
    return shared_build(ROOT, confoverrides={"blogposts_post_url": DATE_AND_NAME})


@pytest.mark.parametrize("source", BY_FORMAT)
def test_the_post_is_at_docusaurus_permalink(by_format, source):
    title, permalink = PERMALINKS[source]
    assert _is_the_post(_page(by_format, permalink), title)


def test_no_warning(by_format):
    assert strip_escape_sequences(by_format.warning.getvalue()).strip() == ""


def test_a_path_with_spaces_and_accents_is_linked_percent_encoded(by_format):
    """Written under the slug as it is; every link to it percent-encoded, and reaching it."""
    assert _page(by_format, "/blog/hey/my super path/héllô").is_file()
    encoded = "hey/my%20super%20path/h%C3%A9ll%C3%B4/index.html"
    index = soup_of(Path(by_format.outdir, "blog/index.html"))
    assert encoded in {a["href"] for a in index.select(".blogposts-card-title a")}
    links = soup_of(Path(by_format.outdir, "blog/2023/07/23/blog-with-links/index.html"))
    href = next(a["href"] for a in links.select("div[role=main] p a") if "complex" in a.text)
    assert href == "../../../../" + encoded
    page = "blog/2023/07/23/blog-with-links/index.html"
    assert _resolves_to(by_format, page, href) == _page(by_format, PERMALINKS["complex-slug"][1])


def test_links_between_posts_reach_the_posts(by_format):
    """By the file, by Docusaurus' address (root or relative, with an anchor), in raw HTML."""
    page = "blog/2023/07/23/blog-with-links/index.html"
    soup = soup_of(Path(by_format.outdir, page))
    links = {a.get_text(): a["href"] for a in soup.select("div[role=main] p a")}
    expected = {
        "the post by its file": "heading-as-title",
        "the plain slug": "simple-slug",
        "the complex one": "complex-slug",
        "a root path": "simple-slug",
        "a relative path": "heading-as-title",
        "a path with an anchor": "heading-as-title",
        "the birthday by its date": "2018-12-14-Happy-First-Birthday-Slash",
        "The plain slug in raw HTML": "simple-slug",
    }
    for text, source in expected.items():
        title, permalink = PERMALINKS[source]
        target = _resolves_to(by_format, page, links[text])
        assert _is_the_post(target, title), (text, links[text])
        if source in BY_FORMAT:
            assert target == _page(by_format, permalink), text


def test_every_post_at_docusaurus_permalink_with_no_setting(shared_build):
    """The whole fixture, with no ``blogposts_post_url``: what a migrated blog gets."""
    app = shared_build(ROOT)
    missing = [s for s, (t, link) in PERMALINKS.items() if not _is_the_post(_page(app, link), t)]
    assert missing == []
