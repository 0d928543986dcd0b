"""Tags as posts write them: labels that would make poor tag pages are pointed out."""

from __future__ import annotations

from .values import has_word

#: Longer tags are almost always a mistake (a sentence written as a tag).
MAX_TAG_LENGTH = 100


def problems(tags: list[str]) -> list[str]:
    """What is odd about a post's tags: no letter or digit, or a sentence for a label."""
    odd = [t for t in tags if not has_word(t)]
    long = [t for t in tags if len(t) > MAX_TAG_LENGTH]
    found = []
    if odd:
        found.append(
            f"the tag{'s' if len(odd) > 1 else ''} {', '.join(repr(t) for t in odd)} "
            "ha{} no letter or digit, so the tag page gets a made-up name".format(
                "ve" if len(odd) > 1 else "s"
            )
        )
    if long:
        found.append(
            f"a tag of {len(long[0])} characters ({long[0][:30]!r}…) is not a short label; "
            "its page name is shortened"
        )
    return found
