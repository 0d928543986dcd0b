"""``python -m sphinx_blogposts new "Title"``: start a post in the layout the blog reads.

A new post goes to ``<dir>/YYYY-MM-DD-<slug>/index.md`` (the Docusaurus layout: the
date comes from the folder name, images can sit next to the post) with front matter
and a truncate marker, so the first paragraph becomes the excerpt. An existing post is
never overwritten.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import yaml

from .core.slugs import slugify

BODY = """\
Write the opening paragraph here. Everything above the marker below is the excerpt
shown on the blog index.

<!-- truncate -->

The rest of the post.
"""


def _split(values: Sequence[str] | None) -> list[str]:
    """``--tags a,b --tags c`` -> ``["a", "b", "c"]``, blanks and repeats dropped."""
    out: list[str] = []
    for value in values or ():
        for part in value.split(","):
            part = part.strip()
            if part and part not in out:
                out.append(part)
    return out


def front_matter(title: str, tags: list[str], authors: list[str], draft: bool) -> str:
    data: dict[str, object] = {"title": title}
    if authors:
        data["authors"] = authors
    if tags:
        data["tags"] = tags
    if draft:
        data["draft"] = True
    # safe_dump quotes whatever YAML would misread (a title with ": " or a leading "#").
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{text}---\n"


def post_path(folder: Path, title: str, date: dt.date) -> Path:
    # "#1" or "Q&A" in a title read badly as "sharp-1" / "q-and-a" in a URL: drop them.
    slug = slugify(re.sub(r"[#&@%]", " ", title)) or "post"
    return folder / f"{date.isoformat()}-{slug}" / "index.md"


def new_post(
    title: str,
    folder: Path,
    date: dt.date,
    tags: list[str] | None = None,
    authors: list[str] | None = None,
    draft: bool = False,
) -> Path:
    """Write the post and return its path; ``FileExistsError`` if it is already there."""
    path = post_path(folder, title, date)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = front_matter(title, tags or [], authors or [], draft) + "\n" + BODY
    with open(path, "x", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return path


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {value!r}") from None


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m sphinx_blogposts")
    commands = p.add_subparsers(dest="command", required=True)
    new = commands.add_parser("new", help="start a new blog post")
    new.add_argument("title", help="the post's title")
    new.add_argument("--tags", action="append", help="comma-separated tags (repeatable)")
    new.add_argument("--author", action="append", help="author key from authors.yml (repeatable)")
    new.add_argument("--dir", default="blog", help="folder of the posts (default: blog)")
    new.add_argument("--date", type=_date, help="date of the post (default: today)")
    new.add_argument("--draft", action="store_true", help="mark the post as a draft")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    title = " ".join(args.title.split())
    if not title:
        print("error: the title is empty", file=sys.stderr)
        return 2
    date = args.date or dt.date.today()
    try:
        path = new_post(
            title, Path(args.dir), date, _split(args.tags), _split(args.author), args.draft
        )
    except FileExistsError:
        existing = post_path(Path(args.dir), title, date)
        print(f"error: {existing} already exists; not overwriting it", file=sys.stderr)
        return 1
    print(path)
    return 0
