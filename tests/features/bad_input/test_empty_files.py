"""An empty or whitespace-only file in the blog folder is one warning that names it, and
nothing else: no post, no title or toctree warning, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from sphinx.util.console import strip_escape_sequences

from tests.conftest import build_copy, card_titles, soup_of

EMPTY = [
    "2024-02-01-zero-bytes.md",
    "2024-02-02-whitespace.md",
    "2024-02-03-zero-bytes.mdx",
    "2024-02-04-whitespace.rst",
]


def all_warnings(app) -> list[str]:  # type: ignore[no-untyped-def]
    text = strip_escape_sequences(app.warning.getvalue())
    return [line for line in text.splitlines() if line.strip()]


@pytest.mark.parametrize("parallel", [0, 2])
def test_each_empty_file_is_one_warning_and_no_post(tmp_path: Path, parallel: int) -> None:
    app = build_copy(tmp_path, "empty-files", parallel=parallel)
    warnings = all_warnings(app)
    assert len(warnings) == len(EMPTY), warnings
    for name in EMPTY:
        (mine,) = [w for w in warnings if f"blog/{name}:" in w]
        assert mine.endswith("[blogposts.empty]")
        assert "is listed nowhere" in mine
    out = Path(app.outdir)
    assert card_titles(soup_of(out / "blog/index.html")) == ["The one real post"]
    assert "zero-bytes" not in (out / "blog/atom.xml").read_text(encoding="utf-8")


def test_a_post_emptied_and_written_again(tmp_path: Path) -> None:
    app = build_copy(tmp_path, "empty-files")
    out, post = Path(app.outdir), Path(app.srcdir, "blog/2024-01-01-real.md")
    text = post.read_text()
    post.write_text("\n \n")
    app = build_copy(tmp_path, "empty-files", fresh=False)
    warnings = all_warnings(app)
    assert len(warnings) == 1 and "2024-01-01-real.md:" in warnings[0], warnings
    assert card_titles(soup_of(out / "blog/index.html")) == []
    post.write_text(text)
    app = build_copy(tmp_path, "empty-files", fresh=False)
    assert all_warnings(app) == []
    assert card_titles(soup_of(out / "blog/index.html")) == ["The one real post"]
