"""schema.org structured data (JSON-LD) for post pages, blog index pages and author pages.

Search engines read one ``<script type="application/ld+json">`` per page: a
``BlogPosting`` on a post's page, a ``Blog`` listing the posts of an index page, a
``ProfilePage`` on an author's page. Google's Article documentation recommends
``headline``, ``image``, ``datePublished``, ``dateModified`` and ``author`` (each a
``Person`` with a ``name`` and a ``url``); all are given when the post has them.

The script goes into the page's ``<head>`` (the ``metatags`` every theme writes) at
``html-page-context``. An image's URL is made by the rule every page shares
(:mod:`sphinx_blogposts.writing.images`). What it shows is in the signatures that decide
which pages are written again (a post's card and its update date, see ``post_extras``).

Every URL is absolute, built from ``html_baseurl``; without it, page URLs are left out
rather than guessed. The JSON is made safe for an HTML script element: ``<``, ``>`` and
``&`` are written as ``\\u003c`` and friends, so no value (a title such as
``</script>``) can end the element or start markup, and the JSON still says the same.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup
from sphinx.application import Sphinx

from ...core.model import Post
from ...core.routes import author_page, index_page, post_page
from ...reading import updated as updated_mod
from ...reading.domain import domain_of
from ..addresses import published_url
from ..builders import writes_html_pages
from ..images import image_url
from ..render.renderer import Renderer
from ..routes import PageSpec
from ..view.registry import renderer_of_page, renderer_of_post


@dataclass
class JsonLdCache:
    """The build's part of the cache for JSON-LD: blog path -> (its renderer, page
    name -> its generated page)."""

    page_specs: dict[str, tuple[Renderer, dict[str, PageSpec]]] = field(default_factory=dict)


CONTEXT = "https://schema.org"
_SAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script(data: dict[str, Any]) -> Markup:
    """The data as a script element that nothing inside it can break out of."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in _SAFE.items():
        text = text.replace(char, escaped)
    return Markup(f'<script type="application/ld+json">{text}</script>')


def _absolute(value: str | None) -> str | None:
    return value if value and urlsplit(value).scheme in ("http", "https") else None


def site_root(renderer: Renderer) -> str | None:
    base = renderer.config.html_baseurl
    if not base:
        return None
    return base if base.endswith("/") else base + "/"


def page_url(renderer: Renderer, pagename: str) -> str | None:
    root = site_root(renderer)
    if root is None:
        return None
    return published_url(renderer.app, pagename, root) or root + renderer.uri(pagename)


def _drop_empty(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if v not in (None, "", [], {})}


def publisher(renderer: Renderer) -> dict[str, Any]:
    """The site: the project's name, its root and its logo when it has one."""
    config = renderer.config
    logo = config.html_logo or None
    root = site_root(renderer)
    if logo and not _absolute(logo):
        logo = root + "_static/" + posixpath.basename(logo) if root else None
    return _drop_empty({"@type": "Organization", "name": config.project, "url": root, "logo": logo})


def blog_ref(renderer: Renderer) -> dict[str, Any]:
    index = index_page(renderer.blog_path)
    url = page_url(renderer, index) if renderer.has_page(index) else None
    return _drop_empty({"@type": "Blog", "name": renderer.config.blogposts_title, "url": url})


def _person(renderer: Renderer, post: Post) -> list[dict[str, Any]]:
    people = []
    for author in renderer.blog.post_authors.get(post.key, []):
        target = author_page(renderer.blog_path, author.slug)
        own = page_url(renderer, target) if renderer.has_page(target) else None
        external = _absolute(author.url)
        people.append(
            _drop_empty(
                {
                    "@type": "Person",
                    "name": author.name,
                    "url": own or external,
                    "sameAs": [external] if own and external else None,
                }
            )
        )
    return people


def posting(renderer: Renderer, post: Post) -> dict[str, Any]:
    """A post's ``BlogPosting``."""
    app = renderer.app
    modified = updated_mod.effective(renderer.env, post) or post.date
    base = site_root(renderer) or ""
    image = image_url(app, post.image, post.docname, post.docname, base=base)
    url = page_url(renderer, post_page(post))
    return _drop_empty(
        {
            "@context": CONTEXT,
            "@type": "BlogPosting",
            "headline": post.title,
            # the front matter's: the excerpt is on the page already, for every reader
            "description": post.description,
            "datePublished": post.date.isoformat() if post.date else None,
            "dateModified": modified.isoformat() if modified else None,
            "author": _person(renderer, post),
            "image": [image] if _absolute(image) else None,
            "keywords": [tag.label for tag in renderer.blog.tags_of(post)],
            "url": url,
            "mainEntityOfPage": url,
            "inLanguage": renderer.config.language or None,
            "publisher": publisher(renderer),
            "isPartOf": blog_ref(renderer),
        }
    )


def for_page(renderer: Renderer, spec: PageSpec) -> Markup:
    """The blog index's ``Blog``, an author page's ``ProfilePage``; nothing for other pages."""
    if spec.kind == "index":
        data = {"@context": CONTEXT, **blog_ref(renderer)}
        data["url"] = page_url(renderer, spec.name)
        data.update(
            {
                "description": renderer.config.blogposts_description or None,
                "publisher": publisher(renderer),
                "blogPost": [
                    _drop_empty(
                        {
                            "@type": "BlogPosting",
                            "headline": post.title,
                            "url": page_url(renderer, post_page(post)),
                            "datePublished": post.date.isoformat() if post.date else None,
                        }
                    )
                    for post in spec.posts
                ],
            }
        )
        return script(_drop_empty(data))
    if spec.kind == "author" and spec.author is not None:
        author = spec.author
        base = site_root(renderer) or ""
        image = image_url(renderer.app, author.image_url, None, spec.name, base=base)
        person = _drop_empty(
            {
                "@type": "Person",
                "name": author.name,
                "description": author.title,
                "image": image if _absolute(image) else None,
                "url": page_url(renderer, author_page(renderer.blog_path, author.slug)),
                "sameAs": [author.url] if _absolute(author.url) else None,
            }
        )
        return script(
            _drop_empty(
                {
                    "@context": CONTEXT,
                    "@type": "ProfilePage",
                    "url": page_url(renderer, spec.name),
                    "mainEntity": person,
                }
            )
        )
    return Markup("")


def on_page_context(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    if not writes_html_pages(app.builder):
        return
    domain = domain_of(app.env)
    post = domain.posts.get(pagename)
    if post is not None and doctree is not None:
        html = script(posting(renderer_of_post(app, pagename), post))
    elif context.get("blogposts_page") in ("index", "author"):
        renderer = renderer_of_page(app, pagename)  # the page's blog (blogposts_blogs)
        tables = domain.cache.part(JsonLdCache).page_specs
        cached = tables.get(renderer.blog_path)
        if cached is None or cached[0] is not renderer:  # one lookup table per renderer
            cached = (renderer, {spec.name: spec for spec in renderer.pages})
            tables[renderer.blog_path] = cached
        spec = cached[1].get(pagename)
        if spec is None:
            return
        html = for_page(renderer, spec)
    else:
        return
    # plain strings: a Markup on either side would escape the other (the feed links)
    context["metatags"] = str(context.get("metatags", "")) + str(html) + "\n"


def register(app: Sphinx) -> None:
    app.connect("html-page-context", on_page_context)
