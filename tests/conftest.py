"""Shared fixtures: real Sphinx builds of the projects under ``tests/roots``."""

from __future__ import annotations

import os
import pprint
import re
import shutil
from collections.abc import Callable
from io import StringIO
from pathlib import Path
from typing import Any

import docutils
import myst_parser
import pytest
import sphinx
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

pytest_plugins = ["sphinx.testing.fixtures"]

#: The checkout the tests run from (its docs/, its package folder), wherever a test module sits.
PROJECT = Path(__file__).parent.parent
ROOTS = Path(__file__).parent / "roots"
DATA = Path(__file__).parent / "data"


def pytest_report_header() -> str:
    """The versions the suite runs against, at the top of every log: a tox environment is
    named for the Sphinx it asks for, this line says which one it got."""
    return (
        f"blogposts against: sphinx {sphinx.__display_version__}, "
        f"docutils {docutils.__version__}, myst-parser {myst_parser.__version__}"
    )


def pytest_configure(config: pytest.Config) -> None:
    """A tox environment named for a Sphinx (``py311-sphinx82``) runs that Sphinx or fails:
    pip once upgraded an environment's Sphinx past its pin, and the oldest supported Sphinx
    went untested under its name."""
    env = os.environ.get("TOX_ENV_NAME", "")
    wanted = re.search(r"(?:^|-)sphinx(\d)(\d+)(?:-|$)", env)
    if wanted and sphinx.version_info[:2] != (int(wanted[1]), int(wanted[2])):
        raise pytest.UsageError(
            f"the tox environment {env} is for Sphinx {wanted[1]}.{wanted[2]}, "
            f"but Sphinx {sphinx.__display_version__} is installed"
        )


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOTS


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture
def page() -> Callable[..., BeautifulSoup]:
    """``page(app, "blog/index.html")``: the built page, parsed."""

    def load(app, name: str) -> BeautifulSoup:  # type: ignore[no-untyped-def]
        return soup_of(Path(app.outdir, name))

    return load


@pytest.fixture
def editable_root(tmp_path: Path) -> Callable[[str], Path]:
    """A private copy of a test root, for tests that edit sources between builds."""

    def copy(name: str, as_name: str | None = None) -> Path:
        target = tmp_path / (as_name or name)
        shutil.copytree(ROOTS / f"test-{name}", target)
        return target

    return copy


def blog_warnings(app) -> list[str]:  # type: ignore[no-untyped-def]
    """The build's warning lines that came from this extension, without colour codes."""
    text = strip_escape_sequences(app.warning.getvalue())
    return [line for line in text.splitlines() if "[blogposts" in line]


def card_titles(soup: BeautifulSoup) -> list[str]:
    """The titles of the post cards on a page, in order."""
    return [a.get_text() for a in soup.select(".blogposts-card-title a")]


def card(soup: BeautifulSoup, title: str):  # type: ignore[no-untyped-def]
    """The card of the post titled ``title`` on a page."""
    for article in soup.select(".blogposts-card"):
        if article.select_one(".blogposts-card-title a").get_text() == title:
            return article
    raise AssertionError(f"no card titled {title!r} in {card_titles(soup)}")


def build_copy(
    parent: Path, root: str, builder: str = "html", fresh: bool = True, **kwargs: Any
) -> SphinxTestApp:
    """Build a private copy of ``tests/roots/test-<root>`` kept at ``parent/root``: for
    module-scoped fixtures and for tests that edit sources between builds (a second call
    with the same ``parent`` builds the same copy again, incrementally with ``fresh=False``).
    The output stays readable after the application is cleaned up."""
    src = parent / "root"
    if not src.exists():
        shutil.copytree(ROOTS / f"test-{root}", src)
    app = SphinxTestApp(
        builder, srcdir=src, freshenv=fresh, status=StringIO(), warning=StringIO(), **kwargs
    )
    try:
        app.build()
    finally:
        app.cleanup()
    return app


@pytest.fixture(scope="module")
def shared_build(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., SphinxTestApp]:
    """``shared_build("feeds", "dirhtml", confoverrides={...})``: one clean build of a private
    copy of ``tests/roots/test-<root>`` per module and settings, shared by the module's tests
    that only read what it wrote (pages, feeds, warnings, the status code).

    A Sphinx build is most of a test's time, and many tests read one root built the same
    way. The warnings stay exactly one clean build's, so counting them is safe. A test that
    edits sources, builds again or patches something the build calls must not use it: it
    would change what the other tests read; it builds its own copy (``build_copy``,
    ``editable_root``). Module scope keeps at most one module's builds in memory."""
    builds: dict[str, SphinxTestApp] = {}

    def build(root: str, builder: str = "html", **kwargs: Any) -> SphinxTestApp:
        key = pprint.pformat((root, builder, kwargs))
        if key not in builds:
            parent = tmp_path_factory.mktemp(root)
            builds[key] = build_copy(parent, root, builder, **kwargs)
        return builds[key]

    return build
