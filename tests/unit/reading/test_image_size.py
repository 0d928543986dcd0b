"""An image's size from its first bytes (``reading/image_size.py``), with no Pillow needed."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest

from sphinx_blogposts.core.cache import BuildCache
from sphinx_blogposts.reading import image_size
from sphinx_blogposts.reading.image_size import measured, read_size, size_of


def png(width: int, height: int) -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return (
        b"\x89PNG\r\n\x1a\n"
        + struct.pack(">I", len(ihdr))
        + chunk
        + struct.pack(">I", zlib.crc32(chunk))
    )


def segment(marker: int, payload: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def exif(orientation: int, order: str = "<") -> bytes:
    """An APP1 EXIF segment whose first directory holds only the Orientation tag."""
    mark = b"II" if order == "<" else b"MM"
    tiff = mark + struct.pack(order + "HI", 42, 8)
    tiff += struct.pack(order + "H", 1)  # one entry
    tiff += struct.pack(order + "HHI", 0x0112, 3, 1) + struct.pack(order + "HH", orientation, 0)
    tiff += struct.pack(order + "I", 0)
    return segment(0xE1, b"Exif\x00\x00" + tiff)


def jpeg(width: int, height: int, *before: bytes, sof: int = 0xC0) -> bytes:
    frame = segment(sof, struct.pack(">BHHB", 8, height, width, 3) + b"\x01\x22\x00" * 3)
    return b"\xff\xd8" + b"".join(before) + frame + b"\xff\xd9"


def riff(chunk: bytes, body: bytes) -> bytes:
    payload = b"WEBP" + chunk + struct.pack("<I", len(body)) + body
    return b"RIFF" + struct.pack("<I", len(payload)) + payload


# -- each format ---------------------------------------------------------------------------


def test_png() -> None:
    assert size_of(png(1200, 630)) == (1200, 630)


def test_gif_both_versions() -> None:
    assert size_of(b"GIF89a" + struct.pack("<HH", 320, 200) + b"\x00" * 8) == (320, 200)
    assert size_of(b"GIF87a" + struct.pack("<HH", 16, 9) + b"\x00" * 8) == (16, 9)


def test_jpeg_frame_after_other_segments() -> None:
    app0 = segment(0xE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
    tables = segment(0xDB, b"\x00" + bytes(64))
    assert size_of(jpeg(800, 600, app0, tables)) == (800, 600)


def test_progressive_jpeg() -> None:
    assert size_of(jpeg(640, 480, sof=0xC2)) == (640, 480)


def test_huffman_tables_are_not_a_frame() -> None:
    """0xC4 (DHT) is in the SOF range but starts no frame."""
    dht = segment(0xC4, b"\x00" + bytes(16) + b"\x05")
    assert size_of(jpeg(300, 100, dht)) == (300, 100)


@pytest.mark.parametrize("order", ["<", ">"])
def test_jpeg_turned_by_exif_is_measured_as_shown(order: str) -> None:
    """A phone's portrait photo: stored 4000x3000, shown 3000x4000 (orientation 6)."""
    assert size_of(jpeg(4000, 3000, exif(6, order))) == (3000, 4000)
    assert size_of(jpeg(4000, 3000, exif(1, order))) == (4000, 3000)
    assert size_of(jpeg(4000, 3000, exif(3, order))) == (4000, 3000)  # upside down


def test_webp_lossy() -> None:
    body = b"\x00\x00\x00" + b"\x9d\x01\x2a" + struct.pack("<HH", 1024, 768) + bytes(10)
    assert size_of(riff(b"VP8 ", body)) == (1024, 768)


def test_webp_lossless() -> None:
    bits = (500 - 1) | ((250 - 1) << 14)
    assert size_of(riff(b"VP8L", b"\x2f" + bits.to_bytes(4, "little") + bytes(10))) == (500, 250)


def test_webp_extended() -> None:
    body = bytes(4) + (1999).to_bytes(3, "little") + (999).to_bytes(3, "little") + bytes(4)
    assert size_of(riff(b"VP8X", body)) == (2000, 1000)


def test_svg_width_and_height() -> None:
    svg = b'<?xml version="1.0"?>\n<svg xmlns="x" width="640" height="320">'
    assert size_of(svg) == (640, 320)


def test_svg_absolute_units() -> None:
    assert size_of(b'<svg width="300px" height="1in"></svg>') == (300, 96)
    assert size_of(b"<svg width='75pt' height='12pc'></svg>") == (100, 192)


def test_svg_view_box_alone_or_with_one_length() -> None:
    assert size_of(b'<svg viewBox="0 0 800 450"></svg>') == (800, 450)
    assert size_of(b'<svg width="400" viewBox="0,0,800,450"></svg>') == (400, 225)
    assert size_of(b'<svg height="90" viewBox="0 0 160 90"></svg>') == (160, 90)


def test_svg_relative_lengths_fall_back_to_the_view_box() -> None:
    assert size_of(b'<svg width="100%" height="100%" viewBox="0 0 96 48"></svg>') == (96, 48)
    assert size_of(b'<svg width="100%" height="2em"></svg>') is None


def test_svg_attributes_across_lines_and_after_a_comment() -> None:
    svg = b'<!-- drawn at <svg width="1" height="1"> -->\n<svg width="20" height="10">'
    assert size_of(svg) == (20, 10)
    assert size_of(b'<svg\n  xmlns="x"\n  width="12"\n  height="34"\n>') == (12, 34)


def test_unknown_or_broken_data_has_no_size() -> None:
    assert size_of(b"") is None
    assert size_of(b"not an image at all") is None
    assert size_of(png(1200, 630)[:20]) is None  # cut inside the header
    assert size_of(b"\xff\xd8\xff\xe0\x00") is None  # a JPEG cut before its frame
    assert size_of(png(0, 10)) is None  # no area


# -- files ---------------------------------------------------------------------------------


def test_read_size_of_a_file(tmp_path: Path) -> None:
    path = tmp_path / "card.png"
    path.write_bytes(png(64, 32) + bytes(100))
    assert read_size(path) == (64, 32)
    assert read_size(tmp_path / "missing.png") is None


def test_a_jpeg_frame_after_a_long_exif_block(tmp_path: Path) -> None:
    """A phone's EXIF block, thumbnail included, puts the frame tens of kilobytes in."""
    path = tmp_path / "phone.jpg"
    big_exif = segment(0xE1, b"Exif\x00\x00" + bytes(60_000))
    path.write_bytes(jpeg(4032, 3024, big_exif, exif(6)))
    assert read_size(path) == (3024, 4032)


def test_a_file_is_measured_once_per_build_until_it_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "shared.png"
    path.write_bytes(png(64, 32))
    reads: list[Path] = []
    real = image_size.read_size
    monkeypatch.setattr(image_size, "read_size", lambda p: reads.append(p) or real(p))
    cache = BuildCache()
    assert [measured(cache, path) for _ in range(3)] == [(64, 32)] * 3
    assert len(reads) == 1  # three posts naming it: one read
    path.write_bytes(png(640, 320) + b"longer")  # replaced: another length, another time
    assert measured(cache, path) == (640, 320) and len(reads) == 2
    assert measured(BuildCache(), path) == (640, 320) and len(reads) == 3  # a new build
    assert measured(cache, tmp_path / "gone.png") is None


def test_formats_only_pillow_reads(tmp_path: Path) -> None:
    image = pytest.importorskip("PIL.Image")
    path = tmp_path / "old.bmp"
    image.new("RGB", (33, 21)).save(path)
    assert size_of(path.read_bytes()) is None  # not one of ours
    assert read_size(path) == (33, 21)


@pytest.mark.parametrize("fmt", ["PNG", "GIF", "JPEG", "WEBP"])
def test_agrees_with_pillow_on_files_it_wrote(tmp_path: Path, fmt: str) -> None:
    image = pytest.importorskip("PIL.Image")
    path = tmp_path / f"x.{fmt.lower()}"
    image.new("RGB", (123, 45), "teal").save(path, fmt)
    assert size_of(path.read_bytes()) == (123, 45)


def test_lossless_webp_from_pillow(tmp_path: Path) -> None:
    image = pytest.importorskip("PIL.Image")
    path = tmp_path / "x.webp"
    image.new("RGBA", (77, 19)).save(path, "WEBP", lossless=True)
    assert size_of(path.read_bytes()) == (77, 19)
