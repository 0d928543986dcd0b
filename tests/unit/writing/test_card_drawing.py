"""Drawing one social card (``writing/outputs/card_drawing.py``), without a build: the
title wrapped and cut to fit, what the font cannot draw replaced or left out (never a
box), the same bytes every time."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageFont

from sphinx_blogposts.core.config import CARD_COLORS, _card_colors
from sphinx_blogposts.writing.outputs.card_drawing import (
    MARGIN,
    TITLE_SIZES,
    WIDTH,
    CardText,
    Drawn,
    Painter,
    wrap,
)


@pytest.fixture(scope="module")
def painter() -> Painter:
    return Painter(CARD_COLORS)


def test_a_card_is_a_1200x630_palette_png_with_no_metadata(painter: Painter) -> None:
    data = painter.draw(CardText(title="Hello", site="Site", date="5 January 2024")).png
    image = Image.open(io.BytesIO(data))
    assert (image.format, image.size, image.mode) == ("PNG", (1200, 630), "P")
    assert not {"tIME", "pHYs", "tEXt"} & set(image.info)  # no time, nothing per build
    assert image.info == {}


def test_the_same_card_is_the_same_bytes_from_any_painter(painter: Painter) -> None:
    card = CardText(title="Same bytes", site="Site", date="1 May 2024", authors=("Ann",))
    assert painter.draw(card).png == Painter(CARD_COLORS).draw(card).png
    assert painter.draw(card).png != painter.draw(CardText(title="Other", site="Site")).png


def test_words_wrap_within_the_width() -> None:
    font = ImageFont.load_default(size=40)
    lines = wrap("one two three four five six seven", font, 200, 10)
    assert len(lines) > 1
    assert all(font.getlength(line) <= 200 for line in lines)
    assert " ".join(lines) == "one two three four five six seven"


def test_a_word_wider_than_a_line_is_broken_inside() -> None:
    """A script written without spaces is one long "word"."""
    font = ImageFont.load_default(size=40)
    lines = wrap("x" * 60, font, 300, 10)
    assert len(lines) > 1 and "".join(lines) == "x" * 60
    assert all(font.getlength(line) <= 300 for line in lines)


def test_wrapping_stops_after_the_lines_asked_for() -> None:
    font = ImageFont.load_default(size=40)
    assert len(wrap("word " * 200, font, 300, 3)) == 3


def test_a_long_title_is_cut_with_an_ellipsis(painter: Painter) -> None:
    drawn: list[tuple[str, int]] = []

    class Pen:
        def text(self, xy: object, line: str, font: ImageFont.FreeTypeFont, fill: int) -> None:
            assert font.getlength(line) <= WIDTH - 2 * MARGIN
            drawn.append((line, font.size))

    painter._title(Pen(), "A title that goes on " * 30)  # type: ignore[arg-type]
    assert drawn[-1][0].endswith("\u2026")
    assert {size for _line, size in drawn} == {TITLE_SIZES[-1]}  # the smallest size
    drawn.clear()
    painter._title(Pen(), "Short")  # type: ignore[arg-type]
    assert drawn == [("Short", TITLE_SIZES[0])]


def test_the_bundled_font_draws_ascii_but_has_no_accents_nor_cjk(painter: Painter) -> None:
    assert all(painter.can_draw(c) for c in "Hello, World! 0123 ‘’“”…")
    assert not painter.can_draw("é") and not painter.can_draw("日")


def test_what_the_font_cannot_draw_is_replaced_or_left_out_and_noted(painter: Painter) -> None:
    drawn = Drawn()
    text = painter.drawable("Café\u00a0—\u2009日本 ok", drawn)
    assert text == "Cafe - ok"  # a space for any space, a hyphen for a dash
    assert drawn.replaced == [("é", "e")]
    assert drawn.dropped == ["日", "本"]
    assert drawn.said() == "'é' drawn as 'e'; '日', '本' left out"


def test_the_texts_many_cards_share_are_checked_together(painter: Painter) -> None:
    found, having = painter.check(["Ann", "Zoë Ålund", "12 février 2024", "Site"])
    assert having == ["Zoë Ålund", "12 février 2024"]
    assert found.said() == "'ë' drawn as 'e', 'Å' drawn as 'A', 'é' drawn as 'e'"


def test_a_card_warns_about_its_title_only(painter: Painter) -> None:
    drawn = painter.draw(CardText(title="Café", site="Zoë's site", authors=("Zoë",)))
    assert drawn.replaced == [("é", "e")] and drawn.dropped == []


def test_a_card_with_text_the_font_lacks_draws_no_box(painter: Painter) -> None:
    """A character drawn as the font's .notdef glyph would leave ink on the card."""
    blank = painter.draw(CardText(title="", site="")).png
    assert painter.draw(CardText(title="日本語", site="")).png == blank


def test_a_picture_that_cannot_be_read_is_none(painter: Painter, tmp_path) -> None:
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not an image")
    assert painter.picture(str(broken), round_=True) is None
    assert painter.picture(str(tmp_path / "missing.png"), round_=False) is None


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ({}, True),
        ({"background": "#fff"}, True),
        (CARD_COLORS, True),
        ({"background": "white"}, False),
        ({"background": "#ffff"}, False),
        ({"shadow": "#000000"}, False),
        ({"accent": None}, False),
        (["#000000"], False),
    ],
)
def test_the_colours_setting_takes_hex_colours_of_known_parts(value: object, valid: bool) -> None:
    assert _card_colors(value) is valid
