"""Dates from front matter, the ``post`` directive and file paths, always timezone-aware;
and which of them is a post's date (:func:`post_date`).

A naive date is read in ``blogposts_timezone`` (UTC by default) and never in the
machine's zone, so the same sources list the same dates on every machine, and posts
with and without a UTC offset can be compared and sorted together.

Anything ABlog accepts is accepted too, because ABlog sites switch with their posts
unchanged: ABlog reads dates with ``dateutil.parser.parse``, so ``June 05 2020``,
``3rd November 2021`` or ``Apr 15, 2014`` are all in use. ISO dates and YAML dates are
read first, exactly, as before. Where dateutil would fill a missing part from the day
of the build (``June 2020``, ``2020``), the first of the month and January are used
instead, so a build gives the same dates on any day; a date without a year is refused,
since no fixed year could be right. Words (``tomorrow``, ``draft``) are refused: the
parser is never fuzzy.
"""

from __future__ import annotations

import warnings
import zoneinfo
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from typing import TYPE_CHECKING, Any

from dateutil import parser as dateutil_parser

from ..core.diagnostics import Warn, warn
from ..core.routes import docusaurus_name
from .values import as_bool

if TYPE_CHECKING:
    from .post_sources import PostSources

_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%b %d, %Y",
    "%B %d, %Y",
    "%d %b %Y",
    "%d %B %Y",
)


#: What dateutil fills in for missing parts; two different ones tell a missing year apart.
_FILL = datetime(2000, 1, 1)
_PROBE = datetime(2001, 2, 2)


def zone(name: str) -> tzinfo:
    if name.upper() == "UTC":
        return UTC
    return zoneinfo.ZoneInfo(name)


def aware(value: datetime, tz: tzinfo) -> datetime:
    if value.tzinfo is None:
        return value.replace(tzinfo=tz)
    offset = value.utcoffset()
    if type(value.tzinfo).__module__.startswith("dateutil") and offset is not None:
        # a plain fixed offset: pickles small and compares the same in every process
        return value.replace(tzinfo=UTC if offset == timedelta(0) else timezone(offset))
    return value


def parse_date(value: object, tz: tzinfo, first_format: str | None = None) -> datetime:
    """Turn a YAML value or string into an aware datetime; ``ValueError`` says why not.

    ``first_format`` (ABlog's ``post_date_format``) is tried before any other form but
    ISO 8601, as ABlog does: it decides between day-first and month-first in
    ``05/06/2020``.
    """
    if isinstance(value, datetime):
        return aware(value, tz)
    if isinstance(value, date):
        return datetime.combine(value, time(), tz)
    if not isinstance(value, str):
        raise ValueError(
            f"expected a date such as 2024-01-26, got {type(value).__name__} {value!r}"
        )
    text = value.strip()
    if not text:
        raise ValueError("the date is empty")
    iso = text[:-1] + "+00:00" if text.endswith(("Z", "z")) else text
    try:
        return aware(datetime.fromisoformat(iso), tz)
    except ValueError:
        pass
    for fmt in (first_format, *_FORMATS) if first_format else _FORMATS:
        try:
            return aware(datetime.strptime(text, fmt), tz)
        except ValueError:
            continue
    return aware(_dateutil(text), tz)


def _dateutil(text: str) -> datetime:
    """ABlog's reading (``dateutil.parser.parse``), made independent of the build's day."""
    refused = ValueError(
        f"{text!r} is not a date; write it as YYYY-MM-DD, an ISO 8601 date-time, or a date "
        "such as 'June 5, 2020'"
    )
    try:
        with warnings.catch_warnings():
            # "10:30 EST": a zone name dateutil does not know is read as no zone, as ABlog does
            warnings.simplefilter("ignore", dateutil_parser.UnknownTimezoneWarning)
            found = dateutil_parser.parse(text, default=_FILL)
            probe = dateutil_parser.parse(text, default=_PROBE)
    except (ValueError, OverflowError):
        raise refused from None
    if found.year != probe.year:
        raise ValueError(f"{text!r} has no year; write the full date, such as 'June 5, 2020'")
    return found


def date_from_path(docname: str, tz: tzinfo) -> datetime | None:
    """The date in a Docusaurus-style path (Docusaurus' rule of a post's address reads it:
    ``core.routes.docusaurus_name``); None when there is none, or an impossible one."""
    found = docusaurus_name(docname).date
    if found is None:
        return None
    try:
        return datetime(*found, tzinfo=tz)
    except ValueError:
        return None


def created(value: Any) -> Any:
    """The publication date of a ``date`` value: MkDocs Material's ``{created, updated}``
    mapping gives it under ``created``; any other value is the date itself."""
    if isinstance(value, dict) and "created" in value:
        return value["created"]
    return value


# -- a post's date, from its sources ---------------------------------------------------


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
