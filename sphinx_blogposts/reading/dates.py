"""Dates from front matter, the ``post`` directive and file paths, always timezone-aware.

A naive date is read in ``blogposts_timezone`` (UTC by default) and never in the
machine's zone, so the same sources list the same dates on every machine, and posts
with and without a UTC offset can be compared and sorted together.
"""

from __future__ import annotations

import re
import zoneinfo
from datetime import UTC, date, datetime, time, tzinfo

# Docusaurus' layouts: 2021-04-15-name.md, 2021-04-15-name/index.md,
# 2021/04/15/name.md, 2021/04/15/name/index.md, in any folder.
_PATH_DATE = re.compile(r"(?:^|/)(?P<y>\d{4})[-/](?P<m>\d{1,2})[-/](?P<d>\d{1,2})(?:[-/]|$)")

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


def zone(name: str) -> tzinfo:
    if name.upper() == "UTC":
        return UTC
    return zoneinfo.ZoneInfo(name)


def aware(value: datetime, tz: tzinfo) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=tz)


def parse_date(value: object, tz: tzinfo) -> datetime:
    """Turn a YAML value or string into an aware datetime; ``ValueError`` says why not."""
    if isinstance(value, datetime):
        return aware(value, tz)
    if isinstance(value, date):
        return datetime.combine(value, time(), tz)
    if isinstance(value, bool) or not isinstance(value, str):
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
    for fmt in _FORMATS:
        try:
            return aware(datetime.strptime(text, fmt), tz)
        except ValueError:
            continue
    raise ValueError(f"{text!r} is not a date; write it as YYYY-MM-DD or an ISO 8601 date-time")


def date_from_path(docname: str, tz: tzinfo) -> datetime | None:
    """The date in a Docusaurus-style path; None when there is none, or an impossible one."""
    found = list(_PATH_DATE.finditer(docname))
    if not found:
        return None
    match = found[-1]
    try:
        return datetime(int(match["y"]), int(match["m"]), int(match["d"]), tzinfo=tz)
    except ValueError:
        return None
