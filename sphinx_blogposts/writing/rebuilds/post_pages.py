"""What a post's own page shows beyond its card: when it was updated, and its comments.

The card's data is in the header's signature already (see ``incremental``). The update
date can change without the post's source changing (git dates, see
``reading.updated``), and the comment settings are read by no page but posts'; so this
module keeps its own signature of both for every post, and returns at ``env-updated``
the posts whose signature changed: exactly those pages are written again.
"""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

from ...reading import updated as updated_mod
from ...reading.domain import domain_of
from ..render import comments
from ..render.updated import shown_update
from . import signatures


def on_env_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    domain = domain_of(env)
    settings = comments.settings(app)
    found = {
        docname: signatures.digest(
            [
                shown_update(env, post),
                post.updated_by,
                updated_mod.effective(env, post),  # the JSON-LD's dateModified
                settings if comments.wanted(app, post, settings) else None,
            ]
        )
        for docname, post in domain.posts.items()
    }
    previous = domain.rebuilds.post_pages
    domain.rebuilds.post_pages = found
    return sorted(
        docname
        for docname, signature in found.items()
        if previous.get(docname) != signature and docname in env.found_docs
    )


def register(app: Sphinx) -> None:
    app.connect("env-updated", on_env_updated, priority=550)  # after the blog is built
