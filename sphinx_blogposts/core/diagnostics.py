"""One place for the extension's warnings, so every problem is reported the same way.

Each warning carries ``type="blogposts"`` and a subtype from :class:`Warn`, which is
what lets a project silence one class of problem with ``suppress_warnings`` (for
example ``"blogposts.date"``) without hiding the others.
"""

from __future__ import annotations

import enum
import re
from typing import Any

from sphinx.util import logging

logger = logging.getLogger("sphinx_blogposts")


class Warn(enum.StrEnum):
    """Warning subtypes; the value is what goes after ``blogposts.`` in ``suppress_warnings``."""

    CONFIG = "config"
    FRONTMATTER = "frontmatter"
    DATE = "date"
    AUTHOR = "author"
    TAG = "tag"
    TITLE = "title"
    EXCERPT = "excerpt"
    DIRECTIVE = "directive"
    PAGE = "page"
    SLUG = "slug"
    MDX = "mdx"
    IMAGE = "image"
    REDIRECT = "redirect"
    FEED = "feed"
    LINK = "link"
    SERIES = "series"
    EMPTY = "empty"


#: Characters that would break a warning into several lines, or hide in a terminal.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def warn(message: str, subtype: Warn, location: Any = None) -> None:
    """Emit one located warning; ``location`` is a node, a docname or ``(docname, line)``.

    Messages quote what a post says, so control characters are shown escaped: a warning
    stays one line, whatever the post contains.
    """
    message = _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode(), message)
    logger.warning(message, type="blogposts", subtype=subtype.value, location=location)
