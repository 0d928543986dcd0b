"""What every part of reading one post shares: its sources, where a key was written,
its title and its dates.

Split from :mod:`.posts`, which reads the rest (authors, labels, flags, excerpt), so
each module stays small; :class:`~.posts.PostReader` is the class to use.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from ..core.diagnostics import Warn, warn
from . import dates, file_history, frontmatter, titles, values
from .directives import post_node, update_node


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
        #: ABlog's drafts: a post made by ABlog's means (its directive, ``blogpost: true``)
        #: that gives no date at all is a draft, as ABlog has it, not a mistake.
        self.undated_draft = False

    def where(self, key: str | None = None) -> tuple[str, int | None]:
        if key is not None and key in self.fm.lines:
            return (self.docname, self.fm.lines[key])
        from_directive = key is None or key not in self.data
        if from_directive and self.directive is not None and self.directive.line:
            return (self.docname, self.directive.line)
        return (self.docname, self.fm.line)

    def flag(self, key: str) -> bool:
        if key in self.options:
            if key in self.data and values.as_bool(self.data[key]) is False:
                self._disagree(key, False, True)
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

    def _disagree(self, key: str, ours: Any, theirs: Any) -> None:
        if ours != theirs and key not in self.disagreements:
            self.disagreements.append(key)

    # -- title ---------------------------------------------------------------------------

    def title(self) -> str:
        raw = self.data.get("title")
        given = values.as_text(raw)
        from_option = values.as_text(self.options.get("title"))
        if given and from_option:
            self._disagree("title", given, from_option)
        text = given or from_option
        if text:
            return text
        heading = self._heading()
        problem = None
        if "title" in self.data:
            problem = (
                "'title' is empty"
                if raw is None or isinstance(raw, str)
                else f"'title' must be text, not {_kind(raw)}"
            )
        fallback = titles.name_title(self.docname, self.config.blogposts_path)
        if heading and problem is None:
            return heading  # a Markdown post without a title is titled by its file name
        if heading and heading != fallback:
            warn(
                f"{problem}; using the post's heading {heading!r}. Write the title as text, "
                "or remove the key",
                Warn.TITLE,
                self.where("title"),
            )
            return heading
        if "title" in self.fm.broken_keys:  # its line was reported already
            return heading or fallback
        warn(
            f"{problem or 'the post has no title'}; using {fallback!r}. Add 'title:' to the "
            "front matter or start the post with a '# Heading'",
            Warn.TITLE,
            self.where("title") if problem else (self.docname, self.fm.line if self.data else 1),
        )
        return heading or fallback

    def _heading(self) -> str | None:
        """The document's own first heading, as Sphinx takes its title (None without one)."""
        section = self.section or self.doctree.next_node(nodes.section)
        if section is None or not section.children or not isinstance(section[0], nodes.title):
            return None
        return values.clean_text(section[0].astext()) or None

    # -- dates ---------------------------------------------------------------------------

    def _try_date(self, value: Any) -> tuple[Any, str | None]:
        try:
            return dates.parse_date(value, self.tz, self.ablog_date_format), None
        except ValueError as exc:
            return None, str(exc)

    def date(self) -> Any:
        """Front matter, else the directive's argument, else the path, else (a Docusaurus
        post) the file's history; one warning at most."""
        candidates: list[tuple[str, Any, tuple[str, int | None]]] = []
        if self.data.get("date") is not None:
            given = dates.created(self.data["date"])  # MkDocs: {created, updated}
            candidates.append(("'date'", given, self.where("date")))
        if self.directive is not None and self.directive.get("date"):
            where = (self.docname, self.directive.line or self.fm.line)
            candidates.append(("the 'post' directive's date", self.directive["date"], where))
        parsed: list[Any] = []
        failed: list[tuple[str, str, tuple[str, int | None]]] = []
        for label, value, where in candidates:
            found, problem = self._try_date(value)
            if problem is not None:
                failed.append((label, problem, where))
            else:
                parsed.append(found)
        if len(parsed) == 2:
            self._disagree("date", parsed[0], parsed[1])
        chosen = parsed[0] if parsed else None
        source = "the other date given" if parsed else None
        if chosen is None:
            chosen = dates.date_from_path(self.docname, self.tz)
            source = "the date in the file name" if chosen is not None else None
        if failed:
            label, problem, where = failed[0]
            if chosen is not None:
                then = f"using {source} ({chosen.date().isoformat()})"
            else:
                then = "the post is listed nowhere until it has a date"
            warn(f"{label}: {problem}; {then}", Warn.DATE, where)
        elif chosen is None and self._ablog_post() and not candidates:
            self.undated_draft = True
        elif chosen is None and file_history.dated_by_file(
            self.app, self.docname, self.data, self.fm.broken_keys, self._ablog_post()
        ):
            chosen = file_history.created(self.env, self.docname, self.tz)  # as Docusaurus
        elif chosen is None and "date" not in self.fm.broken_keys:
            warn(
                "the post has no date, so it is listed nowhere; add 'date: YYYY-MM-DD' to the "
                "front matter, give the post directive a date, or name the file YYYY-MM-DD-name.md",
                Warn.DATE,
                self.where("date"),
            )
        return chosen

    def _ablog_post(self) -> bool:
        return self.directive is not None or values.as_bool(self.data.get("blogpost")) is True

    def _updated_key(self) -> Any:
        value = self.data.get("updated")
        key = "updated"
        last_update = self.data.get("last_update")
        if value is None and isinstance(last_update, dict):
            value, key = last_update.get("date"), "last_update"
        if value is None:
            return None
        found, problem = self._try_date(value)
        if problem is not None:
            warn(f"'{key}': {problem}; it is ignored", Warn.DATE, self.where(key))
        return found

    def updated(self) -> datetime | None:
        """The newest of the front matter's ``updated`` and the post's dated update notes.

        Whichever is newer wins, so an ``update`` added below an old ``updated:`` key is
        what readers and feeds see; a date no parser reads was reported where it stood.
        """
        dated = [datetime.fromisoformat(n["date"]) for n in self.updates() if n.get("date")]
        given = self._updated_key()
        candidates = [d for d in (given, *dated) if d is not None]
        return max(candidates) if candidates else None

    def updates(self) -> list[update_node]:
        return list(self.scope.findall(update_node))


def _kind(value: Any) -> str:
    return {list: "a list", dict: "a mapping", bool: "true/false"}.get(
        type(value), type(value).__name__
    )
