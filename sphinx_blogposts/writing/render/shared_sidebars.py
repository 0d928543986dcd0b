"""``blogposts_shared_sidebars``: the blog's sidebars written once, in a script every page loads.

A sidebar shows the whole blog, so by default a new post (or a new tag) changes every
page that shows one, and the next build writes every page again: on a documentation
site of thousands of pages with the recent posts in every sidebar, adding a post costs
nearly a full build's writing. With this setting each page holds a placeholder per
sidebar instead (with a link to the blog's page for readers without JavaScript), and
the sidebars themselves are in one small script per blog,
``_static/blogposts/sidebars/<blog>.js`` (``core.routes.shared_sidebars_file``), which
puts each in its place when the page loads. A new post rewrites that script and the
blog's own pages, not the documentation.

The script's links are written relative to the site's root and made absolute against
the script's own address when they are put in place, so the same file serves pages at
every depth, on a server or opened from disk.
"""

from __future__ import annotations

import json

from markupsafe import Markup
from sphinx.util.osutil import relative_uri

from ...core.routes import shared_sidebars_file

#: The sidebars a script can hold: every one that shows the whole blog (not the post card).
SHARED = ("recent", "tags", "archives", "authors", "categories", "locations", "languages")


def placeholder(name: str, script: str, title: str, fallback: str | None) -> str:
    """Where a sidebar goes on a page: the script that fills it (``script``, relative to
    the page) and, without JavaScript, the sidebar's title linked to the blog's page."""
    link = (
        Markup(
            '<noscript><p class="blogposts-sidebar-more"><a href="{}">{}</a></p></noscript>'
        ).format(fallback, title)
        if fallback
        else ""
    )
    return str(
        Markup(
            '<div class="blogposts-sidebar-shared" data-blogposts-sidebar="{}">'
            '<script src="{}" defer></script>{}</div>'
        ).format(name, script, link)
    )


def script_src(blog_path: str, page_uri: str) -> str:
    """The script's address from a page (``page_uri``, the page's path in the output)."""
    return relative_uri(page_uri, shared_sidebars_file(blog_path))


_LOADER = """\
/* The blog's sidebars (blogposts_shared_sidebars): each page loads this file, which
   puts every sidebar in its placeholder. Written by sphinx_blogposts. */
(function (script, sidebars) {
  if (!script) return;
  var root = new URL(%(root)s, script.src);
  function fill() {
    var places = document.querySelectorAll("[data-blogposts-sidebar]");
    Array.prototype.forEach.call(places, function (place) {
      var html = sidebars[place.getAttribute("data-blogposts-sidebar")];
      if (html === undefined) return;
      var box = document.createElement("div");
      box.innerHTML = html;
      Array.prototype.forEach.call(box.querySelectorAll("a[href]"), function (a) {
        a.setAttribute("href", new URL(a.getAttribute("href"), root).href);
      });
      place.replaceWith.apply(place, Array.prototype.slice.call(box.childNodes));
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", fill);
  } else {
    fill();
  }
})(document.currentScript, %(sidebars)s);
"""


def script_text(blog_path: str, sidebars: dict[str, str]) -> str:
    """The script for one blog: ``sidebars`` maps a name to its HTML, linked from the
    site's root."""
    depth = shared_sidebars_file(blog_path).count("/")
    return _LOADER % {
        "root": json.dumps("../" * depth),
        "sidebars": json.dumps(sidebars, sort_keys=True, indent=1),
    }
