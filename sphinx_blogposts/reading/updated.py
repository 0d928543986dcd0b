"""When a post was last updated, and the other standing flags of a post (pinned, comments).

A post says when it was updated in its front matter, in the words of the engine it was
written for: ``updated:``, Docusaurus' ``last_update: {date, author}``, MkDocs
Material's ``date: {created, updated}``. With ``blogposts_last_updated = "git"`` the
date of the last commit that touched the post's source fills in for posts that say
nothing: git is asked once per build, in the main process, for every file at once.

The git dates are never stored in a :class:`~.Post`. A commit changes the date without
necessarily changing the source (a rebase, a checkout of another branch), and Sphinx
reads a post again only when its source changed; so the writing side asks
:func:`effective` at every build, and its page signatures carry the result.
"""

from __future__ import annotations

import subprocess
from datetime import datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..core.diagnostics import Warn, logger, warn
from ..core.model import Post
from . import dates, values
from .cache import GitDates
from .domain import domain_of

if TYPE_CHECKING:
    from .post_sources import PostSources

#: One record per commit: a separator, the author date, then the files it touched.
_GIT_LOG = ["git", "log", "--format=%x1e%aI", "--name-only", "-z", "--relative", "--", "."]


def complete(reader: PostSources, post: Post) -> None:
    """What :class:`~.PostSources` leaves to this module, once the rest of the post is read."""
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


# -- git ----------------------------------------------------------------------------------


def parse_git_log(output: str, tz: tzinfo) -> dict[str, datetime]:
    """Each file's newest commit date: git lists commits newest first."""
    found: dict[str, datetime] = {}
    for record in output.split("\x1e"):
        parts = record.split("\0")
        try:
            when = datetime.fromisoformat(parts[0].strip()).astimezone(tz)
        except ValueError:
            continue
        for name in parts[1:]:
            name = name.strip("\n")
            if name and name not in found:
                found[name] = when
    return found


def git_dates(srcdir: Path, tz: tzinfo) -> dict[str, datetime]:
    """The last commit date of every file under ``srcdir``, from one ``git log``.

    Outside a checkout, without git, or when git fails, the build goes on without them:
    the reason is logged (verbose), never raised.
    """
    try:
        done = subprocess.run(
            _GIT_LOG, cwd=srcdir, capture_output=True, text=True, timeout=120, check=False
        )
    except (OSError, subprocess.SubprocessError) as exc:
        logger.verbose("blogposts: no git dates (%s)", exc)
        return {}
    if done.returncode != 0:
        logger.verbose("blogposts: no git dates (%s)", done.stderr.strip()[:200])
        return {}
    return parse_git_log(done.stdout, tz)


def load_git_dates(app: Sphinx) -> None:
    """At ``builder-inited``: ask git once, if the project wants its dates."""
    if app.config.blogposts_last_updated != "git":
        return
    tz = dates.zone(app.config.blogposts_timezone)
    domain_of(app.env).cache.part(GitDates).by_path = git_dates(Path(app.srcdir), tz)


def effective(env: BuildEnvironment, post: Post) -> datetime | None:
    """When the post was last updated: its front matter, else git; None when not after its
    publication (a post committed once has not been updated)."""
    if post.updated is not None:
        return post.updated
    git = domain_of(env).cache.part(GitDates).by_path
    if not git:
        return None
    found = git.get(str(env.doc2path(post.docname, base=False)).replace("\\", "/"))
    if found is None or post.date is None or found.date() <= post.date.date():
        return None
    return found


def register(app: Sphinx) -> None:
    app.connect("builder-inited", load_git_dates)
