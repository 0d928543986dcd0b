"""Docusaurus posts with no date anywhere: dated by their file's first git commit, else
its modification time, as Docusaurus dates them; listed, with no warning."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from sphinx_blogposts.reading import file_history
from tests.conftest import blog_warnings, card, card_titles, soup_of
from tests.features.posts.test_last_updated import (
    atom_updated,
    built_with_git_dates,
    checkout,
    commit_edit,
    git,
)

FOLDER = "blog/folder-post/index.html"
SPACED = "blog/no date/index.html"  # Docusaurus kept the space in the address


def post_date(app, name: str) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """The date in a post's header: its text and its machine-readable value."""
    time = soup_of(Path(app.outdir, name)).select_one(".blogposts-post-header time.blogposts-date")
    return time.get_text(strip=True), time["datetime"]


def index_date(app, title: str) -> str:  # type: ignore[no-untyped-def]
    return card(soup_of(Path(app.outdir, "blog/index.html")), title).select_one("time")["datetime"]


def committed_root(editable_root, as_name: str | None = None) -> Path:  # type: ignore[no-untyped-def]
    """The root in a checkout: the folder post added in March 2023 and edited in June 2024;
    the spaced post added in July 2023, late in the evening at -04:00."""
    src = editable_root("docusaurus-undated", as_name=as_name)
    spaced = src / "blog/no date.md"
    text = spaced.read_text()
    spaced.unlink()
    checkout(src, "2023-03-04T10:00:00+02:00")
    spaced.write_text(text)
    git(src, "add", ".")
    git(src, "commit", "-qm", "spaced", date="2023-07-08T23:30:00-04:00")
    commit_edit(src / "blog/folder-post/index.md", "2024-06-01T12:00:00+00:00")
    return src


def test_undated_posts_take_their_first_commit_date(make_app, editable_root, monkeypatch):
    # last-update dates from git too: the one git call serves both
    app = built_with_git_dates(make_app, committed_root(editable_root), monkeypatch)
    assert app.warning.getvalue() == ""
    # the first commit, not the last; in blogposts_timezone (UTC)
    assert post_date(app, FOLDER) == ("March 4, 2023", "2023-03-04T08:00:00+00:00")
    assert post_date(app, SPACED) == ("July 9, 2023", "2023-07-09T03:30:00+00:00")
    assert index_date(app, "Folder post") == "2023-03-04T08:00:00+00:00"
    assert index_date(app, "Spaced name") == "2023-07-09T03:30:00+00:00"
    index = soup_of(Path(app.outdir, "blog/index.html"))
    assert card_titles(index) == ["Spaced name", "Dated by its name", "Folder post"]
    assert card_titles(soup_of(Path(app.outdir, "blog/tags/undated.html"))) == ["Folder post"]
    assert atom_updated(app)["Folder post"] == "2024-06-01T12:00:00+00:00"  # its last commit
    # an ABlog post with no date stays a silent draft
    assert "ABlog draft" not in card_titles(index)
    status = app.status.getvalue()
    assert status.count("have no date in their front matter or path") == 1
    assert "2 post(s) have no date" in status and ": 2 by their file's first git commit" in status


def test_a_rebuild_keeps_the_git_date(make_app, editable_root):
    src = committed_root(editable_root)
    app = make_app("html", srcdir=src, freshenv=True)
    app.build()
    # the other post changes: the undated ones are not read again
    dated = src / "blog/2023-05-01-dated.md"
    dated.write_text(dated.read_text() + "\nMore.\n")
    app = make_app("html", srcdir=src)
    app.build()
    assert post_date(app, FOLDER)[1] == "2023-03-04T08:00:00+00:00"
    # the undated post changes (its file's time is now): read again, dated by git again
    folder = src / "blog/folder-post/index.md"
    folder.write_text(folder.read_text() + "\nYet more.\n")
    app = make_app("html", srcdir=src)
    app.build()
    assert "have no date" in app.status.getvalue()
    assert post_date(app, FOLDER)[1] == "2023-03-04T08:00:00+00:00"
    assert index_date(app, "Folder post") == "2023-03-04T08:00:00+00:00"
    assert blog_warnings(app) == []


def test_parallel_workers_get_the_git_dates(make_app, editable_root):
    src = committed_root(editable_root, as_name="parallel")
    app = make_app("html", srcdir=src, freshenv=True, parallel=2)
    app.build()
    assert post_date(app, FOLDER)[1] == "2023-03-04T08:00:00+00:00"
    assert post_date(app, SPACED)[1] == "2023-07-09T03:30:00+00:00"
    assert app.warning.getvalue() == ""


def test_without_git_the_file_time_dates_the_post(make_app, editable_root):
    src = editable_root("docusaurus-undated")  # a temporary folder: no checkout around it
    when = datetime(2022, 11, 5, 14, 30, tzinfo=UTC).timestamp()
    os.utime(src / "blog/folder-post/index.md", (when, when))
    os.utime(src / "blog/no date.md", (when + 86400, when + 86400))
    app = make_app("html", srcdir=src, freshenv=True)
    app.build()
    assert app.warning.getvalue() == ""
    assert post_date(app, FOLDER) == ("November 5, 2022", "2022-11-05T14:30:00+00:00")
    assert post_date(app, SPACED)[1] == "2022-11-06T14:30:00+00:00"
    assert index_date(app, "Folder post") == "2022-11-05T14:30:00+00:00"
    assert "2 by the file's modification time" in app.status.getvalue()


def test_parse_git_log_keeps_each_file_first_commit():
    """Newest first, as git lists them: the last record naming a file is its first commit."""
    output = (
        "\x1e2024-06-01T12:00:00+00:00 2024-06-02T12:00:00+00:00\x00\nblog/a.md\x00"
        "\x1e2023-07-08T23:30:00-04:00 2023-07-08T23:45:00-04:00\x00\nblog/b c.md\x00"
        "\x1e2023-03-04T10:00:00+02:00 2023-03-05T10:00:00+02:00\x00\nblog/a.md\x00"
        "\x1enot a date\x00\nblog/ignored.md\x00"
    )
    found = file_history.parse_git_log(output, UTC)
    assert {
        k: (v.first_committed.isoformat(), v.last_authored.isoformat()) for k, v in found.items()
    } == {
        "blog/a.md": ("2023-03-05T08:00:00+00:00", "2024-06-01T12:00:00+00:00"),
        "blog/b c.md": ("2023-07-09T03:45:00+00:00", "2023-07-09T03:30:00+00:00"),
    }
