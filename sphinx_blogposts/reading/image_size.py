"""An image file's width and height, read from its header, without Pillow.

A card image shown with its ``width`` and ``height`` has its box reserved before the file
arrives, so a list of lazy-loaded images does not jump while the reader scrolls. The
size is read once, when the post naming the file is read (``reading.images``), and kept
in the post: a page that lists it asks nothing of the file.

A file many posts name (a default thumbnail) is measured once per build and process:
:func:`measured` keeps each size in the build's cache (:class:`ImageSizes`).

The formats blogs use are read here from their first bytes: PNG, GIF, JPEG (with its
EXIF orientation, which browsers apply, so a portrait photo stored sideways is
measured as shown), WebP (lossy, lossless and extended) and SVG (its ``width`` and
``height`` in absolute units, else its ``viewBox``). Anything else is asked of Pillow
when it is installed; without it, the size is unknown and the image is shown in a box
of a fixed shape instead (see the stylesheet).
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass, field
from pathlib import Path

from ..core.cache import BuildCache

#: How much of a file is read first: every format's size is in its first bytes ...
FIRST = 4096
#: ... but a JPEG's frame header follows its EXIF data and embedded thumbnail (tens of
#: kilobytes from a phone), and an SVG's root tag may follow long comments: so much more
#: is read when the first bytes did not tell.
HEAD = 256 * 1024
#: CSS pixels per absolute unit an SVG may give its size in.
_SVG_UNITS = {
    "": 1.0,
    "px": 1.0,
    "pt": 4 / 3,
    "pc": 16.0,
    "in": 96.0,
    "cm": 96 / 2.54,
    "mm": 9.6 / 2.54,
}
_SVG_ROOT = re.compile(rb"<svg\b[^>]*>", re.IGNORECASE | re.DOTALL)
_SVG_COMMENT = re.compile(rb"<!--.*?-->", re.DOTALL)
_SVG_LENGTH = re.compile(r"^\s*([0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?)\s*([a-z]*)\s*$")

Size = tuple[int, int]


@dataclass
class ImageSizes:
    """The build's part of the cache for picture sizes: by file, with its modification
    time and length, so a file replaced between two builds in one process is read again."""

    sizes: dict[tuple[str, int, int], Size | None] = field(default_factory=dict)


def measured(cache: BuildCache, path: Path) -> Size | None:
    """:func:`read_size`, once per file (as it is now) per build and process."""
    try:
        stat = path.stat()
    except OSError:
        return None
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    sizes = cache.part(ImageSizes).sizes
    if key not in sizes:
        sizes[key] = read_size(path)
    return sizes[key]


def read_size(path: Path) -> Size | None:
    """``(width, height)`` in CSS pixels of the image at ``path``; None when it cannot tell."""
    try:
        with path.open("rb") as file:
            head = file.read(FIRST)
            found = size_of(head)
            if found is None and len(head) == FIRST:
                head += file.read(HEAD - FIRST)
                found = size_of(head)
    except OSError:
        return None
    return found or _with_pillow(path)


def size_of(data: bytes) -> Size | None:
    """The size a file's first bytes give, for PNG, GIF, JPEG, WebP and SVG."""
    for reader in (_png, _gif, _jpeg, _webp, _svg):
        found = reader(data)
        if found is not None:
            return found if found[0] > 0 and found[1] > 0 else None
    return None


def _png(data: bytes) -> Size | None:
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR" or len(data) < 24:
        return None
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _gif(data: bytes) -> Size | None:
    if data[:6] not in (b"GIF87a", b"GIF89a") or len(data) < 10:
        return None
    width, height = struct.unpack("<HH", data[6:10])
    return width, height


#: JPEG markers that start a frame (SOF0 to SOF15, but not DHT, JPG and DAC).
_SOF = set(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


def _jpeg(data: bytes) -> Size | None:
    if data[:2] != b"\xff\xd8":
        return None
    pos, turned = 2, False
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in (0x01, *range(0xD0, 0xD8)):  # markers without a length
            pos += 2
            continue
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        segment = data[pos + 4 : pos + 2 + length]
        if marker == 0xE1 and segment[:6] == b"Exif\x00\x00":
            turned = _exif_orientation(segment[6:]) in (5, 6, 7, 8)
        if marker in _SOF and len(segment) >= 5:
            height, width = struct.unpack(">HH", segment[1:5])
            return (height, width) if turned else (width, height)
        pos += 2 + length
    return None


def _exif_orientation(tiff: bytes) -> int | None:
    """The Orientation tag (0x0112) of the first image directory of EXIF's TIFF data."""
    order = {b"II": "<", b"MM": ">"}.get(tiff[:2])
    if order is None or len(tiff) < 8:
        return None
    (offset,) = struct.unpack(order + "I", tiff[4:8])
    if offset + 2 > len(tiff):
        return None
    (count,) = struct.unpack(order + "H", tiff[offset : offset + 2])
    for index in range(count):
        entry = offset + 2 + 12 * index
        if entry + 12 > len(tiff):
            return None
        tag, kind = struct.unpack(order + "HH", tiff[entry : entry + 4])
        if tag == 0x0112 and kind == 3:  # a SHORT, first in its 4-byte value field
            (value,) = struct.unpack(order + "H", tiff[entry + 8 : entry + 10])
            return int(value)
    return None


def _webp(data: bytes) -> Size | None:
    if data[:4] != b"RIFF" or data[8:12] != b"WEBP" or len(data) < 30:
        return None
    chunk = data[12:16]
    if chunk == b"VP8 " and data[23:26] == b"\x9d\x01\x2a":  # lossy: the key frame's size
        width, height = struct.unpack("<HH", data[26:30])
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L" and data[20] == 0x2F:  # lossless: 14 bits each, minus one
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X":  # extended: 24 bits each, minus one
        return int.from_bytes(data[24:27], "little") + 1, int.from_bytes(data[27:30], "little") + 1
    return None


def _svg(data: bytes) -> Size | None:
    root = _SVG_ROOT.search(_SVG_COMMENT.sub(b"", data[:HEAD]))
    if root is None:
        return None
    tag = root.group().decode("utf-8", "replace")
    attrs = {
        name.lower(): value
        for name, value in re.findall(r"""([\w:-]+)\s*=\s*["']([^"']*)["']""", tag)
    }
    width, height = _svg_length(attrs.get("width")), _svg_length(attrs.get("height"))
    box = [float(n) for n in re.split(r"[\s,]+", attrs.get("viewbox", "").strip()) if n][:4]
    if len(box) == 4 and box[2] > 0 and box[3] > 0:
        ratio = box[3] / box[2]
        if width is None and height is None:
            width, height = box[2], box[3]
        elif height is None and width is not None:
            height = width * ratio
        elif width is None and height is not None:
            width = height / ratio
    if width is None or height is None:
        return None
    return max(1, round(width)), max(1, round(height))


def _svg_length(value: str | None) -> float | None:
    """An SVG length in CSS pixels; None for none, or a relative one (``%``, ``em``)."""
    match = _SVG_LENGTH.match(value or "")
    if match is None or match.group(2) not in _SVG_UNITS:
        return None
    return float(match.group(1)) * _SVG_UNITS[match.group(2)]


def _with_pillow(path: Path) -> Size | None:
    """Formats the readers above do not know (AVIF, BMP, TIFF, ...), when Pillow is there."""
    try:
        from PIL import Image
    except ImportError:
        return None
    try:
        with Image.open(path) as image:
            width, height = image.size
            if image.getexif().get(0x0112) in (5, 6, 7, 8):  # shown turned a quarter
                width, height = height, width
    except Exception:  # a file Pillow cannot read has no known size
        return None
    return (width, height) if width > 0 and height > 0 else None
