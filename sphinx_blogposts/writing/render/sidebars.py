"""Sidebar templates (``blogposts/recent.html`` and friends) for the theme's ``html_sidebars``.

Sidebars are rendered by the *theme's* Jinja environment, not the extension's: so the
package's template folder is added to the builder's template loader (after the
project's own folders, so a project can still override a sidebar), and the data the
sidebars show is handed over as ``blogposts_*`` context variables on every page. The
theme environment does not autoescape; the templates escape every value with ``|e``.

A sidebar shows the whole blog on every page, so when what it shows changes (a new
post, a new tag) every page that shows one is written again, also on incremental builds.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, overload

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.jinja2glue import SphinxFileSystemLoader
from sphinx.locale import get_translation

from ...core import paths
from ...core.model import Post, Tag
from ...core.routes import (
    CATALOG_FOLDERS,
    archive_page,
    author_page,
    authors_index,
    catalog_index,
    index_page,
    post_page,
    tag_page,
    tags_index,
    term_page,
)
from ...reading import values
from ...reading.domain import domain_of
from ..builders import writes_html_pages
from ..routes import catalog_titles
from ..view import blog as blog_mod
from ..view.blog import all_blogs
from ..view.registry import renderer_of_page
from . import shared_sidebars
from .renderer import Renderer


@dataclass
class SidebarCache:
    """The build's part of the cache for sidebars."""

    #: blog path -> (its renderer, what its sidebars show).
    views: dict[str, tuple[Renderer, dict[str, Any]]] = field(default_factory=dict)
    #: (blog path, the folder of a page's URI) -> (the renderer, the sidebars' context for
    #: every page in that folder): a link from a page depends on its folder alone.
    linked: dict[tuple[str, str], tuple[Renderer, dict[str, Any]]] = field(default_factory=dict)
    #: Whether a sidebar shows ``blogposts/postcard.html``: the build's settings, asked once.
    uses_postcard: bool | None = None


_ = get_translation("sphinx_blogposts")

TEMPLATES = paths.TEMPLATES
SIDEBARS = (
    "recent",
    "tags",
    "archives",
    "authors",
    "categories",
    "locations",
    "languages",
    "postcard",
)

#: How many folders' sidebar contexts are kept at a time (see ``SidebarCache.linked``).
KEPT_FOLDERS = 8


def add_template_folder(app: Sphinx) -> None:
    """Let the theme find ``blogposts/*.html``, after the project's own template folders.

    The folder goes to the builder's loader, not to ``templates_path``: the gettext
    builder reads every template in ``templates_path`` into the project's own catalog
    (and stops on the extension's messages that take arguments); the extension's
    messages are translated by its own catalogs.
    """
    templates: Any = getattr(app.builder, "templates", None)
    loaders = getattr(templates, "loaders", None)
    if not isinstance(loaders, list):  # a custom template_bridge: nothing to add to
        return
    environment = getattr(templates, "environment", None)
    if environment is not None:  # pages without the blog's context (singlehtml) render each block
        environment.globals.setdefault("blogposts_sidebar", _render_block)
    folder = str(TEMPLATES)
    if folder in [str(p) for p in templates.pathchain]:
        return
    loaders.append(SphinxFileSystemLoader(folder))
    templates.pathchain.append(folder)  # its changes rewrite the pages, as the theme's do


def _render_block(name: str, caller: Callable[[], str]) -> str:
    return caller()


def uses_sidebars(config: Config, names: Sequence[str] = SIDEBARS) -> bool:
    """Whether any sidebar setting names one of the extension's sidebar templates."""
    text = json.dumps(
        [config.html_sidebars, getattr(config, "html_theme_options", {})], default=str
    )
    return any(f"blogposts/{name}.html" in text for name in names)


def sidebar_label(post: Post) -> str:
    """Docusaurus' ``sidebar_label``: a shorter title for the recent-posts sidebar."""
    return values.as_text(post.extra.get("sidebar_label")) or post.title


def _view(renderer: Renderer) -> dict[str, Any]:
    """What the sidebars show, with page names instead of links (the same for every page)."""
    blog = renderer.blog
    path = renderer.blog_path
    limit = renderer.config.blogposts_sidebar_recent
    return {
        "recent": [
            {
                "title": sidebar_label(post),
                "page": post_page(post),
                "anchor": post.section or "",  # ABlog's posting sections: the section
                "date": renderer.format_date(
                    post.date, renderer.config.blogposts_date_format_short
                ),
                "datetime": post.date.isoformat() if post.date else "",
            }
            for post in blog.listed[:limit]
        ],
        "tags": [
            {"label": tag.label, "page": tag_page(path, tag.slug), "count": len(tag.posts)}
            for tag in sorted(blog.tags.values(), key=lambda t: t.label.casefold())
            if tag.posts
        ],
        "archives": [
            {"year": year, "page": archive_page(path), "anchor": f"year-{year}", "count": len(p)}
            for year, p in blog.years()
        ],
        "authors": sorted(
            (
                {
                    "name": blog.authors[key].name,
                    "page": author_page(path, blog.authors[key].slug),
                    "count": len(posts),
                }
                for key, posts in blog.author_posts.items()
            ),
            key=lambda a: str(a["name"]).casefold(),
        ),
        **{
            CATALOG_FOLDERS[catalog]: [
                {"label": t.label, "page": term_page(path, catalog, t.slug), "count": len(t.posts)}
                for t in sorted(blog.catalogs.get(catalog, {}).values(), key=_label_order)
                if t.posts
            ]
            for catalog in blog_mod.CATALOGS
        },
    }


def _label_order(term: Tag) -> str:
    return term.label.casefold()


class Lazy(Sequence[dict[str, Any]]):
    """A list computed when a template first looks at it: pages without a blog sidebar
    (most pages of most sites) pay nothing for the sidebars' data."""

    def __init__(self, make: Callable[[], list[dict[str, Any]]]) -> None:
        self._make = make
        self._items: list[dict[str, Any]] | None = None

    def _get(self) -> list[dict[str, Any]]:
        if self._items is None:
            self._items = self._make()
        return self._items

    @overload
    def __getitem__(self, index: int) -> dict[str, Any]: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[dict[str, Any]]: ...
    def __getitem__(self, index: int | slice) -> dict[str, Any] | Sequence[dict[str, Any]]:
        return self._get()[index]

    def __len__(self) -> int:
        return len(self._get())


def _linked(app: Sphinx, renderer: Renderer, pagename: str) -> dict[str, Any]:
    """The sidebars' context for ``pagename``: made once per folder of pages (a large site
    has a few folders and thousands of pages), since ``Renderer.link`` from a page gives
    what it gives from any page beside it (a link to the page itself is its file name,
    as from its neighbours); only the post card is the page's own."""
    cache = domain_of(app.env).cache.part(SidebarCache)
    key = (renderer.blog_path, posixpath.dirname(renderer.uri(pagename)))
    found = cache.linked.get(key)
    if found is None or found[0] is not renderer:
        shared = bool(app.config.blogposts_shared_sidebars)
        if len(cache.linked) >= KEPT_FOLDERS:
            del cache.linked[next(iter(cache.linked))]  # the folder written longest ago
        found = cache.linked[key] = (renderer, _folder_context(app, renderer, pagename, shared))
    return {**found[1], "blogposts_postcard": _postcard(app, renderer, pagename)}


def _postcard(app: Sphinx, renderer: Renderer, pagename: str) -> dict[str, Any] | None:
    """The post's date, authors, tags, ... for ``blogposts/postcard.html`` on its page."""
    post = renderer.blog.posts.get(pagename)
    if post is None:
        return None
    cache = domain_of(app.env).cache.part(SidebarCache)
    if cache.uses_postcard is None:  # the settings are the build's: asked once, not per page
        cache.uses_postcard = uses_sidebars(app.config, ("postcard",))
    if not cache.uses_postcard:
        return None
    return renderer.card(post, pagename, with_excerpt=False, all_tags=True)


def _folder_context(app: Sphinx, renderer: Renderer, pagename: str, shared: bool) -> dict[str, Any]:
    """Everything the sidebars show but the post card, linked from ``pagename``'s folder;
    ``shared``: each sidebar a placeholder for the blog's script (``shared_sidebars``)."""

    def url(page: str, anchor: str = "") -> str | None:
        if not renderer.has_page(page):
            return None
        return renderer.link(pagename, page) + (f"#{anchor}" if anchor else "")

    def view() -> dict[str, Any]:
        views = domain_of(app.env).cache.part(SidebarCache).views
        cached = views.get(renderer.blog_path)
        if cached is None or cached[0] is not renderer:
            # computed once per renderer, that is once per blog and build (and write process)
            cached = views[renderer.blog_path] = (renderer, _view(renderer))
        return cached[1]

    def items(kind: str) -> Lazy:
        return Lazy(
            lambda: [
                {**item, "url": url(item["page"], item.get("anchor", ""))} for item in view()[kind]
            ]
        )

    bodies: dict[str, str] = {}

    def sidebar(name: str, caller: Callable[[], str]) -> str:
        """``{% call blogposts_sidebar(name) %}``: the block rendered for the first page of
        the folder, and the same text for the others (45 links of recent posts and tags
        are most of a sidebar's cost, on every page of a large site)."""
        if name not in bodies:
            if shared and name in shared_sidebars.SHARED:
                script = shared_sidebars.script_src(path, renderer.uri(pagename))
                title = texts.get(name, name)
                bodies[name] = shared_sidebars.placeholder(name, script, title, fallback[name])
            else:
                bodies[name] = caller()
        return bodies[name]

    path = renderer.blog_path
    texts = {
        "recent": str(_("Recent posts")),
        "tags": str(_("Tags")),
        "archives": str(_("Archives")),
        "authors": str(_("Authors")),
        "categories": catalog_titles("category")[0],
        "locations": catalog_titles("location")[0],
        "languages": catalog_titles("language")[0],
        "all_posts": str(_("All posts")),
        "draft": str(_("Draft")),
        "author": str(_("Author")),
        "location": str(_("Location")),
        "language": str(_("Language")),
        "category": str(_("Category")),
        "tag": str(_("Tags")),
    }
    fallback = {
        "recent": url(index_page(path)),
        "tags": url(tags_index(path)),
        "archives": url(archive_page(path)),
        "authors": url(authors_index(path)),
        **{folder: url(catalog_index(path, one)) for one, folder in CATALOG_FOLDERS.items()},
    }
    return {
        "blogposts_sidebar": sidebar,
        "blogposts_recent": items("recent"),
        "blogposts_tag_cloud": items("tags"),
        "blogposts_archives": items("archives"),
        "blogposts_author_list": items("authors"),
        "blogposts_category_list": items("categories"),
        "blogposts_location_list": items("locations"),
        "blogposts_language_list": items("languages"),
        "blogposts_categories_url": fallback["categories"],
        "blogposts_locations_url": fallback["locations"],
        "blogposts_languages_url": fallback["languages"],
        "blogposts_index_url": fallback["recent"],
        "blogposts_tags_url": fallback["tags"],
        "blogposts_authors_url": fallback["authors"],
        "blogposts_archive_url": fallback["archives"],
        "blogposts_dir": renderer.direction,
        "blogposts_text": texts,
    }


def shared_html(app: Sphinx, renderer: Renderer) -> dict[str, str]:
    """Each sidebar the settings name, as the blog's shared script holds it: rendered
    through the theme's templates (a project's own included), linked from the site's root."""
    templates: Any = getattr(app.builder, "templates", None)
    if templates is None or not hasattr(templates, "render"):
        return {}
    # linked from a page at the output's root, as the script expects ("index": the root
    # document may live in a folder)
    context = _folder_context(app, renderer, "index", shared=False)
    found = {}
    for name in shared_sidebars.SHARED:
        if uses_sidebars(app.config, (name,)):
            html = templates.render(f"blogposts/{name}.html", context).strip()
            if html:
                found[name] = html
    return found


def on_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Hand the sidebars their data; links are relative to the page being written."""
    if not writes_html_pages(app.builder) or _serializes_context(app):
        return
    context.update(_linked(app, renderer_of_page(app, pagename), pagename))


def _serializes_context(app: Sphinx) -> bool:
    """The json and pickle builders write the context itself (no theme, no sidebars)."""
    return hasattr(app.builder, "implementation")


def on_env_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Rewrite the pages whose sidebars changed, when a sidebar is in use: every page of a
    blog whose sidebars show something new (the default blog's: every page outside the
    other blogs too)."""
    if not writes_html_pages(app.builder) or not uses_sidebars(app.config):
        return []
    domain = domain_of(env)
    if app.config.blogposts_shared_sidebars:  # no page shows them: their scripts change
        domain.rebuilds.sidebar_digest = "shared"
        domain.rebuilds.sidebar_digests = {key: "shared" for key in all_blogs(app)}
        return []
    blogs = all_blogs(app)  # the ones rebuilds/outdated.py built for this build
    limit = app.config.blogposts_sidebar_recent
    digests: dict[str, str] = {}
    for key, blog in blogs.items():
        signature: list[Any] = [
            [(p.key, sidebar_label(p), str(p.date)) for p in blog.listed[:limit]],
            [(t.label, t.slug, len(t.posts)) for t in blog.tags.values()],
            [(year, len(posts)) for year, posts in blog.years()],
            [
                (blog.authors[k].name, blog.authors[k].slug, len(p))
                for k, p in blog.author_posts.items()
            ],
            [
                (catalog, t.label, t.slug, len(t.posts))
                for catalog, terms in sorted(blog.catalogs.items())
                for t in terms.values()
            ],
            app.config.language,
        ]
        digests[key] = hashlib.sha1(json.dumps(signature, default=str).encode()).hexdigest()
    default = app.config.blogposts_path
    record = domain.rebuilds
    previous = record.sidebar_digest
    earlier: dict[str, str | None] = {default: previous}
    earlier = dict(record.sidebar_digests or earlier)
    record.sidebar_digest = digests[default]  # what generated pages' frames include
    record.sidebar_digests = digests
    if previous is None:
        return []
    changed = {key for key, value in digests.items() if earlier.get(key) != value}
    if not changed:
        return []
    if len(digests) == 1:
        return sorted(env.found_docs)
    return sorted(
        doc
        for doc in env.found_docs
        if (getattr(domain.posts.get(doc), "blog", "") or default) in changed
    )


def register(app: Sphinx) -> None:
    app.connect("builder-inited", add_template_folder)
    app.connect("env-updated", on_env_updated)
    app.connect("html-page-context", on_page_context)
