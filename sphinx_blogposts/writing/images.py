"""An image's URL: one rule for every card, page, feed and ``<head>`` that shows one.

A post's ``image``/``thumbnail`` and an author's avatar are front-matter values: a URL,
or a local file (see :mod:`sphinx_blogposts.reading.local_files`) that
:mod:`.outputs.images` copies under ``_static/blogposts/``. Wherever one is shown, its
URL is made here in two steps, so cards, ``og:image``, JSON-LD and feeds cannot disagree:

- :func:`locate`: where the image is, a full URL as written or the path of its copy in
  the output (a file that is not there has no place, and no URL: an image that cannot
  load is worse than none);
- :func:`url_of` (pure): that place as a URL from a page or feed, relative to it, or
  absolute against the site's root URL when one is given (``og:image``, JSON-LD and
  feeds are read away from the page, where only a full URL means anything).

:func:`image_url` does both for a page; a feed, which links one entry from many feed
files, locates once and calls :func:`url_of` per file.

Away from its page (a link preview, a search result, a feed reader), a post is shown with
one picture: its own image, else its generated social card (``blogposts_social_cards``,
drawn by :mod:`.outputs.cards`). :func:`social_place` and :func:`social_image` are that
rule, asked by ``og:image``, JSON-LD and the feeds; the cards on the blog's own pages show
the post's own image only.

Which image a page shows of a post is decided here too, with what the page needs to
show it well (its size, its text): :func:`list_image` for every list, :func:`cover_image`
above a post's body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sphinx.application import Sphinx
from sphinx.util.osutil import relative_uri

from ..core.model import Post
from ..core.routes import post_page, social_card
from ..reading.local_files import is_external, output_name, source_of
from .outputs.moved import BUILDERS

#: A generated social card's size in pixels: what link previews show largest.
CARD_SIZE = (1200, 630)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def locate(app: Sphinx, value: str | None, docname: str | None) -> str | None:
    """Where the image ``value`` names is: a URL as written, or the path of the copy of a
    local file from the output root; None if it names nothing (no file, or one outside
    the static and source folders). ``docname`` is the post whose front matter names it."""
    if not value:
        return None
    if is_external(value):
        return value
    source = source_of(app, value, docname)
    return output_name(app, source) if source is not None else None


def url_of(place: str, from_uri: str, base: str = "") -> str | None:
    """The URL of an image at ``place`` (see :func:`locate`) from the output file
    ``from_uri`` (a page's or a feed's path in the output).

    A URL stays as written, but an absolute URL (``base``, the site's root URL, given)
    must have a scheme: ``//host/x.png`` means nothing away from a page (in a feed
    reader, a crawler's card), so it takes the site's own scheme. A copy's path is made
    absolute against ``base``, or relative to ``from_uri`` without one.
    """
    if is_external(place):
        if base and not _SCHEME.match(place):
            scheme = _SCHEME.match(base)
            return (scheme.group() if scheme else "https:") + place
        return place
    if base:
        return base.rstrip("/") + "/" + place
    return relative_uri(from_uri, place)


def image_url(
    app: Sphinx,
    value: str | None,
    docname: str | None,
    pagename: str,
    base: str = "",
    as_written: bool = False,
) -> str | None:
    """The URL of the image ``value`` on the page ``pagename``: relative to the page, or
    absolute against ``base`` (see :func:`url_of`).

    ``as_written``: an image that names nothing is shown as written, not left out
    (an author's avatar on a card or author page has always been shown that way).
    """
    place = locate(app, value, docname)
    if place is None:
        return value if as_written else None
    return url_of(place, app.builder.get_target_uri(pagename), base)


@dataclass(frozen=True)
class ShownImage:
    """An image as a page shows it: its URL, its size when known (so its box is reserved
    before it loads) and its text."""

    url: str
    alt: str
    width: int | None = None
    height: int | None = None

    def __str__(self) -> str:
        """The URL: a project's own ``card.html`` written when ``post.image`` was one
        (``<img src="{{ post.image }}">``) still shows the image."""
        return self.url


def own_image(app: Sphinx, post: Post, pagename: str) -> ShownImage | None:
    """The post's own ``image``/``thumbnail``/``cover`` on ``pagename``, if it can load."""
    url = image_url(app, post.image, post.docname, pagename)
    if url is None:
        return None
    width, height = post.image_size or (None, None)
    return ShownImage(url, post.image_alt or post.title, width, height)


def list_image(app: Sphinx, post: Post, pagename: str) -> ShownImage | None:
    """The image a post's card shows in lists (blog index, tag, author, series and archive
    pages, ``postlist``): the one place that decides it, so every list agrees.

    ``blogposts_list_cards = "own"`` shows only a post's own image. ``"generated"`` also
    shows the generated social card of a post without one (``blogposts_social_cards``).
    What a card's image depends on is in its signature (``rebuilds.signatures.card``).
    """
    own = own_image(app, post, pagename)
    if own is not None or app.config.blogposts_list_cards != "generated":
        return own
    # no image of its own: its generated card, 1200 x 630, as link previews show it
    url = social_image(app, post, pagename) if has_card(app, post) else None
    return ShownImage(url, post.title, CARD_SIZE[0], CARD_SIZE[1]) if url else None


def cover_image(app: Sphinx, post: Post, settings: Any) -> ShownImage | None:
    """The image shown above a post's body (``blogposts_post_cover``, or its own ``cover:``
    flag, which wins): its own image only, never a generated card, which repeats its title."""
    wanted = post.cover if post.cover is not None else settings.blogposts_post_cover
    return own_image(app, post, post_page(post)) if wanted else None


def has_card(app: Sphinx, post: Post) -> bool:
    """Whether the post gets a generated social card: cards are on (without Pillow the
    setting was turned off when the configuration was read), the post names no image of
    its own (a missing file included: that was warned about), and it did not say
    ``social_card: false``. Only builders whose output is served at URLs draw cards."""
    return (
        bool(app.config.blogposts_social_cards)
        and post.social_card
        and not post.image
        and app.builder.name in BUILDERS
    )


def social_place(app: Sphinx, post: Post) -> str | None:
    """Where the picture that stands for ``post`` away from its page is (see
    :func:`locate`): its own image, else its generated card, else None."""
    if post.image:
        return locate(app, post.image, post.docname)
    return social_card(post) if has_card(app, post) else None


def social_image(app: Sphinx, post: Post, pagename: str, base: str = "") -> str | None:
    """The URL of :func:`social_place` on the page ``pagename`` (see :func:`url_of`)."""
    place = social_place(app, post)
    return url_of(place, app.builder.get_target_uri(pagename), base) if place else None
