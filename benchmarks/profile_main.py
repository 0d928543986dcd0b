"""What the main process of a ``sphinx-build -j N`` does alone, and what it costs.

Under ``-j``, Sphinx's workers read and translate, and the main process does the rest
alone: it unpickles and merges each reading chunk's environment, runs ``env-updated``,
resolves every doctree (``doctree-resolved`` handlers included) and feeds the search
index before handing each chunk to a worker, then runs ``html-collect-pages``, dumps the
search index and pickles the environment. On a machine with many cores that work is the
build's floor. This builds a project once and prints, for the main process only:

- the CPU time (``time.process_time``) of each of those parts, and of each event
  handler, by module;
- the time of full garbage collections;
- the size of what each reading chunk sends back (its pickled environment);
- with ``--profile FILE``, a cProfile of the main process (workers are not profiled).

Usage: ``python benchmarks/profile_main.py SOURCE_DIR -j 2 [--profile main.prof]``
(the output goes to ``SOURCE_DIR/_build``, cleaned first). See ``generate.py`` for the
sources the benchmark builds.
"""

from __future__ import annotations

import argparse
import collections
import cProfile
import gc
import os
import shutil
import sys
import time
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

MAIN = os.getpid()
CPU: collections.Counter[str] = collections.Counter()
CALLS: collections.Counter[str] = collections.Counter()


def timed(label: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """``function``, with its CPU time in the main process added to ``label``."""

    def run(*args: Any, **kwargs: Any) -> Any:
        if os.getpid() != MAIN:
            return function(*args, **kwargs)
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            CPU[label] += time.process_time() - start
            CALLS[label] += 1

    return run


def instrument(profiler: cProfile.Profile | None) -> tuple[list[int], list[float]]:
    import sphinx.builders as builders
    from sphinx.builders.html import StandaloneHTMLBuilder
    from sphinx.environment import BuildEnvironment
    from sphinx.events import EventManager
    from sphinx.util import parallel

    sizes: list[int] = []
    real = builders.pickle

    def loads(data: bytes, *args: Any, **kwargs: Any) -> Any:
        sizes.append(len(data))
        return real.loads(data, *args, **kwargs)

    # the reading chunks' environments come back through this module's ``pickle.loads``
    builders.pickle = types.SimpleNamespace(  # type: ignore[assignment]
        **{name: getattr(real, name) for name in dir(real) if not name.startswith("__")}
    )
    builders.pickle.loads = timed("read: unpickle each chunk's environment", loads)
    parts = [
        (builders.Builder, "read", "READ (all of it in the main process)"),
        (BuildEnvironment, "merge_info_from", "read: merge_info_from"),
        (builders.Builder, "write", "WRITE (all of it in the main process)"),
        (BuildEnvironment, "get_doctree", "write: load each doctree"),
        (BuildEnvironment, "get_and_resolve_doctree", "write: resolve each doctree"),
        (StandaloneHTMLBuilder, "write_doc_serialized", "write: feed the search index"),
        (StandaloneHTMLBuilder, "finish", "FINISH"),
        (StandaloneHTMLBuilder, "gen_pages_from_extensions", "finish: html-collect-pages"),
        (StandaloneHTMLBuilder, "dump_search_index", "finish: dump the search index"),
    ]
    for owner, name, label in parts:
        setattr(owner, name, timed(label, getattr(owner, name)))
    connect = EventManager.connect

    def timed_connect(self: Any, name: str, callback: Callable[..., Any], priority: int) -> int:
        module = getattr(callback, "__module__", "?") or "?"
        label = f"event {name}: {module}.{getattr(callback, '__name__', '?')}"
        return connect(self, name, timed(label, callback), priority)

    EventManager.connect = timed_connect  # type: ignore[method-assign]
    process = parallel.ParallelTasks._process

    def unprofiled(self: Any, pipe: Any, func: Any, arg: Any) -> None:
        if profiler is not None:
            profiler.disable()  # a worker: only the main process is profiled
        process(self, pipe, func, arg)

    parallel.ParallelTasks._process = unprofiled  # type: ignore[method-assign]
    collections_time = [0.0]
    started = [0.0]

    def on_gc(phase: str, info: dict[str, int]) -> None:
        if os.getpid() != MAIN:
            return
        if phase == "start":
            started[0] = time.process_time()
        elif info["generation"] == 2:
            collections_time[0] += time.process_time() - started[0]

    gc.callbacks.append(on_gc)
    return sizes, collections_time


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("source", type=Path)
    parser.add_argument("-j", "--jobs", default="2")
    parser.add_argument("--profile", type=Path, help="write a cProfile of the main process")
    args = parser.parse_args()
    profiler = cProfile.Profile() if args.profile else None
    sizes, collections_time = instrument(profiler)
    from sphinx.cmd.build import build_main

    build = args.source / "_build"
    shutil.rmtree(build, ignore_errors=True)
    argv = ["-b", "html", "-q", "-j", args.jobs, "-d", str(build / "doctrees")]
    argv += [str(args.source), str(build / "html")]
    wall, cpu = time.perf_counter(), time.process_time()
    if profiler is not None:
        profiler.enable()
    code = build_main(argv)
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(args.profile)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(
        f"exit {code}; wall {wall:.2f} s; main process CPU {cpu:.2f} s, of which full "
        f"garbage collections {collections_time[0]:.2f} s"
    )
    if sizes:
        print(
            f"{len(sizes)} reading chunks sent back {sum(sizes) / 1e6:.1f} MB "
            f"(largest {max(sizes) / 1e6:.2f} MB)"
        )
    for label, seconds in sorted(CPU.items(), key=lambda item: -item[1]):
        if seconds >= 0.02:
            print(f"  {seconds:7.2f} s  {CALLS[label]:6d}x  {label}")
    sys.exit(code)


if __name__ == "__main__":
    main()
