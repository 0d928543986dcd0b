"""``source-read``: what a post's Markdown needs before MyST parses it.

Each Markdown post gets its one H1 (its front-matter title, its opening heading or
its file name's text, see :mod:`.titles`), and front matter MyST cannot read is hidden
from it (this extension reports each problem in it once).
"""

from __future__ import annotations

import re

from sphinx.application import Sphinx

from . import titles, values
from .cache import ReadCache
from .domain import (
    POST_DIRECTIVE,
    domain_of,
    front_matter_of,
    is_empty,
    is_markdown,
    marked_as_post,
    matches_pattern,
)

#: The ``:title:`` option of a ``post`` directive, which titles a post as front matter does.
_DIRECTIVE_TITLE = re.compile(r"^:title:[ \t]*(\S.*?)\s*$", re.MULTILINE)


def on_source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    """Give each Markdown post its one H1, by Docusaurus' rule (see :mod:`.titles`).

    The heading takes the place of the blank line after the front matter (or of the
    opening H1 it replaces) when there is one, so every later line keeps its number and
    warnings still point at the right line.

    A post's front matter that MyST cannot read (bad YAML, a list, an unclosed ``---``)
    is blanked out before MyST sees it: this extension reports each problem in it once,
    at its line, and reads what it can; MyST would add a second, vaguer warning
    ("Malformed YAML") or show an unclosed block as text.
    """
    env = app.env
    if not is_markdown(env, docname) or is_empty(app, docname):
        return
    text = source[0]
    fm = front_matter_of(app, docname, text)
    data = fm.data if fm is not None else {}
    directive = POST_DIRECTIVE.search(text)
    is_post = matches_pattern(app, docname) or marked_as_post(data, text)
    if not is_post:
        return
    lines = text.splitlines(keepends=True)
    changed = False
    if fm is not None and fm.hide_from_myst:
        for index in range(min(fm.body_start, len(lines))):
            lines[index] = "\n"
        changed = True
    title = values.as_text(data.get("title"))
    body_start = fm.body_start if fm is not None else 0
    # ABlog's post directive may title a post that has no heading; a heading stays
    option = None
    if directive is not None:
        options = text[directive.end() :].split("\n\n", 1)[0]
        option = _DIRECTIVE_TITLE.search(options)
    fallback = option.group(1) if option else titles.name_title(docname, app.config.blogposts_path)
    changed = titles.retitle(lines, body_start, title, fallback) or changed
    if changed:
        source[0] = "".join(lines)


def note_empty(app: Sphinx, docname: str, source: list[str]) -> None:
    """A file in the blog that is empty or only whitespace is noted before anything else
    reads it (MDX rewriting, the title): it is no post, and ``collect`` says so once."""
    if not source[0].strip() and matches_pattern(app, docname):
        domain_of(app.env).cache.part(ReadCache).empty.add(docname)


def register(app: Sphinx) -> None:
    app.connect("source-read", note_empty, priority=100)
    app.connect("source-read", on_source_read)
