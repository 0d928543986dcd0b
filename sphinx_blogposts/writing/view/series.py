"""Write time: the blog's series, each with its parts in order, built from the stored posts.

A part's place depends on the other parts (their ``series_order`` and dates), so the
series are computed per build from every post, like tags, and never stored per
document. Only listed posts are parts others see: a draft or an unlisted post of a
series shows the box on its own page, placed among the parts, but no other part
links to it.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ...core.diagnostics import Warn, warn
from ...core.model import Post
from ...core.slugs import unique_slugs


@dataclass
class Series:
    key: str
    #: The spelling most parts use (ties: the first in sorted order), as tags do.
    name: str
    slug: str
    #: The listed parts, in series order.
    parts: list[Post] = field(default_factory=list)


def series_key(name: str) -> str:
    """One series whatever the case and spacing: ``Deep dive`` and ``deep  Dive`` are one."""
    return " ".join(name.split()).casefold()


def part_order(post: Post) -> tuple[bool, int, float, str]:
    """``series_order`` first (parts without one after those with one), then the date."""
    when = post.date.timestamp() if post.date is not None else math.inf
    return (post.series_order is None, post.series_order or 0, when, post.key)


def build_series(
    posts: Iterable[Post], listed: Iterable[Post]
) -> tuple[dict[str, Series], dict[str, str]]:
    """Every series with a listed part (by key), and the series key of each post in one
    (by ``Post.key``)."""
    post_series: dict[str, str] = {}
    spellings: dict[str, Counter[str]] = {}
    for post in sorted(posts, key=lambda p: p.key):
        if post.series is None:
            continue
        key = series_key(post.series)
        post_series[post.key] = key
        spellings.setdefault(key, Counter())[post.series] += 1
    members: dict[str, list[Post]] = {}
    for post in listed:
        member_of = post_series.get(post.key)
        if member_of is not None:
            members.setdefault(member_of, []).append(post)
    slugs = unique_slugs(list(members), prefix="series")
    series: dict[str, Series] = {}
    for key in sorted(members):
        name = sorted(spellings[key].items(), key=lambda item: (-item[1], item[0]))[0][0]
        parts = sorted(members[key], key=part_order)
        series[key] = Series(key=key, name=name, slug=slugs[key], parts=parts)
    return series, post_series


def parts_around(series: Series, post: Post) -> list[Post]:
    """The parts as ``post``'s page shows them: with the post in its place, listed or not."""
    if any(part.key == post.key for part in series.parts):
        return series.parts
    return sorted([*series.parts, post], key=part_order)


def check_orders(posts: Iterable[Post]) -> None:
    """Two parts of one series with the same ``series_order``: one warning at the later one."""
    taken: dict[tuple[str, int], Post] = {}
    for post in sorted(posts, key=lambda p: p.key):
        if post.series is None or post.series_order is None:
            continue
        slot = (series_key(post.series), post.series_order)
        first = taken.setdefault(slot, post)
        if first is post:
            continue
        warn(
            f"'series_order: {post.series_order}' is also the place of {first.key!r} in "
            f"the series {post.series!r}; the two are ordered by date. Give each part its "
            "own number",
            Warn.SERIES,
            (post.docname, post.key_lines.get("series_order", post.line)),
        )
