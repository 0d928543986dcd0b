"""Redirect pages cost nothing when nothing changed: a regression guard without timing.

A blog migrated from Docusaurus has one redirect page per post. These tests count the
redirect files each build opens for writing and for reading, and look at their
modification times, so a change that checks or rewrites every redirect on every build
fails here.
"""

from __future__ import annotations

import builtins
import json
import os
import re
import time
from pathlib import Path

import pytest
from sphinx.util.console import strip_escape_sequences

from sphinx_blogposts.writing.outputs import moved
from sphinx_blogposts.writing.rebuilds import fingerprint as state
from sphinx_blogposts.writing.rebuilds import ledger as ledgers
from tests.conftest import blog_warnings, soup_of

ALPHA = "blog/2021/01/02/alpha/index.html"
BETA = "blog/2021/02/03/beta/index.html"
GAMMA = "blog/old-gamma/index.html"
REDIRECT_PAGE = re.compile(r"blog/(\d{4}/\d{2}/\d{2}/[^/]+|old-gamma|new-gamma)/index\.html$")
SUMMARY = re.compile(r"blogposts: (\d+) of (\d+) files at old URLs written, (\d+) removed")


class FileLog:
    """Records every redirect page opened or read, by mode, while it is installed."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.writes: list[str] = []
        self.reads: list[str] = []
        real_open = builtins.open
        real_read_text = Path.read_text

        def logged_open(file, mode="r", *args, **kwargs):
            opened = real_open(file, mode, *args, **kwargs)
            self._note(file, mode)  # once opened: trying a file that is not there reads nothing
            return opened

        def logged_read_text(path, *args, **kwargs):
            text = real_read_text(path, *args, **kwargs)
            self._note(path, "r")
            return text

        # the module's own name lookup finds these before the builtins
        monkeypatch.setattr(moved, "open", logged_open, raising=False)
        monkeypatch.setattr(Path, "read_text", logged_read_text)

    def _note(self, file, mode: str) -> None:
        found = REDIRECT_PAGE.search(Path(file).as_posix())
        if found:  # not the posts' pages (blog/2021-02-03-beta/index.html is one)
            (self.writes if "w" in mode else self.reads).append(found.group(0))


def build(make_app, srcdir: Path, **kwargs):
    app = make_app("html", srcdir=srcdir, **kwargs)
    app.build()
    app.cleanup()
    return app


def summary(app) -> tuple[int, int, int]:
    """(written, wanted, removed) from the build's log."""
    status = strip_escape_sequences(app.status.getvalue())
    found = SUMMARY.findall(status)
    assert len(found) == 1, status
    written, wanted, removed = map(int, found[0])
    return written, wanted, removed


def mtimes(outdir: Path) -> dict[str, int]:
    return {
        rel: (outdir / rel).stat().st_mtime_ns
        for rel in (ALPHA, BETA, GAMMA, "blog/new-gamma/index.html")
        if (outdir / rel).is_file()
    }


def title_of(path: Path) -> str:
    return soup_of(path).title.get_text()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    time.sleep(0.01)  # a distinct mtime for Sphinx's change detection
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_under_the_default_addresses_the_posts_are_there_and_no_redirect_is(
    make_app, editable_root, monkeypatch
):
    """This root keeps file addresses (conf.py); by default a post is served at its
    Docusaurus address, so the page there is the post, and no redirect is wanted."""
    srcdir = editable_root("redirects")
    log = FileLog(monkeypatch)
    app = build(make_app, srcdir, confoverrides={"blogposts_post_url": "docusaurus"})
    assert log.writes == []
    # the three files written are the redirects at the posts' file addresses
    assert summary(app) == (3, 3, 0)
    assert "2021/01/02/alpha/" in soup_of(Path(app.outdir, "blog/2021-01-02-alpha.html")).a["href"]
    for path, text in ((ALPHA, "The first post."), (GAMMA, "The third post, with a slug.")):
        assert text in soup_of(Path(app.outdir, path)).get_text()


def test_full_build_writes_all_and_a_rebuild_touches_none(make_app, editable_root, monkeypatch):
    srcdir = editable_root("redirects")
    log = FileLog(monkeypatch)
    app = build(make_app, srcdir)
    out = Path(app.outdir)
    assert sorted(log.writes) == sorted([ALPHA, BETA, GAMMA])
    assert log.reads == []  # nothing there yet: nothing to compare
    assert summary(app) == (3, 3, 0)
    assert title_of(out / ALPHA) == "Alpha & <friends>"
    before = mtimes(out)
    time.sleep(0.01)

    log.writes.clear()
    log.reads.clear()  # title_of() read one
    app = build(make_app, srcdir)
    assert log.writes == [] and log.reads == []
    assert summary(app) == (0, 3, 0)
    assert mtimes(out) == before
    assert blog_warnings(app) == []


@pytest.mark.sphinx("html", testroot="redirects", freshenv=True, parallel=2)
def test_parallel_build_writes_them_once(app, page, monkeypatch):
    log = FileLog(monkeypatch)
    app.build()
    assert sorted(log.writes) == sorted([ALPHA, BETA, GAMMA])
    assert page(app, GAMMA).find("link", rel="canonical")["href"] == (
        "https://example.org/blog/2021-03-04-gamma.html"
    )


def test_renamed_post_rewrites_only_its_redirect(make_app, editable_root, monkeypatch):
    srcdir = editable_root("redirects")
    app = build(make_app, srcdir)
    out = Path(app.outdir)
    before = mtimes(out)
    log = FileLog(monkeypatch)
    edit(srcdir / "blog/2021-03-04-gamma.md", "slug: old-gamma", "slug: new-gamma")
    app = build(make_app, srcdir)
    assert log.writes == ["blog/new-gamma/index.html"]
    assert log.reads == [GAMMA]  # the old one, checked to be a redirect before deleting it
    assert summary(app) == (1, 3, 1)
    assert not (out / "blog/old-gamma").exists()  # its folder too
    assert title_of(out / "blog/new-gamma/index.html") == "Gamma"
    after = mtimes(out)
    assert after[ALPHA] == before[ALPHA] and after[BETA] == before[BETA]
    manifest = (out / moved.MANIFEST).read_text(encoding="utf-8").split()
    assert manifest == [ALPHA, BETA, "blog/new-gamma/index.html"]


def test_changed_title_rewrites_only_that_redirect(make_app, editable_root, monkeypatch):
    srcdir = editable_root("redirects")
    app = build(make_app, srcdir)
    out = Path(app.outdir)
    log = FileLog(monkeypatch)
    edit(srcdir / "blog/2021-02-03-beta/index.md", "title: Beta", "title: Beta <2>")
    app = build(make_app, srcdir)
    assert log.writes == [BETA] and log.reads == []
    assert title_of(out / BETA) == "Beta <2>"


def test_missing_ledger_falls_back_to_comparing(make_app, editable_root, monkeypatch):
    srcdir = editable_root("redirects")
    app = build(make_app, srcdir)
    out = Path(app.outdir)
    ledger = Path(app.doctreedir, moved.LEDGER)
    entries = set(json.loads(ledger.read_text())[f"html:{out.resolve()}"])
    assert entries == {ALPHA, BETA, GAMMA, state.FINGERPRINT}
    ledger.unlink()
    before = mtimes(out)
    edit(srcdir / "blog/2021-03-04-gamma.md", "slug: old-gamma", "slug: new-gamma")
    log = FileLog(monkeypatch)
    app = build(make_app, srcdir)
    # Each existing redirect is read and compared; the unchanged ones are not written.
    assert log.writes == ["blog/new-gamma/index.html"]
    assert sorted(log.reads) == sorted([ALPHA, BETA, GAMMA])
    after = mtimes(out)
    assert after[ALPHA] == before[ALPHA] and after[BETA] == before[BETA]
    # The output folder's list still names the stale one, so it is removed.
    assert not (out / GAMMA).exists()
    assert ledger.is_file()  # and the next build is cheap again
    log.writes.clear()
    log.reads.clear()
    build(make_app, srcdir)
    assert log.writes == [] and log.reads == []


def test_a_page_someone_else_wrote_is_never_deleted(make_app, editable_root):
    srcdir = editable_root("redirects")
    app = build(make_app, srcdir)
    out = Path(app.outdir)
    (out / GAMMA).write_text("<p>my own page</p>", encoding="utf-8")
    edit(srcdir / "blog/2021-03-04-gamma.md", "slug: old-gamma", "slug: new-gamma")
    build(make_app, srcdir)
    assert (out / GAMMA).read_text(encoding="utf-8") == "<p>my own page</p>"
    assert (out / "blog/new-gamma/index.html").is_file()


def test_deleted_output_is_written_again(make_app, editable_root):
    srcdir = editable_root("redirects")
    app = build(make_app, srcdir)
    out = Path(app.outdir)
    (out / BETA).unlink()
    app = build(make_app, srcdir)
    assert summary(app) == (1, 3, 0)
    assert title_of(out / BETA) == "Beta"


def test_turning_redirects_off_removes_them(make_app, editable_root):
    srcdir = editable_root("redirects")
    app = build(make_app, srcdir)
    out = Path(app.outdir)
    app = build(make_app, srcdir, confoverrides={"blogposts_redirects": False})
    assert summary(app) == (0, 0, 3)
    assert not (out / "blog/2021").exists() and not (out / "blog/old-gamma").exists()
    assert (out / "blog/2021-01-02-alpha.html").is_file()  # the posts stay


def test_interrupted_build_leaves_no_ledger_that_vouches_for_a_changed_page(
    make_app, editable_root, monkeypatch
):
    """A build that rewrote a redirect and then stopped must not fool the next one."""
    srcdir = editable_root("redirects")
    app = build(make_app, srcdir)
    out = Path(app.outdir)
    post = srcdir / "blog/2021-02-03-beta/index.md"
    edit(post, "title: Beta", "title: Beta, renamed")
    with monkeypatch.context() as patch:
        # the build stops before build-finished: the ledger is not saved at the end
        patch.setattr(ledgers, "save_pending", lambda app, exc: None)
        build(make_app, srcdir)
    assert title_of(out / BETA) == "Beta, renamed"
    edit(post, "title: Beta, renamed", "title: Beta")  # back to what the ledger knew
    build(make_app, srcdir)
    assert title_of(out / BETA) == "Beta"


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_no_redirect_is_written_through_a_link_out_of_the_output(make_app, editable_root, tmp_path):
    srcdir = editable_root("redirects")
    outside = tmp_path / "outside"
    outside.mkdir()
    app = make_app("html", srcdir=srcdir)
    out = Path(app.outdir)
    (out / "blog").mkdir(parents=True)
    (out / "blog/old-gamma").symlink_to(outside, target_is_directory=True)
    app.build()
    app.cleanup()
    assert list(outside.iterdir()) == []
    assert (out / ALPHA).is_file()


def test_missing_output_list_falls_back_to_the_ledger(make_app, editable_root):
    srcdir = editable_root("redirects")
    app = build(make_app, srcdir)
    out = Path(app.outdir)
    (out / moved.MANIFEST).unlink()
    edit(srcdir / "blog/2021-03-04-gamma.md", "slug: old-gamma", "slug: new-gamma")
    app = build(make_app, srcdir)
    assert summary(app) == (1, 3, 1)
    assert not (out / GAMMA).exists()
    assert (out / moved.MANIFEST).read_text(encoding="utf-8").split() == [
        ALPHA,
        BETA,
        "blog/new-gamma/index.html",
    ]


def test_body_edit_makes_no_redirect_page_again(make_app, editable_root, monkeypatch):
    """A redirect shows a title and an address: a post's body edited, the ledger's
    fingerprint of those still holds, and no redirect page is even made to compare."""
    srcdir = editable_root("redirects")
    build(make_app, srcdir)
    made: list[str] = []
    real = moved.redirect_html
    monkeypatch.setattr(
        moved, "redirect_html", lambda title, *a: made.append(title) or real(title, *a)
    )
    log = FileLog(monkeypatch)
    edit(srcdir / "blog/2021-01-02-alpha.md", "\n\n", "\n\nA new first paragraph.\n\n")
    build(make_app, srcdir)
    assert made == [] and log.writes == [] and log.reads == []
    edit(srcdir / "blog/2021-01-02-alpha.md", "title: Alpha", "title: Alpha again")
    build(make_app, srcdir)
    assert made and log.writes == [ALPHA]
