"""Moving rendered HTML between pages: relative URLs re-pointed from one page's folder to another's.

An excerpt is rendered once, as if on its own post's page, so every reference,
``{doc}`` link and image resolves the way it does there; pages in other folders and
feeds then re-point its relative URLs instead of rendering it again.
"""

from __future__ import annotations

import posixpath
import re

from sphinx.util.osutil import relative_uri

_URL_ATTR = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
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


def relocate(html: str, from_uri: str, to_uri: str) -> str:
    """Re-point relative ``href``/``src`` values written for ``from_uri`` to work at ``to_uri``."""
    if from_uri == to_uri:
        return html

    def fix(match: re.Match[str]) -> str:
        target = root_path(from_uri, match.group(2))
        if target is None:
            return match.group(0)
        path, sep, fragment = target.partition("#")
        new = relative_uri(to_uri, path) if path else relative_uri(to_uri, "")
        if not new and not sep:
            new = posixpath.basename(to_uri) or "./"
        return match.group(1) + new + sep + fragment + match.group(3)

    return _URL_ATTR.sub(fix, html)


def absolutize(html: str, from_uri: str, base_url: str) -> str:
    """Make every relative URL absolute against the site's base URL (for feeds)."""
    base = base_url.rstrip("/") + "/"

    def fix(match: re.Match[str]) -> str:
        target = root_path(from_uri, match.group(2))
        if target is None:
            return match.group(0)
        return match.group(1) + base + target + match.group(3)

    return _URL_ATTR.sub(fix, html)
