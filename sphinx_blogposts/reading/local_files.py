"""Which local file a path in front matter names, and where its copy goes in the output.

Docusaurus serves its ``static/`` folder at the site root, so posts and ``authors.yml``
say ``/img/cover.png``. Sphinx knows nothing of that folder, and front-matter values are
not images in a doctree, so Sphinx would never find them. These functions look a path up
against ``blogposts_static_path`` (``/img/...``), the source folder or the post's folder
(``./cover.png``), and name the place in the output (under ``_static/blogposts/``) where
the file found is copied. They live in the reading layer because reading needs them
first: a post's missing image is warned about, and Docusaurus' root paths in a post's
body are resolved, while the post is read; the writing side copies the files and links
to the copies by the same rule.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from sphinx.application import Sphinx

#: Where copies of the files front matter names go, from the output folder.
OUTPUT_DIR = "_static/blogposts"
#: A URL (a scheme, or protocol-relative): no local file.
EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")


def is_external(value: str) -> bool:
    """Whether ``value`` is a URL rather than a path to a local file."""
    return EXTERNAL.match(value) is not None


def static_dir(app: Sphinx) -> Path | None:
    """``blogposts_static_path``, or a ``static/`` folder beside the blog folder."""
    configured = app.config.blogposts_static_path
    if configured:
        path = Path(app.srcdir, configured)
        return path if path.is_dir() else None
    beside = Path(app.srcdir, app.config.blogposts_path).parent / "static"
    return beside if beside.is_dir() else None


def lookup_order(path: str, doc_dir: Path | None, static: Path | None, srcdir: Path) -> list[Path]:
    """Where a local file named ``path`` may be, in the order it is looked for.

    Docusaurus serves its static folder at the site root. ``/img/x.png`` is a path from
    there (the static folder, then the source folder, the root of a Sphinx site);
    ``./x.png`` and ``../x.png`` are beside the post. A path with neither (``img/x.png``,
    as every MLflow post writes its thumbnail) is a root path to Docusaurus, but a writer
    may as well mean a file beside the post: the post's folder is looked in first, then
    the folders of a root path. Without a post (``doc_dir`` None) only root paths name files.
    """
    rooted = path.startswith("/")
    relative = path.startswith(("./", "../"))
    found: list[Path] = []
    if doc_dir is not None and not rooted:
        found.append(doc_dir / path)
    if rooted or (doc_dir is not None and not relative):
        if static is not None:
            found.append(static / path.lstrip("/"))
        found.append(srcdir / path.lstrip("/"))
    return found


def source_of(app: Sphinx, value: str | None, docname: str | None) -> Path | None:
    """The local file ``value`` names, or None (a URL, or nothing there); see
    :func:`lookup_order`. ``docname`` is the post whose front matter names it."""
    if not value or is_external(value):
        return None
    path = value.split("#", 1)[0].split("?", 1)[0]
    for alias in ("@site/static/", "@site/"):  # Docusaurus' names of its folders
        if path.startswith(alias):
            path = "/" + path[len(alias) :]
            break
    if not path or path == "/":
        return None
    doc_dir = app.env.doc2path(docname).parent if docname is not None else None
    for candidate in lookup_order(path, doc_dir, static_dir(app), Path(app.srcdir)):
        if candidate.is_file():
            return candidate.resolve()
    return None


def output_name(app: Sphinx, source: Path) -> str | None:
    """Where the copy goes, relative to the output folder; None if not inside a known root."""
    roots = [static_dir(app), Path(app.srcdir)]
    for root in roots:
        if root is None:
            continue
        root = root.resolve()
        if source.is_relative_to(root):
            return posixpath.join(OUTPUT_DIR, source.relative_to(root).as_posix())
    return None
