"""Where each value of one post comes from: its front matter, its ``post`` directive
(ABlog's), its doctree and its path.

Every value a post says is read from these sources by one rule (:mod:`.posts` puts them
together; :mod:`.titles`, :mod:`.dates`, :mod:`.updated` and :mod:`.series` read their
own value): front matter first, then the directive's option, then what the path or the
heading says. :class:`PostSources` is what they share: the sources, the line a key was
written on (so a mistake is warned about where it is), a yes/no flag, and the keys the
front matter and the directive disagree on, warned about once for the whole post.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from ..core.diagnostics import Warn, warn
from . import dates, frontmatter, values
from .directives import post_node


class PostSources:
    """A post's front matter, ``post`` directive and doctree, and the title and dates read
    from them; one located warning for each value that cannot be used."""

    def __init__(
        self,
        app: Sphinx,
        docname: str,
        doctree: nodes.document,
        fm: frontmatter.FrontMatter,
        directive: post_node | None,
        section: nodes.section | None = None,
    ) -> None:
        self.app = app
        self.env = app.env
        self.config = app.config
        self.docname = docname
        self.doctree = doctree
        self.fm = fm
        self.data = fm.data
        self.directive = directive
        #: ABlog's posting sections: the section that is the post (None: the document).
        self.section = section
        self.scope: nodes.Element = section if section is not None else doctree
        self.options: dict[str, Any] = directive["options"] if directive is not None else {}
        self.tz = dates.zone(self.config.blogposts_timezone)
        #: ABlog's ``post_date_format``, tried first as ABlog does (registered by its layer).
        self.ablog_date_format: str | None = getattr(self.config, "post_date_format", None)
        #: Keys given by both the front matter and the directive, with different values.
        self.disagreements: list[str] = []

    def where(self, key: str | None = None) -> tuple[str, int | None]:
        """Where ``key`` was written: its front-matter line, else the directive's."""
        if key is not None and key in self.fm.lines:
            return (self.docname, self.fm.lines[key])
        from_directive = key is None or key not in self.data
        if from_directive and self.directive is not None and self.directive.line:
            return (self.docname, self.directive.line)
        return (self.docname, self.fm.line)

    def flag(self, key: str) -> bool:
        if key in self.options:
            if key in self.data and values.as_bool(self.data[key]) is False:
                self.disagree(key, False, True)
                return False
            return True
        if key not in self.data:
            return False
        value = values.as_bool(self.data[key])
        if value is None:
            warn(
                f"'{key}: {str(self.data[key])[:60]}' is neither true nor false; treated as true. "
                "Write true or false",
                Warn.FRONTMATTER,
                self.where(key),
            )
            return True
        return value

    def disagree(self, key: str, ours: Any, theirs: Any) -> None:
        """Note that the front matter and the directive give ``key`` different values."""
        if ours != theirs and key not in self.disagreements:
            self.disagreements.append(key)

    def try_date(self, value: Any) -> tuple[datetime | None, str | None]:
        """A date as this post's dates are read (its time zone, ABlog's format first),
        or why it cannot be read."""
        try:
            return dates.parse_date(value, self.tz, self.ablog_date_format), None
        except ValueError as exc:
            return None, str(exc)

    def warn_disagreements(self) -> None:
        """One warning for every key the front matter and the directive disagree on."""
        if self.disagreements:
            keys = ", ".join(f"'{key}'" for key in self.disagreements)
            warn(
                f"the front matter and the 'post' directive disagree on {keys}; the front "
                "matter's value is used. Give each value in one place only",
                Warn.DIRECTIVE,
                self.where(None),
            )
