"""Measure build cost of a blog: plain Sphinx (the floor), sphinx_blogposts and ABlog.

For each N, the same generated posts are built by each tool, in five scenarios:
(a) full clean build, (b) no-change rebuild, (c) rebuild after editing one post's
body, (d) rebuild after changing one post's tags, (e) full clean build with ``-j 2``.
Each build runs in its own process; the tools take turns, run by run, so that a drift in
the machine's speed weighs on all of them; wall time is the median of ``--runs`` runs
(the spread, the slowest run over the fastest, is printed beside it); peak RSS is
given for the main process and for the largest ``-j 2`` worker separately. The time
the generated pages take (Sphinx's ``html-collect-pages`` phase: list pages,
feeds, redirect pages) is measured inside the build, to show it grows linearly
with N. The tool ``features`` is sphinx_blogposts on posts that are also in series
(5 parts each), with related posts on (``blogposts_related = 3``, the default),
measured in the two full builds. The tool ``cards`` is sphinx_blogposts with
``blogposts_social_cards = True`` (a PNG drawn per post, Pillow needed), in every
scenario. Printed: one table per N with ratios to plain
Sphinx measured in the same run, plus the size of ``environment.pickle``, the
largest page, and how many HTML files each build wrote.

Usage: ``python benchmarks/run.py --posts 100 500 2000 --runs 3``
(``tox -e bench`` runs it for N = 100 and 500). ABlog is optional: it is measured
when it can be imported. ``--blogposts-conf`` adds lines to the blogposts flavour's
``conf.py``, to weigh one feature: ``--tools plain blogposts --blogposts-conf
"blogposts_related = 0"`` against the same run without it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from generate import generate, post_folder  # noqa: E402

SCENARIOS = [
    ("full", "a. full clean build"),
    ("nochange", "b. no-change rebuild"),
    ("edit", "c. one post's body edited"),
    ("tags", "d. one post's tags changed"),
    ("full-j2", "e. full clean build, -j 2"),
]

#: the features measured in the full builds only (their rebuilds are the blogposts ones)
FULL_ONLY = {"features": ("full", "full-j2")}

CHILD = r"""
import resource, sys, time
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.cmd.build import build_main
spent = [0.0]
gen = StandaloneHTMLBuilder.gen_pages_from_extensions
def timed(self):
    t = time.perf_counter()
    try:
        return gen(self)
    finally:
        spent[0] += time.perf_counter() - t
StandaloneHTMLBuilder.gen_pages_from_extensions = timed
start = time.perf_counter()
code = build_main(sys.argv[1:])
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_SELF)
workers = resource.getrusage(resource.RUSAGE_CHILDREN)
own, kids = usage.ru_maxrss, workers.ru_maxrss
cpu = sum(u.ru_utime + u.ru_stime for u in (usage, workers))
print("BENCH", code, f"{wall:.6f}", own, kids, f"{spent[0]:.6f}", f"{cpu:.6f}")
"""


@dataclass
class Result:
    times: list[float] = field(default_factory=list)
    rss_kb: int = 0
    worker_rss_kb: int = 0
    collect: list[float] = field(default_factory=list)
    #: CPU seconds of the build and its workers: steadier than wall time on a busy machine
    cpu: list[float] = field(default_factory=list)
    written: int = 0
    cards_written: int = 0
    pickle_bytes: int = 0
    largest_page: int = 0
    largest_name: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.times) if self.times else float("nan")

    @property
    def spread(self) -> float:
        return max(self.times) / min(self.times) if self.times else float("nan")

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu) if self.cpu else float("nan")

    @property
    def collect_median(self) -> float:
        return statistics.median(self.collect) if self.collect else float("nan")


def html_files(out: Path) -> dict[Path, float]:
    """The HTML pages, and the social cards (the ``cards`` tool), with their times."""
    cards = [*(out / "_images" / "blogposts" / "cards").rglob("*.png")]
    return {p: p.stat().st_mtime_ns for p in [*out.rglob("*.html"), *cards]}


def build(src: Path, jobs: int = 1) -> tuple[float, int, int, float, float]:
    out, doctrees = src / "_build" / "html", src / "_build" / "doctrees"
    cmd = [sys.executable, "-c", CHILD, "-b", "html", "-q", "-d", str(doctrees), str(src), str(out)]
    if jobs > 1:
        cmd += ["-j", str(jobs)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    match = re.search(
        r"^BENCH (\d+) ([\d.]+) (\d+) (\d+) ([\d.]+) ([\d.]+)$", proc.stdout, re.MULTILINE
    )
    if not match or match.group(1) != "0":
        raise RuntimeError(f"build of {src} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    return (
        float(match.group(2)),
        int(match.group(3)),
        int(match.group(4)),
        float(match.group(5)),
        float(match.group(6)),
    )


def compile_bytecode() -> list[str]:
    """Compile the measured packages' bytecode, as ``pip install`` does for a wheel.

    An editable install, or any tree a ``PYTHONDONTWRITEBYTECODE=1`` environment runs
    from, has none: each build would then compile every module of the extension again
    (about 70 ms per build for sphinx_blogposts), a cost no installed copy pays and
    plain Sphinx, whose modules pip compiled, does not pay either.
    """
    import compileall
    import importlib.util

    compiled = []
    for name in ("sphinx_blogposts", "ablog"):
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            continue
        for folder in spec.submodule_search_locations:
            compileall.compile_dir(folder, quiet=1)
        compiled.append(name)
    return compiled


def clean(src: Path) -> None:
    shutil.rmtree(src / "_build", ignore_errors=True)


def edit_body(src: Path, counter: int) -> None:
    post = src / "blog" / post_folder(7) / "index.md"
    text = post.read_text(encoding="utf-8")
    post.write_text(text + f"\nAn edit, number {counter}.\n", encoding="utf-8")


def edit_tags(src: Path, counter: int) -> None:
    post = src / "blog" / post_folder(11) / "index.md"
    text = post.read_text(encoding="utf-8")
    new_tag = f"topic-{counter % 40:02d}"
    text = re.sub(
        r"^tags: \[(.*)\]$", f"tags: [{new_tag}, topic-edited-{counter}]", text, count=1, flags=re.M
    )
    text = re.sub(
        r"^:tags: .*$", f":tags: {new_tag}, topic-edited-{counter}", text, count=1, flags=re.M
    )
    post.write_text(text, encoding="utf-8")


def measure(
    sources: dict[str, Path], runs: int, only: dict[str, tuple[str, ...]]
) -> dict[str, dict[str, Result]]:
    """Every tool's scenarios, run by run: run 1 of each tool, then run 2 of each, ...

    Interleaved, so that a machine whose speed drifts during the benchmark (a shared
    VM's neighbours) slows every tool alike, instead of the tool measured last.
    """
    results = {tool: {key: Result() for key, _ in SCENARIOS} for tool in sources}

    def record(
        tool: str,
        key: str,
        wall: float,
        rss: int,
        worker_rss: int,
        collect: float,
        cpu: float,
        before: dict[Path, float] | None = None,
    ) -> None:
        src = sources[tool]
        out = src / "_build" / "html"
        result = results[tool][key]
        result.times.append(wall)
        result.collect.append(collect)
        result.cpu.append(cpu)
        result.rss_kb = max(result.rss_kb, rss)
        result.worker_rss_kb = max(result.worker_rss_kb, worker_rss)
        after = html_files(out)
        changed = [p for p, t in after.items() if before is None or before.get(p) != t]
        result.written = sum(1 for p in changed if p.suffix == ".html")
        result.cards_written = sum(1 for p in changed if p.suffix == ".png")
        pickle = src / "_build" / "doctrees" / "environment.pickle"
        result.pickle_bytes = pickle.stat().st_size if pickle.exists() else 0
        largest = max((p for p in after if p.suffix == ".html"), key=lambda p: p.stat().st_size)
        result.largest_page = largest.stat().st_size
        result.largest_name = str(largest.relative_to(out))

    for run in range(runs):
        for tool, src in sources.items():
            out = src / "_build" / "html"
            clean(src)
            record(tool, "full", *build(src))
            if "nochange" in only.get(tool, ("nochange",)):
                before = html_files(out)
                time.sleep(0.01)
                record(tool, "nochange", *build(src), before)
                before = html_files(out)
                edit_body(src, run)
                record(tool, "edit", *build(src), before)
                before = html_files(out)
                edit_tags(src, run)
                record(tool, "tags", *build(src), before)
            clean(src)
            record(tool, "full-j2", *build(src, jobs=2))
            clean(src)
    return results


def available(tool: str) -> bool:
    module = {
        "plain": "myst_parser",
        "blogposts": "sphinx_blogposts",
        "features": "sphinx_blogposts",
        "cards": "sphinx_blogposts, PIL",
        "ablog": "ablog",
    }[tool]
    code = f"import {module}"
    return subprocess.run([sys.executable, "-c", code], capture_output=True).returncode == 0


def table(n: int, results: dict[str, dict[str, Result]]) -> str:
    tools = list(results)
    lines = [f"### N = {n} posts", ""]
    header = (
        "| scenario | "
        + " | ".join(
            f"{t} time (s) | {t} ×plain" if t != "plain" else "plain time (s)" for t in tools
        )
        + " |"
    )
    lines += [header, "|" + "---|" * (header.count("|") - 1)]
    for key, label in SCENARIOS:
        base = results["plain"][key].median
        cells = []
        for tool in tools:
            value = results[tool][key].median
            if value != value:  # not measured for this tool (NaN)
                cells += ["–"] if tool == "plain" else ["–", "–"]
                continue
            cells.append(f"{value:.2f}")
            if tool != "plain":
                cells.append(f"{value / base:.2f}")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    lines.append("")
    lines.append("| measure | " + " | ".join(tools) + " |")
    lines.append("|---|" + "---|" * len(tools))

    def row(label: str, fn) -> None:  # type: ignore[no-untyped-def]
        lines.append(f"| {label} | " + " | ".join(fn(results[t]) for t in tools) + " |")

    def kept(fn):  # type: ignore[no-untyped-def]
        return lambda r: fn(r) if r["full"].times else "–"

    row("CPU time, full build (s)", lambda r: f"{r['full'].cpu_median:.2f}")
    row("CPU time, no-change rebuild (s)", kept(lambda r: f"{r['nochange'].cpu_median:.2f}"))
    row("CPU time, -j 2 build, workers included (s)", lambda r: f"{r['full-j2'].cpu_median:.2f}")
    row("generated pages, full build (s)", lambda r: f"{r['full'].collect_median:.2f}")
    row("generated pages, -j 2 build (s)", lambda r: f"{r['full-j2'].collect_median:.2f}")
    row("peak RSS, full build (MB)", lambda r: f"{r['full'].rss_kb / 1024:.0f}")
    row("peak RSS, -j 2 main process (MB)", lambda r: f"{r['full-j2'].rss_kb / 1024:.0f}")
    row("peak RSS, -j 2 largest worker (MB)", lambda r: f"{r['full-j2'].worker_rss_kb / 1024:.0f}")
    row("environment.pickle (MB)", kept(lambda r: f"{r['full'].pickle_bytes / 1e6:.2f}"))
    row(
        "largest page (KB)",
        kept(lambda r: f"{r['full'].largest_page / 1024:.0f} ({r['full'].largest_name})"),
    )
    for key, _label in SCENARIOS:
        row(
            f"spread of runs, {key} (slowest/fastest)",
            lambda r, key=key: f"{r[key].spread:.2f}" if r[key].times else "–",
        )
    for key in ("nochange", "edit", "tags"):
        row(
            f"HTML files written, {key}",
            lambda r, key=key: str(r[key].written) if r[key].times else "–",
        )
    if any(r[key].cards_written for r in results.values() for key, _label in SCENARIOS):
        for key, _label in SCENARIOS:
            row(
                f"social cards drawn, {key}",
                lambda r, key=key: str(r[key].cards_written) if r[key].times else "–",
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--posts", type=int, nargs="+", default=[100, 500])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--tools", nargs="+", default=["plain", "blogposts", "features", "ablog"])
    parser.add_argument("--workdir", type=Path, default=HERE / "_work")
    parser.add_argument("--json", type=Path, help="also write the raw numbers here")
    parser.add_argument(
        "--blogposts-conf",
        action="append",
        default=[],
        help="a line added to the blogposts flavour's conf.py (may be repeated)",
    )
    args = parser.parse_args()
    tools = [t for t in args.tools if available(t)]
    if "plain" not in tools:
        raise SystemExit("myst-parser is needed for the plain baseline")
    skipped = sorted(set(args.tools) - set(tools))
    print(
        f"machine: {platform.platform()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )
    if skipped:
        print(f"not installed, skipped: {', '.join(skipped)}")
    print(f"bytecode compiled first, as pip install does: {', '.join(compile_bytecode())}")
    if args.blogposts_conf:
        print(f"blogposts conf.py adds: {'; '.join(args.blogposts_conf)}")
    raw: dict[str, dict[str, dict[str, object]]] = {}
    for n in args.posts:
        sources = {}
        for tool in tools:
            flavour = "blogposts" if tool in ("features", "cards") else tool
            src = generate(args.workdir / f"{tool}-{n}", n, flavour, series=tool == "features")
            lines = list(args.blogposts_conf) if flavour == "blogposts" else []
            if tool == "features":
                lines.append("blogposts_related = 3")
            if tool == "cards":
                lines.append("blogposts_social_cards = True")
            if lines:
                with (src / "conf.py").open("a", encoding="utf-8") as conf:
                    conf.write("".join(f"{line}\n" for line in lines))
            sources[tool] = src
        results = measure(sources, args.runs, FULL_ONLY)
        for src in sources.values():
            shutil.rmtree(src, ignore_errors=True)
        print(table(n, results), flush=True)
        print()
        raw[str(n)] = {
            tool: {key: vars(r) | {"median": r.median} for key, r in res.items()}
            for tool, res in results.items()
        }
    if args.json:
        args.json.write_text(json.dumps(raw, indent=1, default=str))


if __name__ == "__main__":
    main()
