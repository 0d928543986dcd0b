"""Every blog of the build, and its renderer: which blog a post or a page belongs to.

The default blog's renderer is ``render.renderer.renderer_for``'s, so a site without
``blogposts_blogs`` works exactly as before; every other blog gets its own renderer,
built from its own :class:`~.blog.Blog` and seeing the configuration through its
:class:`~sphinx_blogposts.core.blog_settings.BlogConfig`.
"""

from __future__ import annotations

from sphinx.application import Sphinx

from ...core import blog_settings as blogs_mod
from ...core.diagnostics import Warn, warn
from ...reading.domain import domain_of
from ..render.renderer import Renderer, Renderers, renderer_for
from .blog import all_blogs


def renderers(app: Sphinx) -> dict[str, Renderer]:
    """Every blog's renderer by path, the default blog's first."""
    default = renderer_for(app)
    view = domain_of(app.env).cache.part(Renderers)
    cached = view.renderers
    if cached is None or cached[app.config.blogposts_path] is not default:
        blogs = all_blogs(app)
        cached = {app.config.blogposts_path: default}
        for settings in blogs_mod.settings(app.config)[1:]:
            cached[settings.key] = Renderer(app, blogs[settings.key], settings.config)
        view.renderers = cached
        view.page_blogs = {
            spec.name: key for key, renderer in cached.items() for spec in renderer.pages
        }
    return cached


def renderer_of_post(app: Sphinx, docname: str) -> Renderer:
    """The renderer of the blog ``docname`` is a post of (the default one for other pages)."""
    post = domain_of(app.env).posts.get(docname)
    if post is None or not post.blog:
        return renderer_for(app)
    return renderers(app).get(post.blog) or renderer_for(app)


def renderer_of_page(app: Sphinx, pagename: str) -> Renderer:
    """The blog a page is in: a post's, a generated page's, else the default blog."""
    found = renderers(app)
    key = domain_of(app.env).cache.part(Renderers).page_blogs.get(pagename)
    if key is not None:
        return found[key]
    return renderer_of_post(app, pagename)


def renderer_named(app: Sphinx, key: str | None, location: object) -> Renderer:
    """The blog a ``postlist :blog:`` names; an unknown name: one warning, the default."""
    found = renderers(app)
    if key is None:
        return renderer_for(app)
    if key not in found:
        warn(
            f"postlist: there is no blog {key!r}; listing the default blog. The blogs "
            f"are: {', '.join(found)}",
            Warn.DIRECTIVE,
            location,
        )
        return renderer_for(app)
    return found[key]
