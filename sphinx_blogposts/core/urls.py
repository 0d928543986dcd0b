"""Moving rendered HTML between pages: relative URLs re-pointed from one page's folder to another's.

An excerpt is rendered once, as if on its own post's page, so every reference,
``{doc}`` link and image resolves the way it does there; pages in other folders and
feeds then re-point its relative URLs instead of rendering it again.
"""

from __future__ import annotations

import posixpath
import re

from sphinx.util.osutil import relative_uri

_URL_ATTR = re.compile(r'(\s(?:href|src|poster)=")([^"]*)(")')
_ABSOLUTE = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//|/)")


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
        for match in _URL_ATTR.finditer(html):
            target = root_path(home, match.group(2))
            if target is None:
                continue
            path, sep, fragment = target.partition("#")
            parts += [html[pos : match.start(2)], (path, sep + fragment)]
            pos = match.end(2)
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
    """Re-point relative ``href``/``src`` values written for ``from_uri`` to work at ``to_uri``."""
    return html if from_uri == to_uri else Movable(html, from_uri).at(to_uri)


def absolutize(html: str, from_uri: str, base_url: str) -> str:
    """Make every relative URL absolute against the site's base URL (for feeds)."""
    base = base_url.rstrip("/") + "/"

    def fix(match: re.Match[str]) -> str:
        target = root_path(from_uri, match.group(2))
        if target is None:
            return match.group(0)
        return match.group(1) + base + target + match.group(3)

    return _URL_ATTR.sub(fix, html)
