"""Front-matter values made typed (``reading/values.py``): text, labels, flags, authors.

Each converter takes what YAML gives and what a reST field gives (text), and returns the
typed value or None, with a problem for each item it had to leave out.
"""

from __future__ import annotations

import pytest

from sphinx_blogposts.core.model import AuthorRef
from sphinx_blogposts.reading.values import (
    as_authors,
    as_bool,
    as_labels,
    as_list,
    as_text,
    clean_text,
    has_word,
)


def test_clean_text_drops_control_characters_and_joins_whitespace() -> None:
    assert clean_text("  a\x07b \t\n  c\x9f ") == "ab c"
    assert clean_text("\x00\x1b") == ""


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("  Hello   world ", "Hello world"),
        (3, "3"),
        (2.5, "2.5"),
        ("", None),
        ("\x07 ", None),
        (None, None),
        (True, None),  # a flag is not a text
        (["a"], None),
        ({"a": 1}, None),
    ],
)
def test_as_text(value: object, text: str | None) -> None:
    assert as_text(value) == text


@pytest.mark.parametrize(
    ("text", "word"), [("C++", True), ("日本", True), ("①", True), ("++", False), ("", False)]
)
def test_has_word(text: str, word: bool) -> None:
    assert has_word(text) is word


@pytest.mark.parametrize(
    ("value", "labels"),
    [
        (None, []),
        ("python, C++ ,, release notes ", ["python", "C++", "release notes"]),
        ("[python, rust]", ["python", "rust"]),  # a YAML flow list in a reST field
        ("[a, {b]", ["a", "{b"]),  # not YAML: the brackets go, the commas still split
        (2024, ["2024"]),
        (1.5, ["1.5"]),
        (["x", 3, "  spaced   out "], ["x", "3", "spaced out"]),
        ([{"label": "Legacy", "permalink": "/tags/legacy"}], ["Legacy"]),  # Docusaurus v2
    ],
)
def test_as_labels_reads_lists_and_comma_separated_text(value: object, labels: list[str]) -> None:
    assert as_labels(value) == (labels, [])


def test_as_labels_keeps_the_good_items_and_names_each_bad_one() -> None:
    labels, problems = as_labels(["ok", {}, None, "", True, ["nested"], "fine"])
    assert labels == ["ok", "fine"]
    assert problems == [
        "{} is not a label",
        "True is not a label",
        "['nested'] is not a label",
        "2 empty items",
    ]
    assert as_labels([None]) == ([], ["an empty item"])


@pytest.mark.parametrize("value", [True, {"a": 1}, object])
def test_as_labels_refuses_a_value_that_is_no_list(value: object) -> None:
    labels, problems = as_labels(value)
    assert labels == []
    assert len(problems) == 1
    assert problems[0].startswith("must be a list or a comma-separated string, not ")


def test_as_labels_shortens_a_long_value_in_its_problem() -> None:
    _, problems = as_labels([{"k": "x" * 100}])
    assert len(problems[0]) < 80
    assert problems[0].endswith("… is not a label")


def test_as_list_is_none_only_for_a_value_that_is_no_list() -> None:
    assert as_list("a, b") == ["a", "b"]
    assert as_list(["a", None]) == ["a"]  # a list with a bad item keeps the rest
    assert as_list(None) == []
    assert as_list(True) is None
    assert as_list({"a": 1}) is None


@pytest.mark.parametrize(
    ("value", "flag"),
    [
        (True, True),
        (False, False),
        (None, False),
        ("yes", True),
        (" On ", True),
        ("TRUE", True),
        ("1", True),
        (1, True),
        ("no", False),
        ("off", False),
        ("", False),  # ``:draft:`` as a bare reST field
        (0, False),
        ("maybe", None),
        (2, None),
        ("draft", None),
    ],
)
def test_as_bool(value: object, flag: bool | None) -> None:
    assert as_bool(value) is flag


def test_as_authors_reads_keys_as_strict_references() -> None:
    authors, problems = as_authors("alice, bob", strict=True)
    assert problems == []
    assert authors == [AuthorRef(key="alice", strict=True), AuthorRef(key="bob", strict=True)]


def test_as_authors_reads_inline_objects_with_docusaurus_field_names() -> None:
    authors, problems = as_authors(
        [
            "alice",
            {"name": " Bob  Smith ", "imageURL": "/img/bob.png", "url": "https://b.example"},
            {"key": "carol", "title": "Editor", "unknown": "kept out"},
        ],
        strict=False,
    )
    assert problems == []
    assert authors == [
        AuthorRef(key="alice"),
        AuthorRef(name="Bob Smith", image_url="/img/bob.png", url="https://b.example"),
        AuthorRef(key="carol", title="Editor"),
    ]


def test_as_authors_reads_one_object() -> None:
    assert as_authors({"name": "Ann", "email": "ann@example.org"}, strict=False) == (
        [AuthorRef(name="Ann", email="ann@example.org")],
        [],
    )


def test_as_authors_leaves_out_what_names_nobody() -> None:
    authors, problems = as_authors(["alice", {"title": "CEO"}, 42, "  "], strict=True)
    assert authors == [AuthorRef(key="alice", strict=True)]
    assert problems == [
        "the author {'title': 'CEO'} has neither a 'key' nor a 'name'; it is left out",
        "42 is not an author key or an author object; left out",
        "'  ' is not an author key or an author object; left out",
    ]


@pytest.mark.parametrize("value", ["", [], " , "])
def test_as_authors_refuses_an_empty_value(value: object) -> None:
    assert as_authors(value, strict=True) == (
        [],
        ["is empty; name an author (a key from the authors file) or remove the key"],
    )


def test_as_authors_refuses_a_value_of_another_type() -> None:
    assert as_authors(3.5, strict=True) == (
        [],
        ["expected an author key, a list of keys or author objects, got 3.5"],
    )
    assert as_authors(None, strict=True) == ([], [])
