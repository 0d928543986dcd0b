"""``source-read``: what a post's Markdown needs before MyST parses it.

A title given only in front matter becomes the post's H1, and front matter MyST
cannot read is hidden from it (this extension reports each problem in it once).
"""

from __future__ import annotations

import re

from sphinx.application import Sphinx

from . import values
from .domain import POST_DIRECTIVE, front_matter_of, is_markdown, matches_pattern

#: An ATX H1 (``# Title``) or a setext underline (``===``): the only ways to write an H1.
_MAYBE_H1 = re.compile(r"^ {0,3}(?:#(?:[ \t]|$)|=+[ \t]*$)", re.MULTILINE)


def _has_h1(body: str) -> bool:
    # Most posts have no line that could even start an H1; only parse those that do.
    if not _MAYBE_H1.search(body):
        return False
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(body)
    return any(t.type == "heading_open" and t.tag == "h1" for t in tokens)


def _escape_markdown(text: str) -> str:
    return re.sub(r"([\\`*_{}\[\]<>()#+\-.!|~$&:])", r"\\\1", " ".join(text.split()))


def on_source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    """Give Docusaurus-style posts (headings from H2, title in front matter) their H1.

    The heading takes the place of the blank line after the front matter when there is
    one, so every later line keeps its number and warnings still point at the right line.

    A post's front matter that MyST cannot read (bad YAML, a list, an unclosed ``---``)
    is blanked out before MyST sees it: this extension reports each problem in it once,
    at its line, and reads what it can; MyST would add a second, vaguer warning
    ("Malformed YAML") or show an unclosed block as text.
    """
    env = app.env
    if not is_markdown(env, docname):
        return
    text = source[0]
    fm = front_matter_of(app, docname, text)
    if fm is None:
        return
    is_post = (
        matches_pattern(app, docname)
        or values.as_bool(fm.data.get("blogpost")) is True
        or POST_DIRECTIVE.search(text) is not None
    )
    if not is_post:
        return
    lines = text.splitlines(keepends=True)
    changed = False
    if fm.hide_from_myst:
        for index in range(min(fm.body_start, len(lines))):
            lines[index] = "\n"
        changed = True
    title = values.as_text(fm.data.get("title"))
    if title and not _has_h1("".join(lines[fm.body_start :])):
        heading = f"# {_escape_markdown(title)}\n"
        start = fm.body_start
        if start < len(lines) and not lines[start].strip():
            lines[start] = heading
        else:
            lines.insert(start, heading + "\n")
        changed = True
    if changed:
        source[0] = "".join(lines)


def register(app: Sphinx) -> None:
    app.connect("source-read", on_source_read)
