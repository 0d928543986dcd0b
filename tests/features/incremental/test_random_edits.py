"""Randomized: after any sequence of edits, an incremental build shows what a clean build shows.

A blog of ~30 posts gets a seeded random sequence of edits (add, delete, rename or
move a post; change its title, date, tags, authors, draft/unlisted flags, excerpt
text or marker position; put it in a series, move it in one or take it out; move
it between the two blogs; give it a ``slug``, change it or take it away; edit
``authors.yml``; change ``blogposts_post_url``, which moves every post). After each
edit the site is built incrementally (same output and doctree folders, no ``-E``)
and from scratch, and the two are compared page by page: every list of posts, every
post header and footer, every redirect's target, every feed entry; no page of the
incremental build may link to a page the clean build does not have, and a redirect
kept at a post's former address must lead to a page of the clean build.

The default size runs in about a minute. ``BLOGPOSTS_RANDOM_STEPS=200`` (and any
``BLOGPOSTS_RANDOM_SEED``) gives a longer, nightly-style run. A failure prints the seed
and the edit sequence, which reproduce it exactly.
"""

from __future__ import annotations

import os
import random
import shutil
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date, timedelta
from io import StringIO
from pathlib import Path
from urllib.parse import unquote, urldefrag

import pytest
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

from tests.conftest import soup_of

STEPS = int(os.environ.get("BLOGPOSTS_RANDOM_STEPS", "30"))
SEED = int(os.environ.get("BLOGPOSTS_RANDOM_SEED", "20261126"))
#: CI runs this module in one tox environment (`tox -e slow`), not in each Python x Sphinx one.
pytestmark = pytest.mark.slow
TAGS = ["python", "Rust", "release", "C++", "c", "news", "Café", "howto"]
FOLDERS = ["blog", "blog/2024", "blog/notes", "blog/deep/er", "news", "news/2024"]
SERIES = ["Deep Dive", "deep dive", "Basics"]
#: Slugs a post may take: some shared (two posts, one address), one a generated page's
#: name, one a document's (``p3``), one with a space and accents.
SLUGS = [None, None, "hello", "deep/path", "/news-2024/", "p3", "tags", "héllô wörld"]
#: ``blogposts_post_url``, always given (None: each post at its file's address).
POST_URLS = [None, "{date:%Y/%m/%d}/{slug}", "{slug}", "{file}", "{blog}/{date:%Y}/{slug}"]
BLOCKS = (
    ".blogposts-page",
    ".blogposts-post-header",
    ".blogposts-post-nav",
    ".blogposts-postlist",
    ".blogposts-series",
    ".blogposts-related",
)
CONF = """\
extensions = ["sphinx_blogposts"]
project = "Random"
blogposts_posts_per_page = 4
blogposts_blogs = {"news": {"title": "News", "posts_per_page": 3}}
blogposts_post_url = %r
"""
INDEX = """\
# Home

```{postlist} 5
```

```{postlist}
:tags: python, Rust
:excerpts:
```

```{postlist}
:series: Deep Dive
```

```{postlist} 4
:blog: news
```
"""


@dataclass
class PostSpec:
    path: str
    title: str
    day: date
    tags: list[str]
    authors: list[str]
    draft: bool = False
    unlisted: bool = False
    words: list[str] = field(default_factory=lambda: ["alpha", "beta", "gamma"])
    marker: int | None = 1  # paragraphs before the truncate marker; None: no marker
    series: str | None = None
    series_order: int | None = None
    slug: str | None = None

    def source(self) -> str:
        lines = [
            "---",
            f"title: {self.title}",
            f"date: {self.day.isoformat()}",
            f"tags: [{', '.join(self.tags)}]",
            f"authors: [{', '.join(self.authors)}]",
        ]
        if self.draft:
            lines.append("draft: true")
        if self.unlisted:
            lines.append("unlisted: true")
        if self.series:
            lines.append(f"series: {self.series}")
        if self.series_order:
            lines.append(f"series_order: {self.series_order}")
        if self.slug:
            lines.append(f'slug: "{self.slug}"')
        lines += ["---", ""]
        for index, word in enumerate(self.words):
            if self.marker == index:
                lines += ["<!-- truncate -->", ""]
            lines += [f"Paragraph {index} says {word}.", ""]
        return "\n".join(lines)


class Blog:
    """The sources as data, edited at random, written out after each edit."""

    def __init__(self, rng: random.Random, srcdir: Path) -> None:
        self.rng = rng
        self.srcdir = srcdir
        self.posts: dict[int, PostSpec] = {}
        self.authors = {"ana": "Ana Lima", "ben": "Ben Okafor", "cy": "Cy Young"}
        self.counter = 0
        self.log: list[str] = []
        self.post_url = rng.choice(POST_URLS)
        for _ in range(30):
            self.add(log=False)

    def new_path(self) -> str:
        self.counter += 1
        return f"{self.rng.choice(FOLDERS)}/p{self.counter}.md"

    def add(self, log: bool = True) -> None:
        rng = self.rng
        spec = PostSpec(
            path=self.new_path(),
            title=f"Post {self.counter} {rng.choice(['news', 'notes', 'ideas'])}",
            day=date(2024, 1, 1) + timedelta(days=rng.randrange(400)),
            tags=rng.sample(TAGS, rng.randrange(0, 4)),
            authors=self.some_authors(),
            draft=rng.random() < 0.1,
            unlisted=rng.random() < 0.05,
            series=rng.choice([None, None, *SERIES]),
            series_order=rng.choice([None, None, 1, 2, 3]),
            slug=rng.choice([None, None, *SLUGS]),
        )
        self.posts[self.counter] = spec
        if log:
            self.log.append(f"add {spec.path}")

    def some_authors(self) -> list[str]:
        """Zero to two author keys (fewer when authors.yml has lost some)."""
        keys = sorted(self.authors)
        return self.rng.sample(keys, self.rng.randrange(0, min(3, len(keys) + 1)))

    def pick(self) -> PostSpec:
        return self.posts[self.rng.choice(sorted(self.posts))]

    def edit(self) -> None:
        rng = self.rng
        kind = rng.choice(
            [
                "add",
                "delete",
                "rename",
                "title",
                "date",
                "tags",
                "authors",
                "draft",
                "unlisted",
                "excerpt",
                "marker",
                "series",
                "series_order",
                "slug",
                "authors.yml",
                "post_url",
            ]
        )
        if kind == "add" or not self.posts:
            self.add()
            return
        if kind == "post_url":
            self.post_url = rng.choice([f for f in POST_URLS if f != self.post_url])
            self.log.append(f"blogposts_post_url = {self.post_url!r}")
            return
        if kind == "authors.yml":
            key = rng.choice([*sorted(self.authors), "dee"])
            if key in self.authors and rng.random() < 0.3 and len(self.authors) > 1:
                del self.authors[key]
                self.log.append(f"authors.yml: remove {key}")
            else:
                self.authors[key] = f"{key.title()} {rng.choice(['Smith', 'Jones', 'Ng'])}"
                self.log.append(f"authors.yml: {key} = {self.authors[key]}")
            return
        post_id = rng.choice(sorted(self.posts))
        spec = self.posts[post_id]
        if kind == "delete":
            del self.posts[post_id]
        elif kind == "rename":
            old = spec.path
            spec.path = self.new_path()
            kind = f"rename {old} ->"
        elif kind == "title":
            spec.title = f"{spec.title.split(' (')[0]} ({rng.randrange(1000)})"
        elif kind == "date":
            spec.day = date(2024, 1, 1) + timedelta(days=rng.randrange(400))
        elif kind == "tags":
            spec.tags = rng.sample(TAGS, rng.randrange(0, 4))
        elif kind == "authors":
            spec.authors = self.some_authors()
        elif kind == "draft":
            spec.draft = not spec.draft
        elif kind == "unlisted":
            spec.unlisted = not spec.unlisted
        elif kind == "excerpt":
            spec.words[0] = rng.choice(["delta", "epsilon", "zeta", "eta"])
        elif kind == "marker":
            spec.marker = rng.choice([None, 1, 2])
        elif kind == "series":
            spec.series = rng.choice([None, *SERIES])
        elif kind == "series_order":
            spec.series_order = rng.choice([None, 1, 2, 3, 4])
        elif kind == "slug":
            spec.slug = rng.choice([s for s in SLUGS if s != spec.slug])
            kind = f"slug {spec.slug!r}"
        self.log.append(f"{kind} {spec.path}")

    def write(self) -> None:
        """Write only what changed, so the next build really is incremental."""
        wanted = {spec.path: spec.source() for spec in self.posts.values()}
        authors = "".join(f"{key}:\n  name: {name}\n" for key, name in sorted(self.authors.items()))
        wanted["blog/authors.yml"] = wanted["news/authors.yml"] = authors
        conf = self.srcdir / "conf.py"
        if not conf.is_file() or conf.read_text(encoding="utf-8") != CONF % self.post_url:
            conf.write_text(CONF % self.post_url, encoding="utf-8")
        for folder in ("blog", "news"):
            for path in sorted((self.srcdir / folder).rglob("*")):
                rel = path.relative_to(self.srcdir).as_posix()
                if path.is_file() and rel not in wanted:
                    path.unlink()
        for rel, text in wanted.items():
            path = self.srcdir / rel
            if path.is_file() and path.read_text(encoding="utf-8") == text:
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")


def build(srcdir: Path, builddir: Path, fresh: bool) -> tuple[Path, int]:
    """Build; return the output folder and how many documents were read."""
    if fresh and builddir.exists():
        shutil.rmtree(builddir)
    status = StringIO()
    app = SphinxTestApp(
        "html", srcdir=srcdir, builddir=builddir, freshenv=fresh, status=status, warning=StringIO()
    )
    try:
        app.build()
    finally:
        app.cleanup()
    read = strip_escape_sequences(status.getvalue()).count("reading sources... [")
    return Path(app.outdir), read


def pages(outdir: Path) -> set[str]:
    return {
        p.relative_to(outdir).as_posix()
        for p in outdir.rglob("*.html")
        if not p.relative_to(outdir).as_posix().startswith(("_", "search", "genindex"))
    }


def summary(path: Path) -> list[tuple[str, tuple[str, ...]]]:
    soup = soup_of(path)
    out = []
    for block in soup.select(", ".join(BLOCKS)):
        hrefs = tuple(a.get("href", "") for a in block.find_all("a"))
        out.append((" ".join(block.get_text().split()), hrefs))
    robots = soup.find("meta", attrs={"name": "robots"})
    out.append(("robots", (robots["content"],) if robots else ()))
    out.append(("redirect", (redirect_target(path),) if redirect_target(path) else ()))
    return out


def redirect_target(path: Path) -> str | None:
    """Where a redirect page sends its reader (None for a page), as a URL relative to it."""
    refresh = soup_of(path).find("meta", attrs={"http-equiv": "refresh"})
    return refresh["content"].partition("url=")[2] if refresh else None


def feed_entries(outdir: Path) -> dict[str, list[tuple[str, ...]]]:
    feeds = {}
    for path in sorted(outdir.rglob("*.xml")):
        root = ET.parse(path).getroot()
        entries = [
            tuple(
                " ".join((child.text or "").split())
                for child in entry
                if "updated" not in child.tag  # build time, not content
            )
            for entry in root.iter()
            if entry.tag.split("}")[-1] in ("entry", "item")
        ]
        feeds[path.relative_to(outdir).as_posix()] = entries
    return feeds


def compare(incremental: Path, clean: Path) -> list[str]:
    problems = []
    clean_pages = pages(clean)
    inc_pages = pages(incremental)
    for name in sorted(clean_pages - inc_pages):
        problems.append(f"missing from the incremental build: {name}")
    for name in sorted(clean_pages & inc_pages):
        ours, theirs = summary(incremental / name), summary(clean / name)
        if ours != theirs:
            problems.append(f"{name} differs:\n  incremental: {ours}\n  clean:       {theirs}")
        for href in (h for _, hrefs in ours for h in hrefs):
            target, _ = urldefrag(href)
            if not target or "://" in target or target.startswith(("/", "mailto:")):
                continue
            resolved = (incremental / name).parent.joinpath(unquote(target)).resolve()
            if resolved.suffix == ".html" and resolved.is_relative_to(incremental.resolve()):
                rel = resolved.relative_to(incremental.resolve()).as_posix()
                if rel not in clean_pages:
                    problems.append(f"{name} links to {rel}, which a clean build does not have")
    generated = tuple(
        f"{blog}/{kind}/"
        for blog in ("blog", "news")
        for kind in ("tags", "authors", "page", "series")
    )
    for name in sorted(inc_pages - clean_pages):
        if name.startswith(generated) or name in ("blog/archive.html", "news/archive.html"):
            problems.append(f"stale generated page left in the incremental build: {name}")
        target = redirect_target(incremental / name)
        if target is not None:  # a post's former address: to the post itself
            page = (incremental / name).parent.joinpath(unquote(urldefrag(target)[0]))
            rel = page.resolve().relative_to(incremental.resolve()).as_posix()
            rel = rel + "/index.html" if page.is_dir() else rel
            if rel not in clean_pages or redirect_target(clean / rel) is not None:
                problems.append(f"{name} redirects to {rel}, not a page of the clean build")
    if feed_entries(incremental) != feed_entries(clean):
        problems.append("feed entries differ")
    return problems


def test_incremental_builds_equal_clean_builds(tmp_path):
    rng = random.Random(SEED)
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "index.md").write_text(INDEX)
    blog = Blog(rng, srcdir)
    blog.write()
    inc_dir = tmp_path / "incremental"
    _, everything = build(srcdir, inc_dir, fresh=True)
    reads = []
    for step in range(STEPS):
        for _ in range(rng.choice([1, 1, 2])):
            blog.edit()
        blog.write()
        blog.log.append(f"-- build {step + 1}")
        incremental, read = build(srcdir, inc_dir, fresh=False)
        reads.append(read)
        clean, _ = build(srcdir, tmp_path / "clean", fresh=True)
        problems = compare(incremental, clean)
        assert not problems, (
            f"seed {SEED}, after step {step + 1} of {STEPS}; edits:\n  "
            + "\n  ".join(blog.log)
            + "\nproblems:\n"
            + "\n".join(problems[:10])
        )
    # the builds compared were incremental: most steps read a few documents, not all
    assert everything > 25 and sorted(reads)[len(reads) // 2] < everything / 2, (everything, reads)
