"""ABlog's ``:ref:`` labels (``blog-posts``, ``tag-<name>``, a post's file name) lead to our pages.

The generated pages are not documents, so their labels cannot sit in the standard
domain; they are resolved at ``missing-reference``, after every label a project defines
itself (which therefore always wins). Which pages exist and what they are called depend
on every post, so each document's ``ref`` targets are kept per document, and a document
is written again when what one of its targets resolves to (page, title) has changed.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from collections.abc import Set
from dataclasses import dataclass
from typing import Any, ClassVar

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.locale import get_translation
from sphinx.util.osutil import relative_uri

from ...core import routes
from ...core.config import FEED_FORMATS
from ...core.store import DocumentStore
from ...reading.domain import domain_of
from ...writing.builders import writes_html_pages
from ...writing.rebuilds import signatures
from ...writing.render.renderer import Renderer, renderer_for
from ...writing.routes import catalog_titles, plan_pages
from ...writing.view.blog import CATALOGS, Blog, all_blogs
from .placeholders import address_kinds, placeholders

_ = get_translation("sphinx_blogposts")


def ablog_slug(text: str) -> str:
    """A label's tail as ABlog makes it: accents dropped, symbols removed, lower case,
    spaces and hyphens run together into one hyphen (letters of any script are kept)."""
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(c for c in decomposed if c.isalnum() or c in "_- " or c.isspace()).strip()
    return re.sub(r"[-\s]+", "-", kept.lower())


def post_label(docname: str, title: str) -> str:
    """A post's own label: its file name, or its folder's for an ``index``."""
    parts = docname.split("/")
    if parts[-1] == "index" and len(parts) > 1:
        parts = parts[:-1]
    return (parts[-1] or ablog_slug(title)).lower()


@dataclass(frozen=True)
class Target:
    """Where a label leads: a page (or a feed file) with an anchor, and its text."""

    page: str
    title: str
    anchor: str = ""
    #: A file path in the output folder (a feed), not a page name.
    file: bool = False


#: The catalog label of each kind of page ABlog wrote under ``blog_path``.
_PAGE_LABELS = {
    "index": "blog-posts",
    "tags": "blog-tags",
    "authors": "blog-authors",
    "category": "blog-categories",
    "location": "blog-locations",
    "language": "blog-languages",
    "archive": "blog-archives",
    "drafts": "blog-drafts",
}


def targets(
    blog: Blog, config: Config, pages: Set[str], placed: Set[str] = frozenset()
) -> dict[str, Target]:
    """Every ABlog label of the blog as it is now; ``pages`` are the names that exist,
    ``placed`` the documents at ABlog's page addresses that show its lists: its labels
    lead there, as they did with ABlog."""
    path = config.blogposts_path
    index = routes.index_page(path)

    def page_or_index(name: str, title: str) -> Target:
        # a catalog with no value yet has no page: lead to the blog rather than nowhere
        return Target(name if name in pages else index, title)

    feeds = [fmt for fmt in FEED_FORMATS if fmt in config.blogposts_feed_formats] or ["atom"]
    found: dict[str, Target] = {
        "blog-posts": Target(index, str(_("Posts"))),
        "blog-feed": Target(
            routes.feed_file(routes.blog_feed_folder(path), feeds[0]),
            f"{config.blogposts_title} Feed",
            file=True,
        ),
        "blog-tags": page_or_index(routes.tags_index(path), str(_("Tags"))),
        "blog-authors": page_or_index(routes.authors_index(path), str(_("Authors"))),
        "blog-archives": page_or_index(routes.archive_page(path), str(_("Archives"))),
    }
    if routes.drafts_page(path) in pages:
        found["blog-drafts"] = Target(routes.drafts_page(path), str(_("Drafts")))
    for catalog, plural in zip(CATALOGS, ("categories", "locations", "languages"), strict=True):
        found[f"blog-{plural}"] = page_or_index(
            routes.catalog_index(path, catalog), catalog_titles(catalog)[0]
        )
        for term in blog.catalogs.get(catalog, {}).values():
            if term.posts:
                found[f"{catalog}-{ablog_slug(term.key)}"] = Target(
                    routes.term_page(path, catalog, term.slug), term.label
                )
    for tag in blog.tags.values():
        if tag.posts:
            found[f"tag-{ablog_slug(tag.label)}"] = Target(
                routes.tag_page(path, tag.slug), tag.label
            )
    for key, posts in blog.author_posts.items():
        author = blog.authors[key]
        if posts:
            found[f"author-{ablog_slug(author.key)}"] = Target(
                routes.author_page(path, author.slug), author.name
            )
    for year, _posts in blog.years():
        found[f"archive-{year}"] = Target(
            routes.archive_page(path), str(year), anchor=f"year-{year}"
        )
    for post in sorted(blog.posts.values(), key=lambda p: p.docname):
        found.setdefault(
            post_label(post.docname, post.title), Target(routes.post_page(post), post.title)
        )
    for place, (kind, of_catalog) in address_kinds(path).items():
        label = _PAGE_LABELS[of_catalog or kind]
        if place in placed and label in found:
            found[label] = Target(place, found[label].title)
    return found


@dataclass
class LabelTable:
    """The build's part of the cache (``core/cache.py``): ABlog's labels, with the
    renderer they were computed for (once per renderer: once per build and process)."""

    table: tuple[Renderer, dict[str, Target]] | None = None


class AblogRefs(DocumentStore):
    """Per document: the ``ref`` targets it names, which may be ABlog's labels."""

    name = "blogposts_ablog"
    label = "ABlog labels"
    data_version = 1
    initial_data: ClassVar[dict[str, Any]] = {"refs": {}, "signatures": {}}
    per_document = ("refs",)


def _store(env: BuildEnvironment) -> AblogRefs:
    store = env.domains["blogposts_ablog"]
    assert isinstance(store, AblogRefs)
    return store


def note_refs(app: Sphinx, doctree: nodes.document) -> None:
    """At ``doctree-read``: the targets of the document's ``:ref:`` roles."""
    refs = sorted(
        {
            str(node["reftarget"])
            for node in doctree.findall(addnodes.pending_xref)
            if node.get("refdomain") == "std" and node.get("reftype") == "ref"
        }
    )
    if refs:
        _store(app.env).data["refs"][app.env.docname] = refs


def _table(app: Sphinx) -> dict[str, Target]:
    """This build's labels, computed once per renderer (so once per build and process)."""
    renderer = renderer_for(app)
    cache = domain_of(app.env).cache.part(LabelTable)
    cached = cache.table
    if cached is None or cached[0] is not renderer:
        # the pages an HTML build has, also for builders that write none (LaTeX, text):
        # a label resolves the same way everywhere, to a link or to its text
        planned = {spec.name for spec in _plan(renderer.blog, app.config, app.env)}
        pages = planned | set(app.env.found_docs)
        placed = set(placeholders(app))
        cached = cache.table = (
            renderer,
            targets(renderer.blog, app.config, pages, placed),
        )
    return cached[1]


def resolve(
    app: Sphinx, env: BuildEnvironment, node: addnodes.pending_xref, contnode: nodes.Element
) -> nodes.Element | None:
    """``missing-reference``: an ABlog label no document defines, as a link to our page."""
    if node.get("refdomain") != "std" or node.get("reftype") != "ref":
        return None
    target = _table(app).get(str(node["reftarget"]).lower())
    if target is None:
        return None
    if node.get("refexplicit"):
        content: nodes.Element = contnode
    else:
        content = nodes.inline(target.title, target.title, classes=["std", "std-ref"])
    if not writes_html_pages(app.builder):
        return content  # no generated pages here: the text, without a link or a warning
    fromdoc = node.get("refdoc", env.docname)
    from_uri = app.builder.get_target_uri(fromdoc)
    to_uri = target.page if target.file else app.builder.get_target_uri(target.page)
    # a page's link to itself: its own file name ("./" is the folder, in an html build)
    uri = relative_uri(from_uri, to_uri) or posixpath.basename(to_uri) or "./"
    if target.anchor:
        uri += f"#{target.anchor}"
    reference = nodes.reference("", "", internal=True, refuri=uri, reftitle=target.title)
    reference += content
    return reference


def on_env_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Documents whose ABlog labels now lead elsewhere, or read differently: written again."""
    store = _store(env)
    refs: dict[str, list[str]] = store.data["refs"]
    if not refs:
        store.data["signatures"] = {}
        return []
    blog = all_blogs(app)[app.config.blogposts_path]  # built by rebuilds/outdated.py
    config = app.config
    pages = {spec.name for spec in _plan(blog, config, env)} | set(env.found_docs)
    table = targets(blog, config, pages, set(placeholders(app)))
    found = {
        docname: signatures.digest([table.get(t.lower()) for t in names])
        for docname, names in refs.items()
    }
    previous: dict[str, str] = store.data["signatures"]
    store.data["signatures"] = found
    return sorted(
        docname
        for docname, signature in found.items()
        if docname in previous and previous[docname] != signature and docname in env.found_docs
    )


def _plan(blog: Blog, config: Config, env: BuildEnvironment) -> list[Any]:
    return plan_pages(
        blog,
        config.blogposts_path,
        config.blogposts_title,
        config.blogposts_posts_per_page,
        env.found_docs,
    )


def register(app: Sphinx) -> None:
    app.add_domain(AblogRefs)
    app.connect("doctree-read", note_refs)
    app.connect("missing-reference", resolve)
    # after rebuilds/outdated.py's handler, which builds the blog this one reads
    app.connect("env-updated", on_env_updated, priority=600)
