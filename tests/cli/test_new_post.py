"""``python -m sphinx_blogposts new`` starts a post that the blog picks up as written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sphinx_blogposts.scaffold import main
from tests.conftest import PROJECT, soup_of


def test_new_post_builds_into_the_blog(make_app, tmp_path, monkeypatch, capsys):
    src = tmp_path / "site"
    src.mkdir()
    (src / "conf.py").write_text(
        'extensions = ["sphinx_blogposts"]\n'
        'blogposts_authors = {"jane": {"name": "Jane Doe"}}\n'
        'html_baseurl = "https://example.org/"\n',
        encoding="utf-8",
    )
    (src / "index.md").write_text("# Home\n", encoding="utf-8")
    monkeypatch.chdir(src)
    code = main(
        [
            "new",
            "Release 1.0: what's new?",
            "--tags",
            "release, news",
            "--author",
            "jane",
            "--date",
            "2026-03-04",
        ]
    )
    assert code == 0
    path = Path("blog/2026-03-04-release-1-0-what-s-new/index.md")
    assert capsys.readouterr().out.strip() == str(path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: 'Release 1.0: what''s new?'\n")
    assert "<!-- truncate -->" in text

    app = make_app("html", srcdir=src, freshenv=True)
    app.build()
    assert app.warning.getvalue() == ""
    index = soup_of(Path(app.outdir, "blog/index.html"))
    (card,) = index.select(".blogposts-card")
    assert card.select_one(".blogposts-card-title").get_text() == "Release 1.0: what's new?"
    assert card.select_one("time")["datetime"].startswith("2026-03-04")
    assert [a.get_text() for a in card.select(".blogposts-tag")] == ["release", "news"]
    assert card.select_one(".blogposts-author").get_text() == "Jane Doe"
    excerpt = card.select_one(".blogposts-excerpt").get_text()
    assert "opening paragraph" in excerpt and "rest of the post" not in excerpt


def test_refuses_to_overwrite(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    args = ["new", "Same title", "--date", "2026-01-02", "--dir", "news"]
    assert main(args) == 0
    path = tmp_path / "news/2026-01-02-same-title/index.md"
    path.write_text("my words\n", encoding="utf-8")
    capsys.readouterr()
    assert main(args) == 1
    assert "already exists" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "my words\n"


@pytest.mark.parametrize(
    "title, folder",
    [
        ("Q&A #2", "2026-01-02-q-a-2"),
        ("日本語だけ", "2026-01-02-post"),
        ("C++ tips", "2026-01-02-c-plus-plus-tips"),
    ],
)
def test_slugs(tmp_path, monkeypatch, title, folder):
    monkeypatch.chdir(tmp_path)
    assert main(["new", title, "--date", "2026-01-02"]) == 0
    assert (tmp_path / "blog" / folder / "index.md").is_file()


def test_bad_input(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["new", "   "]) == 2
    with pytest.raises(SystemExit):
        main(["new", "x", "--date", "04/03/2026"])
    assert "YYYY-MM-DD" in capsys.readouterr().err
    assert not (tmp_path / "blog").exists()


def test_module_entry_point(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(PROJECT)}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx_blogposts",
            "new",
            "From the shell",
            "--date",
            "2026-05-06",
            "--draft",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    path = tmp_path / "blog/2026-05-06-from-the-shell/index.md"
    assert result.stdout.strip() == str(Path("blog/2026-05-06-from-the-shell/index.md"))
    assert "draft: true" in path.read_text(encoding="utf-8")
