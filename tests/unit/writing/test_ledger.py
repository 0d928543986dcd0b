"""The ledger of written files (``writing/rebuilds/ledger.py``), in a temporary folder,
without a build: what it reads, what it keeps, what it deletes, and when it saves."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sphinx_blogposts.writing.rebuilds import ledger as ledger_module
from sphinx_blogposts.writing.rebuilds.fingerprint import FINGERPRINT
from sphinx_blogposts.writing.rebuilds.ledger import Ledger, finish, read_book

KEY = "html:/site/out"


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    """The ledger file (in a doctree folder) and the output folder."""
    out = tmp_path / "out"
    out.mkdir()
    return tmp_path / "doctrees" / "blogposts-test.json", out


def saved(file: Path, key: str = KEY) -> dict[str, str]:
    return json.loads(file.read_text(encoding="utf-8"))[key]


def built(file: Path, out: Path, files: dict[str, str], fingerprint: str = "fp1") -> Ledger:
    """A ledger as a successful build leaves it: each file written and saved."""
    ledger = Ledger.load(file, KEY, out)
    ledger.expect(files, fingerprint)
    for name in files:
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(name, encoding="utf-8")
    finish([ledger], None)
    return Ledger.load(file, KEY, out)


def test_a_missing_file_is_no_ledger(folders: tuple[Path, Path]) -> None:
    file, out = folders
    ledger = Ledger.load(file, KEY, out)
    assert (ledger.previous, ledger.previous_fingerprint) == ({}, None)
    assert not ledger.vouches_for("fp1", [])  # no fingerprint: every digest is computed


@pytest.mark.parametrize(
    "text",
    [
        "{not json",
        '["a list"]',
        json.dumps({KEY: ["blog/index.html"]}),  # a list of names, not digests
        json.dumps({KEY: {"blog/index.html": {"digest": "d"}}}),  # a nested record
        json.dumps({KEY: {"blog/index.html": 3}}),
    ],
)
def test_an_unreadable_or_foreign_ledger_is_no_ledger(
    folders: tuple[Path, Path], text: str
) -> None:
    file, out = folders
    file.parent.mkdir(parents=True)
    file.write_text(text, encoding="utf-8")
    ledger = Ledger.load(file, KEY, out)
    assert (ledger.previous, ledger.previous_fingerprint) == ({}, None)
    ledger.expect({"blog/index.html": "d1"}, "fp1")
    finish([ledger], None)  # and the next save replaces it with a readable one
    assert saved(file) == {"blog/index.html": "d1", FINGERPRINT: "fp1"}


def test_a_foreign_entry_leaves_the_other_builders_entries(folders: tuple[Path, Path]) -> None:
    file, out = folders
    file.parent.mkdir(parents=True)
    file.write_text(json.dumps({"dirhtml:/x": {"a": "1"}, KEY: "old"}), encoding="utf-8")
    assert read_book(file) == {"dirhtml:/x": {"a": "1"}}
    ledger = Ledger.load(file, KEY, out)
    ledger.expect({"b": "2"}, "fp")
    ledger.save()
    assert read_book(file) == {"dirhtml:/x": {"a": "1"}, KEY: {"b": "2", FINGERPRINT: "fp"}}


def test_what_was_saved_is_read_back_and_vouches_for_the_same_inputs(
    folders: tuple[Path, Path],
) -> None:
    file, out = folders
    ledger = built(file, out, {"a.html": "d1", "b.html": "d2"})
    assert ledger.previous == {"a.html": "d1", "b.html": "d2"}
    assert ledger.previous_fingerprint == "fp1"
    assert ledger.vouches_for("fp1", ["b.html", "a.html"])
    assert not ledger.vouches_for("fp2", ["a.html", "b.html"])  # an input changed
    assert not ledger.vouches_for("fp1", ["a.html"])  # a file fewer


def test_unchanged_files_are_kept_and_changed_or_missing_ones_written(
    folders: tuple[Path, Path],
) -> None:
    file, out = folders
    ledger = built(file, out, {"a.html": "d1", "b.html": "d2", "c.html": "d3"})
    (out / "c.html").unlink()
    ledger.expect({"a.html": "d1", "b.html": "d2, changed", "c.html": "d3", "d.html": "d4"}, "fp2")
    assert [n for n in sorted(ledger.current) if not ledger.is_current(n)] == [
        "b.html",  # its digest changed
        "c.html",  # its file is gone
        "d.html",  # new
    ]


def test_files_not_wanted_any_more_are_deleted_with_the_folders_only_they_needed(
    folders: tuple[Path, Path],
) -> None:
    file, out = folders
    files = {"a.html": "1", "tag/x/atom.xml": "2", "tag/y/atom.xml": "3"}
    ledger = built(file, out, files)
    ledger.expect({"a.html": "1", "tag/y/atom.xml": "3"}, "fp2")
    assert ledger.stale() == ["tag/x/atom.xml"]
    assert ledger.remove(ledger.stale()) == 1
    assert not (out / "tag/x").exists()  # its folder held only it
    assert (out / "tag/y/atom.xml").is_file() and (out / "a.html").is_file()


def test_only_files_shown_to_be_ours_are_deleted(folders: tuple[Path, Path]) -> None:
    file, out = folders
    ledger = built(file, out, {"old/index.html": "1", "gone/index.html": "2"})
    (out / "old/index.html").write_text("a user's own page", encoding="utf-8")
    ledger.expect({}, "fp2")
    removed = ledger.remove(
        ledger.stale(), ours=lambda path: path.read_text() != "a user's own page"
    )
    assert removed == 1
    assert (out / "old/index.html").read_text() == "a user's own page"
    assert not (out / "gone").exists()


def test_nothing_outside_the_output_folder_is_deleted(
    folders: tuple[Path, Path], tmp_path: Path
) -> None:
    file, out = folders
    outside = tmp_path / "outside.html"
    outside.write_text("keep", encoding="utf-8")
    file.parent.mkdir(parents=True)
    file.write_text(json.dumps({KEY: {"../outside.html": "1"}}), encoding="utf-8")
    ledger = Ledger.load(file, KEY, out)
    ledger.expect({}, "fp")
    assert ledger.remove(ledger.stale()) == 0
    assert outside.is_file()


def test_entries_are_dropped_from_the_saved_ledger_before_their_files_change(
    folders: tuple[Path, Path],
) -> None:
    file, out = folders
    ledger = built(file, out, {"a.html": "1", "b.html": "2", "c.html": "3"})
    ledger.expect({"a.html": "1", "b.html": "2, changed"}, "fp2")
    ledger.forget(["b.html", *ledger.stale()])
    # a build stopping now leaves a ledger that vouches only for the untouched file, and
    # without its fingerprint, so the next build weighs every file again
    assert saved(file) == {"a.html": "1"}
    assert ledger.is_current("a.html") and not ledger.is_current("b.html")


def test_forgetting_files_the_ledger_never_held_writes_nothing(
    folders: tuple[Path, Path],
) -> None:
    file, out = folders
    ledger = Ledger.load(file, KEY, out)
    ledger.forget(["a.html"])
    assert not file.exists()


def test_a_failed_build_saves_nothing(folders: tuple[Path, Path]) -> None:
    file, out = folders
    ledger = built(file, out, {"a.html": "1"})
    ledger.expect({"a.html": "2"}, "fp2")
    finish([ledger], RuntimeError("the build stopped"))
    assert saved(file) == {"a.html": "1", FINGERPRINT: "fp1"}
    finish([ledger], None)
    assert saved(file) == {"a.html": "2", FINGERPRINT: "fp2"}


def test_a_ledger_that_says_just_this_is_not_written_again(
    folders: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    file, out = folders
    ledger = built(file, out, {"a.html": "1"})
    writes: list[dict[str, str]] = []
    monkeypatch.setattr(
        ledger_module, "_write_book", lambda path, key, entries: writes.append(entries)
    )
    ledger.expect({"a.html": "1"}, "fp1")
    ledger.save()
    assert writes == []
    ledger.expect({"a.html": "1"}, "fp2")  # the same digests under other inputs
    ledger.save()
    assert writes == [{"a.html": "1", FINGERPRINT: "fp2"}]


def test_the_output_folder_list_names_this_builds_files_and_goes_when_empty(
    folders: tuple[Path, Path],
) -> None:
    _file, out = folders
    (out / "old").mkdir()
    (out / "old/feed.xml").write_text("copy", encoding="utf-8")
    (out / ".list").write_text("old/feed.xml\n", encoding="utf-8")
    ledger = Ledger.load(None, KEY, out, manifest=".list")  # no doctree ledger at all
    assert ledger.owns("old/feed.xml") and not ledger.owns("other.xml")
    ledger.record("new/feed.xml")
    assert ledger.stale() == ["old/feed.xml"]  # listed, though no saved ledger names it
    ledger.remove(ledger.stale())
    ledger.write_manifest()
    assert (out / ".list").read_text(encoding="utf-8") == "new/feed.xml\n"
    assert not (out / "old").exists()
    ledger.expect({}, "fp")
    ledger.write_manifest()
    assert not (out / ".list").exists()


def test_a_former_versions_lists_are_taken_over_once(folders: tuple[Path, Path]) -> None:
    """Files an earlier version listed under other names (its manifest and its ledger
    file) are this kind's own for one build: wanted ones kept, the rest deleted; then
    the former lists go, and only this key's entries of the former ledger file."""
    file, out = folders
    old_ledger = file.parent / "old.json"
    old_ledger.parent.mkdir(parents=True)
    for name in ("a.html", "b.html", "c.html"):
        (out / name).write_text(name, encoding="utf-8")
    (out / ".old-list").write_text("a.html\nb.html\n", encoding="utf-8")
    other = {"dirhtml:/elsewhere": {"x.html": "d"}}
    old_ledger.write_text(
        json.dumps({KEY: {"c.html": "d", FINGERPRINT: "f"}} | other), encoding="utf-8"
    )
    former = (out / ".old-list", old_ledger)
    ledger = Ledger.load(file, KEY, out, manifest=".list", former=former)
    assert all(ledger.owns(name) for name in ("a.html", "b.html", "c.html"))
    assert not ledger.owns(FINGERPRINT)
    ledger.expect({"a.html": "d1"}, "fp")
    assert ledger.stale() == ["b.html", "c.html"]
    ledger.remove(ledger.stale())
    ledger.write_manifest()
    assert sorted(p.name for p in out.iterdir()) == [".list", "a.html"]
    assert json.loads(old_ledger.read_text(encoding="utf-8")) == other
    assert not ledger.owns("b.html")

    # read once: the next build finds nothing of the former version's to take over
    again = Ledger.load(file, KEY, out, manifest=".list", former=former)
    assert again.former is None and again.adopted == frozenset()


def test_a_former_list_the_same_as_this_builds_still_leaves_a_list(
    folders: tuple[Path, Path],
) -> None:
    """When the former list names just the files wanted now, the new list is written all
    the same before the former one goes: ownership is never left with no list."""
    file, out = folders
    (out / "a.html").write_text("a", encoding="utf-8")
    (out / ".old-list").write_text("a.html\n", encoding="utf-8")
    former = (out / ".old-list", file.parent / "old.json")
    ledger = Ledger.load(file, KEY, out, manifest=".list", former=former)
    ledger.expect({"a.html": "d"}, "fp")
    ledger.write_manifest()
    assert (out / ".list").read_text(encoding="utf-8") == "a.html\n"
    assert not (out / ".old-list").exists()
