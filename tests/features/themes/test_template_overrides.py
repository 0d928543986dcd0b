"""A theme's own blogposts/*.html templates override the extension's; a project's override both."""

from __future__ import annotations


def test_project_then_theme_then_ours(shared_build, page):
    app = shared_build("theme-templates")
    assert app.warning.getvalue() == ""
    hello = page(app, "blog/hello.html")
    # the project's post header wins over the theme's
    assert hello.select_one(".project-header").get_text() == "Hello <world>"
    assert hello.select_one(".theme-header") is None
    # the theme's footer wins over ours
    assert hello.select_one(".theme-footer") is not None
    assert hello.select_one(".blogposts-post-nav") is None
    # sidebars come from the theme too
    assert [s.get_text() for s in hello.select(".theme-recent span")] == ["Hello <world>"]
    # what the theme does not override is ours
    assert page(app, "blog/index.html").select_one(".blogposts-card") is not None
