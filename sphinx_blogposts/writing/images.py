"""Images named in front matter and ``authors.yml``: found, copied to the output, linked.

Docusaurus serves its ``static/`` folder at the site root, so posts and ``authors.yml``
say ``/img/cover.png``. Sphinx knows nothing of that folder, and front-matter values
are not images in a doctree, so Sphinx would never copy them. This module resolves
``thumbnail``, ``image`` and authors' ``image_url`` against ``blogposts_static_path``
(``/img/...``) or the post's folder (``./cover.png``), copies each file it found to
``_static/blogposts/`` in the output, and gives pages URLs to the copies: the card
image in lists, the avatar of an author and the ``og:image`` of a post.
"""

from __future__ import annotations

import posixpath
import re
import shutil
from pathlib import Path
from typing import Any

from docutils import nodes
from markupsafe import Markup
from sphinx.application import Sphinx
from sphinx.util.osutil import relative_uri

from ..core.diagnostics import Warn, warn
from ..reading.domain import domain_of, read_front_matter
from .builders import writes_html_pages

OUTPUT_DIR = "_static/blogposts"
#: The extension that writes og: meta when it is loaded (otherwise this module does).
OPENGRAPH = "sphinxext.opengraph"
_EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")


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
    if not value or _EXTERNAL.match(value):
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


def url_for(
    app: Sphinx,
    value: str | None,
    pagename: str,
    docname: str | None,
    keep_unresolved: bool = True,
) -> str | None:
    """``value`` as a URL usable on ``pagename``: a copied file's relative URL.

    A value naming no local file is returned as written (an author's avatar has always
    been shown that way), or, with ``keep_unresolved=False``, only if it is a full URL:
    a card image that cannot load is worse than none.
    """
    source = source_of(app, value, docname)
    name = output_name(app, source) if source is not None else None
    if name is None:
        return value if keep_unresolved or (value and _EXTERNAL.match(value)) else None
    return relative_uri(app.builder.get_target_uri(pagename), name)


def absolute_url(app: Sphinx, value: str | None, pagename: str, docname: str | None) -> str | None:
    """For ``og:image``: absolute against ``html_baseurl`` when it is set."""
    source = source_of(app, value, docname)
    name = output_name(app, source) if source is not None else None
    if name is None:
        return value if value and _EXTERNAL.match(value) else None
    base = app.config.html_baseurl
    if base:
        return base.rstrip("/") + "/" + name
    return relative_uri(app.builder.get_target_uri(pagename), name)


def check_post_image(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``: a local ``image``/``thumbnail`` that is not there is one warning.

    The file found is kept in ``Post.image_file``: the pages that show the card weigh
    it, and :func:`outdated` reads the post again once a missing file is there.
    """
    docname = app.env.docname
    post = domain_of(app.env).posts.get(docname)
    if post is None or not post.image or _EXTERNAL.match(post.image):
        return
    source = source_of(app, post.image, docname)
    if source is not None:
        post.image_file = output_name(app, source) or source.as_posix()
        app.env.note_dependency(str(source))  # changed or deleted: the post is read again
        return
    fm = read_front_matter(app, docname)
    key = next((k for k in ("image", "thumbnail") if k in fm.data), None)
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


def outdated(
    app: Sphinx, env: Any, added: set[str], changed: set[str], removed: set[str]
) -> list[str]:
    """``env-get-outdated``: posts whose front-matter image was missing and now is there
    (Sphinx cannot depend on a file that does not exist yet)."""
    return sorted(
        post.docname
        for post in domain_of(env).posts.values()
        if post.image_file is None
        and post.image
        and not _EXTERNAL.match(post.image)
        and post.docname in env.found_docs
        and post.docname not in changed
        and source_of(app, post.image, post.docname) is not None
    )


def copy_assets(app: Sphinx) -> list[Any]:
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


def add_meta(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``og:image``, ``twitter:image``, ``og:description`` and ``keywords`` of a post page."""
    post = domain_of(app.env).posts.get(pagename)
    if post is None or not writes_html_pages(app.builder):
        return
    # With sphinxext-opengraph, og:* tags are its job (fed by social.py): no duplicates.
    own_og = OPENGRAPH not in app.extensions
    tags: list[tuple[str, str, str]] = []
    if post.description and own_og:
        tags.append(("property", "og:description", post.description))
    image = absolute_url(app, post.image, pagename, post.docname) if post.image else None
    if image:
        if own_og:
            tags.append(("property", "og:image", image))
        tags += [
            ("name", "twitter:card", "summary_large_image"),
            ("name", "twitter:image", image),
        ]
    if post.keywords:
        tags.append(("name", "keywords", ", ".join(post.keywords)))
    html = "".join(
        Markup('<meta {}="{}" content="{}" />\n').format(attr, name, content)
        for attr, name, content in tags
    )
    if html:
        context["metatags"] = context.get("metatags", "") + html


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


def register(app: Sphinx) -> None:
    app.connect("builder-inited", check_static)
    app.connect("doctree-read", check_post_image, priority=600)
    app.connect("env-get-outdated", outdated)
    app.connect("html-collect-pages", copy_assets)
    app.connect("html-page-context", add_meta)
