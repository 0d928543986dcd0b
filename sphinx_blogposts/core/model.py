"""Plain data: what a post, an author and a tag are once read.

These objects live in the build environment (pickled between builds and shipped
between processes on ``-j``), so they hold only small, plain values: no doctree
nodes, no references to the application.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(slots=True, kw_only=True)
class AuthorDetails:
    """What an author may say about themselves, in the authors map or inline in a post
    (Docusaurus' fields): a post's own details are laid over the map's, field by field."""

    title: str | None = None
    url: str | None = None
    image_url: str | None = None
    email: str | None = None


@dataclass(slots=True, kw_only=True)
class AuthorRef(AuthorDetails):
    """An author as a post names it: a key into the authors map and/or inline details."""

    key: str | None = None
    name: str | None = None
    #: True when the key must exist in the authors map (Docusaurus ``authors``);
    #: False for ABlog's ``author``, where an unknown value is simply a name.
    strict: bool = False


@dataclass(slots=True, kw_only=True)
class Author(AuthorDetails):
    """An author resolved against the authors map, as shown on pages."""

    key: str
    name: str
    slug: str


@dataclass(slots=True)
class Post:
    docname: str
    title: str
    date: datetime | None = None
    updated: datetime | None = None
    #: Who last updated the post (Docusaurus' ``last_update: {author}``), when it says.
    updated_by: str | None = None
    #: ``pin: true``: first on page 1 of the blog's index (everywhere else in date order).
    pinned: bool = False
    description: str | None = None
    slug: str | None = None
    #: Where the post is served (``blogposts_post_url``, ``slug``): a page name such as
    #: ``blog/x``, or None when the page is at its source file's address.
    address: str | None = None
    authors: list[AuthorRef] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    #: ABlog's ``:location:`` and ``:language:``, as written (pages and postlist filters).
    locations: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    #: ABlog's ``:external_link:``: lists and feeds link there instead of to the page.
    external_link: str | None = None
    #: ABlog's ``:canonical_link:``: the page's ``<link rel="canonical">`` points there.
    canonical_link: str | None = None
    #: ABlog's ``:redirect:``: old docnames that get a page redirecting to the post.
    redirect_from: list[str] = field(default_factory=list)
    #: False for ABlog's ``:nocomments:``.
    comments: bool = True
    image: str | None = None
    #: The file ``image`` names, when it was found at read time: where its copy goes in
    #: the output (``_static/blogposts/...``; its own path if it is not copied). The pages
    #: that show the card weigh it, so a file that appears later, or is found in another
    #: folder, changes them.
    image_file: str | None = None
    #: The image's ``(width, height)`` in CSS pixels, read from ``image_file`` when the
    #: post is read (``reading.image_size``); None for a URL or a file it cannot measure.
    image_size: tuple[int, int] | None = None
    #: ``image_alt`` (or a ``cover:`` mapping's ``alt``): the image's text; None: the title.
    image_alt: str | None = None
    #: ``cover: true``/``false``: the image shown above the post's body or not; None:
    #: as ``blogposts_post_cover`` says.
    cover: bool | None = None
    keywords: list[str] = field(default_factory=list)
    draft: bool = False
    unlisted: bool = False
    words: int = 0
    #: A digest of the excerpt's content, so pages that show it know when to change.
    excerpt_digest: str = ""
    line: int | None = None
    #: Source line of each front-matter key, for warnings given once all posts are known.
    key_lines: dict[str, int] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    #: ABlog's posting sections: the id of the section that is this post, None for a whole
    #: document. Links to the post go to ``<page>#<section>``.
    section: str | None = None
    #: The series the post is a part of (``series:``), as written; None when it is in none.
    series: str | None = None
    #: Its place in the series (``series_order:``); None: placed by date.
    series_order: int | None = None
    #: The path of the blog the post belongs to (``blogposts_blogs``); "" for the default one.
    blog: str = ""

    @property
    def key(self) -> str:
        """What tells posts apart: the docname, with ``#section`` for a section's post."""
        return f"{self.docname}#{self.section}" if self.section else self.docname

    @property
    def anchor(self) -> str:
        """What a link to the post adds to its page's URL."""
        return f"#{self.section}" if self.section else ""

    @property
    def listed(self) -> bool:
        """Whether the post may appear in lists at all (drafts are decided by config)."""
        return self.date is not None and not self.unlisted


@dataclass(frozen=True)
class TagDef:
    """A tag defined ahead of the posts (Docusaurus' ``tags.yml``): its label, page and text."""

    key: str
    label: str
    slug: str
    description: str | None = None


@dataclass(slots=True)
class Tag:
    key: str
    label: str
    slug: str
    posts: list[Post] = field(default_factory=list)
    #: From ``tags.yml``: shown on the tag's page.
    description: str | None = None
    #: A location's or language's own page elsewhere (ABlog's ``blog_locations`` URLs).
    url: str | None = None
