"""When a post was last updated: from its front matter in three engines' words, or git."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import UTC
from pathlib import Path

import pytest
from lxml import etree

from sphinx_blogposts.reading import file_history
from tests.conftest import blog_warnings, soup_of
from tests.features.incremental.test_rebuild_cost import rewritten, snapshot

ATOM = "{http://www.w3.org/2005/Atom}"


def shown(app, name: str) -> tuple[str, str] | None:
    """The "Updated ..." line of a post's page and its machine-readable date."""
    line = soup_of(Path(app.outdir, name)).select_one(".blogposts-post-header .blogposts-updated")
    if line is None:
        return None
    return line.get_text(" ", strip=True), line.time["datetime"]


def modified(app, name: str) -> str:
    soup = soup_of(Path(app.outdir, name))
    return json.loads(soup.find("script", type="application/ld+json").string)["dateModified"]


def atom_updated(app) -> dict[str, str]:
    root = etree.parse(str(Path(app.outdir, "blog/atom.xml"))).getroot()
    entries = root.iter(f"{ATOM}entry")
    return {e.findtext(f"{ATOM}title"): e.findtext(f"{ATOM}updated") for e in entries}


def test_front_matter_in_three_dialects(shared_build):
    app = shared_build("pins-authors-updates")
    assert blog_warnings(app) == []
    assert shown(app, "blog/2024-01-01-first.html") == (
        "Updated February 1, 2024",
        "2024-02-01T00:00:00+00:00",
    )
    # Docusaurus: last_update: {date, author}
    assert shown(app, "blog/2024-01-02-docusaurus.html") == (
        "Updated March 1, 2024 by Grace",
        "2024-03-01T00:00:00+00:00",
    )
    # MkDocs Material: date: {created, updated}; the post is dated by "created"
    assert shown(app, "blog/2024-01-03-material.html") == (
        "Updated January 20, 2024",
        "2024-01-20T00:00:00+00:00",
    )
    material = soup_of(Path(app.outdir, "blog/2024-01-03-material.html"))
    assert material.select_one(".blogposts-date")["datetime"] == "2024-01-03T00:00:00+00:00"
    assert shown(app, "blog/2024-01-07-plain.html") is None
    assert modified(app, "blog/2024-01-02-docusaurus.html") == "2024-03-01T00:00:00+00:00"
    assert modified(app, "blog/2024-01-07-plain.html") == "2024-01-07T00:00:00+00:00"
    entries = atom_updated(app)
    assert entries["Material style"] == "2024-01-20T00:00:00+00:00"
    assert entries["A plain post"] == "2024-01-07T00:00:00+00:00"


def test_updated_is_translated(shared_build):
    app = shared_build("pins-authors-updates", confoverrides={"language": "de"})
    assert shown(app, "blog/2024-01-01-first.html")[0] == "Aktualisiert am 1. Februar 2024"


def test_bad_update_dates_warn_once_each(make_app, editable_root):
    src = editable_root("pins-authors-updates")
    first = src / "blog/2024-01-01-first.md"
    first.write_text(first.read_text().replace("updated: 2024-02-01", "updated: soon"))
    material = src / "blog/2024-01-03-material.md"
    material.write_text(material.read_text().replace("2024-01-20", "2023-12-01"))
    app = make_app("html", srcdir=src, freshenv=True)
    app.build()
    warnings = blog_warnings(app)
    assert len(warnings) == 2, warnings
    assert "2024-01-01-first.md:7" in warnings[0] and "'updated'" in warnings[0]
    assert "2024-01-03-material.md" in warnings[1] and "before it was published" in warnings[1]
    assert shown(app, "blog/2024-01-01-first.html") is None
    assert shown(app, "blog/2024-01-03-material.html") is None


def git(src: Path, *args: str, date: str | None = None) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "T",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "T",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date
    subprocess.run(["git", *args], cwd=src, env=env, check=True, capture_output=True)


def checkout(src: Path, date: str) -> None:
    """``src`` made a git checkout, everything in it committed at ``date``."""
    git(src, "init", "-q")
    git(src, "add", ".")
    git(src, "commit", "-qm", "import", date=date)


def commit_edit(path: Path, date: str) -> None:
    """A paragraph added to ``path``, committed at ``date``."""
    path.write_text(path.read_text() + "\nA later paragraph.\n")
    git(path.parent, "commit", "-qam", "edit", date=date)


def git_root(editable_root) -> Path:  # type: ignore[no-untyped-def]
    """The root in a checkout: everything committed before any post's date, then the
    plain post edited in May 2024."""
    src = editable_root("pins-authors-updates")
    checkout(src, "2023-01-01T10:00:00+02:00")
    commit_edit(src / "blog/2024-01-07-plain.md", "2024-05-05T23:30:00+02:00")
    return src


def built_with_git_dates(make_app, src: Path, monkeypatch):  # type: ignore[no-untyped-def]
    """A fresh build of ``src`` with git's last-update dates, which asks git once."""
    calls: list[list[str]] = []
    real = subprocess.run

    def counting(args, **kwargs):  # type: ignore[no-untyped-def]
        if args[:2] == ["git", "log"]:
            calls.append(args)
        return real(args, **kwargs)

    monkeypatch.setattr(file_history.subprocess, "run", counting)
    app = make_app(
        "html", srcdir=src, freshenv=True, confoverrides={"blogposts_last_updated": "git"}
    )
    app.build()
    assert len(calls) == 1
    return app


def test_git_dates_one_call_per_build(make_app, editable_root, monkeypatch):
    app = built_with_git_dates(make_app, git_root(editable_root), monkeypatch)
    assert blog_warnings(app) == []
    # read in blogposts_timezone (UTC): 23:30 at +02:00 is 21:30 UTC
    assert shown(app, "blog/2024-01-07-plain.html") == (
        "Updated May 5, 2024",
        "2024-05-05T21:30:00+00:00",
    )
    assert modified(app, "blog/2024-01-07-plain.html") == "2024-05-05T21:30:00+00:00"
    assert atom_updated(app)["A plain post"] == "2024-05-05T21:30:00+00:00"
    # committed before their date: not updated; front matter beats git
    assert shown(app, "blog/2024-01-05-quiet.html") is None
    assert shown(app, "blog/2024-01-01-first.html")[1] == "2024-02-01T00:00:00+00:00"


def test_git_date_change_without_source_change_rewrites_the_post(make_app, editable_root):
    src = git_root(editable_root)
    overrides = {"blogposts_last_updated": "git"}
    app = make_app("html", srcdir=src, confoverrides=overrides)
    app.build()
    out = Path(app.outdir)
    before = snapshot(out)
    git(src, "commit", "-q", "--amend", "--no-edit", "--date=2024-06-06T12:00:00+00:00")
    app = make_app("html", srcdir=src, confoverrides=overrides)
    app.build()
    assert rewritten(before, snapshot(out)) == {"blog/2024-01-07-plain.html"}
    assert shown(app, "blog/2024-01-07-plain.html")[1] == "2024-06-06T12:00:00+00:00"
    assert atom_updated(app)["A plain post"] == "2024-06-06T12:00:00+00:00"


@pytest.mark.parametrize("without", ["checkout", "git"])
def test_no_checkout_or_no_git_goes_on_quietly(make_app, editable_root, monkeypatch, without):
    src = editable_root("pins-authors-updates")  # a temporary folder: no checkout around it
    if without == "git":
        git(src, "init", "-q")
        monkeypatch.setenv("PATH", str(src / "nothing-here"))
    app = make_app(
        "html", srcdir=src, freshenv=True, confoverrides={"blogposts_last_updated": "git"}
    )
    app.build()
    assert app.warning.getvalue() == ""
    assert shown(app, "blog/2024-01-07-plain.html") is None
    assert shown(app, "blog/2024-01-01-first.html") is not None  # front matter still counts


def test_parse_git_log_keeps_the_newest_author_date_of_each_file():
    output = (
        "\x1e2024-03-01T10:00:00+01:00 2024-03-02T10:00:00+01:00\x00"
        '\nblog/a.md\x00blog/we ird".md\x00'
        "\x1e2024-01-01T10:00:00+00:00 2024-01-01T11:00:00+00:00\x00\nblog/a.md\x00blog/b.md\x00"
    )
    found = file_history.parse_git_log(output, UTC)
    assert {k: v.last_authored.isoformat() for k, v in found.items()} == {
        "blog/a.md": "2024-03-01T09:00:00+00:00",
        'blog/we ird".md': "2024-03-01T09:00:00+00:00",
        "blog/b.md": "2024-01-01T10:00:00+00:00",
    }


def test_git_dates_in_a_parallel_build_match_a_serial_one(make_app, editable_root):
    """Git is asked in the main process; pages written by -j workers show the same dates."""
    pages = []
    for jobs in (1, 2):
        src = git_root(lambda name, jobs=jobs: editable_root(name, as_name=f"j{jobs}"))
        app = make_app(
            "html",
            srcdir=src,
            freshenv=True,
            parallel=jobs,
            confoverrides={"blogposts_last_updated": "git"},
        )
        app.build()
        out = Path(app.outdir)
        pages.append({p.name: p.read_bytes() for p in (out / "blog").glob("*.html")})
        assert shown(app, "blog/2024-01-07-plain.html")[0] == "Updated May 5, 2024"
        assert modified(app, "blog/2024-01-07-plain.html") == "2024-05-05T21:30:00+00:00"
    assert pages[0] == pages[1]
