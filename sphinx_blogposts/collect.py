"""Read time: deciding which documents are posts and storing what pages need to know of them.

Everything is stored in :class:`BlogDomain`'s data, keyed by docname, cleared with
the document and merged only for the docnames a parallel reader hands over; so an
incremental or ``-j`` build sees exactly the posts that exist, and two builds in one
process never share anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Set
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.domains import Domain
from sphinx.environment import BuildEnvironment
from sphinx.util.matching import Matcher

from . import authors as authors_mod
from . import dates, excerpt, frontmatter
from .diagnostics import Warn, warn
from .directives import post_footer_node, post_header_node, post_node, postlist_node
from .model import AuthorRef, Post

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdx")
_POST_DIRECTIVE = re.compile(r"^\s*(?:```+|~~~+|:::+)\s*\{post\}", re.MULTILINE)
#: An ATX H1 (``# Title``) or a setext underline (``===``): the only ways to write an H1.
_MAYBE_H1 = re.compile(r"^ {0,3}(?:#(?:[ \t]|$)|=+[ \t]*$)", re.MULTILINE)


class BlogDomain(Domain):
    """The per-document store of posts (no roles or objects: it only holds data)."""

    name = "blogposts"
    label = "Blog posts"
    data_version = 2  # bump on any change to the shape of `data`
    initial_data: ClassVar[dict[str, Any]] = {
        "posts": {},  # docname -> Post
        "excerpts": {},  # docname -> list of detached nodes
        "postlists": {},  # docname -> the options of each postlist in it
        "signatures": {},  # docname -> what that page showed last build (see incremental.py)
    }

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        #: Runtime caches of this process and build only; never pickled.
        self.authors_map: dict[str, dict[str, str]] = {}
        self.authors_path: Path | None = None
        self.runtime: dict[str, Any] = {}

    @property
    def posts(self) -> dict[str, Post]:
        return self.data["posts"]

    @property
    def excerpts(self) -> dict[str, list[nodes.Node]]:
        return self.data["excerpts"]

    def clear_doc(self, docname: str) -> None:
        self.data["posts"].pop(docname, None)
        self.data["excerpts"].pop(docname, None)
        self.data["postlists"].pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for key in ("posts", "excerpts", "postlists"):
            for docname in docnames:
                if docname in otherdata[key]:
                    self.data[key][docname] = otherdata[key][docname]

    def resolve_any_xref(self, *args: Any, **kwargs: Any) -> list[tuple[str, nodes.reference]]:
        return []


def domain_of(env: BuildEnvironment) -> BlogDomain:
    domain = env.domains["blogposts"]
    assert isinstance(domain, BlogDomain)
    return domain


# -- which documents are posts ------------------------------------------------------------


def generated_names(blog_path: str) -> Matcher:
    """Names the extension generates pages at; documents there are never posts."""
    return Matcher(
        [
            f"{blog_path}/index",
            f"{blog_path}/archive",
            f"{blog_path}/tags/**",
            f"{blog_path}/tags",
            f"{blog_path}/authors/**",
            f"{blog_path}/authors",
            f"{blog_path}/page/**",
        ]
    )


def matches_pattern(app: Sphinx, docname: str) -> bool:
    runtime = domain_of(app.env).runtime
    if "matchers" not in runtime:  # compiled once per process and build
        runtime["matchers"] = (
            generated_names(app.config.blogposts_path),
            Matcher(app.config.blogposts_pattern),
        )
    generated, pattern = runtime["matchers"]
    if generated(docname):
        return False
    return pattern(docname) or pattern(str(app.env.doc2path(docname, base=False)))


def _is_markdown(env: BuildEnvironment, docname: str) -> bool:
    return env.doc2path(docname).suffix.lower() in MARKDOWN_SUFFIXES


# -- source-read: a front-matter title becomes the H1 ---------------------------------------


def _has_h1(body: str) -> bool:
    # Most posts have no line that could even start an H1; only parse those that do.
    if not _MAYBE_H1.search(body):
        return False
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(body)
    return any(t.type == "heading_open" and t.tag == "h1" for t in tokens)


def _escape_markdown(text: str) -> str:
    return re.sub(r"([\\`*_{}\[\]<>()#+\-.!|~$&:])", r"\\\1", " ".join(text.split()))


def on_source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    """Give Docusaurus-style posts (headings from H2, title in front matter) their H1.

    The heading takes the place of the blank line after the front matter when there is
    one, so every later line keeps its number and warnings still point at the right line.
    """
    env = app.env
    if not _is_markdown(env, docname):
        return
    text = source[0]
    fm = frontmatter.parse(text)
    # doctree-read of the same document (same process, also with -j) reuses this parse.
    domain_of(env).runtime.setdefault("front_matter", {})[docname] = fm
    if fm is None or fm.error:
        return
    is_post = (
        matches_pattern(app, docname)
        or frontmatter.as_bool(fm.data.get("blogpost")) is True
        or _POST_DIRECTIVE.search(text) is not None
    )
    title = frontmatter.as_text(fm.data.get("title"))
    if not is_post or not title:
        return
    lines = text.splitlines(keepends=True)
    body = "".join(lines[fm.body_start :])
    if _has_h1(body):
        return
    heading = f"# {_escape_markdown(title)}\n"
    start = fm.body_start
    if start < len(lines) and not lines[start].strip():
        lines[start] = heading
    else:
        lines.insert(start, heading + "\n")
    source[0] = "".join(lines)


# -- doctree-read: collect the post --------------------------------------------------------


def _read_front_matter(app: Sphinx, docname: str) -> frontmatter.FrontMatter:
    env = app.env
    if _is_markdown(env, docname):
        cached = domain_of(env).runtime.get("front_matter", {})
        if docname in cached:
            return cached.pop(docname) or frontmatter.FrontMatter()
        try:
            text = env.doc2path(docname).read_text(encoding=app.config.source_encoding)
        except (OSError, UnicodeDecodeError):
            return frontmatter.FrontMatter()
        return frontmatter.parse(text.replace("\r\n", "\n")) or frontmatter.FrontMatter()
    return frontmatter.from_metadata(env.metadata.get(docname, {}))


def on_doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    env = app.env
    docname = env.docname
    domain = domain_of(env)
    postlists = [
        {key: node[key] for key in ("filters", "oldest_first", "count", "excerpts")}
        for node in doctree.findall(postlist_node)
    ]
    if postlists:
        domain.data["postlists"][docname] = postlists
    fm = _read_front_matter(app, docname)
    directives = list(doctree.findall(post_node))
    is_post = (
        bool(directives)
        or matches_pattern(app, docname)
        or frontmatter.as_bool(fm.data.get("blogpost")) is True
    )
    if not is_post:
        return
    if fm.error:
        warn(fm.error, Warn.FRONTMATTER, (docname, fm.line))
    directive = directives[0] if directives else None
    if len(directives) > 1:
        warn(
            "more than one 'post' directive in one document; only the first is used",
            Warn.DIRECTIVE,
            directives[1],
        )
    post = PostReader(app, docname, doctree, fm, directive).read()
    domain.posts[docname] = post
    env.metadata[docname]["orphan"] = True
    if domain.authors_path is not None and domain.authors_path.is_file():
        env.note_dependency(str(domain.authors_path))
    for node in directives:
        node.parent.remove(node)
    _place_header_and_footer(doctree)


def _place_header_and_footer(doctree: nodes.document) -> None:
    section = next((c for c in doctree.children if isinstance(c, nodes.section)), None)
    container: nodes.Element = section if section is not None else doctree
    index = 1 if container.children and isinstance(container[0], nodes.title) else 0
    container.insert(index, post_header_node())
    container.append(post_footer_node())


class PostReader:
    """Builds one :class:`Post` from its front matter, ``post`` directive, path and doctree."""

    def __init__(
        self,
        app: Sphinx,
        docname: str,
        doctree: nodes.document,
        fm: frontmatter.FrontMatter,
        directive: post_node | None,
    ) -> None:
        self.app = app
        self.env = app.env
        self.config = app.config
        self.docname = docname
        self.doctree = doctree
        self.fm = fm
        self.data = fm.data
        self.directive = directive
        self.options: dict[str, Any] = directive["options"] if directive is not None else {}
        self.tz = dates.zone(self.config.blogposts_timezone)

    def where(self, key: str | None = None) -> tuple[str, int | None]:
        if key is not None and key in self.fm.lines:
            return (self.docname, self.fm.lines[key])
        from_directive = key is None or key not in self.data
        if from_directive and self.directive is not None and self.directive.line:
            return (self.docname, self.directive.line)
        return (self.docname, self.fm.line)

    def read(self) -> Post:
        post = Post(docname=self.docname, title=self.title(), line=self.fm.line)
        post.date = self.date()
        post.updated = self.updated()
        post.description = frontmatter.as_text(self.data.get("description"))
        post.slug = frontmatter.as_text(self.data.get("slug"))
        post.authors = self.authors()
        post.tags = self.labels("tags", self.options.get("tags", []))
        post.categories = self.labels(
            "category", self.options.get("category", []), also=self.data.get("categories")
        )
        post.keywords = self.labels("keywords", [])
        post.image = self.image()
        post.draft = self.flag("draft")
        post.unlisted = self.flag("unlisted")
        post.exclude_from_postlists = "exclude" in self.options
        post.extra = {k: v for k, v in self.data.items() if k not in _KNOWN_KEYS}
        for key in ("location", "language", "redirect"):  # ABlog's, as lists for postlist filters
            values = self.labels(key, self.options.get(key, []))
            if values:
                post.extra[key] = values
            else:
                post.extra.pop(key, None)
        post.words = len(re.findall(r"\w+", self.doctree.astext()))
        fragment = self.excerpt()
        post.excerpt_digest = excerpt.digest(fragment)
        excerpt_store = domain_of(self.env).excerpts
        excerpt_store[self.docname] = fragment
        return post

    def title(self) -> str:
        text = frontmatter.as_text(self.data.get("title")) or self.options.get("title")
        if text:
            return str(text)
        title_node = self.env.titles.get(self.docname)
        if title_node is not None and title_node.astext().strip():
            return title_node.astext().strip()
        name = Path(self.docname).name
        if name == "index":
            name = Path(self.docname).parent.name
        fallback = re.sub(r"^\d{4}-\d{1,2}-\d{1,2}-", "", name).replace("-", " ").replace("_", " ")
        fallback = fallback.strip().capitalize() or self.docname
        warn(
            f"the post has no title; using {fallback!r}. Add 'title:' to the front matter "
            "or start the post with a '# Heading'",
            Warn.TITLE,
            (self.docname, self.fm.line if self.data else 1),
        )
        return fallback

    def _parse_date(self, key: str, value: Any) -> Any:
        try:
            return dates.parse_date(value, self.tz)
        except ValueError as exc:
            warn(f"'{key}': {exc}", Warn.DATE, self.where(key))
            return None

    def date(self) -> Any:
        if self.data.get("date") is not None:
            found = self._parse_date("date", self.data["date"])
            if found is not None:
                return found
        if self.directive is not None and self.directive.get("date"):
            found = self._parse_date("post", self.directive["date"])
            if found is not None:
                return found
        found = dates.date_from_path(self.docname, self.tz)
        if found is None:
            warn(
                "the post has no date, so it is listed nowhere; add 'date: YYYY-MM-DD' to the "
                "front matter, give the post directive a date, or name the file YYYY-MM-DD-name.md",
                Warn.DATE,
                self.where("date"),
            )
        return found

    def updated(self) -> Any:
        value = self.data.get("updated")
        last_update = self.data.get("last_update")
        if value is None and isinstance(last_update, dict):
            value = last_update.get("date")
        return None if value is None else self._parse_date("updated", value)

    def authors(self) -> list[AuthorRef]:
        domain = domain_of(self.env)
        refs: list[AuthorRef] = []
        for key, strict in (("authors", True), ("author", False)):
            if key not in self.data:
                continue
            found, problems = frontmatter.as_authors(self.data[key], strict=strict)
            for problem in problems:
                warn(f"'{key}': {problem}", Warn.AUTHOR, self.where(key))
            refs.extend(found)
        legacy = {
            attr: frontmatter.as_text(self.data.get(f"author_{attr}"))
            for attr in ("title", "url", "image_url")
        }
        if any(legacy.values()) and len(refs) == 1:
            for attr, value in legacy.items():
                if value and not getattr(refs[0], attr):
                    setattr(refs[0], attr, value)
        refs.extend(AuthorRef(key=key) for key in self.options.get("author", []))
        unique: list[AuthorRef] = []
        seen: set[str] = set()
        for ref in refs:
            ident = (ref.key or ref.name or "").casefold()
            if ident in seen:
                continue
            seen.add(ident)
            if ref.strict and not authors_mod.is_known(ref, domain.authors_map):
                known = ", ".join(sorted(domain.authors_map)) or "none are defined"
                warn(
                    f"unknown author key {ref.key!r}; it is shown as written. Known keys: {known}",
                    Warn.AUTHOR,
                    self.where("authors"),
                )
            unique.append(ref)
        return unique

    def labels(self, key: str, extra: Iterable[str], also: Any = None) -> list[str]:
        values: list[str] = []
        for raw in (self.data.get(key), also):
            found = frontmatter.as_list(raw)
            if found is None:
                warn(
                    f"'{key}' must be a list or a comma-separated string, not {raw!r}; ignored",
                    Warn.TAG if key == "tags" else Warn.FRONTMATTER,
                    self.where(key),
                )
                continue
            values.extend(found)
        values.extend(extra)
        unique: list[str] = []
        seen: set[str] = set()
        for value in values:
            ident = " ".join(value.split()).casefold()
            if ident and ident not in seen:
                seen.add(ident)
                unique.append(" ".join(value.split()))
        return unique

    def flag(self, key: str) -> bool:
        if key in self.options:
            return True
        if key not in self.data:
            return False
        value = frontmatter.as_bool(self.data[key])
        if value is None:
            warn(
                f"'{key}: {self.data[key]}' is neither true nor false; treated as true",
                Warn.FRONTMATTER,
                self.where(key),
            )
            return True
        return value

    def image(self) -> str | None:
        for key in ("image", "thumbnail"):
            text = frontmatter.as_text(self.data.get(key))
            if text:
                return text
        index = self.options.get("image")
        if index:
            images = list(self.doctree.findall(nodes.image))
            if 0 < index <= len(images):
                return str(images[index - 1]["uri"])
        return None

    def excerpt(self) -> list[nodes.Node]:
        markers = excerpt.find_markers(self.doctree)
        fragment: list[nodes.Node] = []
        if self.directive is not None and self.directive.children:
            fragment = [child.deepcopy() for child in self.directive.children]
        elif markers:
            fragment = excerpt.cut_at_marker(self.doctree, markers[0])
        cleaned = excerpt.clean(fragment)
        if not cleaned:
            count = (
                self.options.get("excerpt")
                or _positive(self.data.get("excerpt"))
                or self.config.blogposts_auto_excerpt
            )
            cleaned = excerpt.clean(excerpt.first_paragraphs(self.doctree, count))
        for marker in markers:
            if marker.parent is not None:
                marker.parent.remove(marker)
        return cleaned


def _positive(value: Any) -> int | None:
    """ABlog's ``excerpt: N`` front matter (a number of paragraphs), when it is one."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number > 0 and not isinstance(value, bool) else None


_KNOWN_KEYS = {
    "title",
    "description",
    "slug",
    "date",
    "updated",
    "last_update",
    "authors",
    "author",
    "author_title",
    "author_url",
    "author_image_url",
    "tags",
    "category",
    "categories",
    "image",
    "thumbnail",
    "draft",
    "unlisted",
    "keywords",
    "blogpost",
    "excerpt",
    "location",
    "language",
    "redirect",
}


def load_authors(app: Sphinx) -> None:
    """At ``builder-inited``: read the authors map once per build, in the main process."""
    domain = domain_of(app.env)
    domain.authors_path = authors_mod.authors_file(
        Path(app.srcdir), app.config.blogposts_path, app.config.blogposts_authors_file
    )
    domain.authors_map = authors_mod.load_map(app.config.blogposts_authors, domain.authors_path)
