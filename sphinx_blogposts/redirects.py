"""Old Docusaurus URLs kept alive: a small redirect page where each post used to be.

Docusaurus served a post at ``/blog/<slug>`` when its front matter had a ``slug``, and
otherwise at ``/blog/YYYY/MM/DD/<name>`` for a file named ``YYYY-MM-DD-<name>.md`` (or a
folder of that name). Links and search results out there still point at those URLs,
so each gets ``<old>/index.html`` with a meta refresh and a canonical link to the post's
new page, unless a real page is there. Two posts claiming one URL is an error in the
source: a warning names both and neither redirect is written, so nothing points at the
wrong post. Redirects are written by the main process at the end of an HTML build; a
list of them in the output folder lets the next build delete the ones no longer wanted.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from markupsafe import Markup
from sphinx.application import Sphinx
from sphinx.util.osutil import relative_uri

from .collect import domain_of
from .diagnostics import Warn, warn
from .model import Post

MANIFEST = ".blogposts-redirects"
#: Builders whose output is served at URLs (EPUB's is not).
REDIRECT_BUILDERS = ("html", "dirhtml")
MARKER = '<meta name="generator" content="sphinx-blogposts redirect" />'
_DATED = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-(.+)$")
_BAD_SEGMENT = re.compile(r"[\x00-\x1f\\?#%<>\"]")

_TEMPLATE = Markup(
    """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8" />
{marker}
<meta name="robots" content="noindex" />
<title>{title}</title>
<link rel="canonical" href="{canonical}" />
<meta http-equiv="refresh" content="0; url={url}" />
</head>
<body>
<p>This page has moved to <a href="{url}">{title}</a>.</p>
</body>
</html>
"""
)


def old_path(post: Post, blog_path: str) -> str | None:
    """The page name Docusaurus gave the post, relative to the output root."""
    if post.slug:
        parts = [p for p in post.slug.strip().split("/") if p]
    else:
        rel = post.docname.removeprefix(blog_path + "/")
        if rel == post.docname:
            return None
        parts = rel.split("/")
        if parts[-1] == "index" and len(parts) > 1:
            parts = parts[:-1]
        dated = _DATED.match(parts[0])
        if dated is None:
            return None
        parts = [*dated.groups(), *parts[1:]]
    if not parts or any(p in (".", "..") or _BAD_SEGMENT.search(p) for p in parts):
        return None
    return "/".join([blog_path, *parts])


def write_redirects(app: Sphinx) -> list[Any]:
    """``html-collect-pages``: write each post's redirect page, remove stale ones."""
    from .render import renderer_for, writes_html_pages

    if not writes_html_pages(app.builder) or app.builder.name not in REDIRECT_BUILDERS:
        return []  # not in an EPUB: it has no URLs to keep alive
    outdir = Path(app.outdir).resolve()
    manifest = outdir / MANIFEST
    previous = set(manifest.read_text(encoding="utf-8").split()) if manifest.is_file() else set()
    written: set[str] = set()
    if app.config.blogposts_redirects:
        renderer = renderer_for(app)
        claims: dict[str, list[Post]] = {}
        for post in sorted(domain_of(app.env).posts.values(), key=lambda p: p.docname):
            path = old_path(post, app.config.blogposts_path)
            if post.slug and path is None:
                warn(
                    f"'slug': {post.slug!r} cannot be a URL path; no redirect is written",
                    Warn.REDIRECT,
                    _slug_line(app, post),
                )
            if path is None or renderer.has_page(path) or renderer.has_page(f"{path}/index"):
                continue
            claims.setdefault(path, []).append(post)
        for path, posts in sorted(claims.items()):
            if len(posts) > 1:
                names = " and ".join(
                    app.env.doc2path(p.docname, base=False).as_posix() for p in posts
                )
                warn(
                    f"{names} both had the URL {path}/; no redirect is written for either",
                    Warn.REDIRECT,
                    _slug_line(app, posts[-1]),
                )
                continue
            target = (outdir / path / "index.html").resolve()
            if not target.is_relative_to(outdir):
                continue
            _write(app, target, f"{path}/index.html", posts[0])
            written.add(target.relative_to(outdir).as_posix())
    for stale in sorted(previous - written):
        old = (outdir / stale).resolve()
        if (
            old.is_relative_to(outdir)
            and old.is_file()
            and MARKER in old.read_text(encoding="utf-8", errors="replace")
        ):
            old.unlink()
            for parent in old.parents:  # the folders only this redirect needed
                if parent == outdir or not parent.is_relative_to(outdir) or any(parent.iterdir()):
                    break
                parent.rmdir()
    if written or manifest.is_file():
        manifest.write_text("\n".join(sorted(written)) + "\n", encoding="utf-8")
    return []


def _slug_line(app: Sphinx, post: Post) -> tuple[str, int | None]:
    from .collect import _read_front_matter

    fm = _read_front_matter(app, post.docname)
    return (post.docname, fm.lines.get("slug", post.line))


def _write(app: Sphinx, target: Path, uri: str, post: Post) -> None:
    new_uri = app.builder.get_target_uri(post.docname)
    url = relative_uri(uri, new_uri)
    base = app.config.html_baseurl
    canonical = base.rstrip("/") + "/" + new_uri if base else url
    html = _TEMPLATE.format(marker=Markup(MARKER), title=post.title, url=url, canonical=canonical)
    if target.is_file() and target.read_text(encoding="utf-8") == html:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html, encoding="utf-8")


def register(app: Sphinx) -> None:
    app.connect("html-collect-pages", write_redirects)
