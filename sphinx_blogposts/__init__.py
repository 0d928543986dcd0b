"""sphinx_blogposts: a blog inside a Sphinx documentation site."""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from .compat import ablog
from .compat.docusaurus import codeblocks, links, mdx, redirects, static, tagsfile
from .core import blog_settings as blogs
from .core import config
from .core.version import __version__
from .reading import collect, directives, domain, excerpt, file_history, images, source
from .writing import addresses
from .writing.head import jsonld
from .writing.head import meta as theme
from .writing.head import opengraph as social
from .writing.outputs import cards, feed_plan, feeds, moved, pages, sidebar_files
from .writing.outputs import images as image_files
from .writing.rebuilds import (
    fingerprint as state,
)
from .writing.rebuilds import (
    ledger as ledgers,
)
from .writing.rebuilds import (
    outdated as incremental,
)
from .writing.rebuilds import (
    post_pages as post_extras,
)
from .writing.rebuilds import (
    signatures,
)
from .writing.render import comments, sidebars
from .writing.render import page_parts as fill
from .writing.view import blog as blog_view

__all__ = ["__version__", "setup"]


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("myst_parser")

    # configuration: the blogposts_* values, validated once
    config.register(app)
    blogs.register(app)  # blogposts_blogs: the other blogs' own values
    signatures.register(app)  # the hook compatibility layers add page inputs through
    blog_view.register(app)  # the hook compatibility layers define tags through

    # read: which documents are posts and what they say, kept per document
    domain.register(app)  # the per-document store of posts, and the authors map
    source.register(app)  # before MyST parses a post: its title as the H1
    collect.register(app)  # each post's doctree read into a Post
    directives.register(app)  # ABlog's post and postlist
    excerpt.register(app)  # excerpts, kept in each post's doctree
    mdx.register(app)  # Docusaurus and MDX syntax, rewritten before MyST parses it
    codeblocks.register(app)  # Docusaurus posts' code blocks: titles, highlighted lines
    tagsfile.register(app)  # Docusaurus' tags.yml
    images.register(app)  # front-matter images and avatars: missing files warned about
    links.register(app)  # Docusaurus URLs, root-relative links, heading anchors
    file_history.register(app)  # git's first and last commit dates, asked once per build
    static.register(app)  # root paths into Docusaurus' static folder, also in raw HTML

    # between read and write: pages whose content changed with other posts
    state.register(app)  # whether this build read or removed any document at all
    incremental.register(app)
    sidebars.register(app)  # blogposts/*.html sidebars for html_sidebars
    post_extras.register(app)  # posts whose update date or comment settings changed

    # write
    social.register(app)  # og, twitter and keywords meta (before noindex in the head)
    theme.register(app)  # stylesheet, messages, noindex for hidden posts
    fill.register(app)  # post headers and footers, postlists
    image_files.register(app)  # front-matter images and avatars copied to the output
    pages.register(app)  # index, tag, author and archive pages
    sidebar_files.register(app)  # each blog's sidebars in one script (blogposts_shared_sidebars)
    feeds.register(app)  # Atom, RSS and JSON Feed files
    cards.register(app)  # social cards: a PNG per post for og:image, JSON-LD and feeds
    feed_plan.register(app)  # feed links in every blog page's head
    jsonld.register(app)  # schema.org structured data in the head of blog pages
    comments.register(app)  # giscus, utterances or Disqus at the end of posts
    moved.register(app)  # files at old URLs, as the compatibility layers ask
    redirects.register(app)  # old Docusaurus URLs, written there
    addresses.register(app)  # posts at their own address (blogposts_post_url, slug)
    ledgers.register(app)  # what pages, feeds, redirects wrote: saved if the build succeeds

    ablog.register(app)  # ABlog's settings, sidebar names, labels and old URLs

    return {
        "version": __version__,
        "env_version": 12,  # bump with BlogDomain.data_version
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
