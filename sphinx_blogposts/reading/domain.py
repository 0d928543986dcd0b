"""The per-document store of posts, and which documents are posts.

Everything is stored in :class:`BlogDomain`'s data, keyed by docname, cleared with
the document and merged only for the docnames a parallel reader hands over; so an
incremental or ``-j`` build sees exactly the posts that exist, and two builds in one
process never share anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.matching import Matcher

from ..core import blog_settings as blogs_mod
from ..core import config as config_mod
from ..core import routes
from ..core.cache import BuildCache
from ..core.diagnostics import Warn, warn
from ..core.model import Post
from ..core.store import DocumentStore
from . import authors as authors_mod
from . import frontmatter, values
from .cache import ReadCache

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdx")
#: A MyST ``post`` directive: the document is a post whatever its name.
POST_DIRECTIVE = re.compile(r"^\s*(?:```+|~~~+|:::+)\s*\{post\}", re.MULTILINE)


@dataclass(slots=True)
class RebuildRecord:
    """What the last build's pages showed, kept so this build writes again only the pages
    whose content changed. The writing side (and ABlog's placeholders) fill it at
    ``env-updated``, each field whole; with slots, a field not declared here cannot be added.
    """

    #: Builds that read or removed a document, counted (``writing/rebuilds/fingerprint.py``).
    generation: int = 0
    #: docname -> what its header, footer and postlists showed (``rebuilds/outdated.py``) ...
    signatures: dict[str, str] = field(default_factory=dict)
    #: ... and the fingerprint of the inputs they were computed from.
    signatures_fingerprint: str | None = None
    #: docname -> a post page's update date and comment settings (``rebuilds/post_pages.py``).
    post_pages: dict[str, str] = field(default_factory=dict)
    #: The default blog's sidebars, and every blog's by path (``render/sidebars.py``).
    sidebar_digest: str | None = None
    sidebar_digests: dict[str, str] | None = None
    #: docname -> the list shown where ABlog wrote a page (``compat/ablog/placeholders.py``).
    placeholders: dict[str, str] = field(default_factory=dict)
    #: docname -> the address its page is written at (``writing/addresses.py``) ...
    addresses: dict[str, str] = field(default_factory=dict)
    #: ... and addresses posts had before, each kept as a redirect to its post.
    former_addresses: dict[str, str] = field(default_factory=dict)


class BlogDomain(DocumentStore):
    """The per-document store of posts."""

    name = "blogposts"
    label = "Blog posts"
    # bump with env_version on any change to the shape of `data` (13: card images' size, alt,
    # cover; social_card)
    data_version = 13
    #: Every key of ``data`` (``tests/test_architecture.py`` checks that no other appears).
    initial_data: ClassVar[dict[str, Any]] = {
        "posts": {},  # docname -> Post (its excerpt is kept in its doctree: excerpt.py)
        "sections": {},  # docname -> its sections' posts (ABlog's posting sections)
        "postlists": {},  # docname -> the options of each postlist in it
        "rebuilds": RebuildRecord(),  # what pages showed last build, replaced at env-updated
    }
    per_document = ("posts", "sections", "postlists")

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        #: This process's state for the current build only; never pickled (core/cache.py).
        self.cache = BuildCache()
        #: Runtime caches of this process and build only; never pickled.
        self.authors_map: dict[str, dict[str, str]] = {}
        self.authors_path: Path | None = None
        #: The same for each blog of ``blogposts_blogs``, by its path.
        self.blog_authors: dict[str, dict[str, dict[str, str]]] = {}
        self.blog_authors_paths: dict[str, Path | None] = {}

    @property
    def posts(self) -> dict[str, Post]:
        return self.data["posts"]

    @property
    def rebuilds(self) -> RebuildRecord:
        record: RebuildRecord = self.data["rebuilds"]
        return record

    def section_posts(self) -> list[Post]:
        """The posts that are sections of a document, in no particular order."""
        return [post for posts in self.data["sections"].values() for post in posts]

    def holds_blog_nodes(self, docname: str) -> bool:
        """Whether the document's doctree holds any node of the blog's (a post's header,
        footer and excerpt, a section's post, a postlist): the thousands of pages of a
        large documentation set hold none, and skip walking their doctrees for them."""
        data = self.data
        return (
            docname in data["posts"] or docname in data["sections"] or docname in data["postlists"]
        )

    def post_by_key(self, key: str) -> Post | None:
        docname, _, section = key.partition("#")
        if not section:
            return self.posts.get(docname)
        return next((p for p in self.data["sections"].get(docname, []) if p.key == key), None)

    def authors_maps(self) -> dict[str, dict[str, dict[str, str]]]:
        """Each blog's authors map, by path; "" for the default blog's."""
        return {"": self.authors_map, **self.blog_authors}


def marked_as_post(data: dict[str, Any], text: str) -> bool:
    """Whether a Markdown source makes itself a post by ABlog's means, wherever it is:
    ``blogpost: true`` in its front matter, or a ``post`` directive in its text (read
    before parsing, at ``source-read`` or earlier)."""
    return values.as_bool(data.get("blogpost")) is True or POST_DIRECTIVE.search(text) is not None


def domain_of(env: BuildEnvironment) -> BlogDomain:
    domain = env.domains["blogposts"]
    assert isinstance(domain, BlogDomain)
    return domain


# -- which documents are posts ------------------------------------------------------------


def generated_names(blog_path: str) -> Matcher:
    """Names the extension may generate pages at (``core.routes.generated_patterns``);
    documents there are never posts."""
    return Matcher(routes.generated_patterns(blog_path))


def matches_pattern(app: Sphinx, docname: str) -> bool:
    return bool(matching_blogs(app, docname))


def matching_blogs(app: Sphinx, docname: str) -> list[str]:
    """The blogs whose pattern the document matches, the default blog first."""
    cache = domain_of(app.env).cache.part(ReadCache)
    found = cache.blogs_of.get(docname)
    if found is None:
        found = cache.blogs_of[docname] = _matching_blogs(app, cache, docname)
    return found


def _matchers(app: Sphinx, cache: ReadCache) -> list[tuple[str, Matcher, Matcher]]:
    if cache.matchers is None:  # compiled once per process and build
        cache.matchers = [
            (s.key, generated_names(s.key), Matcher(s.config.blogposts_pattern))
            for s in blogs_mod.settings(app.config)
        ]
    return cache.matchers


def is_generated_name(app: Sphinx, blog_path: str, name: str) -> bool:
    """Whether the blog at ``blog_path`` may generate a page named ``name``, through the
    matchers compiled once per build (asked for every post's address)."""
    for key, generated, _ in _matchers(app, domain_of(app.env).cache.part(ReadCache)):
        if key == blog_path:
            return bool(generated(name))
    return bool(generated_names(blog_path)(name))


def _matching_blogs(app: Sphinx, cache: ReadCache, docname: str) -> list[str]:
    matchers = _matchers(app, cache)
    if any(generated(docname) for _, generated, _ in matchers):
        return []
    path = str(app.env.doc2path(docname, base=False))
    return [key for key, _, pattern in matchers if pattern(docname) or pattern(path)]


def blog_of(app: Sphinx, docname: str, line: int | None) -> str:
    """The blog a post belongs to ("" for the default one): the first whose pattern it
    matches, in configuration order; a post outside every pattern (a ``post`` directive,
    ``blogpost: true``) is the default blog's."""
    found = matching_blogs(app, docname)
    if len(found) > 1:
        warn(
            f"the post matches the patterns of several blogs ({', '.join(found)}); it "
            f"belongs to {found[0]!r}, the first in the configuration. Change a pattern "
            "so that only one blog takes it",
            Warn.CONFIG,
            (docname, line),
        )
    if not found or found[0] == app.config.blogposts_path:
        return ""
    return found[0]


def is_empty(app: Sphinx, docname: str) -> bool:
    """Whether the blog's file being read is empty or only whitespace (``source.note_empty``;
    the same process reads the file and its doctree, also with ``-j``)."""
    return docname in domain_of(app.env).cache.part(ReadCache).empty


def is_markdown(env: BuildEnvironment, docname: str) -> bool:
    return suffix_of(env, docname) in MARKDOWN_SUFFIXES


def suffix_of(env: BuildEnvironment, docname: str) -> str:
    """The document's source suffix, lower case (memoized: several handlers ask it of
    every document read)."""
    suffixes = domain_of(env).cache.part(ReadCache).suffixes
    found = suffixes.get(docname)
    if found is None:
        found = suffixes[docname] = env.doc2path(docname).suffix.lower()
    return found


def front_matter_of(app: Sphinx, docname: str, text: str) -> frontmatter.FrontMatter | None:
    """The front matter of a Markdown source being read, parsed once per read.

    Several ``source-read`` handlers need it (MDX rewriting, then the title), and
    ``doctree-read`` of the same document, in the same process also with ``-j``, takes
    it from here too. A handler may rewrite the body, never the front matter block, so
    the parse stays valid as long as that block is unchanged.
    """
    cache = domain_of(app.env).cache.part(ReadCache).front_matter
    end = text.find("\n---", 3)
    head = text[: end + 5] if end >= 0 else text  # the block up to its closing fence
    if docname in cache and cache[docname][0] == head:
        return cache[docname][1]
    fm = frontmatter.parse(text)
    cache[docname] = (head, fm)
    return fm


def read_front_matter(app: Sphinx, docname: str) -> frontmatter.FrontMatter:
    env = app.env
    if is_markdown(env, docname):
        cached = domain_of(env).cache.part(ReadCache).front_matter
        if docname in cached:
            return cached.pop(docname)[1] or frontmatter.FrontMatter()
        try:
            text = env.doc2path(docname).read_text(encoding=app.config.source_encoding)
        except (OSError, UnicodeDecodeError):
            return frontmatter.FrontMatter()
        return frontmatter.parse(text) or frontmatter.FrontMatter()
    return frontmatter.from_metadata(env.metadata.get(docname, {}))


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
    for blog in blogs_mod.settings(app.config)[1:]:
        path = authors_mod.authors_file(
            Path(app.srcdir), blog.key, blog.config.blogposts_authors_file
        )
        domain.blog_authors_paths[blog.key] = path
        domain.blog_authors[blog.key] = authors_mod.load_map(
            app.config.blogposts_authors,
            path,
            config_mod.location(app, "blogposts_authors"),
            config_mod.location(app, "blogposts_blogs"),
        )


def register(app: Sphinx) -> None:
    app.add_domain(BlogDomain)
    app.connect("builder-inited", load_authors)
