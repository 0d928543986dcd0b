"""Code blocks of Docusaurus posts, shown as Docusaurus showed them.

MyST keeps only a fence's first word (the language) and drops the rest of its info
string, where Docusaurus reads a title, highlighted lines and line numbers. So at
``source-read`` (after the MDX rewrite, which turns ``<CodeBlock>`` into a fence) each
fence's info string is noted by its line, for this document only; a transform then
finds each code block by that line and gives it what Docusaurus would: a caption (as
Sphinx's ``code-block :caption:`` makes it, so themes style it), emphasized lines, line
numbers, magic comments removed, a Pygments lexer for Prism's language name, and
lenient highlighting: Prism shows code it cannot read as far as it can, without
complaint, so no highlighting warning is given for these blocks. Everything is stored
in the doctree, which serves incremental builds and ``-j`` alike. Other documents'
code blocks are left as Sphinx makes them.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from pygments.lexers import find_lexer_class_by_name
from pygments.util import ClassNotFound
from sphinx import highlighting
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

from . import code_meta, static

#: ``env.temp_data`` key: (docname, {fence line: info string}) of the document being read.
_FENCES = "blogposts_docusaurus_fences"
#: Names Sphinx's highlighter resolves itself, before asking Pygments.
_SPHINX_NAMES = frozenset({"default", "guess", "none", "py3", "python3", "pycon3"})


def note_fences(app: Sphinx, docname: str, source: list[str]) -> None:
    """``source-read``, after every rewrite: the info string of each fence, by line."""
    if static.is_noted(app, docname):
        app.env.temp_data[_FENCES] = (docname, code_meta.fence_infos(source[0]))


def known_lexer(name: str) -> bool:
    """Whether Sphinx can highlight ``name`` (its own lexers, added ones, Pygments')."""
    if name in _SPHINX_NAMES or name in highlighting.lexer_classes or name in highlighting.lexers:
        return True
    try:
        find_lexer_class_by_name(name)
    except ClassNotFound:
        return False
    return True


def restyle(block: nodes.literal_block, info: str) -> nodes.Element:
    """Give one code block what its info string says; returns the node now in its place."""
    meta = code_meta.parse_info(info)
    code = block.rawsource
    args: dict[str, Any] = block.setdefault("highlight_args", {})
    if meta.ranges is not None:  # Docusaurus then leaves magic comments as they are
        lines = code.count("\n") + (0 if code.endswith("\n") else 1)
        emphasized = code_meta.parse_ranges(meta.ranges, lines)
    else:
        stripped, emphasized = code_meta.strip_magic_comments(code, meta.language)
        if stripped != code:
            block.rawsource = stripped
            block.children = [nodes.Text(stripped)]
    if emphasized:
        args["hl_lines"] = emphasized
    if meta.first_line is not None:
        block["linenos"] = True
        if meta.first_line != 1:
            args["linenostart"] = meta.first_line
    if meta.language or block.get("language") == "default":  # Prism: no language, no colours
        block["language"] = code_meta.lexer_name(meta.language, known_lexer)
    block["force"] = True  # highlighted as far as the lexer goes, without a warning
    if not args:
        del block["highlight_args"]
    if not meta.title:
        return block
    wrapper = nodes.container("", literal_block=True, classes=["literal-block-wrapper"])
    caption = nodes.caption(meta.title, "", nodes.Text(meta.title))
    for node in (wrapper, caption):
        node.source, node.line = block.source, block.line
    block.replace_self(wrapper)
    wrapper += caption
    wrapper += block
    return wrapper


class DocusaurusCodeBlocks(SphinxTransform):
    """Each fence of a Docusaurus post, as Docusaurus showed it (see the module)."""

    # After smart quotes (750), which would turn a title's ``--`` or quotes into typography
    # Docusaurus never shows; before ``doctree-read`` (880), whose handlers copy excerpts.
    default_priority = 760

    def apply(self, **kwargs: Any) -> None:
        noted = self.env.temp_data.get(_FENCES)
        if not noted or noted[0] != self.env.docname or not noted[1]:
            return
        infos: dict[int, str] = noted[1]
        source = self.document.get("source")
        for block in list(self.document.findall(nodes.literal_block)):
            if (
                block.line in infos
                and block.source == source
                and block.rawsource == block.astext()  # not a parsed literal
            ):
                shown = restyle(block, infos[block.line])
                if shown is not block:  # a captioned block gets an id, as Sphinx gives one
                    self.document.note_implicit_target(shown)


def register(app: Sphinx) -> None:
    app.connect("source-read", note_fences, priority=800)
    app.add_transform(DocusaurusCodeBlocks)
