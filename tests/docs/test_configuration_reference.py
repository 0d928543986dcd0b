"""docs/configuration.md lists exactly the ``blogposts_*`` values that setup() registers,
with their real defaults and types, so the reference cannot drift from the code."""

from __future__ import annotations

import ast
import re

import pytest

from sphinx_blogposts.core import comments, config
from tests.conftest import PROJECT

DOC = PROJECT / "docs" / "configuration.md"

#: How the reference writes the type that each validator accepts.
TYPE_TEXT = {
    config._str: "`str`",
    config._blog_path: "`str`",
    config._timezone: "`str`",
    config._bool: "`bool`",
    config._positive_int: "`int` greater than 0",
    config._str_list: "list of `str`",
    config._optional_str: "`str` or `None`",
    config._authors: "`dict`",
    config._feed_formats: 'list of `"atom"`, `"rss"`, `"json"`',
    config._feed_length: "`int` greater than 0, or `None`",
    config._feed_content: '`"full"`, `"excerpt"` or `"none"`',
    config._site_url: "`str` or `None`",
    config._root_links: '`"warn"`, `"keep"` or `"error"`',
    config._url_map: "`dict` of `str` to `str`",
    config._future: '`"list"` or `"draft"`',
    config._non_negative_int: "`int`, 0 or more",
    config._name_url_map: "`dict`",
    config._keys: "list of `str`",
    config._last_updated: '`"git"` or `None`',
    config._post_url: "`str` or `None`",
    comments.is_valid: "`dict` or `None`",
    config._blogs: "`dict` of `str` to `dict`",
    config._engine: '`None`, `"ablog"` or `"blogposts"`',
    config._layout: '`"list"` or `"grid"`',
    config._list_cards: '`"own"` or `"generated"`',
}


def _table() -> dict[str, tuple[str, str]]:
    rows = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^\| `(blogposts_\w+)` \| `(.+?)` \| (.+?) \|", line)
        if match:
            name, default, type_text = match.groups()
            assert name not in rows, f"{name} is listed twice"
            rows[name] = (default, type_text)
    return rows


@pytest.mark.sphinx("html", testroot="small-blog", freshenv=True)
def test_configuration_reference_matches_setup(app):
    registered = {
        name: app.config._options[name]
        for name in app.config._options
        if name.startswith("blogposts_")
    }
    rows = _table()
    assert sorted(rows) == sorted(registered)
    checks = {option.name: option.check for option in config.OPTIONS}
    for name, (default_text, type_text) in rows.items():
        default = registered[name].default
        assert ast.literal_eval(default_text) == default, name
        assert type_text == TYPE_TEXT[checks[name]], name
