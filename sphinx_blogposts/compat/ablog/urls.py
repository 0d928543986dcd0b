"""ABlog's page URLs keep answering: a redirect page at each, leading to ours.

ABlog named its pages after the blog folder (``blog.html``), each catalog in the
singular (``blog/tag/<name>.html``, ``blog/author/<name>``, ...), each year beside
the blog (``blog/2020.html``), with ``<page>/atom.xml`` feeds. Our pages keep their own
names (``blog/tags/<slug>.html``); links from elsewhere to the old ones are sent on,
and each old feed file is a copy of the matching feed, since a feed reader follows no
meta refresh. Redirects are written only for sites that use ABlog's settings.
"""

from __future__ import annotations

import re

from sphinx.application import Sphinx
from sphinx.config import Config

from ...core.aliases import value_of
from ...core.routes import (
    archive_page,
    author_page,
    authors_index,
    catalog_index,
    index_page,
    tag_page,
    tags_index,
    term_page,
    year_feed_folder,
)
from ...writing.outputs.feed_plan import formats, plan_of
from ...writing.outputs.moved import EVENT, Moved, output_path
from ...writing.render.renderer import _, renderer_for
from ...writing.routes import catalog_titles
from ...writing.view.blog import CATALOGS
from .labels import ablog_slug
from .settings import TABLE

#: A feed's file name without ``.xml``: no folder, nothing hidden.
_FILE_ROOT = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


def is_ablog_site(config: Config) -> bool:
    return TABLE.is_site(config)


def old_pages(app: Sphinx) -> dict[str, Moved]:
    """ABlog's page name -> where it now is, for the pages this blog has."""
    renderer = renderer_for(app)
    blog = renderer.blog
    path = renderer.blog_path
    moved: dict[str, Moved] = {}

    def add(old: str, new: str, title: str, anchor: str = "") -> None:
        if renderer.has_page(new) and not renderer.has_page(old):
            moved.setdefault(old, Moved(title=title, target=new, anchor=anchor))

    add(path, index_page(path), renderer.config.blogposts_title)
    add(f"{path}/tag", tags_index(path), str(_("Tags")))
    for tag in blog.tags.values():
        if tag.posts:
            add(f"{path}/tag/{ablog_slug(tag.label)}", tag_page(path, tag.slug), tag.label)
    add(f"{path}/author", authors_index(path), str(_("Authors")))
    for key in blog.author_posts:
        author = blog.authors[key]
        add(f"{path}/author/{ablog_slug(author.name)}", author_page(path, author.slug), author.name)
    for catalog in CATALOGS:
        add(f"{path}/{catalog}", catalog_index(path, catalog), catalog_titles(catalog)[0])
        for term in blog.catalogs.get(catalog, {}).values():
            if term.posts:
                add(
                    f"{path}/{catalog}/{ablog_slug(term.label)}",
                    term_page(path, catalog, term.slug),
                    term.label,
                )
    for year, _posts in blog.years():
        add(f"{path}/{year}", archive_page(path), str(year), anchor=f"year-{year}")
    return moved


def feed_roots(config: Config) -> list[str]:
    """The file names ABlog gave each feed: ``atom.xml``, and one per other key of
    ``blog_feed_templates`` (``social.xml``); their templates are not applied here."""
    templates = value_of(config, "blog_feed_templates")
    keys = [k for k in templates if isinstance(k, str)] if isinstance(templates, dict) else []
    return ["atom", *sorted(k for k in keys if k != "atom" and _FILE_ROOT.fullmatch(k))]


def old_feeds(app: Sphinx, pages: dict[str, Moved]) -> dict[str, Moved]:
    """ABlog's ``<page>/atom.xml`` of each page that has a feed here: a copy of ours."""
    if "atom" not in formats(app):
        return {}
    _renderer, specs = plan_of(app)
    by_page = {spec.page: spec for spec in specs if spec.kind != "year"}
    by_folder = {spec.folder: spec for spec in specs}
    path = app.config.blogposts_path
    sources: dict[str, str] = {}  # ABlog's feed folder -> our Atom feed
    if specs and specs[0].kind == "blog":
        sources[path] = specs[0].path("atom")
    for old, moved in pages.items():
        spec = by_page.get(moved.target or "")
        if moved.anchor.startswith("year-"):
            spec = by_folder.get(year_feed_folder(path, int(moved.anchor[5:])))
        if spec is not None and spec.kind != "blog":
            sources[old] = spec.path("atom")
    return {
        f"{folder}/{root}.xml": Moved(copy_of=source)
        for folder, source in sources.items()
        for root in feed_roots(app.config)
        if f"{folder}/{root}.xml" != source
    }


def moved_files(app: Sphinx) -> dict[str, Moved]:
    """``blogposts-moved``: the files to keep at ABlog's URLs (output path -> what)."""
    if not is_ablog_site(app.config):
        return {}
    pages = old_pages(app)
    files = {output_path(app, old): moved for old, moved in pages.items()}
    files.update(old_feeds(app, pages))
    return {
        rel: moved
        for rel, moved in files.items()
        if moved.target is None or rel != output_path(app, moved.target)
    }


def register(app: Sphinx) -> None:
    app.connect(EVENT, moved_files)
