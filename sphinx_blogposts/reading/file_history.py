"""A post's dates from its file's history: git's first and last commits, else the file's time.

Docusaurus dates a post that gives no date (none in its front matter, none in its path)
by the first commit of its file, and by the file's own time when git cannot say (no
checkout, no git, a file not committed yet); it lists the post and says nothing. A
Docusaurus blog moved here keeps those posts listed at the same dates, with no warning:
the Docusaurus reading of a post (a Markdown post found by the blog's pattern, on a
site that is not ABlog's, made by none of ABlog's means) falls back to :func:`created`
(:func:`undated_date`, the last source ``post_date.post_date`` weighs). ABlog has no such
rule: its undated posts stay drafts.

``blogposts_last_updated = "git"`` reads the newest commit of the same log
(:mod:`.updated`). Either way git is asked at most once per build, for every file at
once, in the main process before any document is read (``env-before-read-docs``): ``-j``
workers, forked after it, see the same dates. It is asked only when the project wants
last-update dates or a post about to be read gives no date, so a blog whose posts are
all dated never waits for ``git log``. The answer is kept in the build's cache
(:class:`FileHistories`), never pickled. A post dated by git keeps that date
until its source changes, since Sphinx reads it again only then, and git is asked again
then.
"""

from __future__ import annotations

import subprocess
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..core.diagnostics import logger
from ..core.routes import docusaurus_name
from . import dates, post_date
from .domain import domain_of, front_matter_of, is_markdown, marked_as_post, matches_pattern

if TYPE_CHECKING:
    from .post_sources import PostSources

#: One record per commit: a separator, the author and committer dates, then its files.
_GIT_LOG = ["git", "log", "--format=%x1e%aI %cI", "--name-only", "-z", "--relative", "--", "."]


@dataclass(frozen=True)
class FileHistory:
    """What git says of one file."""

    #: The committer date of the oldest commit that names the file: when it was added,
    #: which is the date Docusaurus gives a post with no date of its own.
    first_committed: datetime
    #: The author date of the newest commit that names it: its last update.
    last_authored: datetime


@dataclass
class FileHistories:
    """What git says of each source file (its first and last commits), by its path under
    the source folder; asked at most once per build, at ``env-before-read-docs``, and only
    when the build needs it (``file_history``); empty when not asked."""

    by_path: dict[str, FileHistory] = field(default_factory=dict)


def parse_git_log(output: str, tz: tzinfo) -> dict[str, FileHistory]:
    """Each file's history; git lists commits newest first."""
    found: dict[str, FileHistory] = {}
    for record in output.split("\x1e"):
        parts = record.split("\0")
        try:
            authored, committed = (
                datetime.fromisoformat(text).astimezone(tz) for text in parts[0].split()
            )
        except ValueError:
            continue
        for name in parts[1:]:
            name = name.strip("\n")
            if name:
                newer = found.get(name)
                found[name] = FileHistory(committed, newer.last_authored if newer else authored)
    return found


def read_history(srcdir: Path, tz: tzinfo) -> dict[str, FileHistory]:
    """The history of every file under ``srcdir``, from one ``git log``.

    Outside a checkout, without git, or when git fails, the build goes on without it:
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


def history(env: BuildEnvironment) -> dict[str, FileHistory]:
    """What git said in this build, by path from the source folder (empty: not asked)."""
    return domain_of(env).cache.part(FileHistories).by_path


def of_document(env: BuildEnvironment, docname: str) -> FileHistory | None:
    """What git said of the document's file in this build (None: not asked, or unknown)."""
    return history(env).get(str(env.doc2path(docname, base=False)).replace("\\", "/"))


# -- Docusaurus' undated posts ------------------------------------------------------------


def _undated_docusaurus_path(app: Sphinx, docname: str) -> bool:
    """A Markdown document of the blog's pattern, on a site not ABlog's, with no date in
    its path (an impossible one, ``2017-02-29``, is a date: it is warned about)."""
    return (
        app.config.blogposts_engine != "ablog"
        and docusaurus_name(docname).date is None
        and is_markdown(app.env, docname)
        and matches_pattern(app, docname)
    )


def dated_by_file(
    app: Sphinx, docname: str, data: dict[str, Any], broken: Collection[str], ablog_post: bool
) -> bool:
    """Whether Docusaurus would date this post by its file: read as a Docusaurus post,
    with no ``date`` (one that could not be read was warned about where it stands)."""
    return (
        not ablog_post
        and data.get("date") is None
        and "date" not in broken
        and _undated_docusaurus_path(app, docname)
    )


def created(env: BuildEnvironment, docname: str, tz: tzinfo) -> datetime:
    """The date Docusaurus gives a post with none: its file's first commit, else its file's
    modification time (to the second, so every process reads the same)."""
    found = of_document(env, docname)
    if found is not None:
        return found.first_committed
    return datetime.fromtimestamp(int(env.doc2path(docname).stat().st_mtime), tz)


def undated_date(src: PostSources) -> datetime | None:
    """The date Docusaurus gives this post (:func:`created`) when it gives none of its own
    and is read as a Docusaurus post (:func:`dated_by_file`); else None."""
    ablog_post = post_date.ablog_post(src)
    if not dated_by_file(src.app, src.docname, src.data, src.fm.broken_keys, ablog_post):
        return None
    return created(src.env, src.docname, src.tz)


def _gives_no_date(app: Sphinx, docname: str) -> bool:
    """:func:`dated_by_file` for a document not read yet: its front matter is parsed once
    (:func:`~.domain.front_matter_of` keeps it for the read)."""
    if not _undated_docusaurus_path(app, docname):
        return False
    try:
        text = app.env.doc2path(docname).read_text(encoding=app.config.source_encoding)
    except (OSError, UnicodeDecodeError):
        return False
    if not text.strip():
        return False  # an empty file is a post of nothing, warned about as such
    fm = front_matter_of(app, docname, text)
    data = fm.data if fm is not None else {}
    ablog_post = marked_as_post(data, text)
    broken = fm.broken_keys if fm is not None else ()
    return dated_by_file(app, docname, data, broken, ablog_post)


def before_read(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """Ask git once if this build needs it, and say how the undated posts are dated."""
    found = domain_of(env).cache.reset(FileHistories)  # a second build in one process asks again
    undated = [docname for docname in docnames if _gives_no_date(app, docname)]
    if not undated and app.config.blogposts_last_updated != "git":
        return
    found.by_path = read_history(Path(app.srcdir), dates.zone(app.config.blogposts_timezone))
    if undated:
        by_git = sum(of_document(env, docname) is not None for docname in undated)
        shown = ", ".join(undated[:5]) + (", ..." if len(undated) > 5 else "")
        logger.info(
            "blogposts: %d post(s) have no date in their front matter or path; dated as "
            "Docusaurus dates them: %d by their file's first git commit, %d by the file's "
            "modification time (%s)",
            len(undated),
            by_git,
            len(undated) - by_git,
            shown,
        )


def register(app: Sphinx) -> None:
    # late: after any handler that changes the list of documents to read
    app.connect("env-before-read-docs", before_read, priority=900)
