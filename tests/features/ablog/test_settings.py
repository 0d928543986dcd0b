"""ABlog's conf.py settings under ABlog's names: a site switches by changing one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from sphinx.util.console import strip_escape_sequences

from tests.conftest import blog_warnings, card_titles


def test_ablog_settings_are_read(shared_build, page):
    app = shared_build("ablog-every-setting")
    assert app.warning.getvalue() == ""
    # blog_path: the blog is under news/; a page there without a post directive is no post
    index = page(app, "news/index.html")
    assert card_titles(index) == ["Notes", "Release one", "First steps"]
    # blog_title
    assert index.select_one(".blogposts-page h1").get_text() == "Site News"
    release = page(app, "news/release/index.html")
    header = release.select_one(".blogposts-post-header")
    # post_date_format, a strftime format
    assert header.select_one("time.blogposts-date").get_text() == "04 March 2021"
    # blog_default_author names the author of a post that names none; blog_authors' names
    assert [a.get_text() for a in header.select(".blogposts-author")] == ["Ahmet Bakan"]
    first = page(app, "news/first-steps.html")
    assert [a.get_text() for a in first.select(".blogposts-post-header .blogposts-author")] == [
        "Tyler Durden"
    ]
    # post_show_prev_next = False
    assert release.select_one(".blogposts-post-nav") is None
    # blog_baseurl gives the feeds their absolute links; blog_feed_subtitle; blog_feed_archives
    feed = Path(app.outdir, "news", "atom.xml").read_text(encoding="utf-8")
    assert "https://example.org/news/release/index.html" in feed
    assert "What happens here" in feed
    assert Path(app.outdir, "news", "tags", "python-3", "atom.xml").is_file()


def test_settings_without_counterpart_are_one_info_message(shared_build):
    app = shared_build("ablog-every-setting")
    status = strip_escape_sequences(app.status.getvalue())
    lines = [line for line in status.splitlines() if "without a counterpart" in line]
    assert len(lines) == 1
    assert "fontawesome_link_cdn" in lines[0]
    # disqus_shortname is kept for comments; set to ABlog's default, a name says nothing
    assert "disqus_shortname" not in lines[0]
    assert "post_auto_orphan" not in lines[0]
    assert app.warning.getvalue() == ""


def test_our_name_wins_with_one_warning(shared_build, page):
    app = shared_build(
        "ablog-every-setting",
        "html",
        confoverrides={"blogposts_title": "Ours", "blogposts_path": "news"},
    )
    warnings = blog_warnings(app)
    assert len(warnings) == 1, warnings
    assert "blog_title (blogposts_title is used)" in warnings[0]
    assert "blog_path" not in warnings[0]  # the same value under both names: nothing to say
    assert page(app, "news/index.html").select_one(".blogposts-page h1").get_text() == "Ours"


def test_invalid_ablog_value_is_one_warning_under_its_name(shared_build, page):
    app = shared_build("ablog-every-setting", confoverrides={"blog_default_author": 5})
    warnings = blog_warnings(app)
    assert len(warnings) == 1, warnings
    assert "blog_default_author = 5 is not valid" in warnings[0]
    release = page(app, "news/release/index.html")
    assert release.select(".blogposts-post-header .blogposts-author") == []


def test_invalid_value_is_reported_under_the_ablog_name(shared_build):
    app = shared_build("ablog-every-setting", confoverrides={"post_auto_image": [2]})
    warnings = blog_warnings(app)
    assert len(warnings) == 1, warnings
    assert warnings[0].split("WARNING: ")[1].startswith("post_auto_image = [2] is not valid")


def test_ablog_site_without_baseurl_has_no_feed_and_no_warning(shared_build):
    app = shared_build("ablog-every-setting", confoverrides={"blog_baseurl": ""})
    assert app.warning.getvalue() == ""
    assert not Path(app.outdir, "news", "atom.xml").exists()
    assert Path(app.outdir, "news", "index.html").is_file()


def test_changing_an_ablog_setting_rebuilds(make_app, editable_root, page):
    srcdir = editable_root("ablog-every-setting")
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    app.cleanup()
    conf = srcdir / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8").replace('"Site News"', '"Our News"'), "utf-8")
    app = make_app("html", srcdir=srcdir)
    app.build()
    app.cleanup()
    assert page(app, "news/index.html").select_one(".blogposts-page h1").get_text() == "Our News"
    feed = Path(app.outdir, "news", "atom.xml").read_text(encoding="utf-8")
    assert "<title>Our News</title>" in feed


def test_disqus_names_shared_with_other_extensions(make_app, editable_root, page):
    """sphinxcontrib-disqus registers disqus_shortname too: both load, and the name alone
    does not make a site an ABlog site (its posts are still found by folder)."""
    srcdir = editable_root("small-blog")
    (srcdir / "other_disqus.py").write_text(
        "def setup(app):\n"
        "    app.add_config_value('disqus_shortname', None, 'html')\n"
        "    return {'parallel_read_safe': True}\n",
        "utf-8",
    )
    conf = srcdir / "conf.py"
    conf.write_text(
        "import sys, os\nsys.path.insert(0, os.path.dirname(__file__))\n"
        + conf.read_text(encoding="utf-8").replace(
            '["sphinx_blogposts"]', '["sphinx_blogposts", "other_disqus"]'
        )
        + 'disqus_shortname = "my-site"\n',
        "utf-8",
    )
    app = make_app("html", srcdir=srcdir, freshenv=True)
    app.build()
    assert blog_warnings(app) == []
    assert app.config.blogposts_disqus_shortname == "my-site"
    assert card_titles(page(app, "blog/index.html"))  # blog/** posts are posts
    assert not Path(app.outdir, "blog", "tag").exists()  # no ABlog redirects


@pytest.mark.parametrize("given", [1, "1"])  # "1": as -D post_auto_image=1 gives it
def test_post_auto_image_gives_the_card_its_first_image(make_app, editable_root, given, page):
    app = make_app(
        "html",
        srcdir=editable_root("ablog-every-setting"),
        freshenv=True,
        confoverrides={"post_auto_image": given},
    )
    app.build()
    assert app.warning.getvalue() == ""
    index = page(app, "news/index.html")
    images = {
        c.select_one(".blogposts-card-title a").get_text(): c.select_one(
            ".blogposts-card-image img"
        )
        for c in index.select(".blogposts-card")
    }
    assert images["Release one"]["src"].endswith("shot.png")
    assert images["First steps"] is None  # a post without images has none


def test_an_ablog_site_without_date_formats_shows_ablogs_dates(make_app, editable_root, page):
    """ABlog's defaults, ``%d %B %Y`` and ``%d %B``, where the site sets neither."""
    src = editable_root("ablog-every-setting")
    conf = src / "conf.py"
    text = conf.read_text(encoding="utf-8")
    text = text.replace('post_date_format = "%d %B %Y"\n', "").replace(
        'post_date_format_short = "%d %b"\n', ""
    )
    conf.write_text(text, encoding="utf-8")
    app = make_app("html", srcdir=src, freshenv=True)
    app.build()
    release = page(app, "news/release/index.html")
    header = release.select_one(".blogposts-post-header")
    assert header.select_one("time.blogposts-date").get_text() == "04 March 2021"
    recent = release.select_one(".blogposts-sidebar-recent, .blogposts-recent")
    assert recent is not None
    assert "04 March" in recent.get_text()
    assert "2021" not in " ".join(t.get_text() for t in recent.select("time"))


def test_a_site_that_configures_nothing_but_uses_ablog_posts_is_an_ablog_site(shared_build, page):
    """conf.py names nothing of ABlog's nor ours, its posts use ABlog's post directive: ABlog's
    defaults (no feed and no warning without a base URL, its dates, its URLs, a drafts page)."""
    app = shared_build("ablog-unconfigured")
    assert app.config.blogposts_engine == "ablog"
    assert strip_escape_sequences(app.warning.getvalue()) == ""
    out = Path(app.outdir)
    assert not (out / "blog" / "atom.xml").exists()
    for old in ("blog.html", "blog/2020.html", "blog/2021.html", "blog/drafts.html"):
        assert (out / old).is_file(), old
    header = page(app, "first.html").select_one(".blogposts-post-header")
    assert header.select_one("time.blogposts-date").get_text() == "05 June 2020"


@pytest.mark.parametrize("how", ["a folder of posts", "blogposts_engine"])
def test_a_site_with_our_posts_or_our_word_keeps_our_defaults(make_app, editable_root, how):
    src = editable_root("ablog-unconfigured")
    if how == "a folder of posts":  # a Docusaurus-style post our pattern finds: our site
        (src / "blog").mkdir()
        (src / "blog" / "2022-01-01-ours.md").write_text("---\ntitle: Ours\n---\n\nText.\n")
    else:
        conf = src / "conf.py"
        conf.write_text(conf.read_text() + 'blogposts_engine = "blogposts"\n')
    app = make_app("html", srcdir=src, freshenv=True)
    app.build()
    assert app.config.blogposts_engine in (None, "blogposts")
    assert not Path(app.outdir, "blog.html").exists()
    assert "html_baseurl is not set" in strip_escape_sequences(app.warning.getvalue())
