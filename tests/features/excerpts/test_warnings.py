"""A problem in a post's excerpt is warned about once, at the post's own line, however many
pages show the excerpt (the blog's index, a postlist, the feeds), with ``-j`` and on
incremental builds where the lists are written again without the post."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from sphinx.util.console import strip_escape_sequences

from tests.conftest import build_copy, soup_of

#: Each post's broken references, all in its excerpt, and the line they are on.
BROKEN = {
    "2024-01-01-first-paragraphs.md:5": ("no-such-label", "no-such-anchor", "no-such-doc"),
    "2024-01-02-marker.md:5": ("marker-label", "marker-anchor", "marker-doc"),
    "2024-01-03-directive.md:4": ("directive-label", "directive-anchor", "directive-doc"),
    # with :exclude:, the page does not show the excerpt: still one warning each
    "2024-01-05-excluded.md:6": ("excluded-label", "excluded-anchor", "excluded-doc"),
}


def warning_lines(app) -> list[str]:  # type: ignore[no-untyped-def]
    text = strip_escape_sequences(app.warning.getvalue())
    return [line for line in text.splitlines() if "WARNING" in line]


def assert_each_once(app) -> None:  # type: ignore[no-untyped-def]
    lines = warning_lines(app)
    assert [line for line, n in Counter(lines).items() if n > 1] == []
    for where, (label, anchor, doc) in BROKEN.items():
        mine = [line for line in lines if where in line]
        assert len(mine) == 3, mine
        assert any(f"undefined label: '{label}' [ref.ref]" in line for line in mine)
        assert any(f"not found: '{anchor}' [myst.xref_missing]" in line for line in mine)
        assert any(f"unknown document: '{doc}' [ref.doc]" in line for line in mine)
    image = [line for line in lines if "2024-01-04-image.md:5" in line]
    assert sorted(re.sub(r".*\[(.*)\]$", r"\1", line) for line in image) == [
        "image.not_readable",
        "ref.ref",
    ]
    assert len(lines) == 3 * len(BROKEN) + 2


def assert_excerpts_shown(out: Path) -> None:
    """The excerpts still resolve what they can, on every page that shows them."""
    for name in ("index.html", "blog/index.html"):
        known = soup_of(out / name).select(".blogposts-excerpt a[href$='other.html#known']")
        assert len(known) == len(BROKEN), name
    feed = (out / "blog/feed.json").read_text(encoding="utf-8")
    assert feed.count("other.html#known") == len(BROKEN)


@pytest.mark.parametrize("parallel", [0, 2])
def test_a_broken_reference_in_an_excerpt_is_one_warning(tmp_path: Path, parallel: int) -> None:
    app = build_copy(tmp_path, "excerpt-warnings", parallel=parallel)
    assert_each_once(app)
    assert_excerpts_shown(Path(app.outdir))


def test_lists_written_without_the_posts_stay_silent(tmp_path: Path) -> None:
    app = build_copy(tmp_path, "excerpt-warnings")
    out, src = Path(app.outdir), Path(app.srcdir)
    before = (out / "blog/index.html").stat().st_mtime_ns
    # a title in the navigation changes: every list page is written again, the posts are
    # not read again (the missing image's post is: Sphinx reads it until the file is there)
    other = src / "other.md"
    other.write_text(other.read_text().replace("# Other", "# Another page"))
    app = build_copy(tmp_path, "excerpt-warnings", fresh=False)
    assert (out / "blog/index.html").stat().st_mtime_ns != before
    lines = warning_lines(app)
    assert [line for line in lines if "2024-01-04-image.md" not in line] == []
    assert_excerpts_shown(out)
