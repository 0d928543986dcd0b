"""The palette PNG writer (``writing/outputs/png.py``): what it writes is what Pillow
reads back, pixel for pixel, whatever the runs of rows of one colour."""

from __future__ import annotations

import io
import random
import zlib

import pytest
from PIL import Image

from sphinx_blogposts.writing.outputs.png import Rows, adler32_combine, palette_png

PALETTE = bytes(range(256)) * 3


@pytest.mark.parametrize("seed", range(6))
def test_adler32_combine_is_the_checksum_of_both(seed: int) -> None:
    rng = random.Random(seed)
    first = rng.randbytes(rng.randrange(0, 200_000))
    second = rng.randbytes(rng.randrange(0, 200_000))
    combined = adler32_combine(zlib.adler32(first), zlib.adler32(second), len(second))
    assert combined == zlib.adler32(first + second)


def _rows(rng: random.Random, width: int, height: int) -> bytes:
    """Runs of rows of one colour (short and long, one value or another) between rows of
    anything."""
    rows: list[bytes] = []
    while len(rows) < height:
        if rng.random() < 0.5:
            rows += [bytes([rng.choice((0, 0, 7, 255))]) * width] * rng.randrange(1, 70)
        else:
            rows += [rng.randbytes(width) for _ in range(rng.randrange(1, 5))]
    return b"".join(rows[:height])


@pytest.mark.parametrize("seed", range(8))
def test_pillow_reads_back_the_same_pixels_and_palette(seed: int) -> None:
    rng = random.Random(seed)
    width, height = rng.choice([(1200, 630), (33, 17), (1, 9)])
    pixels = _rows(rng, width, height)
    rows = Rows(width)
    for _ in range(2):  # the second time, from the runs kept the first time
        data = palette_png(pixels, width, height, PALETTE, rows)
        image = Image.open(io.BytesIO(data))
        image.load()
        assert (image.format, image.mode, image.size) == ("PNG", "P", (width, height))
        assert image.tobytes() == pixels
        assert bytes(image.getpalette() or []) == PALETTE
        assert image.info == {}


def test_the_same_pixels_are_the_same_bytes() -> None:
    pixels = _rows(random.Random(1), 1200, 630)
    first = palette_png(pixels, 1200, 630, PALETTE, Rows(1200))
    assert palette_png(pixels, 1200, 630, PALETTE, Rows(1200)) == first


def test_a_card_of_one_colour_is_small() -> None:
    data = palette_png(bytes(1200 * 630), 1200, 630, PALETTE, Rows(1200))
    assert len(data) < 4_000
    assert Image.open(io.BytesIO(data)).getextrema() == (0, 0)
