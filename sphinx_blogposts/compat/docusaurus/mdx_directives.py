"""The directives and nodes the MDX rewrite produces: admonitions, details, tabs."""

from __future__ import annotations

from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.locale import admonitionlabels, get_translation
from sphinx.util.docutils import SphinxDirective
from sphinx.writers.html5 import HTML5Translator

from .syntax import ADMONITIONS

_ = get_translation("sphinx_blogposts")


class details_node(nodes.container):  # noqa: N801 - docutils naming
    """``<details>``; builders other than HTML see a container (Sphinx dispatches by MRO)."""


class summary_node(nodes.rubric):  # noqa: N801
    """``<summary>``; a rubric everywhere but in HTML."""


def _visit_details(self: HTML5Translator, node: details_node) -> None:
    self.body.append('<details class="blogposts-details">\n')


def _depart_details(self: HTML5Translator, node: details_node) -> None:
    self.body.append("</details>\n")


def _visit_summary(self: HTML5Translator, node: summary_node) -> None:
    self.body.append("<summary>")


def _depart_summary(self: HTML5Translator, node: summary_node) -> None:
    self.body.append("</summary>\n")


class AdmonitionDirective(SphinxDirective):
    """``:::tip[Title]`` -> an admonition with the theme's styling of that kind."""

    required_arguments = 1
    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True

    def run(self) -> list[nodes.Node]:
        kind = self.arguments[0]
        classes = ADMONITIONS.get(kind, (kind,))
        label = self.arguments[1] if len(self.arguments) > 1 else _default_title(kind)
        node = nodes.admonition("", classes=[*classes, "blogposts-admonition"])
        self.set_source_info(node)
        title_nodes, messages = self.state.inline_text(label, self.lineno)
        title = nodes.title(label, "", *title_nodes)
        title.source, title.line = self.state_machine.get_source_and_line(self.lineno)
        node += title
        node += messages
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


def _default_title(kind: str) -> str:
    if kind in admonitionlabels:
        return str(admonitionlabels[kind])
    return str({"info": _("Info"), "success": _("Success"), "secondary": _("Note")}[kind])


class DetailsDirective(SphinxDirective):
    """``<details><summary>`` with Markdown inside: a collapsible block."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True

    def run(self) -> list[nodes.Node]:
        node = details_node(classes=["blogposts-details"])
        self.set_source_info(node)
        label = self.arguments[0] if self.arguments else _("Details")
        inline, messages = self.state.inline_text(label, self.lineno)
        node += summary_node(label, "", *inline)
        node += messages
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


class TabDirective(SphinxDirective):
    """``<TabItem>`` without sphinx-design: a headed section of a ``blogposts-tabs`` container."""

    required_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec: ClassVar[dict[str, Any]] = {"class": directives.class_option}

    def run(self) -> list[nodes.Node]:
        node = nodes.container(classes=["blogposts-tab"])
        self.set_source_info(node)
        inline, messages = self.state.inline_text(self.arguments[0], self.lineno)
        node += nodes.rubric(self.arguments[0], "", *inline, classes=["blogposts-tab-label"])
        node += messages
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


def register(app: Sphinx) -> None:
    app.add_node(details_node, html=(_visit_details, _depart_details))
    app.add_node(summary_node, html=(_visit_summary, _depart_summary))
    app.add_directive("blogposts-admonition", AdmonitionDirective)
    app.add_directive("blogposts-details", DetailsDirective)
    app.add_directive("blogposts-tab", TabDirective)
