"""What a ``blogposts_comments`` setting must say for each comment provider.

Kept in core so the configuration table can validate the value once, at
``config-inited``, and the writing side can rely on it being complete afterwards.
"""

from __future__ import annotations

import re
from typing import Any

#: A Disqus site name: it becomes part of the script's host name.
SHORTNAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]*$")

#: Each provider and the keys it cannot work without.
REQUIRED: dict[str, tuple[str, ...]] = {
    "giscus": ("repo", "repo_id", "category", "category_id"),
    "utterances": ("repo",),
    "disqus": ("shortname",),
}


def _scalar(value: Any) -> bool:
    return isinstance(value, (str, bool, int, float))


def is_valid(value: Any) -> bool:
    """None (no comments), or a dict naming a known provider with all of its keys as text,
    and other options as plain values (they become ``data-*`` attributes)."""
    if value is None:
        return True
    if not isinstance(value, dict) or value.get("provider") not in REQUIRED:
        return False
    if not all(isinstance(k, str) and k and _scalar(v) for k, v in value.items()):
        return False
    required = REQUIRED[value["provider"]]
    if not all(isinstance(value.get(key), str) and value[key] for key in required):
        return False
    return value["provider"] != "disqus" or bool(SHORTNAME.match(value["shortname"]))


EXPECTED = (
    "None, {'provider': 'giscus', 'repo': ..., 'repo_id': ..., 'category': ..., "
    "'category_id': ...}, {'provider': 'utterances', 'repo': ...} or "
    "{'provider': 'disqus', 'shortname': ...}"
)
