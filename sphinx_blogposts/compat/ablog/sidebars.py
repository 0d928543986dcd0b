"""ABlog's sidebar names in ``html_sidebars``: each stands for the extension's sidebar.

The names are rewritten in the configuration as the build starts, rather than shipped
as templates under ABlog's names: a theme that carries its own ``ablog/*.html`` (written
for ABlog's ``ablog`` context, which does not exist here) would otherwise win over
ours and render nothing.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

#: ABlog's sidebar template -> ours.
SIDEBAR_ALIASES = {
    "ablog/recentposts.html": "blogposts/recent.html",
    "ablog/tagcloud.html": "blogposts/tags.html",
    "ablog/archives.html": "blogposts/archives.html",
    "ablog/categories.html": "blogposts/categories.html",
    "ablog/authors.html": "blogposts/authors.html",
    "ablog/languages.html": "blogposts/languages.html",
    "ablog/locations.html": "blogposts/locations.html",
    "ablog/postcard.html": "blogposts/postcard.html",
}


def _renamed(value: Any) -> Any:
    """``value`` with ABlog's sidebar names replaced, in any list or dict it holds."""
    if isinstance(value, str):
        return SIDEBAR_ALIASES.get(value, value)
    if isinstance(value, list):
        return [_renamed(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_renamed(v) for v in value)
    if isinstance(value, dict):
        return {k: _renamed(v) for k, v in value.items()}
    return value


def rename_sidebars(app: Sphinx, config: Config) -> None:
    for name in ("html_sidebars", "html_theme_options"):
        value = getattr(config, name, None)
        renamed = _renamed(value)
        if renamed != value:
            config[name] = renamed


def register(app: Sphinx) -> None:
    app.connect("config-inited", rename_sidebars)
