"""The Troubleshooting page documents exactly the warning subtypes the code has."""

from __future__ import annotations

import re

from sphinx_blogposts.core.diagnostics import Warn
from tests.conftest import PROJECT

PAGE = PROJECT / "docs" / "troubleshooting.md"


def sections() -> dict[str, str]:
    text = PAGE.read_text(encoding="utf-8")
    parts = re.split(r"^## `blogposts\.([a-z]+)`\s*$", text, flags=re.MULTILINE)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts), 2)}


def test_every_subtype_is_documented_and_no_other():
    documented = list(sections())
    assert sorted(documented) == sorted(w.value for w in Warn)
    assert len(documented) == len(set(documented))  # no section twice


def test_each_section_says_cause_what_happens_and_fix():
    text = PAGE.read_text(encoding="utf-8")
    for subtype, body in sections().items():
        for part in ("**Causes.**", "**What happens.**", "**Fix.**"):
            assert part in body, f"blogposts.{subtype}: no {part}"
        assert f"(warn-{subtype})=\n## `blogposts.{subtype}`" in text, subtype
