"""A Sphinx domain used only as a per-document store: the way data follows Sphinx's books.

Sphinx clears a domain's data for each document it reads again or removes, and with
``-j`` merges what each reading process collected for the documents it read. A domain
that keeps its data in dicts keyed by docname, and names those dicts in
``per_document``, gets both for free: nothing stale survives, nothing is merged twice.

Under ``-j``, each reading process sends its whole environment back, pickled, and the
main process unpickles it before merging the documents it read. A process forked for a
later chunk holds what every earlier chunk merged, so what crosses grows with each
chunk (quadratic in the number of documents). The dicts named in ``per_document`` are
:class:`PerDocument`: in a process forked from the one that made them, they pickle only
the documents that process wrote, which are the only ones the main process merges.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Set
from typing import Any, ClassVar

from docutils import nodes
from sphinx.domains import Domain


class PerDocument(dict[str, Any]):
    """docname -> what the document said; pickled whole by the process that made it, and
    by a process forked from it (a ``-j`` reader) only for the documents it wrote."""

    __slots__ = ("_pid", "_written")

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self._pid = os.getpid()
        self._written: set[str] = set()

    def __setitem__(self, docname: str, value: Any) -> None:
        if os.getpid() != self._pid:
            self._written.add(docname)
        super().__setitem__(docname, value)

    # dict's own setdefault and update do not call __setitem__: without these, a value
    # stored through them in a -j reader would never reach the main process
    def setdefault(self, docname: str, default: Any = None) -> Any:
        if docname not in self:
            self[docname] = default
        return self[docname]

    def update(self, *args: Any, **kwargs: Any) -> None:
        for docname, value in dict(*args, **kwargs).items():
            self[docname] = value

    def __reduce__(self) -> tuple[Any, ...]:
        return (PerDocument, (), None, None, self._pickled())

    def __reduce_ex__(self, protocol: Any) -> tuple[Any, ...]:
        return self.__reduce__()

    def _pickled(self) -> Iterator[tuple[str, Any]]:
        if os.getpid() == self._pid:
            return iter(list(self.items()))
        return iter([(name, self[name]) for name in sorted(self._written) if name in self])


class DocumentStore(Domain):
    """Data only: no roles, no directives, no objects."""

    #: The keys of ``data`` that map a docname to what that document said.
    per_document: ClassVar[tuple[str, ...]] = ()

    def __init__(self, env: Any) -> None:
        super().__init__(env)
        for key in self.per_document:
            if not isinstance(self.data[key], PerDocument):
                self.data[key] = PerDocument(self.data[key])

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
