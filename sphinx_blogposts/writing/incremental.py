"""Incremental builds: which already-written documents must be written again.

Sphinx rewrites a page only when its own source changed. A post's header and footer,
and every ``postlist``, also show other posts; so after each read phase the extension
computes what each such page would show (a signature) and returns the documents whose
signature changed since the last build. (Generated pages keep their own ledger, see
:mod:`sphinx_blogposts.pages`.)
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ..reading.domain import domain_of
from . import blog as blog_mod
from . import checks, signatures


def on_env_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    domain = domain_of(env)
    domain.runtime.pop("renderer", None)
    blog = blog_mod.build(
        domain.posts,
        app.config,
        domain.authors_map,
        domain.runtime.get("tags_file"),
        domain.section_posts(),
    )
    domain.runtime["blog"] = blog
    checks.check(app, blog)

    wpm = app.config.blogposts_words_per_minute
    cards = {docname: signatures.card(blog, post, wpm) for docname, post in blog.posts.items()}
    found: dict[str, str] = {}
    for docname in blog.posts:
        # the header shows the post's own card; the footer only its neighbours' titles
        neighbours = [(p.docname, p.title) if p else None for p in blog.neighbours.get(docname, ())]
        found[docname] = signatures.digest([cards[docname], neighbours])
    for docname, postlists in domain.data["postlists"].items():
        # exactly what each list shows: its posts' cards (with the excerpt only if shown)
        found[docname] = signatures.digest(
            [
                [
                    signatures.card(blog, post, wpm, with_excerpt=options["excerpts"])
                    for post in blog.select(options, docname)
                ]
                for options in postlists
            ]
        )

    previous: dict[str, str] = domain.data["signatures"]
    changed = sorted(
        docname
        for docname, signature in found.items()
        if previous.get(docname) != signature and docname in env.found_docs
    )
    domain.data["signatures"] = found
    return changed


def register(app: Sphinx) -> None:
    app.connect("env-updated", on_env_updated)
