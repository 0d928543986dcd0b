"""ABlog's page URLs answer: each is a redirect to our page, each old feed a copy of ours."""

from __future__ import annotations

import posixpath
import re
import time
from pathlib import Path

from tests.conftest import blog_warnings, soup_of

#: ABlog's page (as its html builder names it) -> the page it leads to here.
OLD_PAGES = {
    "news.html": "news/index.html",
    "news/2020.html": "news/archive.html#year-2020",
    "news/2021.html": "news/archive.html#year-2021",
    "news/tag.html": "news/tags/index.html",
    "news/tag/python-3.html": "news/tags/python-3.html",
    "news/tag/sphinx.html": "news/tags/sphinx.html",
    "news/tag/notes.html": "news/tags/notes.html",
    "news/author.html": "news/authors/index.html",
    "news/author/ahmet-bakan.html": "news/authors/ahmet.html",
    "news/author/tyler-durden.html": "news/authors/durden.html",
    "news/category.html": "news/categories/index.html",
    "news/category/releases.html": "news/categories/releases.html",
    "news/category/tutorials.html": "news/categories/tutorials.html",
    "news/location.html": "news/locations/index.html",
    "news/location/pittsburgh.html": "news/locations/pitt.html",
    "news/location/san-francisco.html": "news/locations/sf.html",
    "news/language.html": "news/languages/index.html",
    "news/language/english.html": "news/languages/en.html",
    "news/language/francais.html": "news/languages/fr.html",
}
#: ABlog's feeds (blog_feed_archives) -> ours.
OLD_FEEDS = {
    "news/tag/python-3/atom.xml": "news/tags/python-3/atom.xml",
    "news/author/tyler-durden/atom.xml": "news/authors/durden/atom.xml",
    "news/category/tutorials/atom.xml": "news/categories/tutorials/atom.xml",
    "news/location/pittsburgh/atom.xml": "news/locations/pitt/atom.xml",
    "news/language/francais/atom.xml": "news/languages/fr/atom.xml",
    "news/2021/atom.xml": "news/archive/2021/atom.xml",
}


def _dirhtml(name: str) -> str:
    page, _, anchor = name.partition("#")
    stem = page.removesuffix(".html")
    page = f"{stem.removesuffix('/index')}/index.html"
    return page + (f"#{anchor}" if anchor else "")


def redirect_of(outdir: Path, old: str) -> str:
    """Where the redirect page at ``old`` sends the reader, as an output path."""
    soup = soup_of(outdir / old)
    content = soup.select_one('meta[http-equiv="refresh"]')["content"]
    url = re.match(r"0; url=(.*)", content).group(1)
    target, _, anchor = url.partition("#")
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(old), target))
    if target.endswith("/"):
        resolved += "/index.html"
    return resolved + (f"#{anchor}" if anchor else "")


def test_ablog_urls_redirect_in_html(shared_build):
    app = shared_build("ablog-every-setting")
    assert app.warning.getvalue() == ""
    out = Path(app.outdir)
    for old, new in OLD_PAGES.items():
        assert redirect_of(out, old) == new, old
        assert (out / new.partition("#")[0]).is_file()
    for old, new in OLD_FEEDS.items():
        assert (out / old).read_bytes() == (out / new).read_bytes(), old
    # the old URLs that our pages have kept are our pages, not redirects
    assert soup_of(out / "news/drafts.html").select_one(".blogposts-page-drafts") is not None
    assert soup_of(out / "news/archive.html").select_one(".blogposts-page-archive") is not None


def test_ablog_urls_redirect_in_dirhtml(shared_build):
    app = shared_build("ablog-every-setting", "dirhtml")
    assert app.warning.getvalue() == ""
    out = Path(app.outdir)
    for old, new in OLD_PAGES.items():
        if old == "news.html":
            # ABlog's blog page is news/index.html in dirhtml: that is ours
            assert soup_of(out / "news/index.html").select_one(".blogposts-card") is not None
            continue
        assert redirect_of(out, _dirhtml(old)) == _dirhtml(new), old


def test_no_ablog_redirects_without_ablog_settings(shared_build):
    app = shared_build("small-blog")
    assert not Path(app.outdir, "blog", "tag").exists()
    assert not Path(app.outdir, "blog.html").exists()


def test_redirects_of_values_gone_are_removed(make_app, editable_root):
    srcdir = editable_root("ablog-every-setting")
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    app.cleanup()
    out = Path(app.outdir)
    assert (out / "news/tag/sphinx.html").is_file()
    time.sleep(0.01)
    post = srcdir / "news" / "first-steps.rst"
    post.write_text(
        post.read_text(encoding="utf-8").replace("Python 3, Sphinx", "Python 3"), "utf-8"
    )
    app = make_app("html", srcdir=srcdir)
    app.build()
    app.cleanup()
    assert not (out / "news/tag/sphinx.html").exists()
    assert not (out / "news/tag/sphinx").exists()
    assert redirect_of(out, "news/tag/python-3.html") == "news/tags/python-3.html"


def test_each_feed_root_of_blog_feed_templates_answers(shared_build):
    app = shared_build(
        "ablog-every-setting",
        "html",
        confoverrides={"blog_feed_templates": {"atom": {}, "social": {"content": "{{ title }}"}}},
    )
    out = Path(app.outdir)
    assert (out / "news/social.xml").read_bytes() == (out / "news/atom.xml").read_bytes()
    tag = out / "news/tags/python-3/atom.xml"
    assert (out / "news/tag/python-3/social.xml").read_bytes() == tag.read_bytes()
    assert (out / "news/2020/social.xml").read_bytes() == (
        out / "news/archive/2020/atom.xml"
    ).read_bytes()


def test_redirect_option_names_each_a_page_and_a_problem_is_one_warning(make_app, editable_root):
    """``:redirect:`` pages sit among ABlog's old URLs: a name a post asks for wins over
    ABlog's page of that name, a name that cannot be a redirect is one warning at the
    option's line, and a name no longer asked for goes back to ABlog or the next post."""
    srcdir = editable_root("ablog-every-setting")
    post = srcdir / "news" / "moved.rst"
    post.write_text(
        "Moved\n=====\n\n.. post:: 2021-02-03\n"
        "   :redirect: news/tag, old/moved/, ../out, index, news/first-steps\n\nMoved.\n",
        encoding="utf-8",
    )
    (srcdir / "news" / "twin.rst").write_text(
        "Twin\n====\n\n.. post:: 2021-02-04\n   :redirect: /old/moved.html\n\nTwin.\n",
        encoding="utf-8",
    )
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    app.cleanup()
    out = Path(app.outdir)
    for old in ("news/tag.html", "old/moved.html"):
        refresh = soup_of(out / old).select_one('meta[http-equiv="refresh"]')["content"]
        delay, _, url = refresh.partition("; url=")
        assert (
            delay == "3"  # the site's post_redirect_refresh
            and posixpath.normpath(posixpath.join(posixpath.dirname(old), url)) == "news/moved.html"
        ), (old, refresh)
    warnings = [w for w in blog_warnings(app) if "[blogposts.redirect]" in w]
    problems = {
        "'../out' is not a page name",
        "'index' is a page of this site",
        "'news/first-steps' is a page of this site",
        "'/old/moved.html' is the old name of news/moved too",
    }
    assert len(warnings) == len(problems), warnings
    for problem in problems:
        [warning] = [w for w in warnings if problem in w]
        source = "news/twin.rst:" if "old name" in problem else "news/moved.rst:"
        assert source in warning.replace("\\", "/"), warning
    assert not (out.parent / "out.html").exists()

    # the names given up: ABlog's page is a redirect to ours again, the twin gets its name
    post.write_text(post.read_text(encoding="utf-8").replace("news/tag, old/moved/, ", ""), "utf-8")
    time.sleep(0.01)
    app = make_app("html", srcdir=srcdir)
    app.build()
    app.cleanup()
    assert redirect_of(out, "news/tag.html") == "news/tags/index.html"
    twin = soup_of(out / "old/moved.html").select_one('meta[http-equiv="refresh"]')["content"]
    assert twin == "3; url=../news/twin.html"
    assert not [w for w in blog_warnings(app) if "old name" in w]
