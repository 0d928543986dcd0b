"""A social card's pixels: a 1200×630 PNG drawn with Pillow from a :class:`CardText`.

Only :mod:`.cards` imports this module, and only once it knows Pillow can be imported
(Pillow is an optional dependency: ``pip install sphinx-blogposts[cards]``).

Drawing is the cost of cards, paid once per card that changed, so it is kept small:

- The card is drawn as a palette image, one byte a pixel, never as RGB: encoding an RGB
  card took several times as long as drawing it. Text is drawn as indices into a ramp
  of colours from the background to the foreground, so Pillow's anti-aliasing, which
  blends index values, blends colours; the accent and the pictures (logo, avatars) have
  palette entries of their own above the ramp. The PNG is written by :mod:`.png`, which
  compresses only the rows that are not of one colour.
- Fonts, pictures and what each character looks like are kept on the :class:`Painter`,
  made once per build in the main process: ``-j`` workers are forked from it and find
  them ready.

A character the font has no glyph for would be drawn as its ``.notdef`` glyph (a box,
"tofu"), which Pillow does without a word. Each character is rendered alone and compared
with what the ``.notdef`` glyph gives; one that matches is drawn as its base letter when
the font has that (``é`` as ``e``) and left out otherwise, and the card's caller is told
which, to warn about.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from PIL import Image, ImageDraw, ImageFont, ImageOps

from ..images import CARD_SIZE
from .png import Rows, palette_png

WIDTH, HEIGHT = CARD_SIZE
MARGIN = 80
#: Indices 0..RAMP-1 run from the background to the foreground; then the accent; then
#: the pictures' own colours.
RAMP = 192
ACCENT = RAMP
PICTURES = ACCENT + 1
TEXT = RAMP - 1  # the title and the site's name
MUTED = 150  # the authors and the date: three quarters of the way to the foreground
#: Title sizes tried, largest first; the first whose lines fit is used.
TITLE_SIZES = (72, 64, 56, 48, 42)
TITLE_TOP, TITLE_BOTTOM = 185, 470
SMALL = 32  # the site's name, the authors and the date
LOGO_BOX = (240, 64)
AVATAR = 60
MAX_AVATARS = 3
#: Spaces, and dashes the font may lack, drawn as the nearest character it has: their
#: meaning is the same, so nobody is warned about them.
SAME_MEANING = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"))
#: A code point no font maps (a Unicode noncharacter): what it draws is ``.notdef``.
NOT_A_CHARACTER = "\uffff"


@dataclass(frozen=True)
class CardText:
    """What one card shows, as plain values (so it can be digested, and sent to a worker)."""

    title: str
    site: str
    date: str = ""
    authors: tuple[str, ...] = ()
    #: Each author's local avatar file (absolute), or None; in the order of ``authors``.
    avatars: tuple[str | None, ...] = ()
    #: ``html_logo`` when it is a local raster image (absolute path), else None.
    logo: str | None = None


@dataclass
class Drawn:
    """A card's PNG bytes, and the characters of its title it could not draw as written
    (the other texts are checked for the whole build: :meth:`Painter.check`)."""

    png: bytes = b""
    #: Each character drawn as another (its plain letter): (as written, as drawn).
    replaced: list[tuple[str, str]] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)

    def said(self) -> str:
        """What happened to them, for a warning ("" when nothing did)."""
        parts = []
        replaced = dict(self.replaced)
        if replaced:
            parts.append(", ".join(f"{a!r} drawn as {b!r}" for a, b in replaced.items()))
        if self.dropped:
            unique = list(dict.fromkeys(self.dropped))
            shown = ", ".join(repr(c) for c in unique[:8])
            more = f" and {len(unique) - 8} more" if len(unique) > 8 else ""
            parts.append(f"{shown}{more} left out")
        return "; ".join(parts)


def _rgb(color: str) -> tuple[int, int, int]:
    value = color.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


class Painter:
    """Draws every card of one build: one font file, one set of colours."""

    def __init__(self, colors: dict[str, str], font_file: str | None = None) -> None:
        self.background = _rgb(colors["background"])
        self.foreground = _rgb(colors["foreground"])
        self.accent = _rgb(colors["accent"])
        self.font_file = font_file
        self._fonts: dict[int, ImageFont.FreeTypeFont] = {}
        self._drawable: dict[str, bool] = {}
        self._pictures: dict[tuple[str, bool], Image.Image | None] = {}
        #: The pictures of a card, by what and where, as palette indices with their colours.
        self._sheets: dict[
            tuple[tuple[int, tuple[int, int]], ...],
            tuple[list[tuple[Image.Image, tuple[int, int]]], list[int]],
        ] = {}
        self._rows = Rows(WIDTH)  # runs of rows of one colour, compressed once
        self._notdef = self._looks(NOT_A_CHARACTER)
        ramp = [
            tuple(
                b + (f - b) * i // (RAMP - 1)
                for b, f in zip(self.background, self.foreground, strict=True)
            )
            for i in range(RAMP)
        ]
        self._palette = [v for color in [*ramp, self.accent] for v in color]

    # -- fonts and glyphs -------------------------------------------------------------------

    def font(self, size: int) -> ImageFont.FreeTypeFont:
        found = self._fonts.get(size)
        if found is None:
            if self.font_file is None:
                found = ImageFont.load_default(size=size)  # type: ignore[assignment]
            else:
                found = ImageFont.truetype(self.font_file, size)
            self._fonts[size] = found  # type: ignore[assignment]
        return found  # type: ignore[return-value]

    def ready(self) -> None:
        """Load every size of the font now (in the main process, before ``-j`` forks)."""
        for size in (*TITLE_SIZES, SMALL):
            self.font(size)

    def _looks(self, char: str) -> tuple[float, tuple[int, int], bytes]:
        font = self.font(SMALL)
        mask = font.getmask(char)
        pixels = Image.Image()._new(mask).tobytes() if mask.size[0] and mask.size[1] else b""
        return font.getlength(char), mask.size, pixels

    def can_draw(self, char: str) -> bool:
        """Whether the font has a glyph for ``char`` (it does not draw ``.notdef``)."""
        found = self._drawable.get(char)
        if found is None:
            found = self._drawable[char] = self._looks(char) != self._notdef
        return found

    def drawable(self, text: str, drawn: Drawn) -> str:
        """``text`` as the font can draw it: each space a plain space, a dash it lacks a
        hyphen, a letter it lacks its base letter (noted in ``drawn.replaced``) or left
        out (noted in ``drawn.dropped``)."""
        out = []
        for char in text:
            if char.isspace():
                out.append(" ")
            elif self.can_draw(char):
                out.append(char)
            elif (same := char.translate(SAME_MEANING)) != char and self.can_draw(same):
                out.append(same)
            else:
                base = "".join(
                    c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
                )
                if base and base != char and all(self.can_draw(c) for c in base):
                    out.append(base)
                    drawn.replaced.append((char, base))
                else:
                    drawn.dropped.append(char)
        return " ".join("".join(out).split())

    def check(self, texts: list[str]) -> tuple[Drawn, list[str]]:
        """What the font cannot draw in ``texts`` (the authors' names, the dates, the
        site's name: the same on many cards, so warned about once a build), and the
        texts that have it."""
        drawn = Drawn()
        having = []
        for text in texts:
            before = len(drawn.replaced) + len(drawn.dropped)
            self.drawable(text, drawn)
            if len(drawn.replaced) + len(drawn.dropped) > before:
                having.append(text)
        return drawn, having

    # -- pictures ----------------------------------------------------------------------------

    def picture(self, path: str, round_: bool) -> Image.Image | None:
        """A logo fitted in its box, or an avatar as a disc, laid on the background (RGB);
        None for a file Pillow cannot read (the caller warned about it when it planned)."""
        key = (path, round_)
        if key not in self._pictures:
            self._pictures[key] = self._load(path, round_)
        return self._pictures[key]

    def _load(self, path: str, round_: bool) -> Image.Image | None:
        try:
            with Image.open(path) as opened:
                image = ImageOps.exif_transpose(opened).convert("RGBA")
        except (OSError, ValueError, Image.DecompressionBombError):
            return None
        if round_:
            image = ImageOps.fit(image, (AVATAR, AVATAR), Image.Resampling.LANCZOS)
            big = Image.new("L", (AVATAR * 4, AVATAR * 4), 0)
            ImageDraw.Draw(big).ellipse((0, 0, AVATAR * 4 - 1, AVATAR * 4 - 1), fill=255)
            disc = big.resize((AVATAR, AVATAR), Image.Resampling.LANCZOS)
            alpha = Image.new("L", image.size, 0)
            alpha.paste(image.getchannel("A"), mask=disc)
            image.putalpha(alpha)
        else:
            image.thumbnail(LOGO_BOX, Image.Resampling.LANCZOS)
        laid = Image.new("RGB", image.size, self.background)
        laid.paste(image, mask=image.getchannel("A"))
        return laid

    # -- the card ----------------------------------------------------------------------------

    def draw(self, card: CardText) -> Drawn:
        drawn, elsewhere = Drawn(), Drawn()  # the title's problems; the other texts'

        canvas = Image.new("L", (WIDTH, HEIGHT), 0)
        pen = ImageDraw.Draw(canvas)
        pen.rectangle((0, 0, WIDTH - 1, 11), fill=ACCENT)
        placed: list[tuple[Image.Image, tuple[int, int]]] = []
        small = self.font(SMALL)
        # the site: its logo and its name
        x = MARGIN
        logo = self.picture(card.logo, False) if card.logo else None
        if logo is not None:
            placed.append((logo, (x, 60 + (LOGO_BOX[1] - logo.height) // 2)))
            x += logo.width + 24
        site = self._fit(self.drawable(card.site, elsewhere), small, WIDTH - MARGIN - x)
        pen.text((x, 92), site, font=small, fill=TEXT, anchor="lm")
        self._title(pen, self.drawable(card.title, drawn))
        # the authors, with their avatars, and the date
        date = self.drawable(card.date, elsewhere)
        right = WIDTH - MARGIN
        if date:
            pen.text((right, 540), date, font=small, fill=MUTED, anchor="rm")
            right -= int(small.getlength(date)) + 48
        x = MARGIN
        for avatar in card.avatars[:MAX_AVATARS]:
            picture = self.picture(avatar, True) if avatar else None
            if picture is not None:
                placed.append((picture, (x, 540 - AVATAR // 2)))
                x += AVATAR + 12
        if x > MARGIN:
            x += 8
        names = ", ".join(n for n in (self.drawable(a, elsewhere) for a in card.authors) if n)
        pen.text((x, 540), self._fit(names, small, right - x), font=small, fill=MUTED, anchor="lm")
        palette = self._palette + self._pictures_in(canvas, placed)
        palette += [0] * (768 - len(palette))
        drawn.png = palette_png(canvas.tobytes(), WIDTH, HEIGHT, bytes(palette), self._rows)
        return drawn

    def _title(self, pen: ImageDraw.ImageDraw, title: str) -> None:
        """The title, wrapped, at the largest size whose lines fit; cut with an ellipsis
        when even the smallest does not."""
        width, height = WIDTH - 2 * MARGIN, TITLE_BOTTOM - TITLE_TOP
        for size in TITLE_SIZES:
            font = self.font(size)
            step = round(size * 1.2)
            most = height // step
            lines = wrap(title, font, width, most + 1)
            if len(lines) <= most:
                break
        if len(lines) > most:
            lines = [*lines[: most - 1], self._fit(" ".join(lines[most - 1 :]), font, width)]
        top = TITLE_TOP + (height - step * len(lines)) // 2
        for number, line in enumerate(lines):
            pen.text((MARGIN, top + number * step), line, font=font, fill=TEXT)

    def _fit(self, text: str, font: ImageFont.FreeTypeFont, width: int) -> str:
        """``text``, cut with an ellipsis where it would be wider than ``width``."""
        if font.getlength(text) <= width:
            return text
        ellipsis = "\u2026" if self.can_draw("\u2026") else "..."
        while text and font.getlength(text + ellipsis) > width:
            text = text[:-1]
        return text.rstrip() + ellipsis if text else ""

    def _pictures_in(
        self, canvas: Image.Image, placed: list[tuple[Image.Image, tuple[int, int]]]
    ) -> list[int]:
        """Paste the pictures, their colours reduced together to the palette entries left
        after the ramp and the accent; returns those colours. The same pictures in the same
        places (a logo, an author's avatar) are reduced once per build, not once per card."""
        if not placed:
            return []
        key = tuple((id(picture), at) for picture, at in placed)
        found = self._sheets.get(key)
        if found is None:
            found = self._sheets[key] = _reduced(placed)
        pieces, colors = found
        for piece, at in pieces:
            canvas.paste(piece, at)
        return colors


def _reduced(
    placed: list[tuple[Image.Image, tuple[int, int]]],
) -> tuple[list[tuple[Image.Image, tuple[int, int]]], list[int]]:
    """The pictures as palette indices above the ramp and the accent, and their colours."""
    sheet = Image.new("RGB", (sum(p.width for p, _ in placed), max(p.height for p, _ in placed)))
    x = 0
    for picture, _ in placed:
        sheet.paste(picture, (x, 0))
        x += picture.width
    reduced = sheet.quantize(256 - PICTURES, method=Image.Quantize.FASTOCTREE)
    shifted = Image.frombytes("L", sheet.size, reduced.tobytes()).point(
        [min(i + PICTURES, 255) for i in range(256)]
    )
    pieces = []
    x = 0
    for picture, at in placed:
        pieces.append((shifted.crop((x, 0, x + picture.width, picture.height)), at))
        x += picture.width
    return pieces, (reduced.getpalette() or [])[: 3 * (256 - PICTURES)]


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int, most: int) -> list[str]:
    """``text`` in lines no wider than ``width``, broken between words, or inside a word
    wider than a line (a script written without spaces); stops after ``most`` lines."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if font.getlength(candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
            line = ""
        if font.getlength(word) <= width:
            line = word
        else:
            for char in word:
                if line and font.getlength(line + char) > width:
                    lines.append(line)
                    line = ""
                line += char
        if len(lines) >= most:
            return lines
    if line:
        lines.append(line)
    return lines
