"""Incremental builds: which already-written pages must be written again.

Sphinx rewrites a page only when its own source changed. A post's header and
footer, and every ``postlist``, also show other posts; so after each read phase the
extension computes what each such page would show (a signature) and returns the
pages whose signature changed since the last build. Generated pages that no longer
exist are recorded so their files can be deleted.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from . import blog as blog_mod
from .collect import domain_of
from .render import writes_html_pages
from .routes import plan


def _digest(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, default=str)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def on_env_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    domain = domain_of(env)
    domain.runtime.pop("renderer", None)
    blog = blog_mod.build(domain.posts, app.config, domain.authors_map)
    pages = (
        plan(
            blog,
            app.config.blogposts_path,
            app.config.blogposts_title,
            app.config.blogposts_posts_per_page,
            env.found_docs,
        )
        if writes_html_pages(app.builder)
        else []
    )
    page_names = sorted(spec.name for spec in pages)

    def card(docname: str | None) -> Any:
        if docname is None:
            return None
        post = blog.posts[docname]
        return [
            docname,
            post.title,
            post.date,
            post.words,
            post.draft,
            [
                (a.key, a.name, a.slug, bool(blog.author_posts.get(a.key)))
                for a in blog.post_authors[docname]
            ],
            [(t.label, t.slug, bool(t.posts)) for t in blog.tags_of(post)],
        ]

    signatures: dict[str, str] = {}
    for docname in blog.posts:
        older, newer = blog.neighbours.get(docname, (None, None))
        signatures[docname] = _digest(
            [
                card(docname),
                card(older.docname if older else None),
                card(newer.docname if newer else None),
            ]
        )
    everything = _digest(
        [
            [card(p.docname), p.excerpt_digest, p.categories, p.exclude_from_postlists, p.extra]
            for p in sorted(blog.posts.values(), key=lambda p: p.docname)
        ]
        + [page_names]
    )
    for docname in domain.data["postlists"]:
        signatures[docname] = everything

    previous: dict[str, str] = domain.data["signatures"]
    changed = sorted(
        docname
        for docname, signature in signatures.items()
        if previous.get(docname) != signature and docname in env.found_docs
    )
    domain.data["signatures"] = signatures
    domain.runtime["stale_pages"] = set(domain.data["pages"]) - set(page_names)
    domain.data["pages"] = page_names
    return changed
