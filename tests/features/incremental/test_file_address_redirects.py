"""By default a post is served at its Docusaurus address and its file's address is a
redirect page: one per post. A rebuild that changed nothing must neither read nor write
any of them, and a site built by an earlier version, which listed its Docusaurus
redirects apart (``.blogposts-redirects``), keeps the ones still wanted and loses the
others. A regression guard without timing: files opened are counted, times compared."""

from __future__ import annotations

import builtins
import io
import json
import time
from pathlib import Path

import pytest

from tests.conftest import blog_warnings, soup_of

MARKER = b"sphinx-blogposts redirect"
ALPHA = "blog/2021/01/02/alpha/index.html"
BETA = "blog/2021/02/03/beta/index.html"
OLD_GAMMA = "blog/old-gamma/index.html"
NEW_GAMMA = "blog/new-gamma/index.html"


class Opened:
    """Every file of the output folder opened while installed, by whether it was for
    writing; whoever opens it (``open``, ``Path.read_bytes``, ``Path.read_text``)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, outdir: Path) -> None:
        self.outdir = outdir.resolve()
        self.reads: list[str] = []
        self.writes: list[str] = []
        real_open = builtins.open

        def logged(file, mode="r", *args, **kwargs):
            opened = real_open(file, mode, *args, **kwargs)
            if isinstance(file, (str, Path)):
                path = Path(file).resolve()
                if path.is_relative_to(self.outdir):
                    rel = path.relative_to(self.outdir).as_posix()
                    (self.writes if {"w", "a", "x"} & set(mode) else self.reads).append(rel)
            return opened

        monkeypatch.setattr(builtins, "open", logged)
        monkeypatch.setattr(io, "open", logged)  # what pathlib opens files with


def build(make_app, srcdir: Path, **kwargs):
    app = make_app("html", srcdir=srcdir, **kwargs)
    app.build()
    app.cleanup()
    return app


def redirect_pages(outdir: Path) -> dict[str, int]:
    """Each redirect page this extension wrote (it has the marker), with its time."""
    return {
        p.relative_to(outdir).as_posix(): p.stat().st_mtime_ns
        for p in outdir.rglob("*.html")
        if MARKER in p.read_bytes()
    }


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    time.sleep(0.01)  # a distinct mtime for Sphinx's change detection
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def default_site(editable_root) -> Path:
    """The redirects root without its setting: the posts at their default addresses."""
    srcdir = editable_root("redirects")
    conf = srcdir / "conf.py"
    conf.write_text(conf.read_text().replace("blogposts_post_url = None", ""), encoding="utf-8")
    return srcdir


def test_no_change_rebuild_reads_and_writes_no_redirect_page(make_app, editable_root, monkeypatch):
    srcdir = default_site(editable_root)
    app = build(make_app, srcdir)
    out = Path(app.outdir)
    before = redirect_pages(out)
    # each post's file address, sent on to the post at its Docusaurus address
    assert set(before) == {
        "blog/2021-01-02-alpha.html",
        "blog/2021-02-03-beta/index.html",
        "blog/2021-03-04-gamma.html",
    }
    assert soup_of(out / "blog/2021-01-02-alpha.html").a["href"] == "2021/01/02/alpha/index.html"
    time.sleep(0.01)

    opened = Opened(monkeypatch, out)
    app = build(make_app, srcdir)
    assert [rel for rel in opened.reads + opened.writes if rel in before] == []
    assert redirect_pages(out) == before
    assert blog_warnings(app) == []

    # a title changed: that post's redirect alone is made and written again
    edit(srcdir / "blog/2021-02-03-beta/index.md", "title: Beta", "title: Beta <2>")
    opened.reads.clear()
    opened.writes.clear()
    build(make_app, srcdir)
    assert [rel for rel in opened.writes if rel in before] == ["blog/2021-02-03-beta/index.html"]
    assert [rel for rel in opened.reads if rel in before] == []
    assert soup_of(out / "blog/2021-02-03-beta/index.html").title.get_text() == "Beta <2>"


def as_an_earlier_version_left_it(app) -> None:
    """The lists the Docusaurus redirects had before this version: ``.blogposts-redirects``
    in the output folder and ``blogposts-redirects.json`` in the doctree folder, in the
    format those versions wrote (the same as a ledger's today); nothing of today's own."""
    out = Path(app.outdir).resolve()
    doctrees = Path(app.doctreedir)
    pages = sorted(redirect_pages(out))
    assert pages == [ALPHA, BETA, OLD_GAMMA]
    (out / ".blogposts-moved").unlink(missing_ok=True)
    (doctrees / "blogposts-moved.json").unlink(missing_ok=True)
    (out / ".blogposts-redirects").write_text("\n".join(pages) + "\n", encoding="utf-8")
    entries = {page: "0" * 40 for page in pages} | {"#fingerprint": "f" * 40}
    other = {"dirhtml:/elsewhere": {"blog/x/index.html": "1" * 40}}
    (doctrees / "blogposts-redirects.json").write_text(
        json.dumps({f"html:{out}": entries} | other), encoding="utf-8"
    )


def test_upgrade_keeps_wanted_redirects_and_removes_the_others(make_app, editable_root):
    srcdir = editable_root("redirects")  # file addresses: redirects at Docusaurus' URLs
    app = build(make_app, srcdir)
    out = Path(app.outdir)
    as_an_earlier_version_left_it(app)
    (out / "blog/kept-by-me.html").write_text("<p>mine</p>", encoding="utf-8")
    before = redirect_pages(out)
    edit(srcdir / "blog/2021-03-04-gamma.md", "slug: old-gamma", "slug: new-gamma")

    app = build(make_app, srcdir)
    after = redirect_pages(out)
    assert sorted(after) == [ALPHA, BETA, NEW_GAMMA]
    assert after[ALPHA] == before[ALPHA] and after[BETA] == before[BETA]  # not written again
    assert not (out / "blog/old-gamma").exists()  # no longer wanted: gone, with its folder
    assert (out / "blog/kept-by-me.html").read_text(encoding="utf-8") == "<p>mine</p>"
    # the earlier lists are retired: nothing stale is published, nothing is read again
    assert not (out / ".blogposts-redirects").exists()
    former = json.loads(Path(app.doctreedir, "blogposts-redirects.json").read_text())
    assert list(former) == ["dirhtml:/elsewhere"]  # another builder's, left to it
    assert (out / ".blogposts-moved").read_text(encoding="utf-8").split() == [
        ALPHA,
        BETA,
        NEW_GAMMA,
    ]
    assert blog_warnings(app) == []

    # and the next change is the ledger's as usual
    edit(srcdir / "blog/2021-03-04-gamma.md", "slug: new-gamma", "slug: old-gamma")
    build(make_app, srcdir)
    assert sorted(redirect_pages(out)) == [ALPHA, BETA, OLD_GAMMA]


def test_upgrade_with_only_the_earlier_list_in_the_output_still_cleans_up(make_app, editable_root):
    """A fresh environment and no ledger (a CI cache of the output folder alone): the
    earlier list in the output folder is enough to remove what is no longer wanted."""
    srcdir = editable_root("redirects")
    app = build(make_app, srcdir)
    out = Path(app.outdir)
    as_an_earlier_version_left_it(app)
    Path(app.doctreedir, "blogposts-redirects.json").unlink()
    edit(srcdir / "blog/2021-03-04-gamma.md", "slug: old-gamma", "slug: new-gamma")
    build(make_app, srcdir, freshenv=True)
    assert sorted(redirect_pages(out)) == [ALPHA, BETA, NEW_GAMMA]
    assert not (out / ".blogposts-redirects").exists()
