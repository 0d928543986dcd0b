"""What social cards add to a full build, measured inside one process.

``run.py --tools plain blogposts cards`` gives the cards' cost as wall times of separate
builds, which a busy machine spreads by a factor of two or more. Here the same generated
blog is built in this process, cards off and on by turns (``-j 1``, a clean build each
time), and the CPU time of the whole build and of the cards' own step
(``writing.outputs.cards.write_cards``: planning, drawing and writing every card) are
taken: the share of the step in a build without cards holds even when the machine's
speed does not. Which of the two builds comes first alternates from run to run.

Usage: ``PYTHONPATH=. python benchmarks/cards.py --posts 2000 --runs 2``
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from io import StringIO
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--posts", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--workdir", type=Path, default=HERE / "_work")
    args = parser.parse_args()

    from sphinx.application import Sphinx

    from sphinx_blogposts.writing.outputs import cards

    src = generate(args.workdir / f"cards-{args.posts}", args.posts, "blogposts")
    step = [0.0]
    write_cards = cards.write_cards

    def timed(app: Any) -> Any:
        start = time.process_time()
        try:
            return write_cards(app)
        finally:
            step[0] += time.process_time() - start

    cards.write_cards = timed  # what register() connects in the builds below

    def build(on: bool) -> tuple[float, float]:
        shutil.rmtree(src / "_build", ignore_errors=True)
        step[0] = 0.0
        start = time.process_time()
        out, doctrees = src / "_build" / "html", src / "_build" / "doctrees"
        app = Sphinx(
            src, src, out, doctrees, "html", status=StringIO(), warning=StringIO(),
            freshenv=True, confoverrides={"blogposts_social_cards": on},
        )  # fmt: skip
        app.build()
        return time.process_time() - start, step[0]

    off: list[float] = []
    on: list[tuple[float, float]] = []
    for run in range(args.runs):
        # by turns, the first build of a run alternating: a later build in one process is
        # a little slower (a bigger heap), which would otherwise weigh on one side only
        for cards_on in (False, True) if run % 2 == 0 else (True, False):
            if cards_on:
                on.append(build(True))
            else:
                off.append(build(False)[0])
        print(f"run {run + 1}: off {off[-1]:.2f} s, on {on[-1][0]:.2f} s (cards {on[-1][1]:.2f} s)")
    shutil.rmtree(src, ignore_errors=True)
    base = statistics.median(off)
    total = statistics.median(t for t, _ in on)
    own = statistics.median(s for _, s in on)
    print(
        f"N = {args.posts}: CPU of a full build {base:.2f} s without cards, {total:.2f} s "
        f"with ({(total / base - 1) * 100:+.1f} %); the cards' step {own:.2f} s, "
        f"{own / base * 100:.1f} % of the build without cards, "
        f"{own / args.posts * 1000:.2f} ms a card"
    )


if __name__ == "__main__":
    main()
