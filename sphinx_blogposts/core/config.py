"""The ``blogposts_*`` configuration values, declared and validated in one table.

Values are validated once, at ``config-inited``: a value of the wrong type or out of
range gets one warning and falls back to its default, so a typo in ``conf.py`` never
crashes a build.

Other engines' names for the same settings (ABlog's ``blog_path``, ...) are tables of
:class:`Alias` that their compatibility layers hand over through the
``blogposts-config-aliases`` event: this module applies them before validating, so it
never imports those layers, and a value that came from an alias is reported under the
name the user wrote.
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from sphinx.application import Sphinx
from sphinx.config import Config

from . import comments, routes
from .aliases import ALIAS_EVENT, AliasTable, apply_aliases, location, value_of
from .diagnostics import Warn, warn
from .routes import FEED_FILES

#: The feed formats, in the order they are listed (their files: ``routes.FEED_FILES``).
FEED_FORMATS = tuple(FEED_FILES)


def _positive_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def _str_list(value: Any) -> bool:
    return isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value)


def _str(value: Any) -> bool:
    return isinstance(value, str)


def _bool(value: Any) -> bool:
    return isinstance(value, bool)


def _blogs(value: Any) -> bool:
    """The shape of ``blogposts_blogs``; each blog's values are checked in core/blog_settings.py."""
    return isinstance(value, dict) and all(isinstance(v, dict) for v in value.values())


def _optional_str(value: Any) -> bool:
    return value is None or isinstance(value, str)


def _blog_path(value: Any) -> bool:
    if not isinstance(value, str) or not value.strip("/"):
        return False
    parts = value.strip("/").split("/")
    return all(p not in ("", ".", "..") for p in parts) and "\\" not in value


def _timezone(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return value.upper() == "UTC"
    return True


def _feed_formats(value: Any) -> bool:
    return _str_list(value) and all(v in FEED_FORMATS for v in value)


def _feed_length(value: Any) -> bool:
    return value is None or _positive_int(value)


def _feed_content(value: Any) -> bool:
    return value in ("full", "excerpt", "none")


def _url_map(value: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(k, str) and k and isinstance(v, str) for k, v in value.items()
    )


def _root_links(value: Any) -> bool:
    return value in ("warn", "keep", "error")


def _site_url(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.startswith(("http://", "https://")))


def _future(value: Any) -> bool:
    return value in ("list", "draft")


def _engine(value: Any) -> bool:
    return value in (None, "ablog", "blogposts")


def _authors(value: Any) -> bool:
    return isinstance(value, dict) and all(isinstance(k, str) for k in value)


def _non_negative_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _name_url_map(value: Any) -> bool:
    """ABlog's ``key -> (name, url or None)`` dictionaries of locations and languages."""
    return isinstance(value, dict) and all(
        isinstance(k, str)
        and isinstance(v, (list, tuple))
        and len(v) == 2
        and isinstance(v[0], str)
        and (v[1] is None or isinstance(v[1], str))
        for k, v in value.items()
    )


def _keys(value: Any) -> bool:
    return _str_list(value)


def _post_url(value: Any) -> bool:
    return value is None or routes.address_format_problem(value) is None


def _last_updated(value: Any) -> bool:
    return value in (None, "git")


#: How lists of posts are laid out: ``blogposts_index_layout``, ``postlist :layout:``.
LAYOUTS = ("list", "grid")


def _layout(value: Any) -> bool:
    return value in LAYOUTS


def _list_cards(value: Any) -> bool:
    return value in ("own", "generated")


#: The colours of a generated social card, each ``#rrggbb``; a dark card reads well beside
#: both light and dark apps (a chat, a feed reader), as most sites' cards are.
CARD_COLORS = {"background": "#1f2937", "foreground": "#f9fafb", "accent": "#38bdf8"}
_HEX_COLOR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


def _card_colors(value: Any) -> bool:
    """Some of :data:`CARD_COLORS`' keys, each a ``#rgb`` or ``#rrggbb`` colour; the keys not
    given keep their default."""
    return isinstance(value, dict) and all(
        k in CARD_COLORS and isinstance(v, str) and _HEX_COLOR.match(v) for k, v in value.items()
    )


@dataclass(frozen=True)
class Option:
    name: str
    default: Any
    check: Callable[[Any], bool]
    expected: str
    #: "" for values whose pages the extension's own signatures rewrite (see writing/).
    rebuild: Literal["env", "html", ""] = "env"
    #: The types Sphinx accepts beside the default's (checked again by ``check``).
    types: tuple[type, ...] = ()


OPTIONS: tuple[Option, ...] = (
    Option("blogposts_path", "blog", _blog_path, "a relative folder name such as 'blog'"),
    Option("blogposts_title", "Blog", _str, "a string"),
    Option("blogposts_description", "", _str, "a string"),
    Option("blogposts_pattern", ["blog/**"], _str_list, "a list of glob patterns"),
    Option(
        "blogposts_post_url",
        routes.DOCUSAURUS,
        _post_url,
        "'docusaurus', 'mkdocs', None, or a string with the placeholders {slug}, "
        "{date:%Y/%m/%d}, {file}, {category} and {blog}",
        types=(str, type(None)),
    ),
    Option("blogposts_authors", {}, _authors, "a dict of author key to details"),
    Option("blogposts_authors_file", None, _optional_str, "a path or None"),
    Option("blogposts_timezone", "UTC", _timezone, "an IANA time zone name such as 'Europe/Paris'"),
    Option("blogposts_posts_per_page", 10, _positive_int, "a whole number greater than 0"),
    Option("blogposts_drafts", False, _bool, "True or False"),
    Option("blogposts_auto_excerpt", 1, _non_negative_int, "a whole number, 0 for no excerpt"),
    Option("blogposts_auto_image", 0, _non_negative_int, "a whole number, 0 for no image"),
    Option("blogposts_words_per_minute", 200, _positive_int, "a whole number greater than 0"),
    Option("blogposts_show_reading_time", True, _bool, "True or False", "html"),
    Option(
        "blogposts_date_format",
        "long",
        _str,
        "a babel date pattern, 'short'/'medium'/'long', or a strftime format such as '%d %B %Y'",
        "html",
    ),
    Option(
        "blogposts_date_format_short",
        None,
        _optional_str,
        "None (as blogposts_date_format) or a date format as blogposts_date_format takes",
        "html",
    ),
    Option("blogposts_postlist_format", "{date} - {title}", _str, "a format string", "html"),
    Option("blogposts_static_path", None, _optional_str, "a folder path or None"),
    Option("blogposts_redirects", True, _bool, "True or False", "html"),
    Option("blogposts_tags_file", None, _optional_str, "a path or None"),
    Option("blogposts_tags_file_strict", False, _bool, "True or False"),
    Option("blogposts_feed_archives", True, _bool, "True or False", "html"),
    Option("blogposts_feed_years", False, _bool, "True or False", "html"),
    Option(
        "blogposts_feed_formats",
        ["atom", "rss"],
        _feed_formats,
        "a list of 'atom', 'rss' and 'json'",
        "html",
    ),
    Option(
        "blogposts_feed_length",
        20,
        _feed_length,
        "a whole number greater than 0, or None",
        "html",
        (int, type(None)),
    ),
    Option("blogposts_feed_content", "full", _feed_content, "'full', 'excerpt' or 'none'", "html"),
    Option("blogposts_sidebar_recent", 5, _positive_int, "a whole number greater than 0", "html"),
    Option("blogposts_shared_sidebars", False, _bool, "True or False", "html"),
    Option(
        "blogposts_feed_baseurl",
        None,
        _site_url,
        "None or the site's address for the feeds, such as 'https://example.org/'",
        "html",
    ),
    Option(
        "blogposts_site_url",
        None,
        _site_url,
        "None or the old site's address, such as 'https://example.org'",
        "html",
    ),
    Option(
        "blogposts_root_links",
        "warn",
        _root_links,
        "'warn', 'keep' or 'error'",
        "html",
    ),
    Option("blogposts_url_map", {}, _url_map, "a dict of URL prefix to URL prefix", "html"),
    Option("blogposts_default_author", [], _keys, "a list of author keys"),
    Option("blogposts_locations", {}, _name_url_map, "a dict of key to (name, url or None)"),
    Option("blogposts_default_location", [], _keys, "a list of location keys"),
    Option("blogposts_languages", {}, _name_url_map, "a dict of key to (name, url or None)"),
    Option("blogposts_default_language", [], _keys, "a list of language keys"),
    Option("blogposts_show_prev_next", True, _bool, "True or False", "html"),
    Option("blogposts_archive_titles", False, _bool, "True or False", "html"),
    Option("blogposts_drafts_page", False, _bool, "True or False", "html"),
    Option("blogposts_redirect_refresh", 5, _non_negative_int, "a whole number of seconds", "html"),
    Option("blogposts_disqus_shortname", None, _optional_str, "None or a Disqus site name", "html"),
    Option(
        "blogposts_future",
        "list",
        _future,
        "'list' (future posts are listed) or 'draft' (listed once their date has come)",
    ),
    Option("blogposts_last_updated", None, _last_updated, "None or 'git'", ""),
    Option("blogposts_comments", None, comments.is_valid, comments.EXPECTED, ""),
    Option("blogposts_related", 3, _non_negative_int, "a whole number, 0 (none) or more", "html"),
    Option("blogposts_index_layout", "list", _layout, "'list' or 'grid'", "html"),
    Option(
        "blogposts_list_cards",
        "own",
        _list_cards,
        "'own' (a post's own image) or 'generated' (else its social card)",
        "html",
    ),
    Option("blogposts_post_cover", False, _bool, "True or False", "html"),
    Option("blogposts_social_cards", False, _bool, "True or False", "html"),
    Option(
        "blogposts_social_cards_colors",
        CARD_COLORS,
        _card_colors,
        "a dict of 'background', 'foreground' and 'accent' to colours such as '#1f2937'",
        "",
    ),
    Option(
        "blogposts_social_cards_font",
        None,
        _optional_str,
        "None or the path of a TTF or OTF font file, from the source folder",
        "",
    ),
    Option("blogposts_blogs", {}, _blogs, "a dict of blog path to a dict of its settings"),
    Option(
        "blogposts_engine",
        None,
        _engine,
        "None (found from conf.py and the sources), 'ablog' or 'blogposts'",
    ),
)


def register(app: Sphinx) -> None:
    for option in OPTIONS:
        app.add_config_value(option.name, option.default, option.rebuild, types=option.types)
    app.add_event(ALIAS_EVENT)  # handlers return an AliasTable
    app.connect("config-inited", validate, priority=100)  # before anyone reads the values


def validate(app: Sphinx, config: Config) -> None:
    """Apply other engines' names, then replace each invalid value by its default, with one
    warning naming what was expected and the setting as the user wrote it."""
    origin: dict[str, str] = {}
    for table in app.emit(ALIAS_EVENT):
        if isinstance(table, AliasTable):
            origin.update(apply_aliases(app, config, table, [o.name for o in OPTIONS]))
    for option in OPTIONS:
        value = getattr(config, option.name)
        if not option.check(value):
            name = origin.get(option.name, option.name)
            shown = value if name == option.name else value_of(config, name)
            warn(
                f"{name} = {shown!r} is not valid: "
                f"expected {option.expected}; using the default {option.default!r}",
                Warn.CONFIG,
                location(app, name),
            )
            config[option.name] = option.default
    config["blogposts_path"] = config.blogposts_path.strip("/")
