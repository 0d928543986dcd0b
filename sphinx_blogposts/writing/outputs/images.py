"""Image files named in front matter and ``authors.yml``, copied into the output.

Sphinx copies the images of a doctree, but a card image or an avatar is a front-matter
value, not a node, so Sphinx never sees it. Every such file found (see
:mod:`sphinx_blogposts.reading.local_files`) is copied here to the path its URLs point
at (:mod:`sphinx_blogposts.writing.images`), once all documents are read.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from ...reading.domain import domain_of
from ...reading.local_files import output_name, source_of
from ..builders import writes_html_pages


def copy_images(app: Sphinx) -> list[Any]:
    """``html-collect-pages`` (main process, after all reads): copy every image pages link."""
    if not writes_html_pages(app.builder):
        return []
    domain = domain_of(app.env)
    wanted: list[tuple[str | None, str | None]] = [
        (post.image, post.docname) for post in domain.posts.values()
    ]
    wanted += [(entry.get("image_url"), None) for entry in domain.authors_map.values()]
    wanted += [(ref.image_url, None) for p in domain.posts.values() for ref in p.authors]
    outdir = Path(app.outdir).resolve()
    for value, docname in wanted:
        source = source_of(app, value, docname)
        name = output_name(app, source) if source is not None else None
        if source is None or name is None:
            continue
        copy_into(outdir, source, name)
    return []


def copy_into(outdir: Path, source: Path, name: str) -> None:
    """Copy ``source`` to ``outdir/name`` unless that is up to date, or outside ``outdir``."""
    target = (outdir / name).resolve()
    if not target.is_relative_to(outdir):
        return
    if target.is_file() and target.stat().st_mtime >= source.stat().st_mtime:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def register(app: Sphinx) -> None:
    app.connect("html-collect-pages", copy_images)
