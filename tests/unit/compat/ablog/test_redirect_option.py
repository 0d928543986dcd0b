"""ABlog's ``:redirect:`` values as page names (``compat/ablog/redirect_option.py``)."""

from __future__ import annotations

import pytest

from sphinx_blogposts.compat.ablog.redirect_option import page_name
from sphinx_blogposts.core.routes import is_page_name


@pytest.mark.parametrize(
    ("value", "name"),
    [
        ("blog/old-name", "blog/old-name"),
        (" /blog/old-name.html ", "blog/old-name"),
        ("blog/old-name/", "blog/old-name"),
        ("blog/old-name/index", "blog/old-name"),
        ("blog/old-name/index.html", "blog/old-name"),
        ("", ""),
    ],
)
def test_a_value_means_the_page_name_ablog_took_it_for(value: str, name: str) -> None:
    assert page_name(value) == name


@pytest.mark.parametrize(
    ("name", "ok"),
    [
        ("blog/old-name", True),
        ("old", True),
        ("2024/01/02/launch", True),
        ("", False),
        ("blog//old", False),
        ("../out", False),
        ("blog/./old", False),
        ("a?b", False),
        ("a#b", False),
        ("50%", False),
        ('say"hi"', False),
        ("<script>", False),
        ("back\\slash", False),
        ("bell\x07", False),
    ],
)
def test_a_page_name_is_safe_as_a_url_path_and_a_file_path(name: str, ok: bool) -> None:
    assert is_page_name(name.split("/")) is ok
