"""The scripts that hold each blog's sidebars under ``blogposts_shared_sidebars``.

Written at ``html-collect-pages`` in the main process (one small file per blog), through
a :class:`~..rebuilds.ledger.Ledger`: a script is written again only when its text
changes (a new post, a tag, a new count), and deleted when the setting is turned off or
its blog is gone. See ``render/shared_sidebars.py`` for what the pages hold instead.
"""

from __future__ import annotations

import hashlib
from typing import Any

from sphinx.application import Sphinx

from ...core.routes import shared_sidebars_file
from ..builders import writes_html_pages
from ..rebuilds.ledger import Ledger
from ..render import shared_sidebars
from ..render.sidebars import shared_html, uses_sidebars
from ..view.registry import renderers

LEDGER = "blogposts-sidebars.json"


def write_scripts(app: Sphinx) -> list[Any]:
    if not writes_html_pages(app.builder):
        return []
    texts: dict[str, str] = {}
    if app.config.blogposts_shared_sidebars and uses_sidebars(app.config):
        for renderer in renderers(app).values():
            html = shared_html(app, renderer)
            texts[shared_sidebars_file(renderer.blog_path)] = shared_sidebars.script_text(
                renderer.blog_path, html
            )
    ledger = Ledger.of_build(app, LEDGER)
    digests = {name: hashlib.sha1(text.encode("utf-8")).hexdigest() for name, text in texts.items()}
    ledger.expect(digests, fingerprint="")
    changed = [name for name in sorted(texts) if not ledger.is_current(name)]
    stale = ledger.stale()
    ledger.forget([*stale, *changed])
    ledger.remove(stale)
    for name in changed:
        path = ledger.path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(texts[name], encoding="utf-8")
    ledger.keep(app)
    return []


def register(app: Sphinx) -> None:
    app.connect("html-collect-pages", write_scripts)
