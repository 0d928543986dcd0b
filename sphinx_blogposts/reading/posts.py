"""What a post says: one :class:`~sphinx_blogposts.core.model.Post`, every field read
from its sources (see :mod:`.post_sources`) with one located warning per unusable value.

The title, the dates and the series are read by their own modules (:mod:`.titles`,
:mod:`.dates`, :mod:`.updated`, :mod:`.series`); the rest (slug, authors, labels, links,
the card image, the excerpt) here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cached_property
from typing import Any

from docutils import nodes

from ..core import routes, slugs
from ..core.diagnostics import Warn, warn
from ..core.model import AuthorRef, Post
from . import authors as authors_mod
from . import excerpt, file_history, frontmatter, titles, values
from . import series as series_mod
from . import tags as tags_mod
from . import updated as updated_mod
from .domain import blog_of, domain_of
from .post_date import post_date
from .post_sources import PostSources


class PostReader:
    """Builds one :class:`Post` from its front matter, ``post`` directive, path and doctree.

    Every value that cannot be used costs exactly one located warning and falls back to
    the next source (front matter, then the directive, then the path or the heading),
    so the post is still built and listed with whatever could be read.
    """

    def __init__(self, src: PostSources) -> None:
        #: Where each value comes from, and where a mistake in it is reported.
        self.src = src

    @cached_property
    def blog(self) -> str:
        """The blog the post belongs to ("" for the default one); see ``domain.blog_of``."""
        return blog_of(self.src.app, self.src.docname, self.src.fm.line)

    def read(self) -> Post:
        src = self.src
        post = Post(docname=src.docname, title=titles.post_title(src), line=src.fm.line)
        if src.section is not None:
            post.section = src.section["ids"][0]
            post.line = src.directive.line if src.directive is not None else None
        post.key_lines = dict(src.fm.lines)
        post.date, undated_draft = post_date(src, file_history.undated_date(src))
        post.updated = updated_mod.post_updated(src)
        post.description = values.as_text(src.data.get("description"))
        post.slug = self.slug()
        post.authors = self.authors()
        post.tags = self.labels("tags", "tags", src.options.get("tags", []))
        post.categories = self.labels(
            "category", "category", src.options.get("category", []), also="categories"
        )
        post.keywords = self.labels("keywords", "keywords", [])
        post.image = self.image()
        post.image_alt, post.cover = self.image_alt(), self.cover_shown()
        post.draft = src.flag("draft") or undated_draft
        post.unlisted = src.flag("unlisted")
        post.extra = {k: v for k, v in src.data.items() if k not in frontmatter.KNOWN_KEYS}
        post.locations = self.labels("location", "location", src.options.get("location", []))
        post.languages = self.labels("language", "language", src.options.get("language", []))
        post.redirect_from = self.labels("redirect", "redirect", src.options.get("redirect", []))
        post.canonical_link = self.link("canonical_link")
        post.external_link = self.link("external_link")
        post.comments = not src.flag("nocomments")
        post.series, post.series_order = series_mod.read(src)
        post.blog = self.blog
        post.address = self.address(post)
        src.warn_disagreements()
        post.words = len(re.findall(r"\w+", src.scope.astext()))
        fragment, cut = self.excerpt()
        post.excerpt_digest = excerpt.digest(fragment)
        excerpt.store(src.doctree, fragment, post.section or "", cut, self._excerpt_alone())
        updated_mod.complete(src, post)  # date.updated, last_update.author, pin, comments
        return post

    # -- slug ----------------------------------------------------------------------------

    def slug(self) -> str | None:
        if "slug" not in self.src.data or self.src.data["slug"] is None:
            return None
        raw = self.src.data["slug"]
        text = raw if isinstance(raw, str) else values.as_text(raw)
        clean, problem = slugs.safe_slug(text) if text is not None else (None, "it is not text")
        if problem is not None:
            self._slug_warning(
                f"'slug: {str(raw)[:80]!r}' cannot be used: {problem}; it is ignored. Write "
                "a path of letters, digits and '-', such as 'my-post' or '2024/my-post'"
            )
        return clean

    def _slug_warning(self, message: str) -> None:
        warn(message, Warn.SLUG, self.src.where("slug"))

    def address(self, post: Post) -> str | None:
        """Where the post is served (``core.routes.post_address``); a section's post is
        read on its document's page, so only whole documents move."""
        config = self.src.app.config
        if config.blogposts_post_url is None or post.section is not None:
            return None
        blog_path = post.blog or config.blogposts_path
        address, problem = routes.post_address(
            config.blogposts_post_url,
            blog_path,
            post.docname,
            slug=post.slug,
            date=post.date,
            category=slugs.slugify(post.categories[0]) if post.categories else "",
            blog=blog_path.rsplit("/", 1)[-1],
            title_slug=slugs.slugify(post.title),
        )
        if problem is not None:
            self._slug_warning(
                f"{problem}; the post stays at its file's address. Write a slug or "
                "blogposts_post_url of letters, digits, '-' and '/'"
            )
            post.slug = None  # ignored, as an unsafe slug is: warned about once
        return address

    # -- authors -------------------------------------------------------------------------

    def authors(self) -> list[AuthorRef]:
        domain = domain_of(self.src.env)
        authors_map = domain.blog_authors.get(self.blog, domain.authors_map)
        refs: list[AuthorRef] = []
        for key, strict in (("authors", True), ("author", False)):
            if key not in self.src.data:
                continue
            found, problems = values.as_authors(self.src.data[key], strict=strict)
            if problems:
                warn(f"'{key}': {'; '.join(problems)}", Warn.AUTHOR, self.src.where(key))
            refs.extend(found)
        legacy = {
            attr: values.as_text(self.src.data.get(f"author_{attr}"))
            for attr in ("title", "url", "image_url")
        }
        if any(legacy.values()) and len(refs) == 1:
            for attr, value in legacy.items():
                if value and not getattr(refs[0], attr):
                    setattr(refs[0], attr, value)
        from_directive = [AuthorRef(key=key) for key in self.src.options.get("author", [])]
        if refs and from_directive:
            self.src.disagree("author", _idents(refs), _idents(from_directive))
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
            if ref.strict and not authors_mod.is_known(ref, authors_map):
                unknown.append(str(ref.key))
            unique.append(ref)
        if unknown:
            known = ", ".join(sorted(authors_map)) or (
                "none are defined; create an authors.yml in the blog folder"
            )
            names = ", ".join(repr(k) for k in unknown)
            warn(
                f"unknown author key{'s' if len(unknown) > 1 else ''} {names}; shown as "
                f"written. Known keys: {known}",
                Warn.AUTHOR,
                self.src.where("authors"),
            )
        return unique

    # -- labels (tags, categories) -----------------------------------------------------------

    def labels(
        self, key: str, option: str, extra: Iterable[str], also: str | None = None
    ) -> list[str]:
        """A list of labels; front matter wins over the directive's option when both give one."""
        labels: list[str] = []
        subtype = Warn.TAG if key == "tags" else Warn.FRONTMATTER
        for name in (key, also):
            if name is None or name not in self.src.data:
                continue
            found, problems = values.as_labels(self.src.data[name])
            if problems:
                kept = "; the other items are used" if found else ""
                warn(f"'{name}': {'; '.join(problems)}{kept}", subtype, self.src.where(name))
            labels.extend(found)
        extra = list(extra)
        if labels and extra:
            self.src.disagree(option, _label_set(labels), _label_set(extra))
        elif extra:
            labels = extra
        unique: list[str] = []
        seen: set[str] = set()
        for value in labels:
            ident = " ".join(value.split()).casefold()
            if ident and ident not in seen:
                seen.add(ident)
                unique.append(" ".join(value.split()))
        if key == "tags":
            problems = tags_mod.problems(unique)
            if problems:
                warn("; ".join(problems) + ". Is it a typo?", Warn.TAG, self.src.where("tags"))
        return unique

    # -- flags, image, excerpt ------------------------------------------------------------

    def link(self, key: str) -> str | None:
        """ABlog's ``:canonical_link:`` / ``:external_link:``: an absolute address."""
        given = values.as_text(self.src.data.get(key))
        from_option = values.as_text(self.src.options.get(key))
        if given and from_option:
            self.src.disagree(key, given, from_option)
        url = (given or from_option or "").strip()
        if not url:
            return None
        if not re.match(r"^https?://[^\s]+$", url):
            warn(
                f"'{key}': {url[:80]!r} is not an http(s) address; it is ignored. Write the "
                "full address, such as https://example.org/post.html",
                Warn.DIRECTIVE,
                self.src.where(key),
            )
            return None
        return url

    def image(self) -> str | None:
        for key in ("image", "thumbnail"):
            text = values.as_text(self.src.data.get(key))
            if text and text.strip().isdigit():  # ABlog's `image: N`: the N-th image
                return self._nth_image(int(text))
            if text:
                return text
        cover = self._cover
        if cover is not None and cover[0]:
            return cover[0]
        return self._nth_image(
            self.src.options.get("image") or getattr(self.src.config, "blogposts_auto_image", 0)
        )

    def image_alt(self) -> str | None:
        """``image_alt``, else the ``alt`` of a ``cover:`` mapping; None: the title is said."""
        if "image_alt" in self.src.data and self.src.data["image_alt"] is not None:
            text = values.as_text(self.src.data["image_alt"])
            if text is not None:
                return text
            warn(
                "'image_alt' is not text; the post's title is the image's text. Write a "
                "sentence saying what the image shows",
                Warn.FRONTMATTER,
                self.src.where("image_alt"),
            )
        cover = self._cover
        return cover[1] if cover is not None else None

    def cover_shown(self) -> bool | None:
        """``cover: true``/``false`` (or a ``cover:`` mapping, shown unless ``hidden``)."""
        cover = self._cover
        return cover[2] if cover is not None else None

    @cached_property
    def _cover(self) -> tuple[str | None, str | None, bool | None] | None:
        """``cover:`` as its image, its text and whether it is shown; None when not given.

        A flag turns the post's cover on or off; a path names its image (as ``image``
        does, which comes first); a mapping (starlight-blog's and Hugo themes' form:
        ``image`` or ``light``, ``alt``, ``hidden``) names both and shows the cover.
        Anything else is one warning, and ignored.
        """
        if "cover" not in self.src.data or self.src.data["cover"] is None:
            return None
        raw = self.src.data["cover"]
        if isinstance(raw, str) and not raw.strip():
            return None
        flag = values.as_bool(raw) if isinstance(raw, (bool, str, int)) else None
        if flag is not None:
            return None, None, flag
        if isinstance(raw, str) and values.as_text(raw):
            return values.as_text(raw), None, None
        if isinstance(raw, dict):
            image = values.as_text(raw.get("image") or raw.get("light"))
            alt = values.as_text(raw.get("alt"))
            if image is not None:
                return image, alt, values.as_bool(raw.get("hidden")) is not True
        warn(
            f"'cover: {str(raw)[:60]}' is not true, false, an image path, or a mapping with "
            "an 'image'; it is ignored",
            Warn.FRONTMATTER,
            self.src.where("cover"),
        )
        return None

    def _nth_image(self, index: int | None) -> str | None:
        """ABlog's ``:image: N`` (and ``post_auto_image``): the post's N-th image, from 1."""
        if index:
            images = list(self.src.scope.findall(nodes.image))
            if 0 < index <= len(images):
                uri = str(images[index - 1]["uri"])
                # Sphinx keeps a local image's path relative to the source folder
                return uri if "://" in uri or uri.startswith(("/", "data:")) else "/" + uri
        return None

    def excerpt(self) -> tuple[list[nodes.Node], nodes.Element | None]:
        """The excerpt, and the marker it was cut at (see ``excerpt.choose``)."""
        explicit = list(self.src.directive.children) if self.src.directive is not None else []
        count = self.src.options.get("excerpt")  # 0 is ABlog's "no excerpt"
        if count is None:
            count = _count(self.src.data.get("excerpt"))
        if count is None:
            count = self.src.config.blogposts_auto_excerpt
        if self.src.section is not None:  # a section's post: its own text, no markers
            own = excerpt.clean([c.deepcopy() for c in explicit])
            return own or excerpt.clean(excerpt.first_paragraphs(self.src.section, count)), None
        return excerpt.choose(self.src.doctree, explicit, count)

    def _excerpt_alone(self) -> bool:
        """Whether the excerpt is the ``post`` directive's content and the directive says
        ``:exclude:``: then the page does not show it (see ``collect``)."""
        node = self.src.directive
        if node is None or "exclude" not in node["options"]:
            return False
        return bool(excerpt.clean([child.deepcopy() for child in node.children]))


def _idents(refs: list[AuthorRef]) -> list[str]:
    return sorted((r.key or r.name or "").casefold() for r in refs)


def _label_set(values: Iterable[str]) -> set[str]:
    return {" ".join(v.split()).casefold() for v in values}


def _count(value: Any) -> int | None:
    """ABlog's ``excerpt: N`` front matter (a number of paragraphs, 0 for none), when it is one."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number >= 0 and not isinstance(value, bool) else None
