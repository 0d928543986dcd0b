"""Every warning subtype says what it reports and has its section on the Troubleshooting page."""

from __future__ import annotations

from pathlib import Path

import pytest

from sphinx_blogposts.core.diagnostics import Warn

PAGE = Path(__file__).parents[3] / "docs" / "troubleshooting.md"


@pytest.mark.parametrize("subtype", list(Warn), ids=lambda w: w.value)
def test_each_subtype_says_what_it_reports(subtype: Warn) -> None:
    doc = subtype.__doc__ or ""
    assert doc and doc != Warn.__doc__, f"blogposts.{subtype.value} has no docstring of its own"
    assert doc.endswith(".") and len(doc.split()) >= 5, doc


@pytest.mark.parametrize("subtype", list(Warn), ids=lambda w: w.value)
def test_each_subtype_points_at_its_troubleshooting_section(subtype: Warn) -> None:
    text = PAGE.read_text(encoding="utf-8")
    assert subtype.section == f"warn-{subtype.value}"
    assert f"({subtype.section})=\n## `blogposts.{subtype.value}`" in text


def test_a_subtype_is_still_its_value() -> None:
    """``suppress_warnings`` and Sphinx's logging compare subtypes as plain strings."""
    assert Warn("date") is Warn.DATE
    assert Warn.DATE == "date" and f"{Warn.DATE}" == "date" and Warn.DATE.value == "date"
    assert len({w.value for w in Warn}) == len(Warn)
