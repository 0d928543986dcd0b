"""Dates from front matter, the ``post`` and ``update`` directives and file paths.

The contract (``reading/dates.py``): every date comes out timezone-aware; a naive one is
read in ``blogposts_timezone``, never in the machine's zone; ABlog's dateutil forms are
accepted, but never filled from the day of the build, and words are refused.
"""

from __future__ import annotations

import pickle
import time
import zoneinfo
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sphinx_blogposts.reading.dates import created, date_from_path, parse_date, zone

from .. import PROPERTY

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def test_zone_reads_utc_in_any_case_and_iana_names() -> None:
    assert zone("UTC") is UTC
    assert zone("utc") is UTC
    assert zone("Europe/Berlin") == BERLIN


def test_zone_refuses_an_unknown_name() -> None:
    with pytest.raises(zoneinfo.ZoneInfoNotFoundError):
        zone("Mars/Olympus_Mons")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-01-26", datetime(2024, 1, 26, tzinfo=UTC)),
        ("2024-01-26T10:30", datetime(2024, 1, 26, 10, 30, tzinfo=UTC)),
        ("2024-01-26 10:30:15", datetime(2024, 1, 26, 10, 30, 15, tzinfo=UTC)),
        ("  2024-01-26  ", datetime(2024, 1, 26, tzinfo=UTC)),
        ("2024/01/26", datetime(2024, 1, 26, tzinfo=UTC)),
        ("Jan 26, 2024", datetime(2024, 1, 26, tzinfo=UTC)),
        ("January 26, 2024", datetime(2024, 1, 26, tzinfo=UTC)),
        ("26 January 2024", datetime(2024, 1, 26, tzinfo=UTC)),
        ("2024-02-29", datetime(2024, 2, 29, tzinfo=UTC)),  # a leap year
    ],
)
def test_naive_dates_are_read_in_the_given_zone(text: str, expected: datetime) -> None:
    found = parse_date(text, UTC)
    assert found == expected
    assert found.tzinfo is UTC


def test_a_naive_date_takes_the_configured_zone_not_the_machines() -> None:
    found = parse_date("2024-07-01 12:00", BERLIN)
    assert found.tzinfo is BERLIN
    assert found.utcoffset() == timedelta(hours=2)  # summer time
    assert found.astimezone(UTC) == datetime(2024, 7, 1, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "utc"),
    [
        ("2024-01-26T10:00:00+02:00", datetime(2024, 1, 26, 8, 0, tzinfo=UTC)),
        ("2024-01-26T10:00:00-05:30", datetime(2024, 1, 26, 15, 30, tzinfo=UTC)),
        ("2024-01-26T10:00:00Z", datetime(2024, 1, 26, 10, 0, tzinfo=UTC)),
        ("2024-01-26T10:00:00z", datetime(2024, 1, 26, 10, 0, tzinfo=UTC)),
    ],
)
def test_an_explicit_offset_wins_over_the_configured_zone(text: str, utc: datetime) -> None:
    found = parse_date(text, BERLIN)
    assert found == utc
    assert found.tzinfo is not BERLIN


def test_dateutil_offsets_become_plain_fixed_offsets() -> None:
    # dateutil's own tzoffset/tzutc would pickle larger and differ between processes
    plus_two = parse_date("June 5, 2020 10:30 +0200", BERLIN)
    assert plus_two == datetime(2020, 6, 5, 8, 30, tzinfo=UTC)
    assert plus_two.tzinfo == timezone(timedelta(hours=2))
    assert type(plus_two.tzinfo) is timezone
    assert parse_date("June 5, 2020 10:30 +0000", BERLIN).tzinfo is UTC
    assert pickle.loads(pickle.dumps(plus_two)) == plus_two


def test_yaml_values_dates_and_datetimes() -> None:
    assert parse_date(date(2024, 1, 26), BERLIN) == datetime(2024, 1, 26, tzinfo=BERLIN)
    assert parse_date(datetime(2024, 1, 26, 9), BERLIN) == datetime(2024, 1, 26, 9, tzinfo=BERLIN)
    aware = datetime(2024, 1, 26, 9, tzinfo=timezone(timedelta(hours=-3)))
    assert parse_date(aware, BERLIN) is aware  # already aware: kept as it is


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ABlog's dates, read by dateutil as ABlog does
        ("June 05 2020", datetime(2020, 6, 5, tzinfo=UTC)),
        ("3rd November 2021", datetime(2021, 11, 3, tzinfo=UTC)),
        ("Apr 15, 2014", datetime(2014, 4, 15, tzinfo=UTC)),
        ("Sunday, 7 March 2021", datetime(2021, 3, 7, tzinfo=UTC)),
        # a missing day or month is the first, never today's
        ("June 2020", datetime(2020, 6, 1, tzinfo=UTC)),
        ("2020", datetime(2020, 1, 1, tzinfo=UTC)),
        # month first, dateutil's default, when no format says otherwise
        ("05/06/2020", datetime(2020, 5, 6, tzinfo=UTC)),
    ],
)
def test_ablog_date_forms(text: str, expected: datetime) -> None:
    assert parse_date(text, UTC) == expected


def test_a_zone_name_dateutil_does_not_know_is_read_as_no_zone(monkeypatch) -> None:
    # dateutil reads a name of the machine's own zone as that zone: pretend it is UTC's,
    # so the test does not depend on the machine it runs on
    monkeypatch.setattr(time, "tzname", ("UTC", "UTC"))
    found = parse_date("2021-03-07 10:30 EST", BERLIN)
    assert found == datetime(2021, 3, 7, 10, 30, tzinfo=BERLIN)


def test_ablog_post_date_format_decides_day_or_month_first() -> None:
    assert parse_date("05/06/2020", UTC, "%d/%m/%Y") == datetime(2020, 6, 5, tzinfo=UTC)
    # ISO 8601 is still read first, whatever the format says
    assert parse_date("2020-06-05", UTC, "%d/%m/%Y") == datetime(2020, 6, 5, tzinfo=UTC)
    # a text the format cannot read falls back on the other forms
    assert parse_date("June 5, 2020", UTC, "%d/%m/%Y") == datetime(2020, 6, 5, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "the date is empty"),
        ("   ", "the date is empty"),
        ("June 5", "'June 5' has no year"),
        ("tomorrow", "'tomorrow' is not a date"),
        ("draft", "'draft' is not a date"),
        ("2017-02-29", "'2017-02-29' is not a date"),  # 2017 is not a leap year
        ("2024-13-01", "'2024-13-01' is not a date"),
        ("2024-04-31", "'2024-04-31' is not a date"),
        ("99999999999999999999", "is not a date"),  # dateutil's OverflowError
        (20240126, "expected a date such as 2024-01-26, got int 20240126"),
        (True, "expected a date such as 2024-01-26, got bool True"),
        (None, "expected a date such as 2024-01-26, got NoneType None"),
        (["2024-01-26"], "got list"),
    ],
)
def test_what_is_not_a_date_is_a_value_error_saying_why(value: object, message: str) -> None:
    with pytest.raises(ValueError, match="^.*" + message.replace("(", r"\(")):
        parse_date(value, UTC)


@PROPERTY
@given(st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1)))
def test_an_iso_date_time_reads_back_as_itself(moment: datetime) -> None:
    moment = moment.replace(microsecond=0)
    assert parse_date(moment.isoformat(), BERLIN) == moment.replace(tzinfo=BERLIN)
    assert parse_date(moment.isoformat() + "Z", BERLIN) == moment.replace(tzinfo=UTC)


@PROPERTY
@given(st.text(max_size=30))
def test_any_text_is_an_aware_date_or_a_value_error(text: str) -> None:
    try:
        found = parse_date(text, UTC)
    except ValueError as exc:
        assert str(exc)
    else:
        assert found.tzinfo is not None and found.utcoffset() is not None


@pytest.mark.parametrize(
    ("docname", "expected"),
    [
        ("blog/2021-04-15-welcome", datetime(2021, 4, 15, tzinfo=UTC)),
        ("blog/2021-04-15-welcome/index", datetime(2021, 4, 15, tzinfo=UTC)),
        ("blog/2021/04/15/welcome", datetime(2021, 4, 15, tzinfo=UTC)),
        ("blog/team-a/2021-4-5-x", datetime(2021, 4, 5, tzinfo=UTC)),
        ("blog/2024-02-29-leap", datetime(2024, 2, 29, tzinfo=UTC)),
        ("blog/welcome", None),
        ("blog/2021-04-welcome", None),  # no day
        ("blog/2017-02-29-not-leap", None),  # an impossible date is no date
        ("blog/2021-13-01-x", None),
    ],
)
def test_date_from_path(docname: str, expected: datetime | None) -> None:
    assert date_from_path(docname, UTC) == expected


def test_date_from_path_is_midnight_in_the_configured_zone() -> None:
    found = date_from_path("blog/2021-04-15-welcome", BERLIN)
    assert found == datetime(2021, 4, 15, tzinfo=BERLIN)
    assert found is not None and found.tzinfo is BERLIN


def test_created_reads_mkdocs_materials_mapping() -> None:
    assert created({"created": "2024-01-02", "updated": "2024-03-04"}) == "2024-01-02"
    assert created("2024-01-02") == "2024-01-02"
    assert created({"updated": "2024-03-04"}) == {
        "updated": "2024-03-04"
    }  # not a date: refused later
