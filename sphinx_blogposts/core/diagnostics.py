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
    """Warning subtypes; the value is what goes after ``blogposts.`` in ``suppress_warnings``.

    Each member's docstring says what it reports; ``docs/troubleshooting.md`` has a section
    per member, labelled ``warn-<value>`` (:attr:`section`), with its causes, what
    happens and the fix. A test holds the two to each other.
    """

    def __new__(cls, value: str, doc: str) -> Warn:
        member = str.__new__(cls, value)
        member._value_ = value
        member.__doc__ = doc
        return member

    CONFIG = (
        "config",
        "A ``blogposts_*`` value (or another engine's name for one) in ``conf.py`` of the wrong "
        "type or out of range.",
    )
    FRONTMATTER = (
        "frontmatter",
        "Front matter that is not valid YAML, is never closed, is not ``key: value`` lines, or "
        "has a flag, list, ``cover`` or ``image_alt`` of the wrong kind.",
    )
    DATE = (
        "date",
        "A ``date``, ``updated`` or ``last_update.date`` that is not a date, or a post with no "
        "date at all.",
    )
    AUTHOR = (
        "author",
        "An author a post names that is unknown or unusable, or an authors file that is "
        "missing, broken or has an entry without a name.",
    )
    TAG = (
        "tag",
        "Tags that are unusable or would share a page, or a ``tags.yml`` that is missing or "
        "broken, or (strict) does not define a tag.",
    )
    TITLE = (
        "title",
        "A title that is empty or not text, or a reST post with no title.",
    )
    EXCERPT = (
        "excerpt",
        "A second excerpt marker in one post.",
    )
    DIRECTIVE = (
        "directive",
        "A second ``post`` directive, a value it gives that the front matter contradicts, or a "
        "``postlist`` argument that is not a number or ``:layout:`` it does not know.",
    )
    PAGE = (
        "page",
        "A document with the name of a page the blog generates.",
    )
    SLUG = (
        "slug",
        "A ``slug`` that cannot be part of a URL path.",
    )
    MDX = (
        "mdx",
        "A JSX component in a Docusaurus post that is not translated.",
    )
    IMAGE = (
        "image",
        "An ``image``, ``thumbnail`` or author ``image_url`` naming a file that is not there.",
    )
    REDIRECT = (
        "redirect",
        "An old URL that gets no redirect page: claimed by two posts, or not a page name.",
    )
    FEED = (
        "feed",
        "What makes a feed less than whole: no ``html_baseurl``, control characters a feed "
        "cannot carry.",
    )
    LINK = (
        "link",
        "A site-root link in a post that names no document of the project.",
    )
    SERIES = (
        "series",
        "A ``series`` or ``series_order`` that cannot be used, or two parts of a series in one "
        "place.",
    )
    EMPTY = (
        "empty",
        "A file that would be a post but holds nothing.",
    )

    @property
    def section(self) -> str:
        """The label of this subtype's section in ``docs/troubleshooting.md``."""
        return f"warn-{self.value}"


#: Characters that would break a warning into several lines, or hide in a terminal.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def warn(message: str, subtype: Warn, location: Any = None) -> None:
    """Emit one located warning; ``location`` is a node, a docname or ``(docname, line)``.

    Messages quote what a post says, so control characters are shown escaped: a warning
    stays one line, whatever the post contains.
    """
    message = _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode(), message)
    logger.warning(message, type="blogposts", subtype=subtype.value, location=location)
