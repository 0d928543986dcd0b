"""Docusaurus' ``tags.yml``: predefined tags with a label, a description and a permalink.

A migrated blog keeps its tag pages' names and URLs: a post's ``tags: [release]`` is
the key ``release`` of ``tags.yml``, shown with its ``label``, described on its tag page
and placed at the last part of its ``permalink`` (``/releases`` -> ``blog/tags/releases``).
With ``blogposts_tags_file_strict = True``, a tag a post names that the file does not
define gets a warning at the post's ``tags:`` line (Docusaurus' ``onInlineTags: 'warn'``).
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx

from ...core.aliases import location
from ...core.diagnostics import Warn, warn
from ...core.model import TagDef
from ...core.slugs import slugify
from ...reading import entries_file
from ...reading.domain import domain_of, read_front_matter
from ...writing.view.blog import TAG_DEFINITIONS
from .cache import TagsFile


def tags_file(srcdir: Path, blog_path: str, configured: str | None) -> Path | None:
    """The tags file in use: the configured one, else ``tags.yml`` in the blog folder."""
    return entries_file.find(entries_file.TAGS, srcdir, blog_path, configured)


def load(path: Path | None, missing_at: str | None = None) -> dict[str, TagDef]:
    """Read the file; each problem is one warning, and the file never breaks the build."""
    if path is None:
        return {}
    entries = entries_file.load(entries_file.TAGS, path, missing_at)
    tags: dict[str, TagDef] = {}
    for raw_key, value in entries.data.items():
        key = " ".join(str(raw_key).split())
        if value is None:
            value = {}
        if not isinstance(value, dict):
            warn(
                f"tag {key!r} in {path.name} must be a mapping or empty; it is ignored",
                Warn.TAG,
                entries.where(raw_key),
            )
            continue
        label = " ".join(str(value.get("label") or key).split())
        permalink = str(value.get("permalink") or "").strip("/").rsplit("/", 1)[-1]
        description = value.get("description")
        tags[key.casefold()] = TagDef(
            key=key,
            label=label,
            slug=slugify(permalink) or slugify(key),
            description=str(description).strip() if description else None,
        )
    return tags


def defined(app: Sphinx) -> dict[str, TagDef]:
    """The tags the file defines; also the answer to ``TAG_DEFINITIONS``."""
    return domain_of(app.env).cache.part(TagsFile).tags


def on_builder_inited(app: Sphinx) -> None:
    """Read the file once per build, in the main process (``-j`` workers inherit it)."""
    cache = domain_of(app.env).cache.part(TagsFile)
    cache.path = tags_file(
        Path(app.srcdir), app.config.blogposts_path, app.config.blogposts_tags_file
    )
    cache.tags = load(cache.path, location(app, "blogposts_tags_file"))


def on_doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    """Labels from the file for each post's tags; unknown tags warned about when strict."""
    domain = domain_of(app.env)
    docname = app.env.docname
    post = domain.posts.get(docname)
    path = domain.cache.part(TagsFile).path
    if post is None or path is None:
        return
    if path.is_file():
        app.env.note_dependency(str(path))
    tags = defined(app)
    post.tags = [tags[t.casefold()].label if t.casefold() in tags else t for t in post.tags]
    if not app.config.blogposts_tags_file_strict:
        return
    labels = {d.label.casefold() for d in tags.values()}
    unknown = [t for t in post.tags if t.casefold() not in labels]
    if unknown:
        fm = read_front_matter(app, docname)
        line = fm.lines.get("tags", fm.line)
        names = ", ".join(repr(t) for t in unknown)
        warn(f"tag(s) {names} not defined in {path.name}", Warn.TAG, (docname, line))


def register(app: Sphinx) -> None:
    app.connect("builder-inited", on_builder_inited)
    app.connect(TAG_DEFINITIONS, defined)  # the tags the writing side's blog view knows
    app.connect("doctree-read", on_doctree_read, priority=600)  # after the post is read
