"""Write time: each post's related posts, the ones that share the most tags with it.

Comparing every post with every other costs N² (four million pairs at 2,000 posts), and
even counting candidates one by one over the post's tags' lists costs a few hundred
steps per post. Instead each tag is one integer used as a set of bits, bit ``i`` for the
``i``-th listed post (newest first), and a post's candidates are counted for all posts
at once: its tags' sets are added up bit by bit into a handful of integers, the binary
digits of each candidate's count (a bit-sliced counter). The candidates sharing the
most tags are then a few ANDs away, and within them the newest are the lowest bits.
A post thus costs a few operations per tag on integers of N bits, done in C.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from ...core.model import Post


def related_posts(
    posts: Iterable[Post],
    listed: Sequence[Post],
    post_tags: Mapping[str, list[str]],
    drafts: set[str],
    count: int,
) -> dict[str, list[Post]]:
    """For every post (listed or not, by ``Post.key``), up to ``count`` listed, non-draft
    posts, best first.

    Ties (as many shared tags) go to the newer post; ``listed`` is newest first, so a
    post's rank in it is that order. A post never lists itself, and a tag it names
    twice counts once.
    """
    if count <= 0:
        return {}
    rank = {post.key: index for index, post in enumerate(listed)}
    members: dict[str, int] = {}
    for position, post in enumerate(listed):
        if post.key in drafts:  # listed only with blogposts_drafts = True
            continue
        bit = 1 << position
        for key in post_tags.get(post.key, []):
            members[key] = members.get(key, 0) | bit
    related: dict[str, list[Post]] = {}
    for post in posts:
        sets = [
            members[key] for key in dict.fromkeys(post_tags.get(post.key, [])) if key in members
        ]
        found = best(sets, rank.get(post.key), count)
        if found:
            related[post.key] = [listed[position] for position in found]
    return related


def best(sets: list[int], own: int | None, count: int) -> list[int]:
    """The ``count`` ranks in most of ``sets`` (each a bit set of ranks), ties to the
    lower rank; ``own`` is never chosen."""
    digits: list[int] = []  # digits[i]: the ranks whose count has binary digit i set
    for members in sets:
        carry = members
        for i, digit in enumerate(digits):
            digits[i] = digit ^ carry
            carry &= digit
            if not carry:
                break
        else:
            if carry:
                digits.append(carry)
    if not digits:
        return []
    candidates = 0
    for digit in digits:
        candidates |= digit
    if own is not None:
        candidates &= ~(1 << own)
    chosen: list[int] = []
    for shared in range((1 << len(digits)) - 1, 0, -1):
        exact = candidates
        for i, digit in enumerate(digits):
            exact &= digit if shared >> i & 1 else ~digit
            if not exact:
                break
        while exact:
            lowest = exact & -exact
            chosen.append(lowest.bit_length() - 1)
            if len(chosen) == count:
                return chosen
            exact ^= lowest
    return chosen
