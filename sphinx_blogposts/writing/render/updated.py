""" "Updated <date>" on a post's page, from the front matter or git (``reading.updated``)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol

from markupsafe import Markup
from sphinx.environment import BuildEnvironment

from ...core.model import Post
from ...reading import updated as updated_mod


class Dates(Protocol):
    """What the header needs of the renderer (which calls this module): the build's
    environment and its date format."""

    env: BuildEnvironment

    def format_date(self, value: datetime | None, pattern: str | None = None) -> str: ...


def shown_update(env: BuildEnvironment, post: Post) -> datetime | None:
    """The update date a post's page shows: only one after the day it was published."""
    found = updated_mod.effective(env, post)
    if found is None or post.date is None or found.date() <= post.date.date():
        return None
    return found


def header_context(renderer: Dates, post: Post) -> dict[str, Any]:
    """For ``post_header.html``: the date in a machine-readable ``<time>``, and by whom."""
    found = shown_update(renderer.env, post)
    if found is None:
        return {"updated": None}
    time = Markup('<time class="blogposts-updated-date" datetime="{}">{}</time>').format(
        found.isoformat(), renderer.format_date(found)
    )
    return {"updated": time, "updated_by": post.updated_by}
