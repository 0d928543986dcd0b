"""A palette PNG written from its pixels, compressing only the rows that hold something.

A social card (:mod:`.card_drawing`) is mostly rows of one colour: the background
above, between and below its lines of text, the accent bar at the top. zlib costs the
same for a row of one colour as for any other, and encoding took more than half of
a card's time through Pillow. Here each run of rows of one colour is a deflate segment
compressed once and kept (:class:`Rows`, one per painter), and only the other rows go
through zlib. Each segment ends on a full flush, so it refers to nothing before it and
the segments can be joined in any order. The zlib checksum of the whole is combined
from the segments' own (zlib's ``adler32_combine``), so no row is read twice.

The file holds the image header, the palette, the pixels and the end: no time, no
text, nothing that differs between two builds.
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass, field

SIGNATURE = b"\x89PNG\r\n\x1a\n"
#: A zlib header: deflate, 32 KiB window, fastest level (its check bits hold).
ZLIB_HEADER = b"\x78\x01"
#: Below this many rows of one colour, a run is compressed with the rows around it.
MIN_RUN = 4
_ADLER_BASE = 65521


def adler32_combine(first: int, second: int, second_length: int) -> int:
    """The Adler-32 of two pieces of data one after the other, from each one's checksum
    and the second's length (zlib's ``adler32_combine``, which Python does not offer)."""
    rem = second_length % _ADLER_BASE
    low = first & 0xFFFF
    high = (rem * low) % _ADLER_BASE
    low = (low + (second & 0xFFFF) + _ADLER_BASE - 1) % _ADLER_BASE
    high = (high + (first >> 16) + (second >> 16) + _ADLER_BASE - rem) % _ADLER_BASE
    return low | (high << 16)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _deflate() -> zlib._Compress:
    # raw deflate (no header: the stream has one), run-length matching: fast on flat rows
    return zlib.compressobj(1, zlib.DEFLATED, -15, 9, zlib.Z_RLE)


@dataclass
class Rows:
    """Runs of rows of one colour, compressed once: (value, rows) -> (its deflate
    segment, its Adler-32, its length). A run is made of runs of a power of two rows,
    so a handful of segments serves every length."""

    width: int
    runs: dict[tuple[int, int], tuple[bytes, int, int]] = field(default_factory=dict)

    def run(self, value: int, rows: int) -> tuple[bytes, int, int]:
        key = (value, rows)
        found = self.runs.get(key)
        if found is None:
            data = (b"\0" + bytes([value]) * self.width) * rows
            deflate = _deflate()
            segment = deflate.compress(data) + deflate.flush(zlib.Z_FULL_FLUSH)
            found = self.runs[key] = (segment, zlib.adler32(data), len(data))
        return found


def palette_png(pixels: bytes, width: int, height: int, palette: bytes, rows: Rows) -> bytes:
    """An 8-bit palette PNG of ``pixels`` (one index a pixel, row after row)."""
    parts: list[bytes] = []
    checksum = 1  # Adler-32 of nothing
    deflate = _deflate()
    pending: list[bytes] = []
    plain: dict[int, bytes] = {}

    def add(segment: bytes, adler: int, length: int) -> None:
        nonlocal checksum
        parts.append(segment)
        checksum = adler32_combine(checksum, adler, length)

    def flush() -> None:
        if pending:
            data = b"".join(pending)
            pending.clear()
            add(
                deflate.compress(data) + deflate.flush(zlib.Z_FULL_FLUSH),
                zlib.adler32(data),
                len(data),
            )

    y = 0
    while y < height:
        row = pixels[y * width : (y + 1) * width]
        same = plain.get(row[0])
        if same is None:
            same = plain[row[0]] = bytes([row[0]]) * width
        end = y + 1
        if row == same:
            while end < height and pixels[end * width : (end + 1) * width] == same:
                end += 1
        if end - y < MIN_RUN:
            pending.append(b"\0" + row)  # filter type 0: the row as it is
            y += 1
            continue
        flush()
        left, size = end - y, 1 << (end - y).bit_length()
        while left:
            while size > left:
                size >>= 1
            add(*rows.run(row[0], size))
            left -= size
        y = end
    flush()
    parts.append(deflate.flush(zlib.Z_FINISH))  # the final, empty block
    pixels_data = ZLIB_HEADER + b"".join(parts) + struct.pack(">I", checksum)
    header = struct.pack(">IIBBBBB", width, height, 8, 3, 0, 0, 0)  # 8 bits, palette
    return (
        SIGNATURE
        + _chunk(b"IHDR", header)
        + _chunk(b"PLTE", palette)
        + _chunk(b"IDAT", pixels_data)
        + _chunk(b"IEND", b"")
    )
