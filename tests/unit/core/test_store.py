"""``PerDocument``: what a ``-j`` reading process sends back of a per-document store."""

from __future__ import annotations

import multiprocessing
import pickle

from sphinx_blogposts.core.store import PerDocument


def _read_in_child(store: PerDocument, pipe: object) -> None:
    store["c"] = 3  # the document this process read
    store["a"] = 10  # ... and one it read again
    store.setdefault("d", 4)  # dict's own setdefault and update bypass __setitem__
    store.update({"e": 5})
    store.setdefault("b", 99)  # there already: not written, not sent
    pipe.send(pickle.dumps(store))  # type: ignore[attr-defined]


def test_a_forked_reader_sends_only_the_documents_it_wrote():
    store = PerDocument({"a": 1, "b": 2})
    receive, send = multiprocessing.Pipe(False)
    child = multiprocessing.get_context("fork").Process(target=_read_in_child, args=(store, send))
    child.start()
    back = pickle.loads(receive.recv())
    child.join()
    assert back == {"a": 10, "c": 3, "d": 4, "e": 5}
    assert store == {"a": 1, "b": 2}  # the main process's own store is untouched


def test_the_process_that_made_it_pickles_everything():
    store = PerDocument({"a": 1})
    store["b"] = 2
    again = pickle.loads(pickle.dumps(store))
    assert again == {"a": 1, "b": 2}
    assert isinstance(again, PerDocument)
    again["c"] = 3  # unpickled here: this process's own, pickled whole
    assert pickle.loads(pickle.dumps(again)) == {"a": 1, "b": 2, "c": 3}
