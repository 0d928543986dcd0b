"""Docusaurus and MDX syntax in posts, rewritten to MyST before parsing (``source-read``).

A Docusaurus blog folder copied into a Sphinx project uses syntax that MyST does not
know: ``:::tip`` admonitions, MDX ``import`` lines and ``{/* comments */}``, JSX
``<Tabs>``, ``<details>`` blocks whose Markdown would otherwise be swallowed by an HTML
block, ``<img src={require(...)}>`` and ``/img/...`` paths into Docusaurus' ``static/``
folder. Each is rewritten here, line for line: a line is replaced, never inserted or
deleted, so every warning Sphinx gives later still points at the line the author wrote.
Code inside fenced code blocks is never touched. JSX this module does not understand
keeps its text (the tags are dropped) and gets one located warning per post, so nothing
is lost silently.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

from ...core.diagnostics import Warn, warn
from ...reading import local_files, values
from ...reading.domain import (
    POST_DIRECTIVE,
    front_matter_of,
    is_markdown,
    marked_as_post,
    matches_pattern,
    suffix_of,
)
from . import mdx_directives, static
from .rewrite import Preprocessor
from .syntax import needs_rewrite

__all__ = ["Preprocessor", "needs_rewrite", "register"]

#: Set in the document's reading data at ``source-read``: its text is shown as written.
_AS_WRITTEN = "blogposts:text_as_written"


class TextAsWritten(SphinxTransform):
    """No smart quotes in a Docusaurus post: ``--cache`` stays two hyphens, quotes straight.

    Docusaurus shows text as written, and a reader copies a flag or a command from a post.
    Sphinx's ``SphinxSmartQuotes`` (750) skips a document whose ``smart_quotes`` setting
    is False; the settings are copied first, since a Sphinx that reuses its publisher
    shares one settings object between documents.
    """

    default_priority = 700

    def apply(self, **kwargs: Any) -> None:
        if self.env.temp_data.get(_AS_WRITTEN):
            settings = self.document.settings.copy()
            settings.smart_quotes = False
            self.document.settings = settings


def on_source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    """Rewrite Docusaurus/MDX syntax in Markdown posts (and any ``.mdx`` file)."""
    env = app.env
    if not is_markdown(env, docname):
        return
    text = source[0]
    fm = front_matter_of(app, docname, text)
    data = fm.data if fm is not None else {}  # what could be read, even from a broken block
    is_mdx = suffix_of(env, docname) == ".mdx"
    is_post = matches_pattern(app, docname) or marked_as_post(data, text)
    if not (is_post or is_mdx):
        return
    if is_mdx or not (app.config.blogposts_engine == "ablog" or POST_DIRECTIVE.search(text)):
        env.temp_data[_AS_WRITTEN] = True  # an ABlog post keeps the site's smart quotes
    static.note_document(app, docname)  # its root paths are Docusaurus' (static.py)
    body_start = fm.body_start if fm is not None else 0
    has_title = bool(values.as_text(data.get("title")))
    if not needs_rewrite(text, body_start, has_title):
        return  # plain Markdown, as most posts are
    processor = Preprocessor(
        design="sphinx_design" in app.extensions,
        static_dir=local_files.static_dir(app),
        doc_dir=env.doc2path(docname).parent,
    )
    result = processor.run(text, body_start, has_title)
    if result.unknown_jsx:
        line, tag = result.unknown_jsx[0]
        count = len(result.unknown_jsx)
        more = f" (and {count - 1} more)" if count > 1 else ""
        warn(
            f"JSX {tag!r}{more} is not supported; the tags were dropped and their text kept",
            Warn.MDX,
            (docname, line),
        )
    if result.changed:
        source[0] = result.text


def enable_colon_fence(app: Sphinx, config: Any) -> None:
    """Admonitions become MyST colon fences, which need MyST's ``colon_fence`` extension."""
    current = config.myst_enable_extensions
    if "colon_fence" in current:
        return
    if isinstance(current, set):
        config.myst_enable_extensions = {*current, "colon_fence"}
    else:
        config.myst_enable_extensions = [*current, "colon_fence"]


def register(app: Sphinx) -> None:
    app.add_source_suffix(".mdx", "markdown", override=True)
    mdx_directives.register(app)
    app.connect("config-inited", enable_colon_fence)
    app.connect("source-read", on_source_read, priority=400)
    app.add_transform(TextAsWritten)
