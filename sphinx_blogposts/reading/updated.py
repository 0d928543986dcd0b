"""When a post was last updated, and the other standing flags of a post (pinned, comments).

A post says when it was updated in its front matter, in the words of the engine it was
written for: ``updated:``, Docusaurus' ``last_update: {date, author}``, MkDocs
Material's ``date: {created, updated}``. With ``blogposts_last_updated = "git"`` the
date of the last commit that touched the post's source fills in for posts that say
nothing: git is asked once per build, in the main process, for every file at once
(:mod:`.file_history`).

The git dates are never stored in a :class:`~.Post`. A commit changes the date without
necessarily changing the source (a rebase, a checkout of another branch), and Sphinx
reads a post again only when its source changed; so the writing side asks
:func:`effective` at every build, and its page signatures carry the result.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sphinx.environment import BuildEnvironment

from ..core.diagnostics import Warn, warn
from ..core.model import Post
from . import dates, file_history, values
from .directives import update_node

if TYPE_CHECKING:
    from .post_sources import PostSources


def complete(reader: PostSources, post: Post) -> None:
    """The rest of a post's update (``date.updated``, ``last_update.author``, an update
    before the post) and its standing flags, once the rest of the post is read."""
    data = reader.data
    date_value = data.get("date")
    if post.updated is None and isinstance(date_value, dict) and "updated" in date_value:
        raw = date_value["updated"]
        if isinstance(raw, list):  # Material allows a list of dates: the newest counts
            raw = max(raw, key=str, default=None)
        try:
            post.updated = dates.parse_date(raw, reader.tz)
        except ValueError as exc:
            warn(f"'date.updated': {exc}; it is ignored", Warn.DATE, reader.where("date"))
    last_update = data.get("last_update")
    if isinstance(last_update, dict):
        post.updated_by = values.as_text(last_update.get("author"))
    published = post.date.date() if post.date is not None else None
    if post.updated is not None and published is not None and post.updated.date() < published:
        key = next((k for k in ("updated", "last_update") if k in data), "date")
        warn(
            f"the post says it was updated ({post.updated.date().isoformat()}) before it was "
            f"published ({published.isoformat()}); the update date is ignored",
            Warn.DATE,
            reader.where(key),
        )
        post.updated = None
    post.pinned = reader.flag("pin") or reader.flag("pinned")
    if "comments" in data and not reader.flag("comments"):
        post.comments = False


def _updated_key(src: PostSources) -> datetime | None:
    value = src.data.get("updated")
    key = "updated"
    last_update = src.data.get("last_update")
    if value is None and isinstance(last_update, dict):
        value, key = last_update.get("date"), "last_update"
    if value is None:
        return None
    found, problem = src.try_date(value)
    if problem is not None:
        warn(f"'{key}': {problem}; it is ignored", Warn.DATE, src.where(key))
    return found


def post_updated(src: PostSources) -> datetime | None:
    """The newest of the front matter's ``updated`` and the post's dated update notes.

    Whichever is newer wins, so an ``update`` added below an old ``updated:`` key is
    what readers and feeds see; a date no parser reads was reported where it stood.
    """
    dated = [datetime.fromisoformat(n["date"]) for n in updates(src) if n.get("date")]
    given = _updated_key(src)
    candidates = [d for d in (given, *dated) if d is not None]
    return max(candidates) if candidates else None


def updates(src: PostSources) -> list[update_node]:
    """The post's own update notes (ABlog's ``update`` directive)."""
    return list(src.scope.findall(update_node))


def effective(env: BuildEnvironment, post: Post) -> datetime | None:
    """When the post was last updated: its front matter, else git; None when not after its
    publication (a post committed once has not been updated)."""
    if post.updated is not None:
        return post.updated
    if env.config.blogposts_last_updated != "git":
        return None
    history = file_history.of_document(env, post.docname)
    if history is None or post.date is None:
        return None
    found = history.last_authored
    return found if found.date() > post.date.date() else None
