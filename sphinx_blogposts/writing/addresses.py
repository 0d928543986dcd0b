"""Posts served at their own address (``blogposts_post_url``, ``slug``), in HTML builds.

Every address Sphinx gives a page passes through two methods of its builder:
``get_target_uri`` (links, the toctree, ``:doc:``, ``objects.inv``, sphinx-sitemap, and
``pathto``, which makes the page's paths to ``_static/``, images and downloads relative
to it) and ``get_output_path`` (where the page is written). This module wraps both on
the builder instance, so that a post with an address is written and linked there and
every other page, and every other extension, goes on as before without knowing of it.
A post keeps its docname as its page name (``core.routes.post_page``): references in it
resolve against its source folder; only the builder turns the name into the address,
percent-encoded in its URI (``objects.inv`` cannot hold a space), as written in its path.

The wrapped methods read the addresses of the build (``RebuildRecord.addresses``),
settled once at ``env-updated`` (collisions decided there) and pickled with the
environment, so ``-j`` workers see the same.

Sphinx's search page is the one consumer that does not ask the builder: ``searchindex.js``
lists page names, and ``searchtools.js`` makes each result's link from one
(``name + LINK_SUFFIX``; in ``dirhtml`` its folder). So the builder's search index
format is wrapped too: the index names a moved post by its address's page, and reads
that name back as the post's docname when an incremental build loads the index again.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Set
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote, unquote

from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment

from ..core import blog_settings, routes
from ..core.diagnostics import Warn, warn
from ..core.model import Post
from ..core.routes import DOCUSAURUS, MKDOCS, docusaurus_address, post_page
from ..reading.domain import domain_of, is_generated_name
from .builders import file_uri
from .outputs import sitemap
from .outputs.moved import BUILDERS, EVENT, Moved


def moves_posts(builder: Builder) -> bool:
    """Builders served at URLs, where a post may live at its address (not EPUB, LaTeX)."""
    return builder.name in BUILDERS


#: What a moved post's URI keeps as it is: RFC 3986's ``pchar``, ``/``, and ``%``, as
#: the html builder may have encoded the address already (an address holds no ``%``).
#: The rest (a space, ``é``) is percent-encoded, as Docusaurus served such a slug; the
#: file's name keeps it as written.
URI_CHARACTERS = "/:@!$&'()*+,;=~%"


def _output(uri: str) -> str:
    return uri + "index.html" if uri.endswith("/") or not uri else uri


class AddressedSearchIndex:
    """The HTML builder's search index format (``indexer_format``), naming each moved
    post by the page name its address is written under (``blog/x/index``), the name
    ``searchtools.js`` turns into the link of a search result."""

    def __init__(self, inner: Any, pages: Callable[[], Mapping[str, str]]) -> None:
        self.inner = inner
        self.pages = pages  # docname -> page name, asked when the index is written or read

    def dump(self, data: dict[str, Any], f: IO[Any]) -> None:
        pages = self.pages()
        names = [pages.get(name, name) for name in data["docnames"]]
        self.inner.dump({**data, "docnames": names}, f)

    def load(self, f: IO[Any]) -> Any:
        """The index of the last build, its moved posts named by docname again: Sphinx
        keeps the entries of the documents it does not write, by docname."""
        data = self.inner.load(f)
        if isinstance(data, dict) and isinstance(data.get("docnames"), (list, tuple)):
            docnames = {page: name for name, page in self.pages().items()}
            data["docnames"] = [docnames.get(name, name) for name in data["docnames"]]
        return data

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def wrap_builder(app: Sphinx) -> None:
    """``builder-inited``: the builder's address methods answer a post's address.

    Not when ``blogposts_post_url`` is None (an ABlog site's default): then every post is
    at its file's address, and the builder is left exactly as Sphinx made it.
    """
    builder = app.builder
    if not moves_posts(builder) or app.config.blogposts_post_url is None:
        return
    env = app.env
    target_uri: Callable[..., str] = builder.get_target_uri

    def moved(name: str) -> str:
        address = domain_of(env).rebuilds.addresses.get(name)
        return f"{address}/index" if address else name

    def get_target_uri(docname: str, typ: str | None = None) -> str:
        page = moved(docname)
        if page == docname:
            return target_uri(docname, typ)
        # html percent-encodes the name, dirhtml does not: encode what is left
        return quote(target_uri(page, typ), safe=URI_CHARACTERS)

    builder.get_target_uri = get_target_uri  # type: ignore[method-assign]
    if hasattr(builder, "indexer_format"):
        builder.indexer_format = AddressedSearchIndex(
            builder.indexer_format,
            lambda: {d: f"{a}/index" for d, a in domain_of(env).rebuilds.addresses.items()},
        )
    output_path: Callable[[str], Path] = builder.get_output_path  # type: ignore[attr-defined]

    def get_output_path(page_name: str, /) -> Path:
        return output_path(moved(page_name))

    builder.get_output_path = get_output_path  # type: ignore[attr-defined]


@dataclass
class AddressCache:
    """The build's part of the cache for addresses."""

    #: Documents new in this build (``env-get-outdated``'s ``added``).
    added: Set[str] = field(default_factory=frozenset)


def note_added(
    app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str], removed: Set[str]
) -> list[str]:
    """``env-get-outdated``: which documents are new. A new post's address is no move: no
    page linked to it before, so no page must be written again for it."""
    domain_of(env).cache.part(AddressCache).added = frozenset(added)
    return []


def settle(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: each post's address, the first post claiming one keeping it; when
    one that was there before moved, every document is written again (any may link to
    it). A new post moves nothing: on a site with thousands of pages, it would rewrite
    them all."""
    domain = domain_of(env)
    record = domain.rebuilds
    taken: dict[str, str] = {}
    settled: dict[str, str] = {}
    for docname in sorted(domain.posts):
        post = domain.posts[docname]
        address = post.address
        if address is None:
            continue
        other = taken.get(address)
        if other is None and address in env.found_docs and address != docname:
            other = f"the document {address!r}"
        blog_path = post.blog or app.config.blogposts_path
        if other is None and is_generated_name(app, blog_path, address):
            other = "a page the blog generates"
        if other is None:
            other = next(
                (f"the document {d!r}" for d in _index_docs(env, address) if d != docname), None
            )
        if other is not None:
            warn(
                f"the post's address {address!r} is taken by {other}; the post stays at "
                "its file's address. Give it another slug",
                Warn.SLUG,
                (docname, post.key_lines.get("slug", post.line)),
            )
            continue
        taken[address] = f"the post {docname!r}"
        settled[docname] = address
    former = {a: d for a, d in record.former_addresses.items() if d in domain.posts}
    for docname, address in record.addresses.items():
        if settled.get(docname) != address and docname in domain.posts:
            former[address] = docname
    for address in [*settled.values(), *_docusaurus_addresses(app, env)]:
        former.pop(address, None)  # claimed now: a post's page, or its Docusaurus redirect
    added = domain.cache.part(AddressCache).added
    moved = any(
        settled.get(docname) != record.addresses.get(docname)
        for docname in settled.keys() | record.addresses.keys()
        if docname not in added
    )
    record.addresses = settled
    record.former_addresses = former
    return sorted(env.found_docs) if moved else []


def _docusaurus_addresses(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Where Docusaurus served each post (its slug, or its file's date), which
    ``compat/docusaurus/redirects.py`` keeps as a redirect to it in the blogs that
    have ``blogposts_redirects``."""
    redirecting = {
        "" if blog.default else blog.key: blog.config.blogposts_redirects
        for blog in blog_settings.settings(app.config)
    }
    found = (
        routes.docusaurus_page(post.blog or app.config.blogposts_path, docname, post.slug)
        for docname, post in domain_of(env).posts.items()
        if redirecting.get(post.blog)
    )
    return [address for address in found if address is not None]


def _index_docs(env: BuildEnvironment, address: str) -> list[str]:
    return [address + "/index"] if address + "/index" in env.found_docs else []


def redirects(app: Sphinx) -> dict[str, Moved]:
    """``blogposts-moved``: a redirect to each moved post at its file's address, and at
    each address it had before."""
    if not moves_posts(app.builder):
        return {}
    domain = domain_of(app.env)
    record = domain.rebuilds
    # each earlier address (as a page name under it), then each moved post's own file
    olds = [(f"{address}/index", d) for address, d in record.former_addresses.items()]
    olds += [(docname, docname) for docname in record.addresses]
    builder = app.builder
    result: dict[str, Moved] = {}
    for name, docname in olds:
        # output paths, not URIs: html percent-encodes a name (``no date`` -> ``no%20date``)
        old = unquote(_output(file_uri(builder, name)))
        if old != unquote(_output(builder.get_target_uri(docname))):  # dirhtml: x is x/
            result[old] = Moved(
                title=domain.posts[docname].title, target=docname, replaces_page=True
            )
    return result


def feed_identity(app: Sphinx, post: Post) -> str:
    """The address a post's feed entries are identified by (their ``id``, relative to the
    base URL): the one the engine the blog came from published, so that moving in shows
    subscribers no post twice, and that no ``blogposts_post_url`` changes afterwards.

    ABlog's was the post's file address; MkDocs' its address (``"mkdocs"`` says the blog
    is one); Docusaurus' its permalink (``blog/2021/04/15/name``, ``blog/<slug>``), which
    is also the default address of a post of any other blog here.
    A section's post, or one whose Docusaurus address cannot be a path, keeps its file's.
    """
    page = post_page(post)
    settled = domain_of(app.env).rebuilds.addresses.get(page)
    if app.config.blogposts_post_url == MKDOCS and settled is not None:
        return f"{settled}/"  # MkDocs' feeds: the post's URL, a folder
    if app.config.blogposts_engine != "ablog" and post.section is None:
        blog_path = post.blog or app.config.blogposts_path
        address = docusaurus_address(blog_path, post.docname, post.slug)
        if address is not None:
            return address
    return file_uri(app.builder, page)


def published_url(app: Sphinx, pagename: str, base: str) -> str | None:
    """The URL a moved post is published at, below ``base``: its canonical link, and its
    ``url`` in JSON-LD; None for any other page (its URL is the builder's).

    Docusaurus' canonical URL of a post has no trailing slash (``/blog/2021/04/15/name``),
    so its preset gives exactly that; other addresses are folders and end in ``/``.
    """
    address = domain_of(app.env).rebuilds.addresses.get(pagename)
    if address is None or not base or not moves_posts(app.builder):
        return None
    slash = "" if app.config.blogposts_post_url == DOCUSAURUS else "/"
    return f"{base.rstrip('/')}/{quote(address, safe=URI_CHARACTERS)}{slash}"


def canonical_url(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: the theme's ``<link rel="canonical">`` (from ``pageurl``) is
    the post's published URL, not the ``index.html`` file it is written to."""
    url = published_url(app, pagename, app.config.html_baseurl or "")
    if url is not None:
        context["pageurl"] = url


def sitemap_links(app: Sphinx, exception: BaseException | None) -> None:
    """``build-finished``: sphinx-sitemap, which notes each page by its name (a moved
    post's file address, now a redirect), lists a moved post at its published URL."""
    if exception is not None or not moves_posts(app.builder):
        return

    def relative(pagename: str) -> str | None:
        url = published_url(app, pagename, ".")  # ./blog/x: relative to the site's root
        return url.removeprefix("./") if url is not None else None

    sitemap.repoint(app, relative)


def register(app: Sphinx) -> None:
    app.connect("html-page-context", canonical_url, priority=450)  # before ABlog's own link
    app.connect("builder-inited", wrap_builder)
    app.connect("env-get-outdated", note_added)
    app.connect("env-updated", settle, priority=400)  # before the blog view is built
    app.connect(EVENT, redirects)
    app.connect("build-finished", sitemap_links, priority=400)  # before sphinx-sitemap writes
