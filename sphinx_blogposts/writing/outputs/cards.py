"""Generated social cards: one 1200×630 PNG per post that has no image of its own.

A shared link is seen as a card before any of its text is read. With
``blogposts_social_cards = True``, each post without an ``image`` of its own (and
without ``social_card: false``) gets one, showing its title, date and authors (with
their avatars), the site's name and logo; ``og:image``, JSON-LD and the feeds point at
it (``writing.images.social_image``).

Drawing costs a few milliseconds a card, so a card is drawn only when what it shows
changed: a :class:`~..rebuilds.ledger.Ledger` (``blogposts-cards.json``) keeps the digest
of each card's inputs (its text, the digests of the avatar, logo and font files, the
colours, Pillow's version and :data:`DRAWING`), and a build whose inputs all match the
ledger's fingerprint weighs no card at all. Cards no longer wanted are deleted. Under
``-j`` they are drawn by forked workers (:mod:`.parallel`), from a painter whose fonts and
pictures the main process loaded once.

Pillow is optional: the configuration check (``config-inited``) turns cards off, with
one warning, when it cannot be imported; only then is :mod:`.card_drawing` imported.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.application import Sphinx
from sphinx.config import Config

from ...core.aliases import location
from ...core.config import CARD_COLORS
from ...core.diagnostics import Warn, logger, warn
from ...core.model import Post
from ...core.routes import social_card
from ...reading.domain import domain_of
from ...reading.local_files import source_of
from ..builders import writes_html_pages
from ..images import has_card
from ..rebuilds import fingerprint as state
from ..rebuilds.ledger import Ledger
from ..render.renderer import Renderer
from ..view.registry import renderers
from . import parallel

if TYPE_CHECKING:
    from .card_drawing import CardText, Painter

LEDGER = "blogposts-cards.json"
#: The version of the drawing: raise it when a card would look different, so every card
#: is drawn again.
DRAWING = 1
#: What a logo can be on a card (a vector logo is left off: Pillow draws no SVG).
RASTER = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp")
SETTING = "blogposts_social_cards"
FONT_SETTING = "blogposts_social_cards_font"


@dataclass
class CardsCache:
    """The build's part of the cache for social cards: the painter, its fonts and
    pictures loaded once in this process, and inherited by ``-j`` workers."""

    painter: Painter | None = None
    #: What the painter was made for (colours, font file): another build's is not reused.
    painter_for: tuple[Any, ...] = ()


@dataclass(frozen=True)
class Card:
    """One card to draw: whose, where, and what it shows."""

    post_key: str
    where: tuple[str, int | None]
    path: str
    text: CardText


# -- the configuration ----------------------------------------------------------------------


def pillow_problem() -> str | None:
    """Why cards cannot be drawn here (None: they can): Pillow missing, older than 10.1
    (its bundled font is scalable from 10.1 on), or built without FreeType."""
    try:
        import PIL
        from PIL import features
    except ImportError:
        return "Pillow is not installed"
    version = tuple(int(part) for part in re.findall(r"\d+", PIL.__version__)[:2])
    if version < (10, 1):
        return f"Pillow {PIL.__version__} is older than 10.1"
    if not features.check("freetype2"):
        return "Pillow was built without FreeType"
    return None


def check_config(app: Sphinx, config: Config) -> None:
    """``config-inited``: without a usable Pillow, cards are turned off (one warning, and
    pages link none); a font file that cannot be read is one warning, and the bundled font
    is used."""
    if not config[SETTING]:
        return
    problem = pillow_problem()
    if problem is not None:
        warn(
            f"{SETTING} = True, but {problem}: no social cards are drawn. Install "
            "Pillow 10.1 or later: pip install 'sphinx-blogposts[cards]'",
            Warn.CARD,
            location(app, SETTING),
        )
        config[SETTING] = False
        return
    font = config[FONT_SETTING]
    if font and font_problem(Path(app.srcdir, font)) is not None:
        warn(
            f"{FONT_SETTING} = {font!r}: {font_problem(Path(app.srcdir, font))}; the cards "
            "use Pillow's bundled font. Give the path of a TTF or OTF file, from the source "
            "folder",
            Warn.CARD,
            location(app, FONT_SETTING),
        )
        config[FONT_SETTING] = None


def font_problem(path: Path) -> str | None:
    if not path.is_file():
        return "there is no such file"
    from PIL import ImageFont

    try:
        ImageFont.truetype(str(path), 20)
    except OSError as error:
        return f"it cannot be read as a font ({error})"
    return None


# -- what each card shows -------------------------------------------------------------------


def _stat(path: str | None) -> tuple[str, int, int] | None:
    if path is None:
        return None
    info = Path(path).stat()
    return path, info.st_size, info.st_mtime_ns


def logo_file(app: Sphinx) -> str | None:
    """``html_logo`` when it is a local raster image."""
    logo = app.config.html_logo
    if not logo or "://" in str(logo):
        return None
    path = Path(app.confdir, logo)
    return str(path) if path.suffix.lower() in RASTER and path.is_file() else None


def font_file(app: Sphinx) -> str | None:
    font = app.config[FONT_SETTING]
    return str(Path(app.srcdir, font)) if font else None


def colors(app: Sphinx) -> dict[str, str]:
    return {**CARD_COLORS, **app.config.blogposts_social_cards_colors}


def site_name(app: Sphinx, renderer: Renderer) -> str:
    """The site's name and, when it says more, the blog's: "Project · Blog"."""
    project = (app.config.project or "").strip()
    blog = (renderer.settings.blogposts_title or "").strip()
    if project and blog and blog.casefold() != project.casefold():
        return f"{project} · {blog}"
    return project or blog


class Plan:
    """What the cards of one build share, worked out once for all of them: the logo and
    the font files, each avatar's file, and the digests of those files."""

    def __init__(self, app: Sphinx) -> None:
        import PIL

        self.app = app
        self.logo = logo_file(app)
        self.font = font_file(app)
        self._avatars: dict[str, str | None] = {}
        self._digests: dict[str, str] = {}
        #: What every card's digest holds: the drawing, the colours, the font file.
        self.common = [DRAWING, PIL.__version__, colors(app), self._digest(self.font)]

    def avatar(self, value: str | None) -> str | None:
        """The local file an author's ``image_url`` names (None: none, or a URL)."""
        if not value:
            return None
        if value not in self._avatars:
            found = source_of(self.app, value, None)
            self._avatars[value] = str(found) if found is not None else None
        return self._avatars[value]

    def _digest(self, path: str | None) -> str | None:
        if path is None:
            return None
        if path not in self._digests:
            self._digests[path] = hashlib.sha1(Path(path).read_bytes()).hexdigest()
        return self._digests[path]

    def outside_inputs(self, wanted: dict[str, tuple[Renderer, Post]]) -> list[Any]:
        """What cards show beyond the posts and the ``blogposts_*`` settings (which the
        fingerprint holds): the site's name and language, and the files, by size and
        time (cheap: the cards' digests weigh their content)."""
        avatars = {
            found
            for renderer, post in wanted.values()
            for author in renderer.blog.post_authors.get(post.key, [])
            if (found := self.avatar(author.image_url))
        }
        files = [self.logo, self.font, *sorted(avatars)]
        config = self.app.config
        return ["cards", *self.common[:2], config.project, config.language, *map(_stat, files)]

    def card(self, renderer: Renderer, post: Post) -> Card:
        from .card_drawing import CardText

        authors = renderer.blog.post_authors.get(post.key, [])
        text = CardText(
            title=post.title,
            site=site_name(self.app, renderer),
            date=renderer.format_date(post.date) if post.date else "",
            authors=tuple(author.name for author in authors),
            avatars=tuple(self.avatar(author.image_url) for author in authors),
            logo=self.logo,
        )
        where = (post.docname, post.key_lines.get("title", post.line))
        return Card(post.key, where, social_card(post), text)

    def digest(self, card: Card) -> str:
        """What the card's pixels are made of: its text, the files it shows (by content),
        the colours, the font, Pillow's version and the drawing's."""
        text = card.text
        return state.digest(
            [
                *self.common,
                text.title,
                text.site,
                text.date,
                text.authors,
                [self._digest(avatar) for avatar in text.avatars],
                self._digest(text.logo),
            ]
        )


# -- writing them ---------------------------------------------------------------------------


def write_cards(app: Sphinx) -> list[Any]:
    """``html-collect-pages``: draw the cards whose inputs changed, delete unwanted ones."""
    if not writes_html_pages(app.builder):
        return []
    wanted: dict[str, tuple[Renderer, Post]] = {}
    domain = domain_of(app.env)
    if app.config[SETTING]:
        for renderer in renderers(app).values():
            for key in renderer.blog.post_authors:  # every post of the blog, listed or not
                post = domain.post_by_key(key)
                if post is not None and has_card(app, post):
                    wanted[social_card(post)] = (renderer, post)
    ledger = Ledger.of_build(app, LEDGER)
    if not wanted and not ledger.previous:
        return []
    plan = Plan(app)
    fingerprint = state.fingerprint(app, *plan.outside_inputs(wanted))
    cards: dict[str, Card] = {}
    if ledger.vouches_for(fingerprint, wanted):
        ledger.expect(ledger.previous, fingerprint)
    else:
        cards = {path: plan.card(*found) for path, found in wanted.items()}
        ledger.expect({path: plan.digest(card) for path, card in cards.items()}, fingerprint)
    todo = [path for path in wanted if not ledger.is_current(path)]
    stale = ledger.stale()
    ledger.forget([*stale, *todo])
    ledger.remove(stale)
    ledger.keep(app)
    refused = draw_all(app, [cards.get(path) or plan.card(*wanted[path]) for path in todo])
    for path in refused:
        ledger.drop(path)  # not there: the next build tries again
    logger.info("blogposts: %d of %d social cards drawn", len(todo) - len(refused), len(wanted))
    return []


def painter_of(app: Sphinx) -> Painter:
    """This build's painter, made in the main process before any worker is forked."""
    from .card_drawing import Painter

    cache = domain_of(app.env).cache.part(CardsCache)
    made_for = (sorted(colors(app).items()), _stat(font_file(app)))
    if cache.painter is None or cache.painter_for != made_for:
        cache.painter = Painter(colors(app), font_file(app))
        cache.painter_for = made_for
    return cache.painter


def draw_all(app: Sphinx, cards: list[Card]) -> list[str]:
    """Draw and write ``cards``; returns the paths of those that could not be drawn."""
    if not cards:
        return []
    painter = painter_of(app)
    painter.ready()  # every size of the font, before workers are forked
    outdir = Path(app.outdir).resolve()
    # every picture loaded here, once: a file Pillow cannot read is one warning
    pictures = {(c.text.logo, False) for c in cards if c.text.logo}
    pictures |= {(a, True) for c in cards for a in c.text.avatars if a}
    for path, round_ in sorted(pictures):
        if painter.picture(path, round_) is None:
            warn(
                "this file cannot be read as an image; the social cards leave it out",
                Warn.CARD,
                path,
            )
    # the texts many cards share (names, dates, the site's name): one warning for them all
    shared = sorted({t for c in cards for t in (c.text.site, c.text.date, *c.text.authors)})
    found, having = painter.check(shared)
    if found.said():
        examples = ", ".join(repr(text) for text in having[:3])
        _warn_font(
            app,
            f"the social cards cannot draw every character of the authors' names, the "
            f"dates or the site's name (such as {examples})",
            found.said(),
            location(app, FONT_SETTING if app.config[FONT_SETTING] else SETTING),
        )

    def work(chunk: list[Card]) -> parallel.Done:
        refused = []
        for card in chunk:
            try:
                drawn = painter.draw(card.text)
            except (OSError, ValueError) as error:  # a font FreeType cannot lay out
                warn(f"the post's social card cannot be drawn: {error}", Warn.CARD, card.where)
                refused.append(card.path)
                continue
            target = outdir / card.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(drawn.png)
            if drawn.said():
                _warn_font(
                    app,
                    "the post's social card cannot draw its whole title",
                    drawn.said(),
                    card.where,
                )
        return parallel.Done(refused=refused)

    if parallel.in_parallel(app, cards):
        done = parallel.run_chunks(app, "cards", cards, work)
    else:
        done = [work(cards)]
    return [path for each in done for path in each.refused]


def _warn_font(app: Sphinx, what: str, said: str, where: Any) -> None:
    font = app.config[FONT_SETTING] or "Pillow's bundled font, which has ASCII letters only"
    warn(
        f"{what} with its font ({font}): {said}. Set {FONT_SETTING} to a TTF or OTF font "
        "that has them",
        Warn.CARD,
        where,
    )


def register(app: Sphinx) -> None:
    app.connect("config-inited", check_config, priority=110)  # after the values are checked
    app.connect("html-collect-pages", write_cards)
