"""One post read from its front matter, ``post`` directive, path and doctree."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

from ..core import slugs
from ..core.diagnostics import Warn, warn
from ..core.model import AuthorRef, Post
from . import authors as authors_mod
from . import dates, excerpt, frontmatter, values
from . import tags as tags_mod
from .directives import post_node
from .domain import domain_of


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
        #: ABlog's ``post_date_format``, tried first as ABlog does (registered by its layer).
        self.ablog_date_format: str | None = getattr(self.config, "post_date_format", None)
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
        post.description = values.as_text(self.data.get("description"))
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
        post.extra = {k: v for k, v in self.data.items() if k not in frontmatter.KNOWN_KEYS}
        post.locations = self.labels("location", "location", self.options.get("location", []))
        post.languages = self.labels("language", "language", self.options.get("language", []))
        post.extra.pop("location", None)
        post.extra.pop("language", None)
        redirect = self.labels("redirect", "redirect", self.options.get("redirect", []))
        if redirect:
            post.extra["redirect"] = redirect
        else:
            post.extra.pop("redirect", None)
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
        given = values.as_text(raw)
        from_option = values.as_text(self.options.get("title"))
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
        return values.clean_text(section[0].astext()) or None

    # -- dates ---------------------------------------------------------------------------

    def _try_date(self, value: Any) -> tuple[Any, str | None]:
        try:
            return dates.parse_date(value, self.tz, self.ablog_date_format), None
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
        text = raw if isinstance(raw, str) else values.as_text(raw)
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
            found, problems = values.as_authors(self.data[key], strict=strict)
            if problems:
                warn(f"'{key}': {'; '.join(problems)}", Warn.AUTHOR, self.where(key))
            refs.extend(found)
        legacy = {
            attr: values.as_text(self.data.get(f"author_{attr}"))
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
        labels: list[str] = []
        subtype = Warn.TAG if key == "tags" else Warn.FRONTMATTER
        for name in (key, also):
            if name is None or name not in self.data:
                continue
            found, problems = values.as_labels(self.data[name])
            if problems:
                kept = "; the other items are used" if found else ""
                warn(f"'{name}': {'; '.join(problems)}{kept}", subtype, self.where(name))
            labels.extend(found)
        extra = list(extra)
        if labels and extra:
            self._disagree(option, _label_set(labels), _label_set(extra))
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
                warn("; ".join(problems) + ". Is it a typo?", Warn.TAG, self.where("tags"))
        return unique

    # -- flags, image, excerpt ------------------------------------------------------------

    def flag(self, key: str) -> bool:
        if key in self.options:
            if key in self.data and values.as_bool(self.data[key]) is False:
                self._disagree(key, False, True)
                return False
            return True
        if key not in self.data:
            return False
        value = values.as_bool(self.data[key])
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
            text = values.as_text(self.data.get(key))
            if text:
                return text
        # ABlog's :image: N, else post_auto_image: the post's N-th image
        index = self.options.get("image") or self.config.blogposts_auto_image
        if index:
            images = list(self.doctree.findall(nodes.image))
            if 0 < index <= len(images):
                uri = str(images[index - 1]["uri"])
                # Sphinx has made the path relative to the source folder: say so
                return uri if "://" in uri or uri.startswith("data:") else "/" + uri.lstrip("/")
        return None

    def excerpt(self) -> list[nodes.Node]:
        explicit = list(self.directive.children) if self.directive is not None else []
        count = (
            self.options.get("excerpt")
            or _positive(self.data.get("excerpt"))
            or self.config.blogposts_auto_excerpt
        )
        return excerpt.choose(self.doctree, explicit, count)


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
