"""A post's title: for a Markdown post, Docusaurus' rule, written as its one H1 before MyST
parses it; then, once any post is read, the title its :class:`~.Post` gets (:func:`post_title`).

Docusaurus titles a post by its front matter ``title``, else by an H1 that opens the
content, else by the text of its file name, and always takes that opening H1 out of
the content (the theme shows the title itself). Sphinx titles a page by its first
section and makes every H1 a top-level section. So, line for line in the source:

* with a front-matter title, an opening H1 is replaced by the title; without one, the
  opening H1 is the title as it is;
* without either, the file name's text becomes the H1 (a post is never untitled, and
  MyST never warns that the headings start at H2);
* an H1 further down (after a paragraph) is a heading of the content, not a second
  title: every heading after the title goes one level down, so the page, the toc and
  Sphinx's title agree.

Pure text in, text out; lines are replaced, not added or removed (but for the one line
a title needs when nothing can make room for it), so warnings keep their line numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from docutils import nodes
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.colon_fence import colon_fence_plugin

from ..core.diagnostics import Warn, warn
from ..core.routes import docusaurus_name
from . import values

if TYPE_CHECKING:
    from .post_sources import PostSources

#: A line that could be (or underline) an H1, and an ATX heading below H1: a post with
#: no possible H1 whose headings skip no level needs no parse (most posts: ``##`` only).
_MAYBE_H1 = re.compile(r"^ {0,3}(?:#(?:[ \t]|$)|=+[ \t]*$)", re.MULTILINE)
_ATX_BELOW_H1 = re.compile(r"^ {0,3}(#{2,6})(?:[ \t]|$)", re.MULTILINE)
#: Blocks that may come before the opening H1 without taking its place: an ABlog/MyST
#: ``{post}`` directive, a MyST target ``(label)=`` or comment ``% ...``, an HTML comment.
_TARGET_OR_COMMENT = re.compile(r"^\s*(?:\([^()\s]+\)=|%.*)\s*$")
_HTML_COMMENT = re.compile(r"^\s*<!--.*?-->\s*$", re.S)
_ATX = re.compile(r"^( {0,3})(#{1,6})(?=[ \t]|$)")


@dataclass(frozen=True)
class _Heading:
    level: int
    first: int  # line index of its first line, in the body
    last: int  # line index after its last line
    setext: bool


def name_title(docname: str, blog_path: str) -> str:
    """The text Docusaurus titles a post by when nothing else does: its path in the blog
    folder without the date and ``/index`` (``2021-08-26-welcome/index`` -> ``welcome``)."""
    relative = docname.removeprefix(blog_path.strip("/") + "/") if blog_path else docname
    if relative == docname and "/" in docname:  # outside the blog folder: the file's name
        relative = docname.removesuffix("/index").rsplit("/", 1)[-1]
    text = docusaurus_name(relative).text
    return text or relative.rsplit("/", 1)[-1] or docname


def escape(text: str) -> str:
    """``text`` as inline Markdown that shows exactly that text."""
    return re.sub(r"([\\`*_{}\[\]<>()#+\-.!|~$&:])", r"\\\1", " ".join(text.split()))


def _parse(body: str) -> list[Token]:
    # MyST's colon fences (the admonitions mdx.py writes) hold content, not sections
    return MarkdownIt("commonmark").use(colon_fence_plugin).parse(body)


def _needs_parse(body: str) -> bool:
    if _MAYBE_H1.search(body):
        return True
    last = 1
    for match in _ATX_BELOW_H1.finditer(body):
        level = len(match.group(1))
        if level > last + 1:
            return True
        last = level
    return False


def _skippable(token: Token, tokens: list[Token], index: int) -> bool:
    if token.type == "fence" and token.info.strip().startswith("{"):
        return True
    if token.type == "html_block":
        return bool(_HTML_COMMENT.match(token.content))
    if token.type == "paragraph_open" and index + 1 < len(tokens):
        return bool(_TARGET_OR_COMMENT.match(tokens[index + 1].content))
    return False


def _structure(body: str) -> tuple[_Heading | None, list[_Heading]]:
    """The opening H1 (None without one) and every top-level heading after it."""
    tokens = _parse(body)
    opening: _Heading | None = None
    headings: list[_Heading] = []
    first_block = True
    for index, token in enumerate(tokens):
        if token.level != 0 or token.map is None or token.nesting == -1:
            continue
        if token.type == "heading_open":
            setext = token.markup[:1] in ("=", "-")
            heading = _Heading(int(token.tag[1]), token.map[0], token.map[1], setext)
            if first_block and heading.level == 1:
                opening = heading
            else:
                headings.append(heading)
        elif first_block and _skippable(token, tokens, index):
            continue
        first_block = False
    return opening, headings


def _relevel(lines: list[str], body_start: int, headings: list[_Heading]) -> bool:
    """The headings under the title: one level down if any is an H1 (a heading of the
    content, not a second title), none skipping a level (H1 is the title), none past H6.
    True when a line changed."""
    shift = 1 if any(h.level == 1 for h in headings) else 0
    changed = False
    last = 1
    for heading in headings:
        level = min(heading.level + shift, 6, last + 1)
        last = level
        if level == heading.level:
            continue
        changed = True
        first, end = heading.first + body_start, heading.last + body_start
        if not heading.setext:
            match = _ATX.match(lines[first])
            if match is not None:
                lines[first] = match.group(1) + "#" * level + lines[first][match.end() :]
            continue
        content = " ".join(lines[n].strip() for n in range(first, end - 1))
        lines[first] = "#" * level + " " + content + "\n"
        for n in range(first + 1, end):
            lines[n] = "\n"
    return changed


def retitle(lines: list[str], body_start: int, title: str | None, fallback: str) -> bool:
    """Give the post in ``lines`` (kept ends) its one H1; True when anything changed.

    ``title`` is the front matter's; ``fallback`` the text used when there is neither a
    title nor an opening H1 (the file name's, or the ``post`` directive's title).
    """
    body = "".join(lines[body_start:])
    if _needs_parse(body):
        opening, headings = _structure(body)
    else:
        opening, headings = None, []
    changed = _relevel(lines, body_start, headings)
    if opening is not None and not title:
        return changed
    heading = f"# {escape(title or fallback)}\n"
    if opening is not None:
        first = body_start + opening.first
        for n in range(first, body_start + opening.last):
            lines[n] = "\n"
        lines[first] = heading
        return True
    start = body_start
    if start < len(lines) and not lines[start].strip():
        lines[start] = heading
    else:
        if start and not lines[start - 1].endswith(("\n", "\r")):
            # a closing '---' that ends the file: the heading must not join its line
            lines[start - 1] += "\n"
        lines.insert(start, heading + "\n")
    return True


# -- a post's title, when its doctree is read ---------------------------------------------


def post_title(src: PostSources) -> str:
    """The front matter's ``title``, else the directive's, else the post's own heading, else
    the text of its file name; one located warning when a given title cannot be used."""
    raw = src.data.get("title")
    given = values.as_text(raw)
    from_option = values.as_text(src.options.get("title"))
    if given and from_option:
        src.disagree("title", given, from_option)
    text = given or from_option
    if text:
        return text
    heading = _heading(src)
    problem = None
    if "title" in src.data:
        problem = (
            "'title' is empty"
            if raw is None or isinstance(raw, str)
            else f"'title' must be text, not {_kind(raw)}"
        )
    fallback = name_title(src.docname, src.config.blogposts_path)
    if heading and problem is None:
        return heading  # a Markdown post without a title is titled by its file name
    if heading and heading != fallback:
        warn(
            f"{problem}; using the post's heading {heading!r}. Write the title as text, "
            "or remove the key",
            Warn.TITLE,
            src.where("title"),
        )
        return heading
    if "title" in src.fm.broken_keys:  # its line was reported already
        return heading or fallback
    warn(
        f"{problem or 'the post has no title'}; using {fallback!r}. Add 'title:' to the "
        "front matter or start the post with a '# Heading'",
        Warn.TITLE,
        src.where("title") if problem else (src.docname, src.fm.line if src.data else 1),
    )
    return heading or fallback


def _heading(src: PostSources) -> str | None:
    """The document's own first heading, as Sphinx takes its title (None without one)."""
    section = src.section or src.doctree.next_node(nodes.section)
    if section is None or not section.children or not isinstance(section[0], nodes.title):
        return None
    return values.clean_text(section[0].astext()) or None


def _kind(value: Any) -> str:
    return {list: "a list", dict: "a mapping", bool: "true/false"}.get(
        type(value), type(value).__name__
    )
