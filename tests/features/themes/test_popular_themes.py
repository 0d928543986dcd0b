"""The generated pages render inside each popular theme, through the theme's own page.html."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import soup_of

THEMES = ["alabaster", "furo", "pydata_sphinx_theme", "sphinx_book_theme", "sphinx_rtd_theme"]


@pytest.mark.parametrize("theme", THEMES)
def test_generated_pages_render_in_theme(shared_build, theme):
    app = shared_build("small-blog", confoverrides={"html_theme": theme})
    assert app.warning.getvalue() == ""
    out = Path(app.outdir)
    theme_css = {
        "alabaster": "alabaster.css",
        "furo": "furo.css",
        "pydata_sphinx_theme": "pydata-sphinx-theme.css",
        "sphinx_book_theme": "sphinx-book-theme.css",
        "sphinx_rtd_theme": "theme.css",
    }[theme]
    for name, title in (
        ("blog/index.html", "Blog"),
        ("blog/tags/mlflow.html", "Posts tagged “MLflow”"),
        ("blog/authors/carly-akerly.html", "Posts by Carly Akerly"),
        ("blog/archive.html", "Archive"),
    ):
        soup = soup_of(out / name)
        # the theme's own layout (its stylesheet) wraps the page, not an error page
        assert any(theme_css in link.get("href", "") for link in soup.find_all("link")), name
        assert soup.title.get_text().startswith(title), name
        section = soup.select_one("section.blogposts-page")
        assert section is not None and section.h1.get_text() == title, name
        assert any("blogposts.css" in link.get("href", "") for link in soup.find_all("link"))
    index = soup_of(out / "blog/index.html")
    assert len(index.select(".blogposts-card")) == 3
    post = soup_of(out / "blog/2023/05/01/hello.html")
    assert post.select_one(".blogposts-post-header .blogposts-author").get_text() == "Jane Doe"


def _declarations(css: str, selector: str) -> set[str]:
    """Custom properties declared in the rule blocks whose selector list contains ``selector``."""
    names: set[str] = set()
    for selectors, block in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
        if selector in selectors:
            names.update(re.findall(r"(--[\w-]+)\s*:", block))
    return names


@pytest.mark.parametrize(
    "theme, stylesheet, prefix, light, dark",
    [
        ("furo", "styles/furo.css", "--color-", "body", 'body[data-theme="dark"]'),
        (
            "pydata_sphinx_theme",
            "styles/pydata-sphinx-theme.css",
            "--pst-color-",
            'html[data-theme="light"]',
            'html[data-theme="dark"]',
        ),
    ],
)
def test_stylesheet_uses_variables_the_theme_sets_in_light_and_dark_mode(
    shared_build, theme, stylesheet, prefix, light, dark
):
    """The blog's colours come from variables the theme really defines for both modes, so
    they follow its light/dark switch (a misspelt variable would silently fall back)."""
    app = shared_build("small-blog", confoverrides={"html_theme": theme})
    static = Path(app.outdir, "_static")
    ours = (static / "blogposts.css").read_text(encoding="utf-8")
    used = {name for name in re.findall(r"var\((--[\w-]+)", ours) if name.startswith(prefix)}
    assert len(used) >= 4
    theirs = (static / stylesheet).read_text(encoding="utf-8")
    # minified CSS drops the quotes in attribute selectors
    normalise = lambda s: s.replace('"', "")  # noqa: E731
    theirs = normalise(theirs)
    light_names = _declarations(theirs, normalise(light))
    dark_names = _declarations(theirs, normalise(dark))
    assert used <= light_names, used - light_names
    assert used <= dark_names, used - dark_names


@pytest.mark.parametrize("theme", THEMES)
def test_series_and_related_posts_render_in_theme(make_app, editable_root, theme):
    app = make_app(
        "html", srcdir=editable_root("series"), freshenv=True, confoverrides={"html_theme": theme}
    )
    app.build()
    out = Path(app.outdir)
    part = soup_of(out / "blog/2024-01-05-rest-part.html")
    # inside the theme's article, the header first, then the box, the body, the list
    series = part.select_one(".blogposts-series")
    assert series is not None and "Part 2 of 4" in series.get_text()
    assert series.find_previous(class_="blogposts-post-header") is not None
    related = part.select_one(".blogposts-related")
    assert related is not None and len(related.select("li")) == 3
    assert related.find_next(class_="blogposts-post-nav") is not None
    for name, title in (
        ("blog/series/index.html", "Series"),
        ("blog/series/deep-dive.html", "Series “Deep Dive”"),
    ):
        soup = soup_of(out / name)
        assert soup.title.get_text().startswith(title), name
        assert soup.select_one("section.blogposts-page").h1.get_text() == title


@pytest.mark.parametrize("theme", THEMES)
def test_a_second_blog_renders_in_theme(make_app, editable_root, theme):
    app = make_app(
        "html",
        srcdir=editable_root("two-blogs"),
        freshenv=True,
        confoverrides={"html_theme": theme},
    )
    app.build()
    out = Path(app.outdir)
    for name, title in (
        ("news/index.html", "News"),
        ("news/tags/release.html", "Posts tagged “release”"),
    ):
        soup = soup_of(out / name)
        assert soup.title.get_text().startswith(title), name
        assert soup.select_one("section.blogposts-page").h1.get_text() == title
    post = soup_of(out / "news/2024-02-15-news-two.html")
    assert "Part 2 of 2 in Launch" in " ".join(
        post.select_one(".blogposts-series").get_text().split()
    )
    assert [a.get_text() for a in post.select(".blogposts-related a")] == ["News three", "News one"]
