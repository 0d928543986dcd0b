"""Several blogs in one site: ``blogposts_blogs``, and the configuration as each blog sees it.

The blog set up by ``blogposts_path``, ``blogposts_pattern`` and ``blogposts_title`` is
the default one and sees the configuration as it is. Every other blog is a key of
``blogposts_blogs`` (its path: where its pages go) with a few values of its own; for
everything else it sees the site's values. So code written for one blog reads its
values from a :class:`BlogConfig` and works for each.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from . import config as config_mod
from .diagnostics import Warn, warn

#: What a blog of ``blogposts_blogs`` may set, and the site-wide value it replaces.
PER_BLOG = {
    "title": "blogposts_title",
    "description": "blogposts_description",
    "pattern": "blogposts_pattern",
    "posts_per_page": "blogposts_posts_per_page",
    "authors_file": "blogposts_authors_file",
    "feed_formats": "blogposts_feed_formats",
    "feed_length": "blogposts_feed_length",
    "feed_content": "blogposts_feed_content",
    "feed_archives": "blogposts_feed_archives",
    "redirects": "blogposts_redirects",
    "index_layout": "blogposts_index_layout",
}


class BlogConfig:
    """The configuration as one blog sees it: its own values first, then the site's."""

    def __init__(self, config: Config, own: dict[str, Any]) -> None:
        self._config = config
        self._own = own

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        if name in self._own:
            return self._own[name]
        return getattr(self._config, name)


@dataclass(frozen=True)
class BlogSettings:
    #: The blog's path, also its key (``postlist :blog:``).
    key: str
    config: Any  # the site's Config for the default blog, else a BlogConfig
    default: bool = False


def settings(config: Config) -> list[BlogSettings]:
    """Every blog, the default one first, then ``blogposts_blogs`` in its order."""
    found = [BlogSettings(config.blogposts_path, config, default=True)]
    for key, values in config.blogposts_blogs.items():
        own = {"blogposts_path": key, "blogposts_pattern": [f"{key}/**"]}
        own.update({PER_BLOG[name]: value for name, value in values.items()})
        found.append(BlogSettings(key, BlogConfig(config, own)))
    return found


def validate(app: Sphinx, config: Config) -> None:
    """At ``config-inited``: each unusable blog or value costs one warning and is dropped."""
    where = config_mod.location(app, "blogposts_blogs")
    checks = {option.name: option for option in config_mod.OPTIONS}
    taken = {config.blogposts_path}
    checked: dict[str, dict[str, Any]] = {}
    for raw_key, values in config.blogposts_blogs.items():
        key = raw_key.strip("/") if isinstance(raw_key, str) else raw_key
        if not config_mod._blog_path(raw_key) or key in taken:
            why = "it is the path of another blog" if key in taken else "it is no folder name"
            warn(
                f"blogposts_blogs: the blog {raw_key!r} is left out: {why}. Each key is the "
                "folder its pages go to, such as 'news'",
                Warn.CONFIG,
                where,
            )
            continue
        taken.add(key)
        own: dict[str, Any] = {}
        for name, value in values.items():
            option = checks.get(PER_BLOG.get(name, ""))
            if option is None:
                known = ", ".join(PER_BLOG)
                warn(
                    f"blogposts_blogs[{key!r}]: {name!r} is not a setting of a blog; it is "
                    f"ignored. A blog takes: {known}",
                    Warn.CONFIG,
                    where,
                )
            elif not option.check(value):
                warn(
                    f"blogposts_blogs[{key!r}][{name!r}] = {value!r} is not valid: expected "
                    f"{option.expected}; using the site's value",
                    Warn.CONFIG,
                    where,
                )
            else:
                own[name] = value
        checked[key] = own
    config["blogposts_blogs"] = checked  # only what can be used, paths without "/"


def register(app: Sphinx) -> None:
    app.connect("config-inited", validate, priority=101)  # after the site's values
