"""The loader of ``authors.yml`` and ``tags.yml`` (``reading/entries_file.py``), on good files."""

from __future__ import annotations

from pathlib import Path

from sphinx_blogposts.reading.entries_file import AUTHORS, TAGS, find, load


def test_the_configured_file_wins_else_the_first_name_found_in_the_blog_folder(
    tmp_path: Path,
) -> None:
    (tmp_path / "blog").mkdir()
    assert find(TAGS, tmp_path, "blog", None) is None
    (tmp_path / "blog" / "tags.yaml").write_text("a: {}\n")
    assert find(TAGS, tmp_path, "blog", None) == tmp_path / "blog" / "tags.yaml"
    (tmp_path / "blog" / "tags.yml").write_text("a: {}\n")
    assert find(TAGS, tmp_path, "blog", None) == tmp_path / "blog" / "tags.yml"
    assert find(TAGS, tmp_path, "blog", "meta/tags.yml") == tmp_path / "meta" / "tags.yml"
    assert find(AUTHORS, tmp_path, "blog", None) is None  # a file of the other kind


def test_entries_and_the_line_of_each_key(tmp_path: Path) -> None:
    path = tmp_path / "authors.yml"
    path.write_text("\ufeff# people\njane:\n  name: Jane\n\n42: Joe\n", encoding="utf-8")
    entries = load(AUTHORS, path, None)
    assert entries.data == {"jane": {"name": "Jane"}, 42: "Joe"}
    assert entries.where("jane") == f"{path}:2"
    assert entries.where(42) == f"{path}:5"
    assert entries.where("nobody") == f"{path}:1"


def test_an_empty_file_has_no_entries_and_is_no_mistake(tmp_path: Path) -> None:
    path = tmp_path / "tags.yml"
    path.write_text("# nothing yet\n")
    assert load(TAGS, path, None).data == {}
