"""ABlog's ``update`` directive: a dated note in a post, titled "Updated on <date>".

The note stays on the page where it is written. Its date is read at read time, like
the post's own date, so a date no parser reads costs one warning at the directive and
the note is kept with the date as written; the newest readable date becomes the post's
``updated`` date (see :mod:`sphinx_blogposts.reading.posts`). The title is only
written at ``doctree-resolved``, with the date format of the build that writes the
page, since ``blogposts_date_format`` does not require the sources to be read again.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from docutils.parsers.rst.directives.admonitions import BaseAdmonition
from sphinx.application import Sphinx
from sphinx.locale import get_translation
from sphinx.util.docutils import SphinxDirective

from ...core.diagnostics import Warn, warn
from ...reading import dates
from ...reading.directives import update_node
from ...writing.render.renderer import renderer_for

_ = get_translation("sphinx_blogposts")

#: Set on a document by its first ``update`` directive, so ``add_titles`` searches only
#: those documents: a search of every one cost 0.4 s at N = 2,000. Kept in the doctree,
#: it is right after any incremental or parallel read of the document.
HAS_UPDATES = "blogposts_has_updates"


class UpdateDirective(BaseAdmonition, SphinxDirective):
    """``.. update:: DATE`` with the note as its content."""

    required_arguments = 1
    final_argument_whitespace = True
    node_class = update_node
    option_spec: ClassVar[dict[str, Any]] = {"class": directives.class_option}

    def run(self) -> list[nodes.Node]:
        found = super().run()
        node = found[0]
        text = " ".join(self.arguments[0].split())
        node["date_text"] = text
        node["date"] = None
        node["classes"] = ["note", "update", *node["classes"]]
        self.state.document[HAS_UPDATES] = True
        config = self.env.config
        try:
            when = dates.parse_date(
                text,
                dates.zone(config.blogposts_timezone),
                getattr(config, "post_date_format", None),
            )
        except ValueError as exc:
            warn(
                f"update: {exc}; the note is shown with the date as written and does not "
                "change the post's updated date",
                Warn.DATE,
                self.get_location(),
            )
        else:
            node["date"] = when.isoformat()
        return found


def add_titles(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Give each update note its "Updated on <date>" title, in this build's date format."""
    if not doctree.get(HAS_UPDATES):
        return
    notes = list(doctree.findall(update_node))
    if not notes:
        return
    renderer = renderer_for(app)
    for note in notes:
        if note.children and isinstance(note[0], nodes.title):
            continue  # an excerpt already resolved with its page
        when = note.get("date")
        shown = renderer.format_date(datetime.fromisoformat(when)) if when else note["date_text"]
        note.insert(0, nodes.title("", _("Updated on %(date)s") % {"date": shown}))


def register(app: Sphinx) -> None:
    app.add_directive("update", UpdateDirective)
    app.connect("doctree-resolved", add_titles, priority=400)
