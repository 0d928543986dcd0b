"""What related posts cost on their own: the blog view built with and without them.

The whole-build benchmark (run.py) on a shared machine varies by more than related
posts cost, so this builds only the write-time blog view, in process, for N posts
tagged as generate.py tags them (2-4 tags from a pool of 40), best of five.

Usage: ``PYTHONPATH=. python benchmarks/related.py --posts 2000``
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

from generate import TAGS

from sphinx_blogposts.core.config import OPTIONS
from sphinx_blogposts.core.model import Post
from sphinx_blogposts.writing.view import blog as blog_mod


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--posts", type=int, nargs="+", default=[2000])
    parser.add_argument("--related", type=int, nargs="+", default=[0, 3, 10])
    args = parser.parse_args()
    for n in args.posts:
        rng = random.Random(1)
        start = datetime(2015, 1, 1, tzinfo=UTC)
        posts = {
            f"blog/p{i}": Post(
                docname=f"blog/p{i}",
                title=f"Post {i}",
                date=start + timedelta(days=i),
                tags=rng.sample(TAGS, rng.randint(2, 4)),
            )
            for i in range(n)
        }
        for count in args.related:
            # every setting at its default, as a site that sets none has them
            config: object = SimpleNamespace(**{option.name: option.default for option in OPTIONS})
            config.blogposts_related = count  # type: ignore[attr-defined]
            times = []
            for _ in range(5):
                began = time.perf_counter()
                blog_mod.build_blog(posts, config, {})  # type: ignore[arg-type]
                times.append(time.perf_counter() - began)
            print(f"N = {n}, blogposts_related = {count}: {min(times) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
