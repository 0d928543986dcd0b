"""The front-matter reader (``reading/frontmatter.py``): values, key lines, and broken blocks.

Its contract: never raise; keep every key that can be read; report each broken part
once, at its line; tell the caller when MyST could not read the block itself.
"""

from __future__ import annotations

from datetime import date

from sphinx_blogposts.reading.frontmatter import from_metadata, parse, split


def test_a_source_without_front_matter_has_none() -> None:
    assert parse("# Title\n\nText.\n") is None
    assert parse("\n---\ntitle: x\n---\n") is None  # the fence must open the file
    assert parse("") is None
    assert split("# Title\n") is None


def test_values_and_the_line_of_each_key() -> None:
    fm = parse("---\ntitle: Hello\ntags:\n  - a\n  - b\ndate: 2024-01-02\n---\n\nBody.\n")
    assert fm is not None
    assert fm.data == {"title": "Hello", "tags": ["a", "b"], "date": date(2024, 1, 2)}
    assert fm.lines == {"title": 2, "tags": 3, "date": 6}
    assert fm.line == 1
    assert fm.body_start == 7  # the 0-based index of "" after the closing fence
    assert fm.problems == [] and fm.error is None
    assert fm.hide_from_myst is False


def test_split_gives_the_yaml_and_where_the_body_starts() -> None:
    assert split("---\ntitle: x\n---\nBody\n") == ("title: x\n", 3)


def test_a_byte_order_mark_windows_line_ends_and_a_dots_closing_fence() -> None:
    fm = parse("\ufeff---\r\ntitle: Hi\r\nslug: hi\r\n...\r\nBody\r\n")
    assert fm is not None
    assert fm.data == {"title": "Hi", "slug": "hi"}
    assert fm.lines == {"title": 2, "slug": 3}
    assert fm.body_start == 4


def test_an_empty_block_is_an_empty_mapping() -> None:
    fm = parse("---\n---\nBody\n")
    assert fm is not None
    assert (fm.data, fm.problems, fm.body_start) == ({}, [], 2)


def test_an_unclosed_block_is_read_up_to_the_first_blank_line() -> None:
    fm = parse("---\ntitle: Open\ndate: 2024-01-02\n\nThe body: not YAML at all.\n")
    assert fm is not None
    assert fm.data == {"title": "Open", "date": date(2024, 1, 2)}
    assert [line for _, line in fm.problems] == [1]
    assert "never closed" in fm.problems[0][0]
    assert fm.hide_from_myst is True


def test_an_impossible_date_stays_text_for_the_date_reader_to_report() -> None:
    fm = parse("---\ntitle: T\ndate: 2017-02-29\n---\n")
    assert fm is not None
    assert fm.data == {"title": "T", "date": "2017-02-29"}
    assert fm.problems == []
    assert fm.hide_from_myst is True  # MyST's yaml.safe_load raises on it


def test_a_broken_key_costs_that_key_only() -> None:
    fm = parse("---\ntitle: Good\ntags: [a, b\ndate: 2024-01-02\n---\n")
    assert fm is not None
    assert fm.data == {"title": "Good", "date": date(2024, 1, 2)}
    assert fm.lines == {"title": 2, "date": 4}
    assert fm.broken_keys == {"tags"}
    assert len(fm.problems) == 1
    message, line = fm.problems[0]
    assert line == 3
    assert message.startswith("the front matter is not valid YAML: ")
    assert message.endswith("; 'tags' is ignored")
    assert fm.hide_from_myst is True


def test_a_tab_in_the_indentation_is_named() -> None:
    fm = parse("---\ntitle: T\nauthor:\n\tname: x\n---\n")
    assert fm is not None
    assert fm.data == {"title": "T"}
    assert len(fm.problems) == 1
    assert "(indent with spaces, never tabs)" in fm.problems[0][0]


def test_a_control_character_is_dropped_with_one_problem_at_its_line() -> None:
    fm = parse("---\ntitle: Bell\x07ing\ndescription: ok\x1b\x07\n---\n")
    assert fm is not None
    assert fm.data == {"title": "Belling", "description": "ok"}
    assert fm.problems == [
        ("the front matter contains the control character U+0007; it is ignored. Delete it", 2),
        (
            "the front matter contains the control character U+0007, U+001B; it is ignored. "
            "Delete it",
            3,
        ),
    ]
    assert fm.hide_from_myst is True


def test_a_list_or_a_text_instead_of_a_mapping_is_ignored_with_one_problem() -> None:
    listed = parse("---\n- a\n- b\n---\n")
    assert listed is not None and listed.data == {}
    assert listed.problems == [
        (
            "the front matter must be 'key: value' lines (a mapping), not a list; it is ignored",
            2,
        )
    ]
    text = parse("---\njust a sentence\n---\n")
    assert text is not None and text.data == {}
    assert "not a single text value" in text.problems[0][0]


def test_a_line_in_a_broken_block_that_is_no_key_is_named() -> None:
    fm = parse("---\ntitle: T\nstray line\ntags: [x\n---\n")
    assert fm is not None
    assert fm.data == {"title": "T"}
    assert fm.problems[0] == (
        "line 3 of the front matter is not a 'key: value' line; it is ignored",
        3,
    )
    assert fm.problems[1][1] == 4 and fm.broken_keys == {"tags"}


def test_keys_that_are_not_text_are_read_as_text() -> None:
    fm = parse("---\n2024: year\ntrue: yes\n---\n")
    assert fm is not None
    assert fm.data == {"2024": "year", "True": True}
    assert fm.lines["2024"] == 2


def test_from_metadata_keeps_the_docinfo_fields_but_the_word_count() -> None:
    fm = from_metadata({"title": "T", "tags": "a, b", "wordcount": {"words": 3}})
    assert fm.data == {"title": "T", "tags": "a, b"}
    assert fm.problems == []
