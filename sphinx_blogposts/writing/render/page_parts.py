"""Filling post headers, footers and postlists with what the blog is now.

This happens for every page written, after all posts are known, which is why a
postlist in any document and a post's previous/next links are never stale;
:mod:`sphinx_blogposts.writing.rebuilds.outdated` makes sure those pages are written again
when what they show has changed.

Postlists are filled at ``doctree-resolved``, in the main process (they show excerpts,
which the main process keeps). An HTML page's post header and footer are written where
the page is translated: under ``-j``, in Sphinx's worker processes, which have the whole
blog (they are forked after it is built), so the main process, which resolves every
page for the workers one after the other, does not render four templates per post
meanwhile. Other builders get them at ``doctree-resolved`` as text.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import NoUri
from sphinx.transforms.post_transforms import SphinxPostTransform

from ...core.model import Post
from ...core.routes import post_page
from ...reading import excerpt
from ...reading.directives import post_footer_node, post_header_node, postlist_node
from ...reading.domain import BlogDomain, domain_of
from ..builders import app_of, writes_html_pages
from ..view.registry import renderer_named, renderer_of_post
from . import post_links
from .fragments import BODY_END, BODY_START, FRAGMENT_FLAG
from .renderer import Renderer


def take_excerpt(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """The post's excerpt cut at its marker leaves its page here, before any other handler
    sees it; an HTML build keeps it, resolved with the page, for every list and feed."""
    if not domain_of(app.env).holds_blog_nodes(docname):
        return
    html = writes_html_pages(app.builder)
    _keep(app, docname, excerpt.take_all(doctree, cut=html), html, True)


class SetExcerptCopiesAside(SphinxPostTransform):
    """A post's page holds a copy of its excerpt (``stored_excerpt``, when no marker cut
    it). Resolved with the page, each reference in it would be resolved, and warned
    about, twice at the same line. So it leaves the page before any resolver runs, and
    the lists that show it resolve it quietly (see ``fragments.quiet``). An excerpt the
    page does not show (``:exclude:``) stays, to be resolved, and warned about, once
    with the page."""

    default_priority = 1  # before every resolver (Sphinx's at 10, MyST's at 9, ours at 5)

    def run(self, **kwargs: Any) -> None:
        if self.document.get(FRAGMENT_FLAG) or not domain_of(self.env).holds_blog_nodes(
            self.env.docname
        ):
            return
        found = excerpt.take_stored(self.document, copies=True)
        if found:
            html = writes_html_pages(self.app.builder)
            _keep(self.app, self.env.docname, found, html, False)


def _keep(
    app: Sphinx, docname: str, found: dict[str, excerpt.stored_excerpt], html: bool, resolved: bool
) -> None:
    if not found or not html:
        return
    domain = domain_of(app.env)
    for section, stored in found.items():
        key = f"{docname}#{section}" if section else docname
        if domain.post_by_key(key) is not None:
            renderer_of_post(app, docname).fragments.keep_excerpt(key, stored, resolved)


def on_doctree_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if doctree.get(FRAGMENT_FLAG) or not domain_of(app.env).holds_blog_nodes(docname):
        return
    headers = list(doctree.findall(post_header_node))
    footers = list(doctree.findall(post_footer_node))
    postlists = list(doctree.findall(postlist_node))
    if not (headers or footers or postlists):
        return
    renderer = renderer_of_post(app, docname)
    html = writes_html_pages(app.builder)
    domain = domain_of(app.env)
    post = domain.posts.get(docname)
    if not html:  # an HTML page's are written with it (see _visit_header)
        for node in headers:
            shown = _shown(domain, node, post)
            node.replace_self(_meta_line(renderer, shown) if shown else [])
        for node in footers:
            node.replace_self([])
    for node in postlists:
        listing = renderer_named(app, node.get("blog"), node)
        node.replace_self(_postlist(listing, node, docname, html))


def _shown(domain: BlogDomain, node: nodes.Element, post: Post | None) -> Post | None:
    """The post a header is for: a section's post has its own, under the section's title."""
    return domain.post_by_key(node["key"]) if node.get("key") else post


def _visit_header(self: Any, node: post_header_node) -> None:
    """The header (and series box) of a post, rendered as its page is translated; the same
    text as an ``unsearched`` element would write, nothing around it."""
    app = app_of(self.builder.env)
    docname = self.builder.current_docname
    domain = domain_of(app.env)
    shown = _shown(domain, node, domain.posts.get(docname))
    if shown is not None:
        renderer = renderer_of_post(app, docname)
        box = str(post_links.series_box(renderer, shown))
        self.body.append(str(renderer.header(shown)) + box + BODY_START)
    raise nodes.SkipNode


def _visit_footer(self: Any, node: post_footer_node) -> None:
    app = app_of(self.builder.env)
    docname = self.builder.current_docname
    post = domain_of(app.env).posts.get(docname)
    if post is not None:
        renderer = renderer_of_post(app, docname)
        self.body.append(
            BODY_END + str(post_links.related_list(renderer, post)) + str(renderer.footer(post))
        )
    raise nodes.SkipNode


def _raw(html: str) -> nodes.raw:
    return nodes.raw("", html, format="html")


class unsearched(nodes.General, nodes.Element):  # noqa: N801 (docutils names nodes so)
    """The blog's own chrome on a page (the lists ABlog wrote where a document is). Sphinx's
    search skips an element of class ``no-search``, so searching a post's title finds that
    post, not also the pages that list it; this element writes no tag of its own around
    them. (A post's header and footer hold no text until they are written, so they are
    not searched either.)"""

    def __init__(self, html: str) -> None:
        super().__init__("", _raw(html), classes=["no-search"])


def _no_tag(self: Any, node: unsearched) -> None:
    """Visit and departure alike: the raw HTML inside is written, nothing around it."""


def _meta_line(renderer: Renderer, post: Post) -> list[nodes.Node]:
    """A post's header for builders other than HTML: its date, authors and tags."""
    card = renderer.card(post, post_page(post), with_excerpt=False, all_tags=True)
    parts = [card["date"]]
    parts += [", ".join(a["name"] for a in card["authors"])]
    parts += [", ".join(t["label"] for t in card["tags"])]
    return [nodes.paragraph("", " · ".join(p for p in parts if p), classes=["blogposts-meta"])]


def _postlist(
    renderer: Renderer, node: postlist_node, docname: str, html: bool
) -> list[nodes.Node]:
    posts = renderer.blog.select(node.attributes, docname)
    if html:
        return [
            _raw(
                renderer.postlist(
                    posts,
                    docname,
                    excerpts=node["excerpts"],
                    fmt=node["format"],
                    date_format=node["date_format"],
                    list_style=node["list_style"],
                    expand=node["expand"],
                    layout=node.get("layout"),
                )
            )
        ]
    items = nodes.bullet_list()
    for post in posts:
        try:
            uri = renderer.builder.get_relative_uri(docname, post_page(post)) + post.anchor
        except NoUri:  # a document this builder does not write (LaTeX): the title alone
            items += nodes.list_item("", nodes.paragraph("", post.title))
            continue
        ref = nodes.reference("", post.title, internal=True)
        ref["refuri"] = uri
        items += nodes.list_item("", nodes.paragraph("", "", ref))
    return [items]


def register(app: Sphinx) -> None:
    app.add_node(unsearched, html=(_no_tag, _no_tag))
    # the HTML builders' header and footer, written with the page (other builders skip them)
    app.add_node(post_header_node, override=True, html=(_visit_header, None))
    app.add_node(post_footer_node, override=True, html=(_visit_footer, None))
    app.add_post_transform(SetExcerptCopiesAside)
    app.connect("doctree-resolved", take_excerpt, priority=100)
    app.connect("doctree-resolved", on_doctree_resolved)
