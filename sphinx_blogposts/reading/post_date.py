"""A post's date, weighed from its sources: the front matter, the ``post`` directive, the
file's path, and (a Docusaurus post with none) its file's history.

Reading a date is ``dates.py``'s; deciding which date is the post's, and that an
undated ABlog post is a draft rather than a mistake, is this module's, beside the
sources it weighs (``post_sources.PostSources``), as ``titles.post_title`` is for titles.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from ..core.diagnostics import Warn, warn
from .dates import created, date_from_path
from .values import as_bool

if TYPE_CHECKING:
    from .post_sources import PostSources


def post_date(src: PostSources, undated: datetime | None = None) -> tuple[datetime | None, bool]:
    """A post's date: front matter, else the directive's argument, else the path, else
    ``undated`` (the date Docusaurus gives a post with none, from its file's history:
    ``file_history.undated_date``); one warning at most. Also whether the post is an
    undated draft: a post made by ABlog's means (its directive, ``blogpost: true``) that
    gives no date at all is a draft, as ABlog has it, not a mistake."""
    candidates: list[tuple[str, Any, tuple[str, int | None]]] = []
    if src.data.get("date") is not None:
        given = created(src.data["date"])  # MkDocs: {created, updated}
        candidates.append(("'date'", given, src.where("date")))
    if src.directive is not None and src.directive.get("date"):
        where = (src.docname, src.directive.line or src.fm.line)
        candidates.append(("the 'post' directive's date", src.directive["date"], where))
    undated_draft = False
    parsed: list[Any] = []
    failed: list[tuple[str, str, tuple[str, int | None]]] = []
    for label, value, where in candidates:
        found, problem = src.try_date(value)
        if problem is not None:
            failed.append((label, problem, where))
        else:
            parsed.append(found)
    if len(parsed) == 2:
        src.disagree("date", parsed[0], parsed[1])
    chosen = parsed[0] if parsed else None
    source = "the other date given" if parsed else None
    if chosen is None:
        chosen = date_from_path(src.docname, src.tz)
        source = "the date in the file name" if chosen is not None else None
    if failed:
        label, problem, where = failed[0]
        if chosen is not None:
            then = f"using {source} ({chosen.date().isoformat()})"
        else:
            then = "the post is listed nowhere until it has a date"
        warn(f"{label}: {problem}; {then}", Warn.DATE, where)
    elif chosen is None and ablog_post(src) and not candidates:
        undated_draft = True
    elif chosen is None and undated is not None:
        chosen = undated  # as Docusaurus dates it, with no warning
    elif chosen is None and "date" not in src.fm.broken_keys:
        warn(
            "the post has no date, so it is listed nowhere; add 'date: YYYY-MM-DD' to the "
            "front matter, give the post directive a date, or name the file YYYY-MM-DD-name.md",
            Warn.DATE,
            src.where("date"),
        )
    return chosen, undated_draft


def ablog_post(src: PostSources) -> bool:
    """Whether the post is made by ABlog's means: its directive, ``blogpost: true``."""
    return src.directive is not None or as_bool(src.data.get("blogpost")) is True
