"""ABlog's settings, read under ABlog's names: a site switching keeps its ``conf.py``.

ABlog's own names (``blog_*``, ``post_*``) are registered here too, with ABlog's
defaults, so that Sphinx reads them and a change to one rebuilds what it must; names
other extensions share (``disqus_*``, ``fontawesome_*``) are read from ``conf.py``
without being registered.
The :data:`TABLE` says which of our values each one sets; :mod:`config` applies it
before validating, so ours win when both are given, and the names that mean nothing
here are named in one info message (never a warning: ``-W`` builds keep passing).
"""

from __future__ import annotations

import os
import posixpath
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.util.matching import Matcher

from ...core.aliases import SKIP, Alias, AliasTable

#: ABlog's name -> ABlog's default (src/ablog/blog.py, CONFIG).
ABLOG_DEFAULTS: dict[str, Any] = {
    "blog_archive_titles": None,
    "blog_authors": {},
    "blog_baseurl": "",
    "blog_default_author": None,
    "blog_default_language": None,
    "blog_default_location": None,
    "blog_feed_archives": False,
    "blog_feed_fulltext": False,
    "blog_feed_length": None,
    "blog_feed_subtitle": None,
    "blog_feed_templates": {"atom": {}},
    "blog_feed_titles": None,
    "blog_languages": {},
    "blog_locations": {},
    "blog_path": "blog",
    "blog_post_pattern": [],
    "blog_title": "Blog",
    "disqus_drafts": False,
    "disqus_pages": False,
    "disqus_shortname": None,
    "fontawesome_css_file": "",
    "fontawesome_included": False,
    "fontawesome_link_cdn": None,
    "post_always_section": False,
    "post_auto_excerpt": 1,
    "post_auto_image": 0,
    "post_auto_orphan": True,
    "post_date_format_short": "%d %B",
    "post_date_format": "%d %B %Y",
    "post_redirect_refresh": 5,
    "post_show_prev_next": True,
    "skip_injecting_base_ablog_templates": False,
}


def _text(value: Any) -> Any:
    if value is None:
        return SKIP
    if not isinstance(value, str):
        raise ValueError("a string")
    return value


def _url(value: Any) -> Any:
    if not value:
        return SKIP  # ABlog's "" (no feeds); Sphinx's html_baseurl keeps its own value
    if not isinstance(value, str):
        raise ValueError("a URL such as 'https://example.org/'")
    return value


def _strings(value: Any, expected: str) -> list[str]:
    """ABlog takes one string where it takes a list of them."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ValueError(expected)


def _patterns(value: Any) -> list[str]:
    return _strings(value, "a glob pattern or a list of them")


def _keys(value: Any) -> Any:
    """ABlog's defaults are one key or a list of keys; None (or False) is none."""
    if value is None or value is False:
        return SKIP
    return _strings(value, "a key or a list of keys")


def _flag(value: Any) -> Any:
    if value is None:
        return SKIP
    if isinstance(value, str):  # from the command line: -D post_show_prev_next=0
        return value.strip().lower() not in ("", "0", "false", "no", "off", "none")
    return bool(value)


def _number(value: Any) -> Any:
    """A whole number, also as the command line gives it (``-D post_auto_image=1``)."""
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return value


def _fulltext(value: Any) -> str:
    return "full" if value else "excerpt"


def _titles_only(value: Any) -> Any:
    return "none" if value else SKIP


def _length(value: Any) -> Any:
    return None if value in (None, "None", "") else _number(value)  # None: every post


def _any(value: Any) -> Any:
    return value


#: ABlog's ``post`` directive at the start of a line: reST, or a MyST fence.
_POST_LINE = re.compile(rb"^[ \t]*(?:\.\. post::|(?:```+|~~~+|:::+)[ \t]*\{post\})", re.M)
#: The same inside a notebook's JSON (a raw reST cell's line is a JSON string).
_POST_JSON = re.compile(rb'"[ \t]*\.\. post::')


def uses_ablog_posts(app: Sphinx) -> bool:
    """A project whose ``conf.py`` names nothing of ABlog's nor ours is an ABlog site when
    its posts are ABlog's: some source uses the ``post`` directive, and no source that
    our default pattern would make a post lacks it (a Docusaurus-style folder of posts
    says the site is ours). One pass over the sources, stopping at the first that decides."""
    config = app.config
    srcdir = Path(app.srcdir)
    given = config.source_suffix  # config-inited: as conf.py wrote it, str, list or dict
    suffixes = {given} if isinstance(given, str) else set(given)
    suffixes |= {*app.registry.source_suffix, ".rst", ".md", ".ipynb"}
    excluded = Matcher([*config.exclude_patterns, "**/.*", "_build", "**/_build"])
    pattern = Matcher(config.blogposts_pattern)
    found = False
    for folder, dirs, files in os.walk(srcdir):
        rel_folder = Path(folder).relative_to(srcdir).as_posix()
        dirs[:] = sorted(
            d for d in dirs if not excluded(posixpath.normpath(posixpath.join(rel_folder, d)))
        )
        for name in sorted(files):
            suffix = Path(name).suffix
            rel = posixpath.normpath(posixpath.join(rel_folder, name))
            if suffix not in suffixes or excluded(rel):
                continue
            try:
                data = (Path(folder) / name).read_bytes()
            except OSError:
                continue
            has_post = bool((_POST_JSON if suffix == ".ipynb" else _POST_LINE).search(data))
            if not has_post and (pattern(rel) or pattern(rel.removesuffix(suffix))):
                return False  # a post by folder, as our blogs write them
            found = found or has_post
    return found


def _detected_defaults(config: Config) -> Mapping[str, Any]:
    """ABlog's defaults where they differ from ours, for a site that uses ABlog's settings."""
    defaults: dict[str, Any] = {
        # ABlog finds posts by their post directive or front matter, never by folder
        "blogposts_pattern": [],
        # ABlog lists its drafts on a page of their own
        "blogposts_drafts_page": True,
        # and a post dated after today is one of them
        "blogposts_future": "draft",
        # its dates read "26 October 2024" (strftime), on posts, lists and sidebars
        "blogposts_date_format": ABLOG_DEFAULTS["post_date_format"],
        "blogposts_date_format_short": ABLOG_DEFAULTS["post_date_format_short"],
        # its feeds hold every post (blog_feed_length = None)
        "blogposts_feed_length": ABLOG_DEFAULTS["blog_feed_length"],
        # its posts are at their files' addresses
        "blogposts_post_url": None,
    }
    if not config.html_baseurl:
        # ABlog writes no feed without blog_baseurl, and says nothing about it
        defaults["blogposts_feed_formats"] = []
    return defaults


TABLE = AliasTable(
    engine="ABlog",
    aliases=(
        Alias("blog_path", "blogposts_path", _text),
        Alias("blog_title", "blogposts_title", _text),
        # the pages' address when html_baseurl is not set; the feeds' address always
        Alias("blog_baseurl", "html_baseurl", _url, quiet=True),
        Alias("blog_baseurl", "blogposts_feed_baseurl", _url),
        Alias("blog_post_pattern", "blogposts_pattern", _patterns),
        Alias("blog_authors", "blogposts_authors", _any),
        Alias("blog_default_author", "blogposts_default_author", _keys),
        Alias("blog_locations", "blogposts_locations", _any),
        Alias("blog_default_location", "blogposts_default_location", _keys),
        Alias("blog_languages", "blogposts_languages", _any),
        Alias("blog_default_language", "blogposts_default_language", _keys),
        Alias("blog_feed_archives", "blogposts_feed_archives", _flag),
        # ABlog's archive feeds include one per year
        Alias("blog_feed_archives", "blogposts_feed_years", _flag),
        Alias("blog_feed_fulltext", "blogposts_feed_content", _fulltext),
        # after fulltext: titles only wins over full text, as in ABlog
        Alias("blog_feed_titles", "blogposts_feed_content", _titles_only),
        Alias("blog_feed_length", "blogposts_feed_length", _length),
        Alias("blog_feed_subtitle", "blogposts_description", _text),
        Alias("blog_archive_titles", "blogposts_archive_titles", _flag),
        Alias("post_auto_excerpt", "blogposts_auto_excerpt", _number),
        Alias("post_auto_image", "blogposts_auto_image", _number),
        Alias("post_date_format", "blogposts_date_format", _text),
        Alias("post_date_format_short", "blogposts_date_format_short", _text),
        Alias("post_redirect_refresh", "blogposts_redirect_refresh", _number),
        Alias("post_show_prev_next", "blogposts_show_prev_next", _flag),
        Alias("disqus_shortname", "blogposts_disqus_shortname", _text),
    ),
    ignored={
        name: ABLOG_DEFAULTS[name]
        for name in (
            "blog_feed_templates",
            "disqus_drafts",
            "disqus_pages",
            "fontawesome_css_file",
            "fontawesome_included",
            "fontawesome_link_cdn",
            "post_auto_orphan",
            "skip_injecting_base_ablog_templates",
        )
    },
    defaults=_detected_defaults,
    prefixes=("blog_", "post_"),
    key="ablog",
    sniff=uses_ablog_posts,
)


def aliases(app: Sphinx) -> AliasTable:
    return TABLE


def register(app: Sphinx) -> None:
    for name, default in ABLOG_DEFAULTS.items():
        # disqus_* and fontawesome_* are other extensions' names too (sphinxcontrib-disqus):
        # those are read from conf.py without registering them, so that both can be loaded
        if name.startswith(("blog_", "post_", "skip_")) and name not in app.config:
            # any type: ABlog takes a string or a list in places; the converters check
            app.add_config_value(name, default, "env", types=Any)
    app.connect("blogposts-config-aliases", aliases)
