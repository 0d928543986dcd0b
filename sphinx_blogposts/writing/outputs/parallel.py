"""Files the extension writes itself, written in Sphinx's worker processes under ``-j``.

Sphinx writes documents in parallel with ``sphinx.util.parallel`` (its builders'
``_write_parallel``) but calls ``handle_page`` for pages from ``html-collect-pages`` one
after the other in the main process. At N = 2,000 posts the generated pages and the
redirect pages are about a thousand and two thousand files, so under ``-j 2`` they would
be written by one core while the other waits. Here they are split with Sphinx's own
``make_chunks`` and written by ``ParallelTasks``, as Sphinx writes documents: each chunk
in a forked process that has everything the main process had (renderers, caches,
templates), so a page comes out byte for byte as in a serial build. Only what the main
process must know comes back (each chunk's :class:`Done`); warnings and log lines come
back through Sphinx's own log collection.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sphinx.application import Sphinx
from sphinx.util.logging import NAMESPACE, VERBOSITY_MAP
from sphinx.util.parallel import ParallelTasks, make_chunks, parallel_available

from ...reading.domain import domain_of


@dataclass
class WorkersCache:
    """The build's part of the cache for pages written in workers: what each worker
    process wrote, by pid, which says the parallel path really ran."""

    writers: dict[str, set[int]] = field(default_factory=dict)


T = TypeVar("T")

#: Below this many files a fork costs more than it saves (the test roots stay serial).
MIN_ITEMS = 40


@dataclass
class Done:
    """What a chunk tells the main process: who wrote it, and what it counted."""

    pid: int = field(default_factory=os.getpid)
    counts: dict[str, int] = field(default_factory=dict)
    refused: list[str] = field(default_factory=list)
    #: what the chunk made for the main process to keep (rendered cards, by blog)
    values: dict[str, Any] = field(default_factory=dict)


def in_parallel(app: Sphinx, items: Sequence[Any]) -> bool:
    """Whether Sphinx writes in parallel in this build, and there is enough to split."""
    builder = app.builder
    return (
        parallel_available
        and app.parallel > 1
        and bool(getattr(builder, "parallel_ok", False))
        and len(items) >= MIN_ITEMS
    )


def run_chunks(
    app: Sphinx, what: str, items: Sequence[T], work: Callable[[list[T]], Done]
) -> list[Done]:
    """Run ``work`` on chunks of ``items`` in ``app.parallel`` worker processes.

    The main process only waits meanwhile (unlike Sphinx's document writing, where it
    resolves doctrees), so every core gets a worker. The pids that wrote ``what`` are kept
    in the build's cache (``WorkersCache.writers``), which says the parallel path really ran.
    """
    nproc = app.parallel
    # One chunk per worker: a fork costs about 80 ms at N = 2,000 (the memory it copies,
    # its cold caches), more than uneven chunks lose. ``make_chunks`` gives ``nproc``
    # chunks when its batch is at least that long, and one more for a remainder, which
    # this process writes itself.
    here = len(items) % nproc
    local = [work(list(items[:here]))] if here else []
    rest = items[here:]
    results: list[Done] = []
    tasks = ParallelTasks(nproc)
    for chunk in make_chunks(rest, nproc, maxbatch=len(rest)):  # type: ignore[arg-type]
        tasks.add_task(_shown_logs_only(app, work), chunk, lambda _arg, done: results.append(done))
    tasks.join()
    writers = domain_of(app.env).cache.part(WorkersCache).writers
    writers.setdefault(what, set()).update(done.pid for done in results)
    return local + results


def _shown_logs_only(app: Sphinx, work: Callable[[list[T]], Done]) -> Callable[[list[T]], Done]:
    """``work`` in a worker, keeping only log records this build shows.

    A worker collects every record it makes and sends them all to the main process,
    which drops those below its verbosity. Sphinx logs each ``html-page-context`` it
    emits at debug level with the whole page context, the page's HTML included: for a
    chunk of 500 list pages, 12 MB that the main process received, unpickled and threw
    away. Records below the shown level are not made here at all (the worker exits
    after the chunk; the level is put back all the same).
    """

    def run(chunk: list[T]) -> Done:
        logger = logging.getLogger(NAMESPACE)
        level = logger.level
        logger.setLevel(max(level, VERBOSITY_MAP[max(app.verbosity, 0)]))
        try:
            return work(chunk)
        finally:
            logger.setLevel(level)

    return run
