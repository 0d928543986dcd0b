"""Pictures on incremental and parallel builds: a replaced picture file or a new
``image_alt`` rewrites exactly the pages that show the post's picture, a build with no
change writes nothing, and ``-j 2`` writes the same bytes as ``-j 1``."""

from __future__ import annotations

import struct
import time
import zlib
from pathlib import Path

from tests.conftest import card, soup_of
from tests.features.incremental.test_rebuild_cost import build, edit, rewritten, snapshot

WIDE = "A wide picture"
#: The pages that list the post "A wide picture" (the oldest post: in none of index.md's
#: postlists, which show the newest). Sphinx itself rewrites the page whose toctree
#: holds a document read again (posts.html), and the document.
SPHINX = {"posts.html"}
SHOWING = {
    "blog/index.html",
    "blog/tags/pictures.html",
    "blog/authors/ann.html",
    "blog/series/tour.html",
    "blog/archive.html",
}


def png(width: int, height: int) -> bytes:
    """A valid PNG of one colour (what the size reader and a browser need)."""
    row = b"\x00" + b"\x80" * (3 * width)
    body = zlib.compress(row * height)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", body) + chunk(b"IEND", b"")


def wide_size(out: Path, name: str) -> tuple[str, str]:
    soup = soup_of(out / name)
    img = soup.select_one('img[src$="img/wide.png"]')
    assert img is not None, name
    return img["width"], img["height"]


def post_of(out: Path, title: str) -> str:
    """The output path of a post's page, from its card's link on the blog index."""
    href = card(soup_of(out / "blog/index.html"), title).select_one("a")["href"]
    return str((out / "blog" / href).resolve().relative_to(out.resolve()))


def test_a_replaced_picture_rewrites_the_pages_that_show_it(make_app, editable_root) -> None:
    srcdir = editable_root("card-images")
    app, _ = build(make_app, srcdir)
    out = Path(app.outdir)
    for name in SHOWING:
        assert wide_size(out, name) == ("640", "360"), name
    before = snapshot(out)

    _, cost = build(make_app, srcdir)  # nothing changed: nothing written
    assert cost["written"] == 0
    assert rewritten(before, snapshot(out)) == set()

    time.sleep(0.01)  # a distinct mtime for Sphinx's change detection
    (srcdir / "static/img/wide.png").write_bytes(png(200, 100))
    _, cost = build(make_app, srcdir)
    for name in SHOWING:
        assert wide_size(out, name) == ("200", "100"), name
    assert rewritten(before, snapshot(out)) == SHOWING | SPHINX | {post_of(out, WIDE)}
    assert cost["written"] == len(SHOWING)  # all generated

    before = snapshot(out)
    _, cost = build(make_app, srcdir)
    assert rewritten(before, snapshot(out)) == set() and cost["written"] == 0


def test_a_new_image_alt_rewrites_the_lists_that_say_it(make_app, editable_root) -> None:
    srcdir = editable_root("card-images")
    app, _ = build(make_app, srcdir)
    out = Path(app.outdir)
    before = snapshot(out)
    edit(srcdir / "blog/2024-01-01-wide.md", "image_alt: 'Chart", "image_alt: 'Graph")
    build(make_app, srcdir)
    for name in SHOWING:
        img = soup_of(out / name).select_one('img[src$="img/wide.png"]')
        assert img["alt"] == 'Graph of "growth" <2024> & more', name
    assert rewritten(before, snapshot(out)) == SHOWING | SPHINX | {post_of(out, WIDE)}


def outputs(out: Path) -> dict[str, bytes]:
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in out.rglob("*.html")
        if not p.name.startswith(("search", "genindex"))
    }


def test_j2_gives_the_same_bytes(make_app, editable_root) -> None:
    """Sizes are read in the workers that read the posts, and merged with them."""
    found = []
    for name, jobs in (("serial", 0), ("parallel", 2)):
        srcdir = editable_root("card-images", as_name=name)
        overrides = {"blogposts_index_layout": "grid", "blogposts_post_cover": True}
        app = make_app("html", srcdir=srcdir, freshenv=True, parallel=jobs, confoverrides=overrides)
        app.build()
        app.cleanup()
        found.append(outputs(Path(app.outdir)))
    serial, in_parallel = found
    assert serial.keys() == in_parallel.keys()
    for name, data in serial.items():
        assert in_parallel[name] == data, name
    assert b'width="640" height="360"' in serial["blog/index.html"]
