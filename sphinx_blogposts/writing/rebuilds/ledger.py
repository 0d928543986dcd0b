"""What one kind of output wrote last build, and what this build must write again or delete.

Generated pages, feeds, redirect pages and files at old URLs have no source that Sphinx
tracks, so Sphinx cannot tell whether they are out of date or gone. Each kind keeps a
:class:`Ledger`, in the spirit of Sphinx's own ``BuildInfo``: per builder and output
folder, the digest each file was written from, and the fingerprint of the inputs those
digests were computed under (see fingerprint.py), so a build that changed nothing takes
the digests as they are. The whole cycle is here, the same for every kind:

- **load**: a missing, unreadable or foreign ledger is no ledger, never an error: every
  file is then weighed (and, where the caller can, compared with what is there);
- **compare**: a file is written again when its digest changed or it is missing;
- **forget** before rewriting or deleting: the entries of the files about to change are
  dropped from the saved ledger first, so a build that stops half way never leaves a
  ledger that vouches for a file it no longer describes;
- **remove** what was written last time and is not wanted now, inside the output folder
  only, and only files this extension wrote (a caller may ask for more proof, such as the
  redirect pages' marker); the folders only those files needed go with them;
- **save** at ``build-finished``, and only when the build succeeded.

A list in the output folder itself (a *manifest*, such as ``.blogposts-moved``) names
the files written there, for the kinds that must clean up even when the doctree folder is
new. A kind that an earlier version kept under other names (a :class:`Former` manifest
and ledger file) takes their files as its own for one build: those still wanted are kept,
the others deleted, and then the former lists are retired.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sphinx.application import Sphinx

from ...reading.domain import domain_of
from .fingerprint import FINGERPRINT


@dataclass
class LedgersCache:
    """The build's part of the cache for ledgers: those of what this build wrote (pages,
    feeds, redirects), to be saved at ``build-finished`` if the build succeeds."""

    pending: list[Ledger] = field(default_factory=list)


def _entries(value: object) -> dict[str, str] | None:
    """One builder's entries as saved, or None if they are not a ledger's (an older or
    foreign format, a hand-edited file)."""
    if not isinstance(value, dict):
        return None
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        return None
    return value


def read_book(path: Path) -> dict[str, dict[str, str]]:
    """A ledger file: for each builder and output folder, what each output was built from.
    Whatever cannot be read as such is left out, as if it were not there."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {key: found for key, value in data.items() if (found := _entries(value)) is not None}


def _write_book(path: Path, key: str, entries: dict[str, str]) -> None:
    """Record ``entries`` under ``key``; the other builders' entries are kept."""
    book = read_book(path)
    book[key] = entries
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(book, sort_keys=True), encoding="utf-8")


def _drop_book(path: Path, key: str) -> None:
    """Retire ``key``'s entries; a ledger file left with no builder's is deleted."""
    book = read_book(path)
    if key not in book:
        return
    del book[key]
    if book:
        path.write_text(json.dumps(book, sort_keys=True), encoding="utf-8")
    else:
        path.unlink(missing_ok=True)


@dataclass(frozen=True)
class Former:
    """Where an earlier version listed the same kind of files: its manifest in the output
    folder and its ledger file in the doctree folder. Their names are this kind's own
    files until the new manifest is written; then they are retired."""

    manifest: str
    ledger: str


def _read_manifest(path: Path | None) -> frozenset[str]:
    if path is None:
        return frozenset()
    try:
        return frozenset(path.read_text(encoding="utf-8").split())
    except OSError:
        return frozenset()


@dataclass
class Ledger:
    """One kind of output's files for one builder and output folder: what the last
    successful build wrote (``previous``, under ``previous_fingerprint``; ``listed`` in the
    manifest) and what this build wants (``current``, under ``fingerprint``).

    Names are what the caller keys its files by (an output path, or a page name with
    ``path_of`` to find its file)."""

    file: Path | None  # the JSON in the doctree folder; None: the manifest alone
    key: str  # "<builder>:<output folder>"
    outdir: Path  # resolved
    previous: dict[str, str]
    previous_fingerprint: str | None
    manifest: Path | None = None
    listed: frozenset[str] = frozenset()
    path_of: Callable[[str], Path] | None = None
    #: files an earlier version's lists name (see :class:`Former`), and those lists
    adopted: frozenset[str] = frozenset()
    former: tuple[Path, Path] | None = None
    current: dict[str, str] = field(default_factory=dict)
    fingerprint: str | None = None
    #: what ``file`` holds under ``key`` now, so an unchanged ledger is not written again
    _saved: dict[str, str] = field(default_factory=dict, repr=False)

    @classmethod
    def load(
        cls,
        file: Path | None,
        key: str,
        outdir: Path,
        manifest: str | None = None,
        path_of: Callable[[str], Path] | None = None,
        former: tuple[Path, Path] | None = None,
    ) -> Ledger:
        stored = read_book(file).get(key, {}) if file is not None else {}
        previous = dict(stored)
        recorded = previous.pop(FINGERPRINT, None)
        root = outdir.resolve()
        listing = root / manifest if manifest else None
        adopted: frozenset[str] = frozenset()
        if former is not None:
            old_manifest, old_file = former
            adopted = _read_manifest(old_manifest) | set(read_book(old_file).get(key, {}))
            adopted -= {FINGERPRINT}
            if not adopted and not old_manifest.exists():
                former = None  # nothing to retire: no file is read again
        return cls(
            file=file,
            key=key,
            outdir=root,
            previous=previous,
            previous_fingerprint=recorded,
            manifest=listing,
            listed=_read_manifest(listing),
            path_of=path_of,
            adopted=adopted,
            former=former,
            _saved=dict(stored),
        )

    @classmethod
    def of_build(
        cls,
        app: Sphinx,
        name: str | None,
        manifest: str | None = None,
        path_of: Callable[[str], Path] | None = None,
        former: Former | None = None,
    ) -> Ledger:
        """This builder's ledger in the doctree folder's ``name`` (None: none saved)."""
        outdir = Path(app.outdir).resolve()
        file = Path(app.doctreedir, name) if name else None
        old = None
        if former is not None:
            old = (outdir / former.manifest, Path(app.doctreedir, former.ledger))
        return cls.load(file, f"{app.builder.name}:{outdir}", outdir, manifest, path_of, old)

    def path(self, name: str) -> Path:
        return self.path_of(name) if self.path_of is not None else self.outdir / name

    def vouches_for(self, fingerprint: str, names: Iterable[str]) -> bool:
        """Whether the saved digests are, as they are, those of exactly ``names`` under
        ``fingerprint``: then no digest need be computed at all."""
        return self.previous_fingerprint == fingerprint and set(names) == set(self.previous)

    def expect(self, entries: dict[str, str], fingerprint: str) -> None:
        """What this build wants: each name's digest, under ``fingerprint``."""
        self.current = dict(entries)
        self.fingerprint = fingerprint

    def record(self, name: str, digest: str = "") -> None:
        self.current[name] = digest

    def drop(self, name: str) -> None:
        """A file this build meant to write and did not: the ledger must not claim it."""
        self.current.pop(name, None)

    def is_current(self, name: str) -> bool:
        """Whether the file is there as the last build wrote it, and that is what is wanted."""
        known = self.previous.get(name)
        return known is not None and known == self.current.get(name) and self.path(name).is_file()

    def owns(self, name: str) -> bool:
        """Whether this extension wrote that file (in the ledger, the manifest or a former
        version's lists)."""
        return name in self.previous or name in self.listed or name in self.adopted

    def stale(self) -> list[str]:
        """Written last time (by the ledger, the manifest or a former version's lists),
        not wanted now."""
        return sorted((set(self.previous) | self.listed | self.adopted) - set(self.current))

    def forget(self, names: Iterable[str]) -> None:
        """Before those files are rewritten or deleted: drop them from the saved ledger
        (and its fingerprint with them), so a build that stops half way cannot vouch for
        a file it changed."""
        gone = {name for name in names if name in self._saved}
        if not gone or self.file is None:
            return
        self._saved = {k: v for k, v in self._saved.items() if k not in gone and k != FINGERPRINT}
        _write_book(self.file, self.key, self._saved)

    def remove(self, names: Iterable[str], ours: Callable[[Path], bool] | None = None) -> int:
        """Delete those files, if inside the output folder and (``ours``) shown to be ours,
        and the folders only they needed. Returns how many were deleted."""
        removed = 0
        for name in names:
            path = self.path(name).resolve()
            if not (path.is_relative_to(self.outdir) and path.is_file()):
                continue
            if ours is not None and not ours(path):
                continue  # a file someone else put there
            path.unlink()
            removed += 1
            for parent in path.parents:
                if parent == self.outdir or not parent.is_relative_to(self.outdir):
                    break
                if any(parent.iterdir()):
                    break
                parent.rmdir()
        return removed

    def write_manifest(self) -> None:
        """List this build's files in the output folder, if the list changed; then a former
        version's lists are retired (the new list names every file still wanted, and the
        stale ones are gone)."""
        if self.manifest is not None and set(self.current) != self.listed:
            if self.current:
                self.manifest.write_text("\n".join(sorted(self.current)) + "\n", encoding="utf-8")
            else:
                self.manifest.unlink(missing_ok=True)
            self.listed = frozenset(self.current)
        if self.former is not None:
            old_manifest, old_file = self.former
            old_manifest.unlink(missing_ok=True)
            _drop_book(old_file, self.key)
            self.former = None
            self.adopted = frozenset()

    def save(self) -> None:
        """Write the ledger for the next build (unless it already says just this)."""
        if self.file is None:
            return
        entries = dict(self.current)
        if self.fingerprint is not None:
            entries[FINGERPRINT] = self.fingerprint
        if entries != self._saved:
            _write_book(self.file, self.key, entries)
            self._saved = entries

    def keep(self, app: Sphinx) -> None:
        """Save this ledger when the build finishes, if it succeeds."""
        domain_of(app.env).cache.part(LedgersCache).pending.append(self)


def finish(ledgers: Iterable[Ledger], exception: BaseException | None) -> None:
    """Save the ledgers of a build that succeeded; a failed build leaves the saved ones
    as they are (less whatever it forgot before changing files)."""
    if exception is not None:
        return
    for ledger in ledgers:
        ledger.save()


def save_pending(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: every kind's ledger, saved once the build is known to succeed."""
    cache = domain_of(app.env).cache.part(LedgersCache)
    pending, cache.pending = cache.pending, []
    finish(pending, exception)


def register(app: Sphinx) -> None:
    app.connect("build-finished", save_pending)
