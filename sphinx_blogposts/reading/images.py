"""Images named in front matter and ``authors.yml``, checked while posts are read.

A post's ``image``/``thumbnail`` and an author's ``image_url`` may name a local file
(see :mod:`.local_files`). What is wrong with one is a reading problem, warned about once
where it is written: a static folder that is not there, an avatar or a card image that
names no file. The file found is noted in the post, so the pages showing its card weigh
it, and a post whose image was missing is read again once the file is there.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from ..core.diagnostics import Warn, warn
from .domain import domain_of, read_front_matter
from .image_size import measured
from .local_files import is_external, output_name, source_of, static_dir


def check_static(app: Sphinx) -> None:
    """``builder-inited``: a missing static folder, and avatars not in it, are warned about once."""
    configured = app.config.blogposts_static_path
    if configured and not Path(app.srcdir, configured).is_dir():
        warn(
            f"blogposts_static_path = {configured!r} is not a folder in the source directory; "
            "/img/... paths are not resolved",
            Warn.CONFIG,
        )
    domain = domain_of(app.env)
    if static_dir(app) is None:
        return
    for key, entry in sorted(domain.authors_map.items()):
        value = entry.get("image_url")
        if value and value.startswith("/") and source_of(app, value, None) is None:
            warn(
                f"author {key!r}: image_url {value!r} is not a file in the static folder",
                Warn.IMAGE,
                str(domain.authors_path) if domain.authors_path else None,
            )


def check_post_image(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: a local ``image``/``thumbnail`` that is not there is one warning.

    The file found is kept in ``Post.image_file``, with its size: the pages that show
    the card weigh both, and :func:`read_again_when_found` reads the post again once a
    missing file is there.
    """
    docname = app.env.docname
    post = domain_of(app.env).posts.get(docname)
    if post is None or not post.image or is_external(post.image):
        return
    source = source_of(app, post.image, docname)
    if source is not None:
        post.image_file = output_name(app, source) or source.as_posix()
        # measured here, not by each page showing it; a new file reads the post again
        post.image_size = measured(domain_of(app.env).cache, source)
        app.env.note_dependency(str(source))  # changed or deleted: the post is read again
        return
    fm = read_front_matter(app, docname)
    key = next((k for k in ("image", "thumbnail", "cover") if k in fm.data), None)
    if key is None:
        return  # from the post directive's :image: N, an image of the body
    if post.image.startswith("/") and static_dir(app) is None:
        return  # no static folder here: the path may be served by the site itself
    if post.image.startswith(("./", "../")):
        where = "the post's folder"
    elif post.image.startswith("/"):
        where = "the static folder"
    else:
        where = "the post's folder or the static folder"
    warn(
        f"'{key}': {post.image!r} is not a file in {where}; the post has no card image",
        Warn.IMAGE,
        (docname, fm.lines.get(key, fm.line)),
    )


def read_again_when_found(
    app: Sphinx, env: Any, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """``env-get-outdated``: posts whose front-matter image was missing and now is there
    (Sphinx cannot depend on a file that does not exist yet)."""
    return sorted(
        post.docname
        for post in domain_of(env).posts.values()
        if post.image_file is None
        and post.image
        and not is_external(post.image)
        and post.docname in env.found_docs
        and post.docname not in changed
        and source_of(app, post.image, post.docname) is not None
    )


def register(app: Sphinx) -> None:
    app.connect("builder-inited", check_static)  # after the authors map is loaded
    app.connect("doctree-read", check_post_image, priority=600)  # after the post is read
    app.connect("env-get-outdated", read_again_when_found)
