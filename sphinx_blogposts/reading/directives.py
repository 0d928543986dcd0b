"""ABlog-compatible ``post`` and ``postlist`` directives, and the placeholder nodes they leave.

Both directives only record what was asked at read time: whether a page shows a
post header or a list of posts depends on every other post, so the real content is
put in at ``doctree-resolved`` (see ``writing/render/page_parts.py``), which is what
keeps those pages right on incremental builds.
"""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from ..core.config import LAYOUTS
from ..core.diagnostics import Warn, warn
from .values import as_list


class post_node(nodes.Element, nodes.Invisible):  # noqa: N801 - docutils naming
    """Where a ``post`` directive stood; its children are the explicit excerpt."""


class postlist_node(nodes.General, nodes.Element):  # noqa: N801
    """Filled with a list of posts at ``doctree-resolved``."""


class post_header_node(nodes.General, nodes.Element):  # noqa: N801
    """Filled with date, authors, tags and reading time at ``doctree-resolved``."""


class update_node(nodes.admonition):  # noqa: N801
    """A dated note in a post (ABlog's ``update``): ``date`` is ISO 8601, or None when the
    date as written (``date_text``) could not be read; the newest date is the post's
    updated date."""


class post_footer_node(nodes.General, nodes.Element):  # noqa: N801
    """Filled with the links to the previous and next post at ``doctree-resolved``."""


def _comma_list(argument: str | None) -> list[str]:
    return as_list(argument or "") or []


def _flag(argument: str | None) -> bool:
    return True


#: ABlog's classifying options: set on a post, filtered on by a postlist.
_FILTERS = {key: _comma_list for key in ("tags", "author", "category", "location", "language")}


class PostDirective(SphinxDirective):
    """``.. post:: DATE`` marks the document as a post (ABlog's form)."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {
        **_FILTERS,
        "redirect": _comma_list,
        "title": directives.unchanged,
        "image": directives.nonnegative_int,
        "excerpt": directives.nonnegative_int,
        "exclude": _flag,
        "nocomments": _flag,
        "canonical_link": directives.unchanged,
        "external_link": directives.unchanged,
        "draft": _flag,
        "unlisted": _flag,
        "series": directives.unchanged,
        "series_order": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        node = post_node()
        node["date"] = self.arguments[0].strip() if self.arguments else None
        node["options"] = dict(self.options)
        self.set_source_info(node)
        if self.content:
            self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


class PostListDirective(SphinxDirective):
    """``.. postlist:: N`` embeds the N newest matching posts in any page."""

    optional_arguments = 1
    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {
        **_FILTERS,
        "format": directives.unchanged,
        "date": directives.unchanged,
        "sort": _flag,
        "excerpts": _flag,
        "list-style": directives.unchanged,
        "expand": directives.unchanged,
        "series": directives.unchanged,
        "blog": directives.unchanged,
        "layout": directives.unchanged,
    }

    def run(self) -> list[nodes.Node]:
        node = postlist_node()
        count = None
        if self.arguments:
            try:
                count = int(self.arguments[0])
                if count < 0:
                    raise ValueError
            except ValueError:
                warn(
                    f"postlist: {self.arguments[0]!r} is not a number of posts; listing all",
                    Warn.DIRECTIVE,
                    location=self.get_location(),
                )
                count = None
        node["count"] = count
        node["filters"] = {
            key: [v.casefold() for v in self.options.get(key, [])]
            for key in ("tags", "author", "category", "location", "language")
        }
        series = " ".join((self.options.get("series") or "").split()).casefold()
        node["filters"]["series"] = [series] if series else []
        node["blog"] = (self.options.get("blog") or "").strip().strip("/") or None
        node["format"] = self.options.get("format")
        node["date_format"] = self.options.get("date")
        node["oldest_first"] = "sort" in self.options
        node["excerpts"] = "excerpts" in self.options
        node["list_style"] = self.options.get("list-style")
        node["expand"] = self.options.get("expand")
        node["layout"] = self._layout()
        node["docname"] = self.env.docname
        self.set_source_info(node)
        return [node]

    def _layout(self) -> str | None:
        """``:layout: list`` or ``grid``; anything else is one warning, and the list."""
        value = (self.options.get("layout") or "").strip().lower()
        if not value or value in LAYOUTS:
            return value or None
        warn(
            f"postlist: :layout: {self.options['layout']!r} is not one of "
            f"{' or '.join(map(repr, LAYOUTS))}; the list layout is used",
            Warn.DIRECTIVE,
            location=self.get_location(),
        )
        return None


def _skip(self: Any, node: nodes.Node) -> None:
    raise nodes.SkipNode


def _visit_admonition(self: Any, node: nodes.Node) -> None:
    self.visit_admonition(node)


def _depart_admonition(self: Any, node: nodes.Node) -> None:
    self.depart_admonition(node)


def register(app: Sphinx) -> None:
    skip = (_skip, None)
    for node in (post_node, postlist_node, post_header_node, post_footer_node):
        app.add_node(node, html=skip, latex=skip, text=skip, man=skip, texinfo=skip)
    # an update note is written as every builder writes a note
    note = (_visit_admonition, _depart_admonition)
    app.add_node(update_node, html=note, latex=note, text=note, man=note, texinfo=note)
    app.add_directive("post", PostDirective)
    app.add_directive("postlist", PostListDirective)
