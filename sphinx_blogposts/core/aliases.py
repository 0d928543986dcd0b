"""Other engines' names for our values, and what ``conf.py`` itself says.

A compatibility layer describes its engine's settings in an :class:`AliasTable` and
hands it over through the ``blogposts-config-aliases`` event; :func:`apply_aliases`
copies what the project set under those names to ours before the values are
validated, so the rest of the package reads only ``blogposts_*`` values.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from .diagnostics import Warn, logger, warn

#: Returned by an alias's ``convert``: the value says nothing, ours stays as it is.
SKIP = object()


def _same(value: Any) -> Any:
    return value


@dataclass(frozen=True)
class Alias:
    """Another engine's name for one of our values (or for a Sphinx value such as ``html_baseurl``).

    ``convert`` turns the other engine's value into ours; it raises ``ValueError`` (its
    message says what was expected) for a value it cannot use, or returns :data:`SKIP`.
    """

    name: str
    target: str
    convert: Callable[[Any], Any] = _same
    #: The engine's value may differ from ours on purpose (ABlog's ``blog_baseurl`` is the
    #: feeds' address, ``html_baseurl`` the pages'): when both are set, ours is kept with
    #: no warning, and the info message names the pair.
    quiet: bool = False


@dataclass(frozen=True)
class AliasTable:
    """What one compatibility layer knows of its engine's settings."""

    engine: str
    aliases: tuple[Alias, ...]
    #: Names read by the layer itself (never reported as ignored).
    kept: frozenset[str] = frozenset()
    #: Names with no counterpart here, and the other engine's default for each: set to
    #: anything else, they are named in one info message.
    ignored: Mapping[str, Any] = field(default_factory=dict)
    #: Our values to use instead of our defaults on a site of that engine (its defaults
    #: differ from ours), given the config; none the user set is changed.
    defaults: Callable[[Config], Mapping[str, Any]] | None = None
    #: Name prefixes only that engine uses: a site setting such a name is one of its sites.
    #: (Names shared with other extensions, such as ``disqus_shortname``, say nothing.)
    prefixes: tuple[str, ...] = ()
    #: The engine's ``blogposts_engine`` value, for a site found to be one of its sites.
    key: str = ""
    #: For a project whose ``conf.py`` sets none of the engine's names nor ours: whether its
    #: sources show it is one of the engine's sites all the same (asked once per build).
    sniff: Callable[[Sphinx], bool] | None = None

    def names(self) -> set[str]:
        return {a.name for a in self.aliases} | set(self.kept) | set(self.ignored)

    def is_site(self, config: Config) -> bool:
        """Whether the site is one of the engine's, as :func:`apply_aliases` decided."""
        return bool(self.key) and config.blogposts_engine == self.key

    def decide(self, app: Sphinx, config: Config, ours: Iterable[str]) -> bool:
        """Whether the site is one of the engine's; ``ours`` are our values' names."""
        if config.blogposts_engine is not None:  # the project says
            return config.blogposts_engine == self.key
        if any(is_set(config, n) for n in self.names() if n.startswith(self.prefixes)):
            return True
        if self.sniff is None or any(is_set(config, name) for name in ours):
            return False
        return self.sniff(app)


ALIAS_EVENT = "blogposts-config-aliases"


def value_of(config: Config, name: str) -> Any:
    """The value ``conf.py`` (or ``-D``) gives ``name``, also for a name no extension
    registered (Sphinx keeps those aside, unread)."""
    overrides = getattr(config, "_overrides", {})
    if name in overrides:
        return overrides[name]
    if name in config:
        return config[name]
    return getattr(config, "_raw_config", {}).get(name)


def is_set(config: Config, name: str) -> bool:
    """Whether ``conf.py`` (or ``-D``) gives ``name`` a value, rather than its default."""
    raw = getattr(config, "_raw_config", {})
    overrides = getattr(config, "_overrides", {})
    return name in raw or name in overrides


def location(app: Sphinx, name: str) -> str | None:
    """``conf.py:LINE`` of the assignment to ``name``; None when it is not set there (``-D``)."""
    path = Path(app.confdir, "conf.py")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    pattern = re.compile(rf"^{re.escape(name)}\s*(?::[^=\n]*)?=", re.MULTILINE)
    matches = list(pattern.finditer(text))
    if not matches:
        return None
    found = matches[-1]  # the last assignment is the one Python keeps
    return f"{path}:{text.count(chr(10), 0, found.start()) + 1}"


def apply_aliases(
    app: Sphinx, config: Config, table: AliasTable, ours: Iterable[str]
) -> dict[str, str]:
    """Copy the values set under the engine's names to ours; ours win when both are set.

    Returns our name -> the engine's name it was taken from. Disagreements are one warning
    for the whole table; names without a counterpart, one info message.
    """
    site = table.decide(app, config, ours)
    if site and table.key:
        config["blogposts_engine"] = table.key  # what every later check reads
    if not site and not any(is_set(config, name) for name in table.names()):
        return {}
    origin: dict[str, str] = {}
    overruled: list[str] = []
    kept_apart: list[str] = []
    for alias in table.aliases:
        if not is_set(config, alias.name):
            continue
        given = value_of(config, alias.name)
        try:
            value = alias.convert(given)
        except ValueError as exc:
            warn(
                f"{alias.name} = {given!r} is not valid: expected {exc}; it is ignored",
                Warn.CONFIG,
                location(app, alias.name),
            )
            continue
        if value is SKIP:
            continue
        if is_set(config, alias.target) and alias.target not in origin:
            if config[alias.target] != value:
                listed = kept_apart if alias.quiet else overruled
                listed.append(f"{alias.name} ({alias.target} is used)")
            continue
        config[alias.target] = value
        origin[alias.target] = alias.name
    if overruled:
        warn(
            f"conf.py sets both {table.engine}'s and sphinx-blogposts' names for the same "
            "settings, with different values; sphinx-blogposts' values win: "
            + ", ".join(overruled),
            Warn.CONFIG,
            location(app, overruled[0].split()[0]),
        )
    if kept_apart:
        logger.info(
            "blogposts: %s's and sphinx-blogposts' names for the same settings differ, "
            "each used where %s used it: %s",
            table.engine,
            table.engine,
            ", ".join(kept_apart),
        )
    if table.defaults is not None and site:
        for name, value in table.defaults(config).items():
            if not is_set(config, name) and name not in origin:
                config[name] = value
    unused = [
        name
        for name, default in sorted(table.ignored.items())
        if is_set(config, name) and value_of(config, name) != default
    ]
    if unused:
        logger.info(
            "blogposts: %s settings without a counterpart here, so without effect: %s",
            table.engine,
            ", ".join(unused),
        )
    return origin
