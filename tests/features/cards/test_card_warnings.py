"""What cannot be drawn as asked is one warning, and the build goes on: no Pillow, a font
file that is not one, text the card's font has no glyphs for."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from PIL import ImageFont

from tests.conftest import ROOTS, blog_warnings, build_copy, soup_of

CARDS = "_images/blogposts/cards/blog/"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def card_warnings(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [w for w in blog_warnings(app) if "[blogposts.card]" in w]


def og_images(app, docname: str) -> list[str]:  # type: ignore[no-untyped-def]
    soup = soup_of(app.builder.get_output_path(docname))
    return [m["content"] for m in soup.find_all("meta", property="og:image")]


def test_a_title_the_font_cannot_draw_is_one_warning_naming_the_post_and_the_setting(
    shared_build,
) -> None:
    app = shared_build("social-cards")
    (warning,) = card_warnings(app)
    assert "2024-04-01-nihongo.md:2:" in warning  # the post, at its title
    assert "blogposts_social_cards_font" in warning
    assert "'日', '本', '語'" in warning and "left out" in warning
    assert "'é' drawn as 'e'" in warning
    assert Path(app.outdir, CARDS + "2024-04-01-nihongo.png").is_file()  # drawn all the same


def test_without_pillow_one_warning_and_the_build_goes_on(tmp_path, monkeypatch) -> None:
    """``import PIL`` fails (as where Pillow is not installed): one warning at the setting's
    line in conf.py, no card, no og:image pointing at one, and a build that succeeds."""
    monkeypatch.setitem(sys.modules, "PIL", None)
    app = build_copy(tmp_path, "social-cards")
    (warning,) = card_warnings(app)
    assert "conf.py:6:" in warning
    assert "Pillow is not installed" in warning
    assert "pip install 'sphinx-blogposts[cards]'" in warning
    assert app.statuscode == 0
    assert not Path(app.outdir, "_images/blogposts").exists()
    assert og_images(app, "blog/2024-01-05-hello") == []
    assert app.builder.get_output_path("blog/index").is_file()


def test_a_font_file_that_is_not_there_is_one_warning_and_the_bundled_font(tmp_path) -> None:
    app = build_copy(
        tmp_path, "social-cards", confoverrides={"blogposts_social_cards_font": "fonts/none.ttf"}
    )
    warnings = card_warnings(app)
    assert len(warnings) == 2  # the font, and the title the bundled font cannot draw
    assert "blogposts_social_cards_font = 'fonts/none.ttf': there is no such file" in warnings[0]
    assert "Pillow's bundled font" in warnings[1]
    assert Path(app.outdir, CARDS + "2024-01-05-hello.png").is_file()


def _copy(tmp_path: Path, files: dict[str, bytes]) -> None:
    """The root copied where ``build_copy`` builds it, with ``files`` added."""
    src = tmp_path / "root"
    shutil.copytree(ROOTS / "test-social-cards", src)
    for name, data in files.items():
        (src / name).parent.mkdir(parents=True, exist_ok=True)
        (src / name).write_bytes(data)


def test_a_font_file_is_read_from_the_source_folder(tmp_path) -> None:
    """The card's font is the file the setting names (here Pillow's bundled font, written
    to a file): the warning names it."""
    font = ImageFont.load_default(size=10)
    _copy(tmp_path, {"fonts/card.ttf": font.font_bytes})  # type: ignore[union-attr]
    app = build_copy(
        tmp_path, "social-cards", confoverrides={"blogposts_social_cards_font": "fonts/card.ttf"}
    )
    (warning,) = card_warnings(app)
    assert "its font (fonts/card.ttf)" in warning


@pytest.mark.skipif(not DEJAVU.is_file(), reason="DejaVu Sans is not installed")
def test_a_font_with_the_glyphs_draws_them(tmp_path) -> None:
    title = "---\ntitle: Ωμέγα, Привет, Café\n---\n\nGreek, Russian and French.\n"
    _copy(
        tmp_path,
        {"blog/2024-04-01-nihongo.md": title.encode("utf-8"), "card.ttf": DEJAVU.read_bytes()},
    )
    app = build_copy(
        tmp_path, "social-cards", confoverrides={"blogposts_social_cards_font": "card.ttf"}
    )
    assert card_warnings(app) == []
    assert Path(app.outdir, CARDS + "2024-04-01-nihongo.png").is_file()


def test_an_authors_name_the_font_cannot_draw_is_one_warning_for_the_build(tmp_path) -> None:
    """A name is on every card of its author's posts: it is warned about once, at the
    setting, not once per post."""
    authors = "ann:\n  name: Ann Ålund\n  image_url: /img/ann.png\nbob:\n  name: Bob\n"
    _copy(tmp_path, {"blog/authors.yml": authors.encode("utf-8")})
    app = build_copy(tmp_path, "social-cards")
    shared = [w for w in card_warnings(app) if "authors' names" in w]
    assert len(shared) == 1
    assert "conf.py:6:" in shared[0] and "'Ann Ålund'" in shared[0]
    assert "'Å' drawn as 'A'" in shared[0] and "blogposts_social_cards_font" in shared[0]
    assert len(card_warnings(app)) == 2  # and the title of one post
