"""Generate a synthetic blog of N posts, in three flavours that build the same pages.

- ``plain``: the very same sources, built with myst-parser only: the floor, what
  Sphinx costs for these pages without any blog. Its posts write their title as the
  H1 (the blogs show it as one: sphinx_blogposts from the front matter, ABlog's
  flavour writes it too), so all three build pages with the same headings.
- ``blogposts``: the same sources with ``extensions = ["sphinx_blogposts"]``.
- ``ablog``: the same posts, marked with ABlog's ``post`` directive.

Posts use the Docusaurus layout (``blog/YYYY-MM-DD-slug/index.md``), front matter
with 2-4 tags from a pool of 40 and an author, a truncate marker, an image beside the
post and links to earlier posts, so excerpts have work to do on every page.

:func:`generate_docs` makes the commoner site: a large documentation set (pages with
sections, code, cross-links and labels) with a small blog whose recent posts and tags
are in every page's sidebar, in alabaster or furo. Its ``plain`` flavour is the same
sources with myst-parser alone and the theme's own sidebars. There is one toctree, the
root's, over parts of 100 pages; a part lists its pages with links. A toctree over all
2,000 pages would make both themes' navigation copy the whole tree into every page
(quadratic: minutes per build in furo), a cost of Sphinx and the theme that would
drown out what the blog costs.

Everything is linear in the number of posts or pages (N = 10,000 takes a few seconds).
"""

from __future__ import annotations

import argparse
import random
import shutil
import struct
import zlib
from datetime import date, timedelta
from pathlib import Path

TAGS = [f"topic-{i:02d}" for i in range(40)]
AUTHORS = ["ann", "bob", "cho", "dev", "eli", "fay"]
WORDS = [
    "sphinx",
    "documentation",
    "blog",
    "release",
    "feature",
    "build",
    "page",
    "theme",
    "excerpt",
    "index",
    "parallel",
    "incremental",
    "author",
    "tag",
    "archive",
    "markdown",
    "python",
    "extension",
    "reader",
    "writer",
    "pipeline",
]


def png(width: int = 8, height: int = 8) -> bytes:
    raw = b"".join(b"\x00" + b"\x20\x80\xc0" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def sentence(rng: random.Random, words: int = 14) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text.capitalize() + "."


def paragraph(rng: random.Random, sentences: int = 4) -> str:
    return " ".join(sentence(rng) for _ in range(sentences))


def post_slug(i: int) -> str:
    return f"post-{i:05d}"


def post_folder(i: int) -> str:
    day = date(2015, 1, 1) + timedelta(days=i)
    return f"{day.isoformat()}-{post_slug(i)}"


def write_post(root: Path, i: int, flavour: str, rng: random.Random, series: bool = False) -> None:
    folder = root / "blog" / post_folder(i)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "figure.png").write_bytes(PNG)
    tags = rng.sample(TAGS, rng.randint(2, 4))
    author = rng.choice(AUTHORS)
    day = date(2015, 1, 1) + timedelta(days=i)
    links = ""
    if i > 0:
        j = rng.randrange(0, i)
        links = f" See also [an earlier post](../{post_folder(j)}/index.md)."
    body = [
        "---",
        f"title: Post number {i}",
        f"description: {sentence(rng, 8)}",
        f"authors: [{author}]",
        f"tags: [{', '.join(tags)}]",
        *([f"series: Series {i // SERIES_LENGTH}"] if series else []),
        "---",
        "",
    ]
    if flavour == "plain":
        # the page as both blogs show it: titled. sphinx_blogposts makes this H1 from the
        # front matter's title; without it plain pages would have none (a lighter floor)
        body += [f"# Post number {i}", ""]
    if flavour == "ablog":
        body = [
            f"# Post number {i}",
            "",
            "```{post} " + day.isoformat(),
            f":tags: {', '.join(tags)}",
            f":author: {author}",
            "```",
            "",
        ]
    body += [
        paragraph(rng) + links,
        "",
        "![A figure](figure.png)",
        "",
        "<!-- truncate -->",
        "",
        "## Details",
        "",
    ]
    body += [paragraph(rng, 6) + "\n" for _ in range(4)]
    body += ["```python", "def hello():", '    return "world"', "```", ""]
    (folder / "index.md").write_text("\n".join(body), encoding="utf-8")


PNG = png()

#: With ``--series``: posts 0-4 are parts of "Series 0", 5-9 of "Series 1", ...
SERIES_LENGTH = 5

CONF = {
    "plain": 'extensions = ["myst_parser"]\n',
    "blogposts": 'extensions = ["sphinx_blogposts"]\nhtml_baseurl = "https://example.org/"\n',
    "ablog": (
        'extensions = ["ablog", "myst_parser"]\n'
        'blog_path = "blog-all"\n'
        'blog_baseurl = "https://example.org/"\n'
        "blog_authors = {" + ", ".join(f'"{a}": ("{a.title()}", None)' for a in AUTHORS) + "}\n"
    ),
}

INDEX = {
    "plain": "# Benchmark site\n\nA site with a blog.\n",
    "blogposts": "# Benchmark site\n\n```{postlist} 5\n:excerpts:\n```\n",
    "ablog": "# Benchmark site\n\n```{postlist} 5\n:excerpts:\n```\n",
}


def generate(root: Path, posts: int, flavour: str, seed: int = 1, series: bool = False) -> Path:
    if root.exists():
        shutil.rmtree(root)
    (root / "blog").mkdir(parents=True)
    common = (
        'project = "Bench"\nhtml_theme = "alabaster"\n'
        'suppress_warnings = ["toc.not_included", "myst.header"]\n'
        # as sphinx-quickstart writes it: the output folder inside the sources is not
        # searched for documents (else every tool pays for walking what it wrote)
        'exclude_patterns = ["_build"]\n'
    )
    (root / "conf.py").write_text(CONF[flavour] + common, encoding="utf-8")
    (root / "index.md").write_text(INDEX[flavour], encoding="utf-8")
    if flavour == "blogposts":
        (root / "blog" / "authors.yml").write_text(
            "".join(f"{a}:\n  name: {a.title()}\n" for a in AUTHORS), encoding="utf-8"
        )
    rng = random.Random(seed)
    for i in range(posts):
        write_post(root, i, flavour, rng, series)
    return root


#: Documentation pages per part (one toctree each) in :func:`generate_docs`.
PART_SIZE = 100

#: The theme's own sidebars, then the blog's two (the blogposts flavour of a docs site).
SIDEBARS = {
    "alabaster": ["about.html", "searchfield.html", "navigation.html", "relations.html"],
    "furo": [
        "sidebar/brand.html",
        "sidebar/search.html",
        "sidebar/scroll-start.html",
        "sidebar/navigation.html",
    ],
}
SIDEBARS_END = {"alabaster": ["donate.html"], "furo": ["sidebar/scroll-end.html"]}
BLOG_SIDEBARS = ["blogposts/recent.html", "blogposts/tags.html"]


def doc_name(i: int) -> str:
    """A documentation page's docname: ``docs/part-PP/page-NNNNN``."""
    return f"docs/part-{i // PART_SIZE:02d}/page-{i:05d}"


def write_doc_page(root: Path, i: int, pages: int, rng: random.Random) -> None:
    """A documentation page: a label, sections, code, links to other pages (Markdown
    links and ``{ref}`` to a section label), as a real reference page has them."""
    others = [rng.randrange(pages) for _ in range(3)]
    here = doc_name(i)

    def link(j: int) -> str:
        target = Path(doc_name(j)).relative_to(Path(here).parent.parent)
        return f"../{target}.md"

    body = [
        f"(page-{i:05d})=",
        f"# Page {i}: {' '.join(rng.choice(WORDS) for _ in range(3))}",
        "",
        paragraph(rng) + f" See [page {others[0]}]({link(others[0])}) and "
        f"{{ref}}`the usage of page {others[1]} <page-{others[1]:05d}-usage>`.",
        "",
        f"(page-{i:05d}-usage)=",
        "## Usage",
        "",
        paragraph(rng),
        "",
        "```python",
        f"def function_{i}(value):",
        f'    """{sentence(rng, 8)}"""',
        f"    return value * {i}",
        "```",
        "",
        "## Options",
        "",
        *[f"- **option-{c}**: {sentence(rng, 10)}" for c in "abc"],
        "",
        "### Details",
        "",
        paragraph(rng, 6),
        "",
        "## See also",
        "",
        f"- [Page {others[2]}]({link(others[2])})",
        f"- {{doc}}`/{doc_name(others[0])}`",
        "",
    ]
    path = root / f"{here}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(body), encoding="utf-8")


def generate_docs(
    root: Path, pages: int, posts: int, flavour: str, theme: str, seed: int = 1
) -> Path:
    """A documentation site of ``pages`` pages with a blog of ``posts`` posts (see above).

    ``flavour`` is ``plain`` (myst-parser alone, the theme's sidebars) or ``blogposts``
    (the blog's recent posts and tags in every page's sidebar, after the theme's own).
    """
    if flavour not in ("plain", "blogposts"):
        raise ValueError(f"no docs-heavy flavour {flavour!r}")
    generate(root, posts, flavour, seed=seed)
    conf = root / "conf.py"
    text = conf.read_text(encoding="utf-8").replace('"alabaster"', repr(theme))
    if flavour == "blogposts":
        sidebars = SIDEBARS[theme] + BLOG_SIDEBARS + SIDEBARS_END[theme]
        text += f"html_sidebars = {{'**': {sidebars!r}}}\n"
    conf.write_text(text, encoding="utf-8")
    parts = (pages + PART_SIZE - 1) // PART_SIZE
    rng = random.Random(seed)
    for i in range(pages):
        write_doc_page(root, i, pages, rng)
    for part in range(parts):
        first, last = part * PART_SIZE, min(pages, (part + 1) * PART_SIZE)
        links = [f"- [Page {i}]({Path(doc_name(i)).name}.md)" for i in range(first, last)]
        (root / "docs" / f"part-{part:02d}" / "index.md").write_text(
            f"# Part {part}\n\n" + "\n".join(links) + "\n", encoding="utf-8"
        )
    (root / "index.md").write_text(
        "# Documentation site\n\nA large documentation set with a small blog.\n\n"
        "```{toctree}\n:maxdepth: 1\n\n"
        + "\n".join(f"docs/part-{part:02d}/index" for part in range(parts))
        + "\n```\n",
        encoding="utf-8",
    )
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("target", type=Path)
    parser.add_argument("--posts", type=int, default=100)
    parser.add_argument("--flavour", choices=sorted(CONF), default="blogposts")
    parser.add_argument("--series", action="store_true", help="every 5 posts make a series")
    parser.add_argument(
        "--docs", type=int, default=0, help="a docs-heavy site: this many documentation pages"
    )
    parser.add_argument("--theme", choices=sorted(SIDEBARS), default="alabaster")
    args = parser.parse_args()
    if args.docs:
        generate_docs(args.target, args.docs, args.posts, args.flavour, args.theme)
    else:
        generate(args.target, args.posts, args.flavour, series=args.series)


if __name__ == "__main__":
    main()
