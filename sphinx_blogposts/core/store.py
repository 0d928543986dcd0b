"""A Sphinx domain used only as a per-document store: the way data follows Sphinx's books.

Sphinx clears a domain's data for each document it reads again or removes, and with
``-j`` merges what each reading process collected for the documents it read. A domain
that keeps its data in dicts keyed by docname, and names those dicts in
``per_document``, gets both for free: nothing stale survives, nothing is merged twice.
"""

from __future__ import annotations

from collections.abc import Set
from typing import Any, ClassVar

from docutils import nodes
from sphinx.domains import Domain


class DocumentStore(Domain):
    """Data only: no roles, no directives, no objects."""

    #: The keys of ``data`` that map a docname to what that document said.
    per_document: ClassVar[tuple[str, ...]] = ()

    def clear_doc(self, docname: str) -> None:
        for key in self.per_document:
            self.data[key].pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for key in self.per_document:
            for docname in docnames:
                if docname in otherdata[key]:
                    self.data[key][docname] = otherdata[key][docname]

    def resolve_any_xref(self, *args: Any, **kwargs: Any) -> list[tuple[str, nodes.reference]]:
        return []
