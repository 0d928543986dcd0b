"""Read time: deciding which documents are posts and storing what pages need to know of them.

Everything is stored in :class:`BlogDomain`'s data, keyed by docname, cleared with
the document and merged only for the docnames a parallel reader hands over; so an
incremental or ``-j`` build sees exactly the posts that exist, and two builds in one
process never share anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, ClassVar

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.matching import Matcher

from ..core import config as config_mod
from ..core import slugs
from ..core.diagnostics import Warn, warn
from ..core.model import AuthorRef, Post
from ..core.store import DocumentStore
from . import authors as authors_mod
from . import dates, excerpt, frontmatter
from .directives import post_footer_node, post_header_node, post_node, postlist_node

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdx")
_POST_DIRECTIVE = re.compile(r"^\s*(?:```+|~~~+|:::+)\s*\{post\}", re.MULTILINE)
#: An ATX H1 (``# Title``) or a setext underline (``===``): the only ways to write an H1.
_MAYBE_H1 = re.compile(r"^ {0,3}(?:#(?:[ \t]|$)|=+[ \t]*$)", re.MULTILINE)


class BlogDomain(DocumentStore):
    """The per-document store of posts."""

    name = "blogposts"
    label = "Blog posts"
    data_version = 4  # bump on any change to the shape of `data` (4: excerpts in doctrees)
    initial_data: ClassVar[dict[str, Any]] = {
        "posts": {},  # docname -> Post (its excerpt is kept in its doctree: excerpt.py)
        "postlists": {},  # docname -> the options of each postlist in it
        "signatures": {},  # docname -> what that page showed last build (see incremental.py)
    }
    per_document = ("posts", "postlists")  # signatures are replaced whole after each read

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        #: Runtime caches of this process and build only; never pickled.
        self.authors_map: dict[str, dict[str, str]] = {}
        self.authors_path: Path | None = None

    @property
    def posts(self) -> dict[str, Post]:
        return self.data["posts"]


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


def front_matter_of(app: Sphinx, docname: str, text: str) -> frontmatter.FrontMatter | None:
    """The front matter of a Markdown source being read, parsed once per read.

    Several ``source-read`` handlers need it (MDX rewriting, then the title), and
    ``doctree-read`` of the same document, in the same process also with ``-j``, takes
    it from here too. A handler may rewrite the body, never the front matter block, so
    the parse stays valid as long as that block is unchanged.
    """
    cache = domain_of(app.env).runtime.setdefault("front_matter", {})
    end = text.find("\n---", 3)
    head = text[: end + 5] if end >= 0 else text  # the block up to its closing fence
    if docname in cache and cache[docname][0] == head:
        return cache[docname][1]
    fm = frontmatter.parse(text)
    cache[docname] = (head, fm)
    return fm


def on_source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    """Give Docusaurus-style posts (headings from H2, title in front matter) their H1.

    The heading takes the place of the blank line after the front matter when there is
    one, so every later line keeps its number and warnings still point at the right line.

    A post's front matter that MyST cannot read (bad YAML, a list, an unclosed ``---``)
    is blanked out before MyST sees it: this extension reports each problem in it once,
    at its line, and reads what it can; MyST would add a second, vaguer warning
    ("Malformed YAML") or show an unclosed block as text.
    """
    env = app.env
    if not _is_markdown(env, docname):
        return
    text = source[0]
    fm = front_matter_of(app, docname, text)
    if fm is None:
        return
    is_post = (
        matches_pattern(app, docname)
        or frontmatter.as_bool(fm.data.get("blogpost")) is True
        or _POST_DIRECTIVE.search(text) is not None
    )
    if not is_post:
        return
    lines = text.splitlines(keepends=True)
    changed = False
    if fm.hide_from_myst:
        for index in range(min(fm.body_start, len(lines))):
            lines[index] = "\n"
        changed = True
    title = frontmatter.as_text(fm.data.get("title"))
    if title and not _has_h1("".join(lines[fm.body_start :])):
        heading = f"# {_escape_markdown(title)}\n"
        start = fm.body_start
        if start < len(lines) and not lines[start].strip():
            lines[start] = heading
        else:
            lines.insert(start, heading + "\n")
        changed = True
    if changed:
        source[0] = "".join(lines)


# -- doctree-read: collect the post --------------------------------------------------------


def _read_front_matter(app: Sphinx, docname: str) -> frontmatter.FrontMatter:
    env = app.env
    if _is_markdown(env, docname):
        cached = domain_of(env).runtime.get("front_matter", {})
        if docname in cached:
            return cached.pop(docname)[1] or frontmatter.FrontMatter()
        try:
            text = env.doc2path(docname).read_text(encoding=app.config.source_encoding)
        except (OSError, UnicodeDecodeError):
            return frontmatter.FrontMatter()
        return frontmatter.parse(text) or frontmatter.FrontMatter()
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
    for message, line in fm.problems:
        warn(message, Warn.FRONTMATTER, (docname, line))
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
    """Builds one :class:`Post` from its front matter, ``post`` directive, path and doctree.

    Every value that cannot be used costs exactly one located warning and falls back to
    the next source (front matter, then the directive, then the path or the heading),
    so the post is still built and listed with whatever could be read.
    """

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
        #: Keys given by both the front matter and the directive, with different values.
        self.disagreements: list[str] = []

    def where(self, key: str | None = None) -> tuple[str, int | None]:
        if key is not None and key in self.fm.lines:
            return (self.docname, self.fm.lines[key])
        from_directive = key is None or key not in self.data
        if from_directive and self.directive is not None and self.directive.line:
            return (self.docname, self.directive.line)
        return (self.docname, self.fm.line)

    def read(self) -> Post:
        post = Post(docname=self.docname, title=self.title(), line=self.fm.line)
        post.key_lines = dict(self.fm.lines)
        post.date = self.date()
        post.updated = self.updated()
        post.description = frontmatter.as_text(self.data.get("description"))
        post.slug = self.slug()
        post.authors = self.authors()
        post.tags = self.labels("tags", "tags", self.options.get("tags", []))
        post.categories = self.labels(
            "category", "category", self.options.get("category", []), also="categories"
        )
        post.keywords = self.labels("keywords", "keywords", [])
        post.image = self.image()
        post.draft = self.flag("draft")
        post.unlisted = self.flag("unlisted")
        post.exclude_from_postlists = "exclude" in self.options
        post.extra = {k: v for k, v in self.data.items() if k not in _KNOWN_KEYS}
        for key in ("location", "language", "redirect"):  # ABlog's, as lists for postlist filters
            values = self.labels(key, key, self.options.get(key, []))
            if values:
                post.extra[key] = values
            else:
                post.extra.pop(key, None)
        if self.disagreements:
            keys = ", ".join(f"'{key}'" for key in self.disagreements)
            warn(
                f"the front matter and the 'post' directive disagree on {keys}; the front "
                "matter's value is used. Give each value in one place only",
                Warn.DIRECTIVE,
                self.where(None),
            )
        post.words = len(re.findall(r"\w+", self.doctree.astext()))
        fragment = self.excerpt()
        post.excerpt_digest = excerpt.digest(fragment)
        excerpt.store(self.doctree, fragment)
        return post

    def _disagree(self, key: str, ours: Any, theirs: Any) -> None:
        if ours != theirs and key not in self.disagreements:
            self.disagreements.append(key)

    # -- title ---------------------------------------------------------------------------

    def title(self) -> str:
        raw = self.data.get("title")
        given = frontmatter.as_text(raw)
        from_option = frontmatter.as_text(self.options.get("title"))
        if given and from_option:
            self._disagree("title", given, from_option)
        text = given or from_option
        if text:
            return text
        heading = self._heading()
        problem = None
        if "title" in self.data:
            problem = (
                "'title' is empty"
                if raw is None or isinstance(raw, str)
                else f"'title' must be text, not {_kind(raw)}"
            )
        if heading and problem is None:
            return heading
        if heading:
            warn(
                f"{problem}; using the post's heading {heading!r}. Write the title as text, "
                "or remove the key",
                Warn.TITLE,
                self.where("title"),
            )
            return heading
        fallback = _title_from_name(self.docname)
        if "title" in self.fm.broken_keys:  # its line was reported already
            return fallback
        warn(
            f"{problem or 'the post has no title'}; using {fallback!r}. Add 'title:' to the "
            "front matter or start the post with a '# Heading'",
            Warn.TITLE,
            self.where("title") if problem else (self.docname, self.fm.line if self.data else 1),
        )
        return fallback

    def _heading(self) -> str | None:
        """The document's own first heading, as Sphinx takes its title (None without one)."""
        section = self.doctree.next_node(nodes.section)
        if section is None or not section.children or not isinstance(section[0], nodes.title):
            return None
        return frontmatter.clean_text(section[0].astext()) or None

    # -- dates ---------------------------------------------------------------------------

    def _try_date(self, value: Any) -> tuple[Any, str | None]:
        try:
            return dates.parse_date(value, self.tz), None
        except ValueError as exc:
            return None, str(exc)

    def date(self) -> Any:
        """Front matter, else the directive's argument, else the path; one warning at most."""
        candidates: list[tuple[str, Any, tuple[str, int | None]]] = []
        if self.data.get("date") is not None:
            candidates.append(("'date'", self.data["date"], self.where("date")))
        if self.directive is not None and self.directive.get("date"):
            where = (self.docname, self.directive.line or self.fm.line)
            candidates.append(("the 'post' directive's date", self.directive["date"], where))
        parsed: list[Any] = []
        failed: list[tuple[str, str, tuple[str, int | None]]] = []
        for label, value, where in candidates:
            found, problem = self._try_date(value)
            if problem is not None:
                failed.append((label, problem, where))
            else:
                parsed.append(found)
        if len(parsed) == 2:
            self._disagree("date", parsed[0], parsed[1])
        chosen = parsed[0] if parsed else None
        source = "the other date given" if parsed else None
        if chosen is None:
            chosen = dates.date_from_path(self.docname, self.tz)
            source = "the date in the file name" if chosen is not None else None
        if failed:
            label, problem, where = failed[0]
            if chosen is not None:
                then = f"using {source} ({chosen.date().isoformat()})"
            else:
                then = "the post is listed nowhere until it has a date"
            warn(f"{label}: {problem}; {then}", Warn.DATE, where)
        elif chosen is None and "date" not in self.fm.broken_keys:
            warn(
                "the post has no date, so it is listed nowhere; add 'date: YYYY-MM-DD' to the "
                "front matter, give the post directive a date, or name the file YYYY-MM-DD-name.md",
                Warn.DATE,
                self.where("date"),
            )
        return chosen

    def updated(self) -> Any:
        value = self.data.get("updated")
        key = "updated"
        last_update = self.data.get("last_update")
        if value is None and isinstance(last_update, dict):
            value, key = last_update.get("date"), "last_update"
        if value is None:
            return None
        found, problem = self._try_date(value)
        if problem is not None:
            warn(f"'{key}': {problem}; it is ignored", Warn.DATE, self.where(key))
        return found

    # -- slug ----------------------------------------------------------------------------

    def slug(self) -> str | None:
        if "slug" not in self.data or self.data["slug"] is None:
            return None
        raw = self.data["slug"]
        text = raw if isinstance(raw, str) else frontmatter.as_text(raw)
        clean, problem = slugs.safe_slug(text) if text is not None else (None, "it is not text")
        if problem is not None:
            warn(
                f"'slug: {str(raw)[:80]!r}' cannot be used: {problem}; it is ignored. Write "
                "a path of letters, digits and '-', such as 'my-post' or '2024/my-post'",
                Warn.SLUG,
                self.where("slug"),
            )
        return clean

    # -- authors -------------------------------------------------------------------------

    def authors(self) -> list[AuthorRef]:
        domain = domain_of(self.env)
        refs: list[AuthorRef] = []
        for key, strict in (("authors", True), ("author", False)):
            if key not in self.data:
                continue
            found, problems = frontmatter.as_authors(self.data[key], strict=strict)
            if problems:
                warn(f"'{key}': {'; '.join(problems)}", Warn.AUTHOR, self.where(key))
            refs.extend(found)
        legacy = {
            attr: frontmatter.as_text(self.data.get(f"author_{attr}"))
            for attr in ("title", "url", "image_url")
        }
        if any(legacy.values()) and len(refs) == 1:
            for attr, value in legacy.items():
                if value and not getattr(refs[0], attr):
                    setattr(refs[0], attr, value)
        from_directive = [AuthorRef(key=key) for key in self.options.get("author", [])]
        if refs and from_directive:
            self._disagree("author", _idents(refs), _idents(from_directive))
        elif from_directive:
            refs = from_directive
        unique: list[AuthorRef] = []
        seen: set[str] = set()
        unknown: list[str] = []
        for ref in refs:
            ident = (ref.key or ref.name or "").casefold()
            if ident in seen:
                continue
            seen.add(ident)
            if ref.strict and not authors_mod.is_known(ref, domain.authors_map):
                unknown.append(str(ref.key))
            unique.append(ref)
        if unknown:
            known = ", ".join(sorted(domain.authors_map)) or (
                "none are defined; create an authors.yml in the blog folder"
            )
            names = ", ".join(repr(k) for k in unknown)
            warn(
                f"unknown author key{'s' if len(unknown) > 1 else ''} {names}; shown as "
                f"written. Known keys: {known}",
                Warn.AUTHOR,
                self.where("authors"),
            )
        return unique

    # -- labels (tags, categories) -----------------------------------------------------------

    def labels(
        self, key: str, option: str, extra: Iterable[str], also: str | None = None
    ) -> list[str]:
        """A list of labels; front matter wins over the directive's option when both give one."""
        values: list[str] = []
        subtype = Warn.TAG if key == "tags" else Warn.FRONTMATTER
        for name in (key, also):
            if name is None or name not in self.data:
                continue
            found, problems = frontmatter.as_labels(self.data[name])
            if problems:
                kept = "; the other items are used" if found else ""
                warn(f"'{name}': {'; '.join(problems)}{kept}", subtype, self.where(name))
            values.extend(found)
        extra = list(extra)
        if values and extra:
            self._disagree(option, _label_set(values), _label_set(extra))
        elif extra:
            values = extra
        unique: list[str] = []
        seen: set[str] = set()
        for value in values:
            ident = " ".join(value.split()).casefold()
            if ident and ident not in seen:
                seen.add(ident)
                unique.append(" ".join(value.split()))
        if key == "tags":
            self._check_tags(unique)
        return unique

    def _check_tags(self, tags: list[str]) -> None:
        odd = [t for t in tags if not frontmatter.has_word(t)]
        long = [t for t in tags if len(t) > MAX_TAG_LENGTH]
        problems = []
        if odd:
            problems.append(
                f"the tag{'s' if len(odd) > 1 else ''} {', '.join(repr(t) for t in odd)} "
                "ha{} no letter or digit, so the tag page gets a made-up name".format(
                    "ve" if len(odd) > 1 else "s"
                )
            )
        if long:
            problems.append(
                f"a tag of {len(long[0])} characters ({long[0][:30]!r}…) is not a short label; "
                "its page name is shortened"
            )
        if problems:
            warn(
                "; ".join(problems) + ". Is it a typo?",
                Warn.TAG,
                self.where("tags"),
            )

    # -- flags, image, excerpt ------------------------------------------------------------

    def flag(self, key: str) -> bool:
        if key in self.options:
            if key in self.data and frontmatter.as_bool(self.data[key]) is False:
                self._disagree(key, False, True)
                return False
            return True
        if key not in self.data:
            return False
        value = frontmatter.as_bool(self.data[key])
        if value is None:
            warn(
                f"'{key}: {str(self.data[key])[:60]}' is neither true nor false; treated as true. "
                "Write true or false",
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
        if len(markers) > 1:
            warn(
                "a second excerpt marker; only the first one ends the excerpt. Remove this one",
                Warn.EXCERPT,
                markers[1],
            )
        fragment: list[nodes.Node] = []
        explicit = False
        if self.directive is not None and self.directive.children:
            fragment = [child.deepcopy() for child in self.directive.children]
            explicit = True
        elif markers:
            fragment = excerpt.cut_at_marker(self.doctree, markers[0])
        cleaned = excerpt.clean(fragment)
        if markers and not explicit and not excerpt.has_text(cleaned):
            warn(
                "the excerpt marker comes before any text, so the excerpt would be empty; "
                "the first paragraph is used instead. Move the marker below the introduction",
                Warn.EXCERPT,
                markers[0],
            )
            cleaned = []
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


#: Longer tags are almost always a mistake (a sentence written as a tag).
MAX_TAG_LENGTH = 100


def _kind(value: Any) -> str:
    return {list: "a list", dict: "a mapping", bool: "true/false"}.get(
        type(value), type(value).__name__
    )


def _idents(refs: list[AuthorRef]) -> list[str]:
    return sorted((r.key or r.name or "").casefold() for r in refs)


def _label_set(values: Iterable[str]) -> set[str]:
    return {" ".join(v.split()).casefold() for v in values}


def _title_from_name(docname: str) -> str:
    name = Path(docname).name
    if name == "index":
        name = Path(docname).parent.name
    fallback = re.sub(r"^\d{4}-\d{1,2}-\d{1,2}-", "", name).replace("-", " ").replace("_", " ")
    return fallback.strip().capitalize() or docname


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
    domain.authors_map = authors_mod.load_map(
        app.config.blogposts_authors,
        domain.authors_path,
        config_mod.location(app, "blogposts_authors"),
        config_mod.location(app, "blogposts_authors_file"),
    )


def register(app: Sphinx) -> None:
    app.add_domain(BlogDomain)
    app.connect("builder-inited", load_authors)
    app.connect("source-read", on_source_read)
    app.connect("doctree-read", on_doctree_read)
