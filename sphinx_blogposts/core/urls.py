"""Moving rendered HTML between pages: relative URLs re-pointed from one page's folder to another's.

An excerpt is rendered once, as if on its own post's page, so every reference,
``{doc}`` link and image resolves the way it does there; pages in other folders and
feeds then re-point its relative URLs instead of rendering it again.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator

from sphinx.util.osutil import relative_uri

_URL_ATTR = re.compile(r'(\s(?:href|src|poster|(srcset))=")([^"]*)(")', re.I)
_ABSOLUTE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//|/)")
#: Each URL of a ``srcset`` list (``a.png 300w, b.png 2x``): what starts the list or follows
#: a comma, up to the next space; commas that end it separate it from the next one, as the
#: HTML standard reads a srcset (``data:`` URLs keep their commas).
SRCSET_URL = re.compile(r"(?<![^,])(\s*)([^\s,]\S*?)(?=,*(?:\s|$))")


def _url_spans(html: str) -> Iterator[tuple[int, int]]:
    """Where each URL stands in ``html``: an ``href``/``src``/``poster`` value, and each URL
    of a ``srcset`` list."""
    for match in _URL_ATTR.finditer(html):
        if match.group(2) is None:
            yield match.span(3)
            continue
        start = match.start(3)
        for url in SRCSET_URL.finditer(match.group(3)):
            yield start + url.start(2), start + url.end(2)


def root_path(from_uri: str, url: str) -> str | None:
    """``url``, as written on the page at ``from_uri``, relative to the root; None if absolute."""
    if _ABSOLUTE.match(url):
        return None
    path, sep, rest = url.partition("#")
    path, qsep, query = path.partition("?")
    suffix = (qsep + query) + (sep + rest)
    if not path:
        target = from_uri
    else:
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(from_uri), path))
        target = "" if joined == "." else joined
        if path.endswith("/") and target:
            target += "/"
    return target + suffix


class Movable:
    """HTML written for the page at ``home``, ready to be placed on any other page.

    Its relative URLs are found and made root-relative once; placing it on a page then
    only joins strings, however many pages show it (a card is on an index page, an
    author page and a page per tag).
    """

    __slots__ = ("_parts", "home", "html")

    def __init__(self, html: str, home: str) -> None:
        self.html = html
        self.home = home
        #: literal text, and for each relative URL its (root-relative path, "#fragment");
        #: a tuple, which the garbage collector stops tracking (thousands are kept per build)
        parts: list[str | tuple[str, str]] = []
        pos = 0
        for start, end in _url_spans(html):
            target = root_path(home, html[start:end])
            if target is None:
                continue
            path, sep, fragment = target.partition("#")
            parts += [html[pos:start], (path, sep + fragment)]
            pos = end
        parts.append(html[pos:])
        self._parts: tuple[str | tuple[str, str], ...] = tuple(parts)

    def at(self, to_uri: str) -> str:
        """The HTML as written on the page at ``to_uri``."""
        if to_uri == self.home:
            return self.html
        out: list[str] = []
        for part in self._parts:
            if isinstance(part, str):
                out.append(part)
                continue
            path, fragment = part
            new = relative_uri(to_uri, path)
            if not new and not fragment:
                new = posixpath.basename(to_uri) or "./"
            out.append(new + fragment)
        return "".join(out)


def relocate(html: str, from_uri: str, to_uri: str) -> str:
    """Re-point relative ``href``/``src``/``srcset`` URLs written for ``from_uri`` to work at
    ``to_uri``."""
    return html if from_uri == to_uri else Movable(html, from_uri).at(to_uri)


def absolutize(html: str, from_uri: str, base_url: str) -> str:
    """Make every relative URL absolute against the site's base URL (for feeds)."""
    base = base_url.rstrip("/") + "/"
    out: list[str] = []
    pos = 0
    for start, end in _url_spans(html):
        target = root_path(from_uri, html[start:end])
        if target is not None:
            out += [html[pos:start], base + target]
            pos = end
    out.append(html[pos:])
    return "".join(out)
