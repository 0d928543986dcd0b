"""Write time: each post's related posts, the ones that share the most tags with it.

Comparing every post with every other costs N² (four million pairs at 2,000 posts).
Instead each tag's list of posts (the inverted index the tag pages use anyway, newest
first) is walked for the post's own tags only, merged so that a candidate's every
occurrence comes together: its score (how many tags it shares) is known when it is
passed. Candidates come newest first, so the walk stops as soon as ``n`` of them share
at least as many tags as any later one still could; a later one would lose the tie. A
post thus costs about the length of its rarest tags' lists, not the size of the blog.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping, Sequence

from ..core.model import Post


def build(
    posts: Iterable[Post],
    listed: Sequence[Post],
    post_tags: Mapping[str, list[str]],
    drafts: set[str],
    count: int,
) -> dict[str, list[Post]]:
    """For every post (listed or not), up to ``count`` listed, non-draft posts, best first.

    Ties (as many shared tags) go to the newer post; ``listed`` is newest first, so a
    post's rank in it is that order. A post never lists itself.
    """
    if count <= 0:
        return {}
    rank = {post.docname: index for index, post in enumerate(listed)}
    index: dict[str, list[int]] = {}
    for position, post in enumerate(listed):
        if post.docname in drafts:  # listed only with blogposts_drafts = True
            continue
        for key in post_tags.get(post.docname, []):
            index.setdefault(key, []).append(position)
    related: dict[str, list[Post]] = {}
    for post in posts:
        lists = [index[key] for key in post_tags.get(post.docname, []) if key in index]
        found = best(lists, rank.get(post.docname), count)
        if found:
            related[post.docname] = [listed[position] for position in found]
    return related


def best(lists: list[list[int]], own: int | None, count: int) -> list[int]:
    """The ``count`` ranks in most of ``lists`` (each ascending), ties to the lower rank."""
    heap = [(ranks[0], which, 0) for which, ranks in enumerate(lists) if ranks]
    heapq.heapify(heap)
    active = len(heap)  # lists not yet used up: the most tags a later candidate can share
    found: list[tuple[int, int]] = []  # (-score, rank)
    by_score = [0] * (active + 1)
    while heap:
        current = heap[0][0]
        score = 0
        while heap and heap[0][0] == current:
            _, which, position = heapq.heappop(heap)
            score += 1
            position += 1
            if position < len(lists[which]):
                heapq.heappush(heap, (lists[which][position], which, position))
            else:
                active -= 1
        if current != own:
            found.append((-score, current))
            by_score[score] += 1
        if sum(by_score[max(active, 1) :]) >= count:
            break
    return [position for _, position in sorted(found)[:count]]
