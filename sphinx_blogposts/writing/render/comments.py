"""A comments block at the end of post pages: giscus, utterances or Disqus, loaded late.

Nothing of a comment provider is on a page until the reader scrolls near the block:
the page carries an empty container with the provider's settings as data attributes
and the extension's own small loader (``_static/blogposts-comments.js``), which adds
the provider's script when the container comes into view, in the theme's light or
dark mode, and follows the theme's switch afterwards. Without a setting no page has
either, so a site that configures nothing loads no third-party script at all.

Drafts and generated pages never get comments; ``comments: false`` in a post's front
matter turns them off for that post.
"""

from __future__ import annotations

import json
from typing import Any

from docutils import nodes
from markupsafe import Markup
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.osutil import relative_uri

from ...core import aliases
from ...core import comments as comments_conf
from ...core import config as config_mod
from ...core.diagnostics import Warn, warn
from ...core.model import Post
from ...core.routes import post_page
from ...reading.domain import domain_of
from ..builders import writes_html_pages
from ..view.blog import is_draft
from ..view.registry import renderer_of_post
from .fragments import FRAGMENT_FLAG
from .renderer import Renderer

LOADER = "_static/blogposts-comments.js"
#: Disqus comments, when ``blogposts_comments`` says nothing: ABlog's ``disqus_shortname``
#: reaches it through the ABlog layer's settings aliases.
DISQUS_SHORTNAME = "blogposts_disqus_shortname"
_SHORTNAME = comments_conf.SHORTNAME
_ORIGINS = {"giscus": "https://giscus.app", "utterances": "https://utteranc.es"}


def settings(app: Sphinx) -> dict[str, Any] | None:
    """The comment settings in force: ``blogposts_comments``, else ABlog's Disqus name."""
    configured = app.config.blogposts_comments
    if configured:
        return dict(configured)
    shortname = getattr(app.config, DISQUS_SHORTNAME, None)
    if isinstance(shortname, str) and _SHORTNAME.match(shortname):
        return {"provider": "disqus", "shortname": shortname}
    return None


def wanted(app: Sphinx, post: Post, found: dict[str, Any] | None) -> bool:
    return bool(found) and post.comments and not is_draft(post, app.config)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def attributes(found: dict[str, Any]) -> dict[str, str]:
    """The provider script's attributes: giscus reads ``data-*``, utterances plain names."""
    provider = found["provider"]
    options = {k: v for k, v in found.items() if k != "provider"}
    if provider == "giscus":
        options.setdefault("mapping", "pathname")
        return {
            (k if k.startswith("data-") else "data-" + k.replace("_", "-")): _value(v)
            for k, v in options.items()
        }
    if provider == "utterances":
        options.setdefault("issue_term", "pathname")
        return {k.replace("_", "-"): _value(v) for k, v in options.items()}
    return {}


def source(found: dict[str, Any]) -> str:
    if found["provider"] == "disqus":
        return f"https://{found['shortname']}.disqus.com/embed.js"
    return _ORIGINS[found["provider"]] + "/client.js"


def block(renderer: Renderer, post: Post, found: dict[str, Any]) -> Markup:
    from_page = renderer.uri(post_page(post))
    base = renderer.config.html_baseurl
    page_url = (base.rstrip("/") + "/" + from_page) if base else ""
    return renderer.render(
        "blogposts/comments.html",
        provider=found["provider"],
        src=source(found),
        origin=_ORIGINS.get(found["provider"], ""),
        options=json.dumps(attributes(found), sort_keys=True),
        page_url=page_url,
        identifier=post.docname,
        loader=relative_uri(from_page, LOADER),
    )


def on_doctree_resolved(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """After the footer is filled: the block goes last in the post's section."""
    if doctree.get(FRAGMENT_FLAG) or not writes_html_pages(app.builder):
        return
    post = domain_of(app.env).posts.get(docname)
    found = settings(app)
    if post is None or not wanted(app, post, found):
        return
    assert found is not None
    section = next((c for c in doctree.children if isinstance(c, nodes.section)), None)
    container: nodes.Element = section if section is not None else doctree
    html = str(block(renderer_of_post(app, docname), post, found))
    container.append(nodes.raw("", html, format="html"))


def check_disqus(app: Sphinx, config: Config) -> None:
    """A Disqus name, when set, must be a Disqus site name: one warning, under the name the
    project wrote (ABlog's ``disqus_shortname`` or ours)."""
    value = getattr(config, DISQUS_SHORTNAME, None)
    name = DISQUS_SHORTNAME if aliases.is_set(config, DISQUS_SHORTNAME) else "disqus_shortname"
    if value and not (isinstance(value, str) and _SHORTNAME.match(value)):
        warn(
            f"{name} = {value!r} is not valid: expected a Disqus site name "
            "(letters, digits and '-'); no comments are shown",
            Warn.CONFIG,
            config_mod.location(app, name),
        )
    if config.blogposts_comments and value:
        provider = config.blogposts_comments.get("provider")
        warn(
            f"both blogposts_comments ({provider}) and {name} are set; "
            f"{provider} is used. Remove one of them",
            Warn.CONFIG,
            config_mod.location(app, name),
        )


def register(app: Sphinx) -> None:
    app.connect("config-inited", check_disqus, priority=200)  # after values are validated
    app.connect("doctree-resolved", on_doctree_resolved, priority=600)  # after fill
