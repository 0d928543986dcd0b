"""Measure build cost of a blog: plain Sphinx (the floor), sphinx_blogposts and ABlog.

**Blog sites** (``--posts``). For each N, the same generated posts are built by each
tool, in five scenarios: (a) full clean build, (b) no-change rebuild, (c) rebuild after
editing one post's body, (d) rebuild after changing one post's tags, (e) full clean
build with ``-j 2``. The tool ``features`` is sphinx_blogposts on posts that are also
in series (5 parts each), with related posts on (``blogposts_related = 3``, the
default), measured in the two full builds. The tool ``cards`` is sphinx_blogposts with
``blogposts_social_cards = True`` (a PNG drawn per post, Pillow needed), in every
scenario (``benchmarks/cards.py`` weighs the cards alone, in CPU time). ABlog is measured
only at the N of ``--ablog-posts`` (2,000 by default) and in ``--ablog-runs`` runs (one
by default), when it can be imported.

**Docs-heavy sites** (``--docs-heavy``). The commonest real site: ``--docs-pages``
documentation pages (sections, code, cross-links and labels; one toctree per part of
100 pages, under the root's) with a blog of ``--docs-posts`` posts whose
``blogposts/recent.html`` and ``blogposts/tags.html`` are in every page's sidebar, after
the theme's own, in each theme of ``--themes`` (alabaster and furo). The floor is the
same sources built with myst-parser alone and the theme's own sidebars. Scenarios: (a)
full, (b) no change, (c) one documentation page edited, (d) one post added (the
newest: every page whose sidebar lists the recent posts is written again), (e) full
with ``-j 2``. The tool ``blogposts-shared`` is the same site with
``blogposts_shared_sidebars = True`` (the sidebars in one script per blog, which a new
post rewrites instead of every page), in (a) to (d).

**Scale** (``--scale N``). Full and no-change builds of plain Sphinx and
sphinx_blogposts at N = 2,000 and at N (10,000 in the standard run), interleaved, in
``--scale-runs`` runs: time per post and peak RSS at both sizes, so a cost that grows
faster than the blog shows.

Each build runs in its own process; the tools take turns, run by run, so that a drift
in the machine's speed weighs on all of them; wall time is the median of the runs (the
spread, the slowest run over the fastest, is printed beside it); peak RSS is given for
the main process and for the largest ``-j 2`` worker separately. The time the
generated pages take (Sphinx's ``html-collect-pages`` phase: list pages, feeds,
redirect pages) is measured inside the build, to show it grows linearly with N.
Printed: one table per site with ratios to plain Sphinx measured in the same run, plus
the size of ``environment.pickle``, the largest page, and how many HTML files each
rebuild wrote (Sphinx rewrites ``genindex.html`` and ``search.html`` every time).

Usage: the standard run (37 minutes on a quiet 2-core machine; add ``--posts 100 500
2000`` for the smaller blogs too)::

    python benchmarks/run.py --posts 2000 --runs 3 --docs-heavy --scale 10000 \\
        --ablog-posts 2000 --workdir /dev/shm/bench --json bench.json

``tox -e bench`` runs it for N = 100 and 500 only. ``--blogposts-conf`` adds lines to
the blogposts flavour's ``conf.py``, to weigh one feature: ``--tools plain blogposts
--blogposts-conf "blogposts_related = 0"`` against the same run without it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from generate import SIDEBARS, generate, generate_docs, post_folder, write_post  # noqa: E402

#: What a rebuild scenario changes in the sources before its build; it may return what
#: puts the sources back afterwards (run after the build is measured).
Change = Callable[[Path, int], Callable[[], None] | None]


@dataclass(frozen=True)
class Scenario:
    key: str
    label: str
    #: None: a full build from a clean output folder; else a rebuild after this change
    change: Change | None = None
    jobs: int = 1


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
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print("BENCH", code, f"{wall:.6f}", own, kids, f"{spent[0]:.6f}")
"""


@dataclass
class Result:
    times: list[float] = field(default_factory=list)
    rss_kb: int = 0
    worker_rss_kb: int = 0
    collect: list[float] = field(default_factory=list)
    written: int = 0
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
    def collect_median(self) -> float:
        return statistics.median(self.collect) if self.collect else float("nan")


def html_files(out: Path) -> dict[Path, float]:
    return {p: p.stat().st_mtime_ns for p in out.rglob("*.html")}


def build(src: Path, jobs: int = 1) -> tuple[float, int, int, float]:
    out, doctrees = src / "_build" / "html", src / "_build" / "doctrees"
    cmd = [sys.executable, "-c", CHILD, "-b", "html", "-q", "-d", str(doctrees), str(src), str(out)]
    if jobs > 1:
        cmd += ["-j", str(jobs)]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    match = re.search(r"^BENCH (\d+) ([\d.]+) (\d+) (\d+) ([\d.]+)$", proc.stdout, re.MULTILINE)
    if not match or match.group(1) != "0":
        raise RuntimeError(f"build of {src} failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    return float(match.group(2)), int(match.group(3)), int(match.group(4)), float(match.group(5))


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


def flavour_of(src: Path) -> str:
    conf = (src / "conf.py").read_text(encoding="utf-8")
    for extension, flavour in (('"ablog"', "ablog"), ('"sphinx_blogposts"', "blogposts")):
        if extension in conf:
            return flavour
    return "plain"


def no_change(src: Path, counter: int) -> None:
    time.sleep(0.01)  # a file written now would not look older than the last build's


def edit_doc_page(src: Path, counter: int) -> None:
    pages = sorted((src / "docs").glob("part-*/page-*.md"))
    page = pages[len(pages) // 2]
    text = page.read_text(encoding="utf-8")
    page.write_text(text + f"\nAn edit, number {counter}.\n", encoding="utf-8")


def add_post(src: Path, counter: int) -> Callable[[], None]:
    """The newest post, written in the site's own flavour (a ``post`` directive for
    ABlog, front matter otherwise); it goes again after the build, so every run builds
    the same sources."""
    posts = sum(1 for _ in (src / "blog").glob("*/index.md"))
    write_post(src, posts, flavour_of(src), random.Random(counter))
    return lambda: shutil.rmtree(src / "blog" / post_folder(posts))


FULL = Scenario("full", "a. full clean build")
FULL_J2 = Scenario("full-j2", "e. full clean build, -j 2", jobs=2)
NO_CHANGE = Scenario("nochange", "b. no-change rebuild", no_change)
BLOG_SCENARIOS = [
    FULL,
    NO_CHANGE,
    Scenario("edit", "c. one post's body edited", edit_body),
    Scenario("tags", "d. one post's tags changed", edit_tags),
    FULL_J2,
]
DOCS_SCENARIOS = [
    FULL,
    NO_CHANGE,
    Scenario("docedit", "c. one docs page edited", edit_doc_page),
    Scenario("postadd", "d. one post added", add_post),
    FULL_J2,
]
SCALE_SCENARIOS = [FULL, NO_CHANGE]


@dataclass
class Site:
    """One table: the sources of each tool, built in the same runs."""

    title: str
    sources: dict[str, Path]
    scenarios: list[Scenario]
    #: tool -> the scenarios it is measured in (all by default)
    only: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: tool -> how many runs it takes part in (every run by default)
    runs_of: dict[str, int] = field(default_factory=dict)


def measure(site: Site, runs: int) -> dict[str, dict[str, Result]]:
    """Every tool's scenarios, run by run: run 1 of each tool, then run 2 of each, ...

    Interleaved, so that a machine whose speed drifts during the benchmark (a shared
    VM's neighbours) slows every tool alike, instead of the tool measured last.
    """
    sources = site.sources
    results = {tool: {s.key: Result() for s in site.scenarios} for tool in sources}

    def record(
        tool: str,
        key: str,
        wall: float,
        rss: int,
        worker_rss: int,
        collect: float,
        before: dict[Path, float] | None = None,
    ) -> None:
        src = sources[tool]
        out = src / "_build" / "html"
        result = results[tool][key]
        result.times.append(wall)
        result.collect.append(collect)
        result.rss_kb = max(result.rss_kb, rss)
        result.worker_rss_kb = max(result.worker_rss_kb, worker_rss)
        after = html_files(out)
        result.written = sum(1 for p, t in after.items() if before is None or before.get(p) != t)
        pickle = src / "_build" / "doctrees" / "environment.pickle"
        result.pickle_bytes = pickle.stat().st_size if pickle.exists() else 0
        largest = max(after, key=lambda p: p.stat().st_size)
        result.largest_page = largest.stat().st_size
        result.largest_name = str(largest.relative_to(out))

    for run in range(runs):
        for tool, src in sources.items():
            if run >= site.runs_of.get(tool, runs):
                continue
            out = src / "_build" / "html"
            wanted = site.only.get(tool, tuple(s.key for s in site.scenarios))
            for scenario in site.scenarios:
                if scenario.key not in wanted:
                    continue
                if scenario.change is None:
                    clean(src)
                    record(tool, scenario.key, *build(src, jobs=scenario.jobs))
                    continue
                before = html_files(out)
                undo = scenario.change(src, run)
                record(tool, scenario.key, *build(src, jobs=scenario.jobs), before)
                if undo is not None:
                    undo()
            clean(src)
    return results


def available(tool: str) -> bool:
    module = {
        "plain": "myst_parser",
        "blogposts": "sphinx_blogposts",
        "features": "sphinx_blogposts",
        "cards": "PIL",
        "ablog": "ablog",
    }[tool]
    code = f"import {module}"
    return subprocess.run([sys.executable, "-c", code], capture_output=True).returncode == 0


def table(title: str, scenarios: list[Scenario], results: dict[str, dict[str, Result]]) -> str:
    tools = list(results)
    base_tool = tools[0]  # the floor: plain Sphinx
    lines = [f"### {title}", ""]
    header = (
        "| scenario | "
        + " | ".join(
            f"{t} time (s) | {t} ×plain" if t != base_tool else f"{t} time (s)" for t in tools
        )
        + " |"
    )
    lines += [header, "|" + "---|" * (header.count("|") - 1)]
    for scenario in scenarios:
        key = scenario.key
        base = results[base_tool][key].median
        cells = []
        for tool in tools:
            value = results[tool][key].median
            if value != value:  # not measured for this tool (NaN)
                cells += ["–"] if tool == base_tool else ["–", "–"]
                continue
            cells.append(f"{value:.2f}")
            if tool != base_tool:
                cells.append(f"{value / base:.2f}")
        lines.append(f"| {scenario.label} | " + " | ".join(cells) + " |")
    lines.append("")
    lines.append("| measure | " + " | ".join(tools) + " |")
    lines.append("|---|" + "---|" * len(tools))
    keys = [s.key for s in scenarios]

    def row(label: str, fn: Callable[[dict[str, Result]], str]) -> None:
        lines.append(f"| {label} | " + " | ".join(fn(results[t]) for t in tools) + " |")

    def kept(
        fn: Callable[[dict[str, Result]], str], key: str = "full"
    ) -> Callable[[dict[str, Result]], str]:
        """``fn``'s value, or a dash for a tool not measured in ``key``."""
        return lambda r: fn(r) if r[key].times else "–"

    row("generated pages, full build (s)", kept(lambda r: f"{r['full'].collect_median:.2f}"))
    if "full-j2" in keys:
        row(
            "generated pages, -j 2 build (s)",
            kept(lambda r: f"{r['full-j2'].collect_median:.2f}", "full-j2"),
        )
    row("peak RSS, full build (MB)", kept(lambda r: f"{r['full'].rss_kb / 1024:.0f}"))
    if "full-j2" in keys:
        row(
            "peak RSS, -j 2 main process (MB)",
            kept(lambda r: f"{r['full-j2'].rss_kb / 1024:.0f}", "full-j2"),
        )
        row(
            "peak RSS, -j 2 largest worker (MB)",
            kept(lambda r: f"{r['full-j2'].worker_rss_kb / 1024:.0f}", "full-j2"),
        )
    row("environment.pickle (MB)", kept(lambda r: f"{r['full'].pickle_bytes / 1e6:.2f}"))
    row(
        "largest page (KB)",
        kept(lambda r: f"{r['full'].largest_page / 1024:.0f} ({r['full'].largest_name})"),
    )
    for key in keys:
        row(
            f"spread of runs, {key} (slowest/fastest)",
            lambda r, key=key: f"{r[key].spread:.2f}" if r[key].times else "–",
        )
    for scenario in scenarios:
        if scenario.change is not None:
            row(
                f"HTML files written, {scenario.key}",
                lambda r, key=scenario.key: str(r[key].written) if r[key].times else "–",
            )
    return "\n".join(lines)


def scale_table(sizes: list[int], results: dict[str, dict[str, Result]]) -> str:
    """Time per post and peak RSS at each size, and how they grow from the smallest."""
    small, large = sizes[0], sizes[-1]
    lines = [
        f"### Scale: N = {small:,} and N = {large:,} posts",
        "",
        "| N | tool | full (s) | ×plain | per post (ms) | no change (s) | ×plain "
        "| peak RSS (MB) | ×plain |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for n in sizes:
        plain = results[f"plain-{n}"]
        for tool in ("plain", "blogposts"):
            r = results[f"{tool}-{n}"]
            full, nochange = r["full"].median, r["nochange"].median
            cells = [
                f"{n:,}",
                tool,
                f"{full:.2f}",
                f"{full / plain['full'].median:.2f}",
                f"{full / n * 1000:.2f}",
                f"{nochange:.2f}",
                f"{nochange / plain['nochange'].median:.2f}",
                f"{r['full'].rss_kb / 1024:.0f}",
                f"{r['full'].rss_kb / plain['full'].rss_kb:.2f}",
            ]
            lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    for tool in ("plain", "blogposts"):
        a, b = results[f"{tool}-{small}"]["full"], results[f"{tool}-{large}"]["full"]
        per_post = (b.median / large) / (a.median / small)
        growth = (b.rss_kb - a.rss_kb) / 1024 / (large - small) * 1000
        lines.append(
            f"- {tool}: time per post at N = {large:,} is {per_post:.2f}× that at N = {small:,}; "
            f"peak RSS {a.rss_kb / 1024:.0f} -> {b.rss_kb / 1024:.0f} MB, "
            f"{growth:.1f} MB per 1,000 posts above N = {small:,}"
        )
    own = [
        (results[f"blogposts-{n}"]["full"].rss_kb - results[f"plain-{n}"]["full"].rss_kb) / 1024
        for n in (small, large)
    ]
    lines.append(
        f"- the blog's own memory (blogposts minus plain): {own[0]:.0f} MB at N = {small:,} "
        f"({own[0] / small * 1000:.1f} MB per 1,000 posts), {own[1]:.0f} MB at N = {large:,} "
        f"({own[1] / large * 1000:.1f} MB per 1,000 posts)"
    )
    return "\n".join(lines)


def blog_sites(args: argparse.Namespace, tools: list[str]) -> list[tuple[Site, int]]:
    sites = []
    for n in args.posts:
        sources = {}
        for tool in tools:
            if tool == "ablog" and n not in args.ablog_posts:
                continue
            flavour = "blogposts" if tool in ("features", "cards") else tool
            src = generate(args.workdir / f"{tool}-{n}", n, flavour, series=tool == "features")
            lines = list(args.blogposts_conf) if flavour == "blogposts" else []
            if tool == "features":
                lines.append("blogposts_related = 3")
            if tool == "cards":  # a social card drawn per post (Pillow needed)
                lines.append("blogposts_social_cards = True")
            add_conf(src, lines)
            sources[tool] = src
        site = Site(
            f"N = {n} posts",
            sources,
            BLOG_SCENARIOS,
            only={"features": ("full", "full-j2")},
            runs_of={"ablog": args.ablog_runs},
        )
        sites.append((site, n))
    return sites


def docs_sites(args: argparse.Namespace) -> list[Site]:
    sites = []
    for theme in args.themes:
        sources = {}
        for tool in ("plain", "blogposts", "blogposts-shared"):
            flavour = "plain" if tool == "plain" else "blogposts"
            root = args.workdir / f"docs-{tool}-{theme}"
            src = generate_docs(root, args.docs_pages, args.docs_posts, flavour, theme)
            lines = list(args.blogposts_conf) if flavour == "blogposts" else []
            if tool == "blogposts-shared":  # the sidebars in one script per blog
                lines.append("blogposts_shared_sidebars = True")
            add_conf(src, lines)
            sources[tool] = src
        title = (
            f"Docs-heavy: {args.docs_pages:,} documentation pages, a blog of "
            f"{args.docs_posts} posts, {theme}"
        )
        # what a site can choose instead of every page rewritten for a new post: its
        # rebuilds and its full build (-j 2 adds nothing to that answer)
        shared = ("full", "nochange", "docedit", "postadd")
        sites.append(Site(title, sources, DOCS_SCENARIOS, only={"blogposts-shared": shared}))
    return sites


def scale_site(args: argparse.Namespace) -> tuple[Site, list[int]]:
    sizes = [2000, args.scale]
    sources = {
        f"{tool}-{n}": generate(args.workdir / f"scale-{tool}-{n}", n, tool)
        for n in sizes
        for tool in ("plain", "blogposts")
    }
    for tool, src in sources.items():
        add_conf(src, list(args.blogposts_conf) if tool.startswith("blogposts") else [])
    return Site(f"Scale, N = {args.scale}", sources, SCALE_SCENARIOS), sizes


def add_conf(src: Path, lines: list[str]) -> None:
    if lines:
        with (src / "conf.py").open("a", encoding="utf-8") as conf:
            conf.write("".join(f"{line}\n" for line in lines))


def raw_numbers(results: dict[str, dict[str, Result]]) -> dict[str, dict[str, object]]:
    return {
        tool: {key: vars(r) | {"median": r.median} for key, r in res.items() if r.times}
        for tool, res in results.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--posts", type=int, nargs="*", default=[100, 500])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--tools", nargs="+", default=["plain", "blogposts", "features", "ablog"])
    parser.add_argument(
        "--ablog-posts", type=int, nargs="*", default=[2000], help="the N at which ABlog is built"
    )
    parser.add_argument("--ablog-runs", type=int, default=1, help="ABlog's number of runs")
    parser.add_argument("--docs-heavy", action="store_true", help="measure docs-heavy sites")
    parser.add_argument("--docs-pages", type=int, default=2000)
    parser.add_argument("--docs-posts", type=int, default=50)
    parser.add_argument("--themes", nargs="+", choices=sorted(SIDEBARS), default=sorted(SIDEBARS))
    parser.add_argument("--scale", type=int, help="measure N = 2,000 against this N")
    parser.add_argument("--scale-runs", type=int, default=1)
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
    started = time.perf_counter()
    print(
        f"machine: {platform.platform()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, load average at start "
        + ", ".join(f"{x:.2f}" for x in os.getloadavg())
    )
    if skipped:
        print(f"not installed, skipped: {', '.join(skipped)}")
    print(f"bytecode compiled first, as pip install does: {', '.join(compile_bytecode())}")
    if args.blogposts_conf:
        print(f"blogposts conf.py adds: {'; '.join(args.blogposts_conf)}")
    raw: dict[str, dict[str, dict[str, object]]] = {}

    def run(site: Site, runs: int) -> dict[str, dict[str, Result]]:
        results = measure(site, runs)
        for src in site.sources.values():
            shutil.rmtree(src, ignore_errors=True)
        raw[site.title] = raw_numbers(results)
        return results

    for site, _n in blog_sites(args, tools):
        print(table(site.title, site.scenarios, run(site, args.runs)), flush=True)
        print()
    if args.docs_heavy:
        for site in docs_sites(args):
            print(table(site.title, site.scenarios, run(site, args.runs)), flush=True)
            print()
    if args.scale:
        site, sizes = scale_site(args)
        print(scale_table(sizes, run(site, args.scale_runs)), flush=True)
        print()
    print(
        f"took {(time.perf_counter() - started) / 60:.0f} min; load average at the end "
        + ", ".join(f"{x:.2f}" for x in os.getloadavg())
    )
    if args.json:
        args.json.write_text(json.dumps(raw, indent=1, default=str))


if __name__ == "__main__":
    main()
