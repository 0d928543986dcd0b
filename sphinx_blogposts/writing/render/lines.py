"""ABlog's one-line entries of a ``postlist`` (``:format: {date} - {title}``): each value
escaped, the title linked. Pure, given the card the renderer made of the post."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from markupsafe import Markup, escape

from ...core.model import Post


def format_line(fmt: str, post: Post, card: dict[str, Any], date: str) -> Markup:
    """``fmt`` filled in for ``post``; ``date`` is its date as the list shows it."""
    values = {
        "title": Markup('<a href="{}">{}</a>').format(card["url"], post.title),
        "date": escape(date),
        "author": escape(", ".join(a["name"] for a in card["authors"])),
        "tags": escape(", ".join(t["label"] for t in card["tags"])),
        "category": escape(", ".join(post.categories)),
        "location": escape(", ".join(post.locations)),
        "language": escape(", ".join(post.languages)),
    }
    parts = re.split(r"(\{\w+\})", fmt)
    return Markup("").join(
        values.get(part[1:-1], escape(part)) if part.startswith("{") else escape(part)
        for part in parts
    )


def strftime(value: datetime | None, pattern: str) -> str:
    """``:date:``: ABlog's strftime pattern for the list's dates."""
    return value.strftime(pattern) if value else ""
