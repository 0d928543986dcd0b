"""Incremental builds: which already-written documents must be written again.

Sphinx rewrites a page only when its own source changed. A post's header and footer,
and every ``postlist``, also show other posts; so after each read phase the extension
computes what each such page would show (a signature) and returns the documents whose
signature changed since the last build. (Generated pages keep a ledger instead, see
:mod:`sphinx_blogposts.writing.rebuilds.ledger`.)
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ...core import blog_settings as blogs_mod
from ...reading.domain import domain_of
from ..render import post_links
from ..render.renderer import Renderers
from ..view import checks
from ..view.blog import ViewCache, all_blogs
from . import fingerprint as state
from . import signatures


def on_env_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    domain = domain_of(env)
    state.advance(env)
    domain.cache.reset(ViewCache)  # the blog view of an earlier build (or of the read phase)
    domain.cache.reset(Renderers)  # and the renderers made from it
    blogs = all_blogs(app)  # built here, from this build's posts, for the whole build
    blog = blogs[app.config.blogposts_path]
    settings = {s.key: s.config for s in blogs_mod.settings(app.config)}
    for key, each in blogs.items():
        checks.check_blog(app, each, settings[key])

    fingerprint = state.fingerprint(app)
    if domain.rebuilds.signatures_fingerprint == fingerprint:
        return []  # every signature would be the one stored (see rebuilds/fingerprint.py)
    wpm = app.config.blogposts_words_per_minute
    found: dict[str, str] = {}
    for each in blogs.values():
        for docname, post in each.posts.items():
            # the header shows the post's own card; the footer only its neighbours' titles
            neighbours = [
                (p.docname, p.title) if p else None for p in each.neighbours.get(docname, ())
            ]
            found[docname] = signatures.digest(
                [
                    signatures.card_digest(each, post, wpm),
                    neighbours,
                    *post_links.signature(each, post),
                ]
            )
    for docname, sections in domain.data["sections"].items():
        # ABlog's posting sections: each section's header shows its own series box
        boxes = [post_links.signature(blogs.get(p.blog, blog), p)[0] for p in sections]
        if any(boxes):
            found[docname] = signatures.digest([found.get(docname), boxes])
    for docname, postlists in domain.data["postlists"].items():
        # exactly what each list shows: its posts' cards (with the excerpt only if shown),
        # laid out as it says
        found[docname] = signatures.digest(
            [
                [
                    options.get("layout"),
                    *(
                        signatures.card_digest(listed, post, wpm, with_excerpt=options["excerpts"])
                        for post in listed.select(options, docname)
                    ),
                ]
                for options in postlists
                for listed in [blogs.get(options.get("blog") or "", blog)]
            ]
        )

    previous = domain.rebuilds.signatures
    changed = sorted(
        docname
        for docname, signature in found.items()
        if previous.get(docname) != signature and docname in env.found_docs
    )
    domain.rebuilds.signatures = found
    domain.rebuilds.signatures_fingerprint = fingerprint
    return changed


def register(app: Sphinx) -> None:
    app.add_event(checks.FILLED)
    app.connect("env-updated", on_env_updated)
