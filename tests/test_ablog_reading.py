"""ABlog posts read as ABlog reads them: dates, ``update``, ``post`` and ``postlist`` options.

One build of ``test-ablog-read`` (an ABlog site: reST and MyST posts in the styles ABlog
documents, with only the extensions line changed) is shared by the tests of this
module; each test checks what a reader of that site gets.
"""

from __future__ import annotations

import re
import shutil
from io import StringIO
from pathlib import Path

import pytest
from sphinx.testing.util import SphinxTestApp

from .conftest import ROOTS, blog_warnings, soup_of


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    src = tmp_path_factory.mktemp("ablog-read") / "root"
    shutil.copytree(ROOTS / "test-ablog-read", src)
    app = SphinxTestApp("html", srcdir=src, freshenv=True, status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def page(app, name: str):
    return soup_of(Path(app.outdir, name))


def dates_on_index(app) -> dict[str, str]:
    return {
        card.select_one(".blogposts-card-title a").get_text(): card.select_one(
            "time.blogposts-date"
        )["datetime"]
        for card in page(app, "blog/index.html").select(".blogposts-card")
    }


def warnings_about(app, source: str) -> list[str]:
    return [w for w in blog_warnings(app) if f"{source}:" in w.replace("\\", "/")]


# -- dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "when"),
    [
        ("June post", "2020-06-05T00:00:00+02:00"),  # .. post:: June 05 2020
        ("August post", "2020-08-18T00:00:00+02:00"),  # directive above the title
        ("November post", "2021-11-03T00:00:00+01:00"),  # 3rd November 2021
        ("October post", "2021-10-29T00:00:00+02:00"),  # 29th October 2021
        ("April post", "2026-04-09T00:00:00+02:00"),  # MyST front matter date: Apr 9 2026
        ("Field list post", "2014-04-15T00:00:00+02:00"),  # reST field :date: Apr 15, 2014
        ("Timed post", "2014-04-15T10:30:00+02:00"),  # 2014-04-15 10:30
    ],
)
def test_every_date_form_ablog_reads_dates_the_post(built, title, when):
    # naive dates are read in blogposts_timezone (Europe/Berlin here)
    assert dates_on_index(built)[title] == when


def test_a_missing_day_is_the_first_of_the_month_whatever_the_build_day(built):
    # dateutil alone would take today's day; the build must not depend on it
    assert dates_on_index(built)["Month only"] == "2020-06-01T00:00:00+02:00"


def test_no_warning_for_dates_ablog_reads(built):
    for name in ("june", "august", "november", "october", "april", "fields", "timed"):
        assert warnings_about(built, f"posts/{name}") == []


@pytest.mark.parametrize(
    ("name", "title", "says"),
    [
        ("words", "Words post", "'tomorrow' is not a date"),
        ("no-year", "No year post", "'June 05' has no year"),
    ],
)
def test_words_and_dates_without_a_year_are_refused_with_one_warning(built, name, title, says):
    found = warnings_about(built, f"posts/{name}.rst")
    assert len(found) == 1, found
    assert re.search(rf"posts[/\\]{name}\.rst:4: WARNING: .*{re.escape(says)}", found[0])
    assert found[0].endswith("[blogposts.date]")
    assert title not in dates_on_index(built)
    assert title in page(built, f"posts/{name}.html").get_text()  # the page is still built
