"""The generated pages render inside each popular theme, through the theme's own page.html."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import soup_of

THEMES = ["alabaster", "furo", "pydata_sphinx_theme", "sphinx_book_theme", "sphinx_rtd_theme"]


@pytest.mark.parametrize("theme", THEMES)
def test_generated_pages_render_in_theme(make_app, editable_root, theme):
    app = make_app(
        "html", srcdir=editable_root("blog"), freshenv=True, confoverrides={"html_theme": theme}
    )
    app.build()
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
