"""Dates from front matter, the ``post`` directive and file paths, always timezone-aware
(which of them is a post's date: ``post_date.py``).

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
from typing import Any

from dateutil import parser as dateutil_parser

from ..core.routes import docusaurus_name

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
