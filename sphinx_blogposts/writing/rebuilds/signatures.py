"""Digests of what a page shows, to tell from one build to the next whether it must be written.

A page that lists posts changes when, and only when, the visible data of those posts
changes (title, date, authors, tags and whether they have pages, reading time, the
excerpt) or the page's own frame does (pagination, theme, configuration, navigation).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sphinx.application import Sphinx

from ...core import paths
from ...core.model import Post
from ...reading.domain import domain_of
from ..view.blog import CATALOGS, Blog

#: Emitted whenever a generated page or feed is weighed for rewriting. Each handler returns
#: a value that changes when something those pages show changed outside the posts' own
#: data: the compatibility layers connect to it (how Docusaurus links in excerpts resolve),
#: so this side need not know them.
OUTSIDE_INPUTS = "blogposts-outside-inputs"


def outside_inputs(app: Sphinx) -> list[Any]:
    """What the connected layers say the blog's pages depend on, in handler order."""
    return list(app.emit(OUTSIDE_INPUTS))


def config_hash(app: Sphinx) -> str | None:
    """The HTML builder's digest of the settings its pages depend on (None elsewhere)."""
    return getattr(getattr(app.builder, "build_info", None), "config_hash", None)


def digest(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def reading_minutes(post: Post, words_per_minute: int) -> int:
    return max(1, round(post.words / words_per_minute))


def card(blog: Blog, post: Post, words_per_minute: int, with_excerpt: bool = True) -> list[Any]:
    """Everything a post's card or header shows (the reading time, not the word count)."""
    authors = [
        (a.key, a.name, a.slug, a.title, a.url, a.image_url, bool(blog.author_posts.get(a.key)))
        for a in blog.post_authors.get(post.key, [])
    ]
    tags = [(t.label, t.slug, bool(t.posts)) for t in blog.tags_of(post)]
    terms = [
        [(t.label, t.slug, t.url, bool(t.posts)) for t in blog.terms_of(catalog, post)]
        for catalog in CATALOGS
    ]
    return [
        post.key,
        blog.addresses.get(post.docname),  # where its links lead
        post.title,
        post.date,
        reading_minutes(post, words_per_minute),
        post.key in blog.drafts,
        post.description,
        *image_shown(post),
        post.excerpt_digest if with_excerpt else None,
        post.categories,
        authors,
        tags,
        terms,
    ]


def image_shown(post: Post) -> tuple[Any, ...]:
    """What a list shows of a post's image: which file, its size and its text (a list
    page and a post's cover weigh it; a changed file is a changed size, as the post is
    read again)."""
    return (post.image, post.image_file, post.image_size, post.image_alt, post.title)


def card_digest(blog: Blog, post: Post, words_per_minute: int, with_excerpt: bool = True) -> str:
    """The digest of :func:`card`, computed once per build: a post's header, the pages that
    list it and its feeds all weigh the same card."""
    key = (post.key, with_excerpt)
    found = blog.card_digests.get(key)
    if found is None:
        found = blog.card_digests[key] = digest(card(blog, post, words_per_minute, with_excerpt))
    return found


def frame(app: Sphinx, blog: str | None = None) -> str:
    """What every generated page shares: configuration, templates, the site's navigation;
    the sidebars of the default blog, or (``blog``) of another blog of ``blogposts_blogs``."""
    record = domain_of(app.env).rebuilds
    builder: Any = app.builder
    env = app.env
    build_info = getattr(builder, "build_info", None)
    templates = getattr(builder, "templates", None)
    newest_template = templates.newest_template_mtime() if templates is not None else 0
    ours = max((p.stat().st_mtime for p in paths.TEMPLATES.glob("**/*.html")), default=0)
    in_toctrees = {doc for docs in env.toctree_includes.values() for doc in docs}
    in_toctrees.add(app.config.root_doc)
    titles = {doc: env.titles[doc].astext() for doc in sorted(in_toctrees) if doc in env.titles}
    return digest(
        [
            outside_inputs(app),  # e.g. how the links in excerpts resolve
            builder.name,
            getattr(build_info, "config_hash", None),
            getattr(build_info, "tags_hash", None),
            newest_template,
            ours,
            sorted(env.toctree_includes.items()),
            titles,
            # what the blog sidebars show, when html_sidebars uses them (see sidebars.py)
            record.sidebar_digest if blog is None else (record.sidebar_digests or {}).get(blog),
            sorted(record.addresses.items()),  # where the navigation's links to posts lead
        ]
    )


def register(app: Sphinx) -> None:
    app.add_event(OUTSIDE_INPUTS)
