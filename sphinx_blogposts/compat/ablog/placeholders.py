"""Documents at the addresses of ABlog's pages show the lists ABlog wrote there.

ABlog sites often keep a document where ABlog writes a page (``blog.rst`` with a
toctree, ``blog/tag.rst``, ``blog/archive.rst``), so the site's navigation lists the
blog. ABlog wrote its generated page at ``blog.html`` and ``blog/drafts.html`` over the
document's own page, and its catalog pages only where no document was; our pages have
other names (``blog/index``, ``blog/tags/index``), so such a document alone would be an
empty page. Here the document keeps its title, its text and its toctree, and the list
ABlog wrote at that address is added at the end of its content. A document with its own
``postlist`` made its list itself and is left as it is.

Which documents these are depends on the found documents and the config only; what they
show depends on every post, so each one's signature is kept between builds and the
document is written again when it changes (a new post rewrites ``blog.html``).
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ...core.diagnostics import logger
from ...core.model import Post
from ...reading.directives import postlist_node
from ...reading.domain import domain_of
from ...writing.builders import writes_html_pages
from ...writing.outputs import pages
from ...writing.render.fragments import FRAGMENT_FLAG
from ...writing.render.page_parts import unsearched
from ...writing.render.renderer import Renderer, _, renderer_for
from ...writing.routes import PageSpec, catalog_titles, drafts_of
from ...writing.view.blog import CATALOGS, pinned_first
from ...writing.view.checks import FILLED
from .settings import TABLE

#: The generated page ABlog wrote at each address under ``blog_path``, as our page kinds.
_KINDS: dict[str, tuple[str, str | None]] = {
    "": ("index", None),
    "tag": ("tags", None),
    "author": ("authors", None),
    **{catalog: ("catalog", catalog) for catalog in CATALOGS},
    "archive": ("archive", None),
    "drafts": ("drafts", None),
}


def address_kinds(blog_path: str) -> dict[str, tuple[str, str | None]]:
    """ABlog's page name -> (our page kind, catalog): ``blog``, ``blog/tag``, ..."""
    return {(f"{blog_path}/{tail}" if tail else blog_path): kind for tail, kind in _KINDS.items()}


def placeholders(app: Sphinx) -> dict[str, tuple[str, str | None]]:
    """The documents of an ABlog site that sit at one of ABlog's page addresses."""
    if not TABLE.is_site(app.config):
        return {}
    found = app.env.found_docs
    return {
        name: kind
        for name, kind in address_kinds(app.config.blogposts_path).items()
        if name in found
    }


def spec_for(renderer: Renderer, docname: str, kind: str, catalog: str | None) -> PageSpec:
    """The page ABlog wrote at ``docname``, to be shown inside that document."""
    blog = renderer.blog
    title = str(_("Posts"))
    posts: list[Post] = []
    if kind == "index":  # ABlog's "All posts": every post on one page
        posts = pinned_first(blog.listed)
    elif kind == "archive":
        posts, title = blog.listed, str(_("Archive"))
    elif kind == "drafts":
        posts, title = drafts_of(blog), str(_("Drafts"))
    elif kind == "tags":
        title = str(_("Tags"))
    elif kind == "authors":
        title = str(_("Authors"))
    elif catalog is not None:
        title = catalog_titles(catalog)[0]
    return PageSpec(
        name=docname, kind=kind, title=title, posts=posts, catalog=catalog, embedded=True
    )


def fill(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved`` (before postlists are filled): the list at the end of the content."""
    if doctree.get(FRAGMENT_FLAG) or not writes_html_pages(app.builder):
        return
    kind = placeholders(app).get(docname)
    if kind is None or any(doctree.findall(postlist_node)):
        return
    sections = [child for child in doctree.children if isinstance(child, nodes.section)]
    spec = spec_for(renderer_for(app), docname, *kind)
    spec.embedded = bool(sections)  # a document without a title keeps the page's own
    html = pages.body(renderer_for(app), spec)
    (sections[-1] if sections else doctree).append(unsearched(html))


def on_env_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """The placeholders whose list changed since the last build: written again."""
    record = domain_of(env).rebuilds
    found_now = placeholders(app)
    previous = record.placeholders
    if not found_now:
        record.placeholders = {}
        return []
    renderer = renderer_for(app)
    found = {
        docname: pages.signature(renderer, spec_for(renderer, docname, *kind), "")
        for docname, kind in found_now.items()
    }
    record.placeholders = found
    logger.info(
        "blogposts: %s show the lists ABlog wrote at their addresses",
        ", ".join(sorted(found)),
    )
    return sorted(name for name, digest in found.items() if previous.get(name) != digest)


def filled(app: Sphinx) -> list[str]:
    """``blogposts-filled-documents``: these documents show their page, they hide none."""
    return sorted(placeholders(app))


def register(app: Sphinx) -> None:
    # before render/page_parts.py turns postlists
    app.connect("doctree-resolved", fill, priority=450)
    app.connect("env-updated", on_env_updated, priority=600)  # after the blog is built
    app.connect(FILLED, filled)
