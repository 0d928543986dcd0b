"""The package's shape: layers that import one way, no import cycle, no module over 400
lines; per-build state typed, stored data declared.

These are checked on the source, so a change that breaks the architecture fails here
with the modules it concerns, not later as an import error in someone's build.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import sphinx_blogposts
from sphinx_blogposts.core.store import DocumentStore, PerDocument
from sphinx_blogposts.reading.domain import domain_of

PACKAGE = Path(sphinx_blogposts.__file__).parent
ROOT = PACKAGE.name
#: Lower layers first: a module may import its own layer and the ones before it.
LAYERS = ["core", "reading", "writing", "compat"]
MAX_LINES = 400


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(
    name: str, path: Path, modules: dict[str, Path], type_checking: bool = False
) -> set[str]:
    """Modules of the package that ``name`` imports, at any depth; those under
    TYPE_CHECKING only with ``type_checking``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if not type_checking and isinstance(node, ast.If) and _is_type_checking(node.test):
            skipped.update(id(n) for child in node.body for n in ast.walk(child))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        targets: list[str] = []
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                stem = ".".join([*base, node.module] if node.module else base)
            else:
                stem = node.module or ""
            targets = [stem] + [f"{stem}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        for target in targets:
            while target and target not in modules:
                target = target.rpartition(".")[0]
            if target and target != name and target != ROOT:
                found.add(target)
    return found


def _graph(type_checking: bool = False) -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, modules, type_checking) for name, path in modules.items()}


def _layer(name: str) -> int | None:
    parts = name.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 1 and parts[1] in LAYERS else None


def test_no_module_is_over_400_lines():
    long = {
        str(path.relative_to(PACKAGE.parent)): n
        for path in _modules().values()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_no_import_cycle():
    """Not even through type annotations: a module that names another's type only under
    TYPE_CHECKING still depends on it, and a cycle there is a tangle of concerns (a cache
    that knows the types of the modules that use it, say)."""
    graph = _graph(type_checking=True)
    cycles = []
    for start in sorted(graph):
        stack = [(start, [start])]
        seen: set[str] = set()
        while stack:
            node, trail = stack.pop()
            for nxt in sorted(graph[node]):
                if nxt == start:
                    cycles.append(" -> ".join([*trail, start]))
                elif nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, [*trail, nxt]))
    assert cycles == []


def test_imports_run_from_writing_down_to_reading_and_core():
    """core imports nothing of the package; reading only core; writing reading and core; a
    compatibility layer anything but another layer; only setup() imports a layer."""
    wrong = []
    for name, targets in _graph().items():
        mine = _layer(name)
        for target in targets:
            theirs = _layer(target)
            if mine is None or theirs is None:
                continue  # the package's own __init__ (setup) and the CLI
            same_compat = target.split(".")[:3] == name.split(".")[:3]
            if theirs > mine or (theirs == mine == LAYERS.index("compat") and not same_compat):
                wrong.append(f"{name} imports {target}")
    assert wrong == []


def test_the_checks_see_real_imports():
    """The graph is not empty by mistake: known edges are found, inside functions too."""
    graph = _graph()
    assert f"{ROOT}.core.diagnostics" in graph[f"{ROOT}.reading.collect"]
    assert any(targets for name, targets in graph.items() if name.startswith(f"{ROOT}.compat"))


#: Where a page's address may be written: the route table, and ABlog's own old page names.
ROUTE_OWNERS = {"core/routes.py", "compat/ablog/urls.py"}
#: Pieces of a page's address or a feed's file name, as code would spell them (a folder
#: of generated pages, a pagination step, a feed file, Docusaurus' date path rule).
ROUTE_FRAGMENT = re.compile(
    r"(?<![/:])/(?:tags|authors|page|series|categories|locations|languages)/"
    r"|/(?:archive|drafts)(?![a-z])"
    r"|atom\.xml|rss\.xml|feed\.json"
    r"|\\d\{4\}\)?\[-/\]"
)


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def test_only_the_route_table_spells_a_page_address():
    """A page's address (``blog/tags/<slug>``, ``blog/page/2``, ``<folder>/atom.xml``, a
    Docusaurus ``YYYY/MM/DD`` path) is written in ``core/routes.py`` and nowhere else, so
    that changing where a page lives (the permalinks issue) changes one module. Docstrings
    may describe addresses; code must ask the table."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel in ROUTE_OWNERS:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skipped = _docstrings(tree)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in skipped
                and ROUTE_FRAGMENT.search(node.value)
            ):
                found.append(f"{rel}:{node.lineno}: {node.value!r}")
    assert found == []


def test_the_route_check_sees_addresses():
    """The fragments are found where they are written, in f-strings too."""
    code = 'f"{path}/tags/{slug}"; f"{path}/archive"; "x/atom.xml"; r"(\\d{4})[-/]"'
    pieces = [
        node.value
        for node in ast.walk(ast.parse(code))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]
    assert [bool(ROUTE_FRAGMENT.search(p)) for p in pieces] == [True, True, True, True]
    assert not ROUTE_FRAGMENT.search("blogposts://page/")
    assert not ROUTE_FRAGMENT.search("blogposts/archives.html")


def test_the_build_cache_has_no_string_keys():
    """Per-build state is a typed part of ``core.cache.BuildCache``, never a dict reached by
    string keys (``runtime["blog"]``), which neither mypy nor the layer check can see."""
    found = [
        f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
        for path in _modules().values()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute) and node.attr == "runtime"
    ]
    assert found == []


@pytest.mark.sphinx(
    "html",
    testroot="ablog-placeholders",
    confoverrides={"html_sidebars": {"**": ["blogposts/recent.html", "blogposts/tags.html"]}},
)
def test_stored_data_has_only_declared_keys(app):
    """What the environment pickles between builds is declared where it is stored: each
    domain's ``data`` holds the keys of its ``initial_data`` (and Sphinx's ``version``)
    and nothing else, each of the declared type (a record such as ``RebuildRecord`` has
    slots, so no field can be added to it either)."""
    app.build()
    stores = [d for d in app.env.domains.values() if isinstance(d, DocumentStore)]
    assert len(stores) >= 4
    undeclared = {
        store.name: sorted(set(store.data) - set(store.initial_data) - {"version"})
        for store in stores
    }
    assert undeclared == {store.name: [] for store in stores}
    # the dicts keyed by docname are PerDocument (core/store.py: what -j readers send back)
    wrong_type = [
        f"{store.name}[{key!r}]"
        for store in stores
        for key, initial in store.initial_data.items()
        if type(store.data[key])
        is not (PerDocument if key in store.per_document else type(initial))
    ]
    assert wrong_type == []
    record = domain_of(app.env).rebuilds
    assert not hasattr(record, "__dict__")  # slots: an undeclared field cannot be added
    assert record.signatures and record.post_pages and record.placeholders
    assert record.sidebar_digest and record.generation == 1
