"""The generated blog pages (index, tags, authors, archive), handed to the theme's ``page.html``.

The pages are rendered through the theme's own ``page.html`` with a ``title`` and a
``body``, which every theme supports; the extension never overrides ``page.html``.
Pages that a post change made obsolete (a tag nobody uses any more) are removed
from the output, so no stale page is left behind.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from markupsafe import escape
from sphinx.application import Sphinx

from .collect import domain_of
from .render import Renderer, renderer_for, writes_html_pages
from .routes import PageSpec


def collect_pages(app: Sphinx) -> Iterator[tuple[str, dict[str, Any], str]]:
    if not writes_html_pages(app.builder):
        return
    renderer = renderer_for(app)
    _remove_stale(app)
    for spec in renderer.pages:
        yield spec.name, page_context(renderer, spec), "page.html"


def page_context(renderer: Renderer, spec: PageSpec) -> dict[str, Any]:
    # Themes treat ``title`` (and ``prev``/``next`` titles) as HTML, as Sphinx gives them for
    # documents: some write it unescaped (the relation bar of "classic"), and ``<title>`` strips
    # tags from it. So the text (a tag name, an author name) is handed over escaped.
    context: dict[str, Any] = {
        "title": str(escape(spec.title)),
        "body": body(renderer, spec),
        "blogposts_page": spec.kind,
    }
    for rel in ("prev", "next"):
        target = getattr(spec, rel)
        if target:
            context[rel] = {
                "link": renderer.link(spec.name, target),
                "title": str(escape(_rel_title(rel))),
            }
    return context


def _rel_title(rel: str) -> str:
    from .render import _

    return str(_("Newer posts") if rel == "prev" else _("Older posts"))


def body(renderer: Renderer, spec: PageSpec) -> str:
    page = spec.name
    common: dict[str, Any] = {"title": spec.title, "kind": spec.kind}
    if spec.kind in ("index", "tag", "author"):
        author = None
        if spec.author is not None:
            author = {
                "name": spec.author.name,
                "title": spec.author.title,
                "url": spec.author.url,
                "image_url": spec.author.image_url,
            }
        return renderer.render(
            "blogposts/page_list.html",
            **common,
            postlist=renderer.postlist(spec.posts, page, excerpts=True),
            number=spec.number,
            total=spec.total,
            newer=renderer.link(page, spec.prev) if spec.prev else None,
            older=renderer.link(page, spec.next) if spec.next else None,
            author=author,
            links=_section_links(renderer, page),
        )
    if spec.kind == "tags":
        return renderer.render("blogposts/page_tags.html", **common, tags=renderer.tag_cloud(page))
    if spec.kind == "authors":
        return renderer.render(
            "blogposts/page_authors.html", **common, authors=renderer.author_cards(page)
        )
    years = [
        (year, [renderer.card(p, page, with_excerpt=False) for p in posts])
        for year, posts in renderer.blog.years()
    ]
    return renderer.render("blogposts/page_archive.html", **common, years=years)


def _section_links(renderer: Renderer, page: str) -> list[dict[str, str]]:
    from .render import _
    from .routes import archive_page, authors_index, tags_index

    path = renderer.blog_path
    links = []
    for target, label in (
        (tags_index(path), _("Tags")),
        (authors_index(path), _("Authors")),
        (archive_page(path), _("Archive")),
    ):
        if renderer.has_page(target):
            links.append({"label": str(label), "url": renderer.link(page, target)})
    return links


def _remove_stale(app: Sphinx) -> None:
    """Delete the output of pages generated last build but not this one."""
    domain = domain_of(app.env)
    outdir = Path(app.outdir).resolve()
    for name in sorted(domain.runtime.pop("stale_pages", ())):
        if name in app.env.found_docs:
            continue
        path = Path(app.builder.get_outfilename(name)).resolve()  # type: ignore[attr-defined]
        if path.is_relative_to(outdir) and path.is_file():
            path.unlink()
