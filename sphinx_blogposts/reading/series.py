"""A post's ``series`` and ``series_order``, from front matter or the ``post`` directive.

Only the post's own values are read here; whether two parts claim the same place
can only be told once every post is known (see the writing side's ``series``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..core.diagnostics import Warn, warn
from . import values

if TYPE_CHECKING:
    from .post_sources import PostSources


def read(reader: PostSources) -> tuple[str | None, int | None]:
    """The series name and order; each unusable value costs one warning and is ignored."""
    name = _name(reader)
    order = _order(reader) if name is not None else None
    if _given(reader, "series") is None and _given(reader, "series_order") is not None:
        warn(
            "'series_order' is given but the post is in no series; it is ignored. Add "
            "'series: <name>'",
            Warn.SERIES,
            reader.where("series_order"),
        )
    return name, order


def _given(reader: PostSources, key: str) -> Any:
    if key in reader.data and reader.data[key] is not None:
        return reader.data[key]
    return reader.options.get(key)


def _name(reader: PostSources) -> str | None:
    raw = _given(reader, "series")
    if raw is None:
        return None
    text = values.as_text(raw)
    if text is None:
        shown = "empty" if isinstance(raw, str) else f"not text but {_kind(raw)}"
        warn(
            f"'series' is {shown}; the post is in no series. Write the series' name, such "
            "as 'series: Deep Dive'",
            Warn.SERIES,
            reader.where("series"),
        )
        return None
    option = values.as_text(reader.options.get("series"))
    if "series" in reader.data and option is not None:
        reader.disagree("series", text, option)
    return text


def _order(reader: PostSources) -> int | None:
    raw = _given(reader, "series_order")
    if raw is None:
        return None
    number: int | None = None
    if isinstance(raw, int) and not isinstance(raw, bool):
        number = raw
    elif isinstance(raw, str) and raw.strip().isdigit():
        number = int(raw.strip())
    if number is None or number < 1:
        warn(
            f"'series_order: {str(raw)[:40]}' is not a whole number greater than 0; the "
            "post is placed in its series by date",
            Warn.SERIES,
            reader.where("series_order"),
        )
        return None
    return number


def _kind(value: Any) -> str:
    return {list: "a list", dict: "a mapping", bool: "true/false"}.get(
        type(value), type(value).__name__
    )
