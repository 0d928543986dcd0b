"""A card is drawn only when what it shows changed, comes out the same bytes in every
build (``-j 2`` included, where workers draw them), and is deleted when no longer wanted."""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from pathlib import Path

from PIL import Image

from sphinx_blogposts.reading.domain import domain_of
from sphinx_blogposts.writing.outputs import parallel
from sphinx_blogposts.writing.outputs.card_drawing import CardText, Painter
from sphinx_blogposts.writing.outputs.parallel import WorkersCache
from tests.conftest import ROOTS, blog_warnings, build_copy

ROOT = "social-cards"
CARDS = "_images/blogposts/cards"
HELLO = "blog/2024-01-05-hello.md"


def cards(app) -> dict[str, tuple[int, bytes]]:  # type: ignore[no-untyped-def]
    """Every card in the output: its time and its bytes."""
    folder = Path(app.outdir, CARDS)
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_mtime_ns, p.read_bytes())
        for p in folder.rglob("*.png")
    }


def drawn(app) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """What the build said it drew: (drawn, wanted)."""
    found = re.search(r"blogposts: (\d+) of (\d+) social cards drawn", app.status.getvalue())
    assert found is not None, app.status.getvalue()[-2000:]
    return int(found[1]), int(found[2])


def rebuild(tmp_path: Path, **kwargs):  # type: ignore[no-untyped-def]
    time.sleep(0.01)  # a file written again gets a later time
    return build_copy(tmp_path, ROOT, fresh=False, **kwargs)


def edit(tmp_path: Path, name: str, old: str, new: str) -> None:
    path = tmp_path / "root" / name
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_two_builds_draw_the_same_bytes(tmp_path) -> None:
    first = cards(build_copy(tmp_path / "a", ROOT))
    second = cards(build_copy(tmp_path / "b", ROOT))
    assert len(first) == 3
    assert {k: v[1] for k, v in first.items()} == {k: v[1] for k, v in second.items()}


def test_no_change_draws_none_and_a_title_edit_redraws_one(tmp_path) -> None:
    app = build_copy(tmp_path, ROOT)
    assert drawn(app) == (3, 3)
    before = cards(app)
    app = rebuild(tmp_path)
    assert drawn(app) == (0, 3)
    assert cards(app) == before
    edit(tmp_path, HELLO, "title: Hello, cards", "title: Hello again, cards")
    app = rebuild(tmp_path)
    assert drawn(app) == (1, 3)
    after = cards(app)
    changed = sorted(name for name in after if after[name] != before[name])
    assert changed == ["blog/2024-01-05-hello.png"]


def test_a_card_deleted_from_the_output_is_drawn_again(tmp_path) -> None:
    app = build_copy(tmp_path, ROOT)
    Path(app.outdir, CARDS, "blog/2024-01-05-hello.png").unlink()
    app = rebuild(tmp_path)
    assert drawn(app) == (1, 3)
    assert Path(app.outdir, CARDS, "blog/2024-01-05-hello.png").is_file()


def test_an_avatar_edit_redraws_its_authors_cards_only(tmp_path) -> None:
    app = build_copy(tmp_path, ROOT)
    before = cards(app)
    Image.new("RGB", (48, 48), (120, 40, 160)).save(tmp_path / "root/static/img/ann.png")
    app = rebuild(tmp_path)
    after = cards(app)
    assert sorted(n for n in after if after[n] != before[n]) == ["blog/2024-01-05-hello.png"]


def test_new_colours_redraw_every_card(tmp_path) -> None:
    build_copy(tmp_path, ROOT)
    colors = {"background": "#ffffff"}
    app = rebuild(tmp_path, confoverrides={"blogposts_social_cards_colors": colors})
    assert drawn(app) == (3, 3)


def test_cards_no_longer_wanted_are_deleted(tmp_path) -> None:
    app = build_copy(tmp_path, ROOT)
    edit(tmp_path, HELLO, "tags: [news]", "tags: [news]\nsocial_card: false")
    app = rebuild(tmp_path)
    assert sorted(cards(app)) == ["blog/2024-04-01-nihongo.png", "blog/2024-05-01-maybe.png"]
    app = rebuild(tmp_path, confoverrides={"blogposts_social_cards": False})
    assert not Path(app.outdir, "_images/blogposts").exists()
    page = app.builder.get_output_path("blog/2024-04-01-nihongo").read_text("utf-8")
    assert "og:image" not in page
    feed = json.loads(Path(app.outdir, "blog/feed.json").read_text(encoding="utf-8"))
    assert [item["title"] for item in feed["items"] if "image" in item] == [
        "A post with its own image"
    ]


def test_a_card_that_cannot_be_drawn_is_one_warning_and_tried_again(tmp_path, monkeypatch):
    """Pillow failing on one card (a font FreeType cannot lay out) costs that card only."""
    real = Painter.draw

    def failing(self: Painter, card: CardText):  # type: ignore[no-untyped-def]
        if card.title == "Hello, cards":
            raise OSError("invalid glyph")
        return real(self, card)

    monkeypatch.setattr(Painter, "draw", failing)
    app = build_copy(tmp_path, ROOT)
    assert drawn(app) == (2, 3)
    (warning,) = [w for w in blog_warnings(app) if "cannot be drawn" in w]
    assert "2024-01-05-hello.md:2:" in warning and "invalid glyph" in warning
    monkeypatch.setattr(Painter, "draw", real)
    app = rebuild(tmp_path)
    assert drawn(app) == (1, 3)
    assert Path(app.outdir, CARDS, "blog/2024-01-05-hello.png").is_file()


POSTS = parallel.MIN_ITEMS + 5


def _many(root: Path) -> Path:
    """The root with enough posts that ``-j 2`` draws their cards in workers."""
    shutil.copytree(ROOTS / f"test-{ROOT}", root)
    for i in range(POSTS):
        (root / "blog" / f"2020-01-{1 + i % 28:02d}-post-{i}.md").write_text(
            f"---\ntitle: Post number {i} of many\nauthors: [ann]\n---\n\nPost {i}.\n",
            encoding="utf-8",
        )
    return root


def test_j2_draws_in_workers_the_same_bytes(make_app, tmp_path) -> None:
    outputs, writers = [], []
    for name, jobs in (("serial", 0), ("parallel", 2)):
        app = make_app("html", srcdir=_many(tmp_path / name), freshenv=True, parallel=jobs)
        app.build()
        outputs.append(cards(app))
        writers.append(domain_of(app.env).cache.part(WorkersCache).writers)
    serial, in_parallel = outputs
    assert len(serial) == POSTS + 3
    assert {k: v[1] for k, v in serial.items()} == {k: v[1] for k, v in in_parallel.items()}
    assert "cards" not in writers[0]
    assert writers[1]["cards"] and os.getpid() not in writers[1]["cards"]
