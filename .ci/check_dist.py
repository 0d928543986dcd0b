"""Check what the built sdist and wheel hold, against the source tree they were built from.

A wheel that builds and passes ``twine check`` can still be useless: setuptools drops
the templates, the stylesheet or the compiled ``.mo`` catalogs without a word when
``package-data`` stops matching them, and a subpackage without its ``__init__.py``
is left out. Users then get ``TemplateNotFound`` or an untranslated blog. So this
lists the files the package needs by glob (not by module name, so it holds whatever
the package's folders are) and fails unless the wheel and the sdist hold every one.

Run by ``tox -e package``: ``python .ci/check_dist.py <folder with one .whl and one .tar.gz>``.
"""

from __future__ import annotations

import argparse
import sys
import tarfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "sphinx_blogposts"
#: What the installed package reads at run time, besides its modules: each glob must
#: match at least one file of the source tree, and the wheel must hold all of them.
DATA = [
    f"{PACKAGE}/templates/**/*.html",
    f"{PACKAGE}/static/*",
    f"{PACKAGE}/locales/*/LC_MESSAGES/*.mo",
]
#: Files of the source tree that the sdist must hold besides the package.
SDIST_EXTRA = ["pyproject.toml", "README.md"]


def source_files(pattern: str) -> set[str]:
    """Files (not folders, no bytecode) of the source tree that match ``pattern``."""
    return {
        path.relative_to(ROOT).as_posix()
        for path in ROOT.glob(pattern)
        if path.is_file() and "__pycache__" not in path.parts
    }


def one(folder: Path, pattern: str) -> Path:
    found = sorted(folder.glob(pattern))
    if len(found) != 1:
        sys.exit(f"check_dist: expected one {pattern} in {folder}, found {len(found)}")
    return found[0]


def check_wheel(wheel: Path) -> list[str]:
    names = set(zipfile.ZipFile(wheel).namelist())
    problems: list[str] = []
    modules = source_files(f"{PACKAGE}/**/*.py")
    if f"{PACKAGE}/__init__.py" not in modules:
        problems.append(f"source tree: no {PACKAGE}/__init__.py (run from a checkout)")
    for path in sorted(modules - names):
        problems.append(f"wheel: module missing: {path}")
    for pattern in DATA:
        wanted = source_files(pattern)
        if not wanted:
            problems.append(f"source tree: nothing matches {pattern}")
        for path in sorted(wanted - names):
            problems.append(f"wheel: data file missing: {path}")
    # every catalog a translator edits (.po) ships compiled next to it
    for po in sorted(source_files(f"{PACKAGE}/locales/*/LC_MESSAGES/*.po")):
        mo = po[: -len(".po")] + ".mo"
        if mo not in names:
            problems.append(f"wheel: {po} has no compiled {mo}")
    # nothing but the package and its metadata: no tests/, benchmarks/ or docs/ at top level
    for top in sorted({name.split("/", 1)[0] for name in names}):
        if top != PACKAGE and not (top.startswith(f"{PACKAGE}-") and top.endswith(".dist-info")):
            problems.append(f"wheel: unexpected top-level entry {top}")
    return problems


def check_sdist(sdist: Path) -> list[str]:
    with tarfile.open(sdist) as archive:
        members = archive.getnames()
    # every member sits under one folder, <name>-<version>/
    prefix = members[0].split("/", 1)[0] + "/"
    names = {name[len(prefix) :] for name in members if name.startswith(prefix)}
    wanted = source_files(f"{PACKAGE}/**/*.py") | set(SDIST_EXTRA)
    for pattern in DATA:
        wanted |= source_files(pattern)
    wanted |= source_files(f"{PACKAGE}/locales/**/*.po")
    return [f"sdist: missing {path}" for path in sorted(wanted - names)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dist", type=Path, help="the folder python -m build wrote to")
    args = parser.parse_args()
    wheel = one(args.dist, "*.whl")
    sdist = one(args.dist, "*.tar.gz")
    problems = check_wheel(wheel) + check_sdist(sdist)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"check_dist: FAILED ({len(problems)} problems)")
        return 1
    with zipfile.ZipFile(wheel) as archive:
        count = len(archive.namelist())
    print(f"check_dist: ok ({wheel.name}: {count} files; {sdist.name})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
