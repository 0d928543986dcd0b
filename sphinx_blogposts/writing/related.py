"""Write time: each post's related posts, the ones that share the most tags with it.

Comparing every post with every other costs N² (four million pairs at 2,000 posts).
Instead each tag's list of posts (the inverted index the tag pages use anyway, newest
first) is read for the post's own tags only: how many tags each candidate shares is
counted over those lists, and only the candidates sharing more than one are sorted;
those sharing one are taken newest first from the front of the lists. A post thus
costs the length of its own tags' lists, not the size of the blog.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain

from ..core.model import Post


def build(
    posts: Iterable[Post],
    listed: Sequence[Post],
    post_tags: Mapping[str, list[str]],
    drafts: set[str],
    count: int,
) -> dict[str, list[Post]]:
    """For every post (listed or not, by ``Post.key``), up to ``count`` listed, non-draft
    posts, best first.

    Ties (as many shared tags) go to the newer post; ``listed`` is newest first, so a
    post's rank in it is that order. A post never lists itself.
    """
    if count <= 0:
        return {}
    rank = {post.key: index for index, post in enumerate(listed)}
    index: dict[str, list[int]] = {}
    for position, post in enumerate(listed):
        if post.key in drafts:  # listed only with blogposts_drafts = True
            continue
        for key in post_tags.get(post.key, []):
            index.setdefault(key, []).append(position)
    related: dict[str, list[Post]] = {}
    for post in posts:
        lists = [index[key] for key in post_tags.get(post.key, []) if key in index]
        found = best(lists, rank.get(post.key), count)
        if found:
            related[post.key] = [listed[position] for position in found]
    return related


def best(lists: list[list[int]], own: int | None, count: int) -> list[int]:
    """The ``count`` ranks in most of ``lists`` (each ascending), ties to the lower rank."""
    shared = Counter(chain.from_iterable(lists))  # counted in C: the bulk of the work
    shared.pop(own, None)  # type: ignore[arg-type]
    # few candidates share more than one tag: those are sorted; the rest, sharing one,
    # are taken newest first from the front of the merged lists, which stops early
    chosen = [rank for _, rank in sorted((-n, rank) for rank, n in shared.items() if n > 1)]
    if len(chosen) < count:
        for rank in heapq.merge(*lists):
            if shared.get(rank) == 1:
                chosen.append(rank)
                if len(chosen) == count:
                    break
    return chosen[:count]
