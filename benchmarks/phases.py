"""Where one build's time goes, by phase: the numbers behind a ratio to plain Sphinx.

``run.py`` says how much slower a build is than plain Sphinx; this says in which part of
the build the difference lies. It runs one ``sphinx-build`` in this process and prints
the wall time of Sphinx's phases (the extensions' setup, loading the pickled
environment, reading with ``env-updated``, writing the documents, ``finish`` with the
generated pages), the time spent in each event's handlers, and the time of the
garbage collector's passes, which fall inside the phases and grow with every object a
build keeps alive. Run it on the plain and the blogposts flavour of the same sources
(``generate.py``) and compare line by line.

Usage: ``python benchmarks/phases.py [sphinx-build arguments]``, for instance::

    python benchmarks/generate.py /dev/shm/b --posts 2000 --flavour blogposts
    python benchmarks/phases.py -q -b html /dev/shm/b /dev/shm/b/_build/html

The wall time is a little above ``run.py``'s for the same build (the wrappers cost a
few microseconds a call); one build is good to about ±5 % on a quiet machine. An
``html-collect-pages`` handler may return a generator: the pages it yields are made
and written in ``finish``, outside the event's time.
"""

from __future__ import annotations

import collections
import gc
import sys
import time
from collections.abc import Callable
from typing import Any

import sphinx.application
import sphinx.builders
import sphinx.builders.html
from sphinx.cmd.build import build_main
from sphinx.events import EventManager

SPENT: collections.Counter[str] = collections.Counter()


def timed(owner: Any, name: str, label: str) -> None:
    """``owner.name``, with its wall time added to ``label`` on every call."""
    function: Callable[..., Any] = getattr(owner, name)

    def run(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            SPENT[label] += time.perf_counter() - start

    setattr(owner, name, run)


def instrument() -> None:
    timed(sphinx.application.Sphinx, "setup_extension", "phase: set up the extensions")
    timed(sphinx.application.Sphinx, "_init_env", "phase: load the environment")
    timed(sphinx.builders.Builder, "read", "phase: read (env-updated included)")
    timed(sphinx.builders.Builder, "write", "phase: write the documents")
    timed(sphinx.builders.html.StandaloneHTMLBuilder, "finish", "phase: finish")
    emit = EventManager.emit

    def each_event(self: EventManager, name: str, *args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return emit(self, name, *args, **kwargs)
        finally:
            SPENT[f"event: {name}"] += time.perf_counter() - start

    EventManager.emit = each_event  # type: ignore[method-assign]
    started = [0.0]

    def collections_timed(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            started[0] = time.perf_counter()
        else:
            SPENT[f"garbage collection, generation {info['generation']}"] += (
                time.perf_counter() - started[0]
            )

    gc.callbacks.append(collections_timed)


def main() -> int:
    instrument()
    start = time.perf_counter()
    code = build_main(sys.argv[1:])
    SPENT["WALL"] = time.perf_counter() - start
    for label, seconds in sorted(SPENT.items(), key=lambda item: -item[1]):
        if seconds >= 0.005:
            print(f"{seconds:8.3f} s  {label}")
    return code


if __name__ == "__main__":
    sys.exit(main())
