"""Everything the blog shows is translated through the ``sphinx_blogposts`` catalog,
dates follow the project's language, and right-to-left languages mirror the layout."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from tests.conftest import PROJECT, soup_of

PACKAGE = PROJECT / "sphinx_blogposts"
LOCALES = PACKAGE / "locales"
LANGUAGES = ["de", "fr", "es", "ja", "zh_CN"]


def test_german_blog(shared_build):
    app = shared_build(
        "small-blog",
        "html",
        confoverrides={
            "language": "de",
            "blogposts_posts_per_page": 2,
            "html_sidebars": {"**": ["blogposts/recent.html", "blogposts/archives.html"]},
        },
    )
    assert app.warning.getvalue() == ""
    out = Path(app.outdir)
    index = soup_of(out / "blog/index.html")
    assert index.select_one(".blogposts-read-more a").get_text() == "Weiterlesen"
    assert index.select_one("a[rel=next]").get_text() == "Ältere Beiträge"
    assert index.select_one(".blogposts-page-number").get_text() == "Seite 1"
    assert index.select_one(".blogposts-sections").get_text() == "Schlagwörter · Autoren · Archiv"
    assert index.select_one(".blogposts-reading-time").get_text() == "1 Min. Lesezeit"
    assert index.select_one(".blogposts-meta ul")["aria-label"] == "Schlagwörter"
    page2 = soup_of(out / "blog/page/2.html")
    assert page2.h1.get_text() == "Blog, Seite 2"
    post = soup_of(out / "blog/2023/05/01/hello.html")
    assert post.select_one(".blogposts-post-header time").get_text() == "1. Mai 2023"
    assert "von" in post.select_one(".blogposts-authors").get_text()
    nav = post.select_one(".blogposts-post-nav")
    labels = [span.get_text() for span in nav.select(".blogposts-nav-label")]
    assert labels == ["Neuerer Beitrag", "Älterer Beitrag"]
    tag = soup_of(out / "blog/tags/mlflow.html")
    assert tag.h1.get_text() == "Beiträge mit dem Schlagwort „MLflow“"
    assert soup_of(out / "blog/authors/carly-akerly.html").h1.get_text() == (
        "Beiträge von Carly Akerly"
    )
    assert soup_of(out / "blog/archive.html").h1.get_text() == "Archiv"
    sidebar = soup_of(out / "other.html")
    assert sidebar.select_one(".blogposts-sidebar-recent .caption-text").get_text() == (
        "Neueste Beiträge"
    )
    assert sidebar.select_one(".blogposts-sidebar-recent time").get_text() == "26. Januar 2024"
    assert sidebar.select_one(".blogposts-sidebar-more a").get_text() == "Alle Beiträge"


@pytest.mark.parametrize(
    "language, read_more, tags, date",
    [
        ("fr", "Lire la suite", "Étiquettes", "1 mai 2023"),
        ("es", "Seguir leyendo", "Etiquetas", "1 de mayo de 2023"),
        ("ja", "続きを読む", "タグ", "2023年5月1日"),
        ("zh_CN", "阅读全文", "标签", "2023年5月1日"),
    ],
)
def test_other_languages(make_app, editable_root, language, read_more, tags, date):
    app = make_app(
        "html",
        srcdir=editable_root("small-blog"),
        freshenv=True,
        confoverrides={"language": language},
    )
    app.build()
    out = Path(app.outdir)
    index = soup_of(out / "blog/index.html")
    assert index.select_one(".blogposts-read-more a").get_text() == read_more
    assert soup_of(out / "blog/tags/index.html").h1.get_text() == tags
    post = soup_of(out / "blog/2023/05/01/hello.html")
    assert post.select_one(".blogposts-post-header time").get_text() == date


def test_right_to_left(shared_build):
    """Arabic: every block of the blog says dir="rtl", dates are Arabic, and the stylesheet
    only uses logical directions, so the layout mirrors instead of breaking."""
    app = shared_build(
        "small-blog",
        "html",
        confoverrides={"language": "ar", "html_sidebars": {"**": ["blogposts/recent.html"]}},
    )
    out = Path(app.outdir)
    index = soup_of(out / "blog/index.html")
    assert index.select_one("section.blogposts-page")["dir"] == "rtl"
    assert index.select_one(".blogposts-cards")["dir"] == "rtl"
    assert index.select_one(".blogposts-sidebar")["dir"] == "rtl"
    post = soup_of(out / "blog/2023/05/01/hello.html")
    assert post.select_one(".blogposts-post-header")["dir"] == "rtl"
    assert post.select_one(".blogposts-post-nav")["dir"] == "rtl"
    assert post.select_one(".blogposts-post-header time").get_text() == "1 مايو 2023"
    css = (out / "_static/blogposts.css").read_text(encoding="utf-8")
    physical = re.findall(
        r"(?:margin|padding|border)-(?:left|right)\s*:|text-align:\s*(?:left|right)", css
    )
    assert physical == []


def test_english_is_left_to_right(shared_build):
    app = shared_build("small-blog")
    index = soup_of(Path(app.outdir, "blog/index.html"))
    assert index.select_one("section.blogposts-page")["dir"] == "ltr"
    assert index.select_one(".blogposts-read-more a").get_text() == "Read more"


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogs_are_complete_and_compiled(language):
    """Each .po translates every message of the template, and its .mo is up to date."""
    with open(LOCALES / "sphinx_blogposts.pot", "rb") as f:
        template = {m.id for m in read_po(f) if m.id}
    folder = LOCALES / language / "LC_MESSAGES"
    with open(folder / "sphinx_blogposts.po", "rb") as f:
        po = {m.id: m.string for m in read_po(f) if m.id}
    with open(folder / "sphinx_blogposts.mo", "rb") as f:
        mo = {m.id: m.string for m in read_mo(f) if m.id}
    assert set(po) == template
    assert all(po.values())
    assert mo == po


def test_template_lists_every_message_in_the_code():
    """No ``_("...")`` in the package or its templates is missing from the .pot file."""
    with open(LOCALES / "sphinx_blogposts.pot", "rb") as f:
        template = {m.id for m in read_po(f) if m.id}
    used: set[str] = set()
    for path in [*PACKAGE.glob("**/*.py"), *PACKAGE.glob("templates/blogposts/*.html")]:
        text = path.read_text(encoding="utf-8")
        used.update(re.findall(r"""\b_\(\s*["']([^"']+)["']""", text))
    assert used
    assert used == template


def test_wheel_ships_compiled_catalogs(tmp_path):
    project = PROJECT
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(project / name, src / name)
    shutil.copytree(PACKAGE, src / "sphinx_blogposts", ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(tmp_path / "dist"),
            str(src),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = (tmp_path / "dist").glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for language in LANGUAGES:
        assert f"sphinx_blogposts/locales/{language}/LC_MESSAGES/sphinx_blogposts.mo" in names
    for sidebar in ("recent", "tags", "archives", "authors"):
        assert f"sphinx_blogposts/templates/blogposts/{sidebar}.html" in names
    assert "sphinx_blogposts/static/blogposts.css" in names


def test_gettext_builder_extracts_the_projects_messages_not_ours(make_app, editable_root):
    """A project translating its docs runs the gettext builder: it must not stop on the
    extension's templates (their messages take arguments), and the project's catalogs
    get the posts' text, not the extension's interface strings (it has its own)."""
    srcdir = editable_root("paginated-blog")
    # a list of its own: pydata-sphinx-theme and sphinx-book-theme append their folders to
    # Sphinx's default templates_path list, which every build in this process shares
    app = make_app("gettext", srcdir=srcdir, confoverrides={"templates_path": []})
    app.build()
    out = Path(app.outdir)
    blog = (out / "blog.pot").read_text(encoding="utf-8")
    # once, with its one location: the excerpt kept in the doctree is not a second source
    assert blog.count('msgid "Opening paragraph of post 8') == 1
    assert blog.count("2024-02-09-post-8.md:7") == 1
    assert not (out / "sphinx.pot").exists()  # no template messages of ours in the project's
    assert "Traceback" not in app.warning.getvalue()
