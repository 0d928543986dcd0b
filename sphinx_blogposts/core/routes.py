"""The route table: where every page and feed of a blog lives, in one place.

A page's name here is what Sphinx calls a page name (a docname, or the name of a page
the extension generates): the builder turns it into a file and a URL
(``blog/tags/python`` -> ``blog/tags/python.html`` or ``blog/tags/python/``). Planning
the pages, linking to them, the feeds, JSON-LD, redirects at old URLs and the reading
side's question "is this document where a page is generated?" all ask these functions,
so that moving a page (the permalinks issue moves posts) changes this module alone;
``tests/test_architecture.py`` fails when an address is spelled anywhere else.

Everything is a pure function of plain values (the blog's folder, slugs, numbers), so
it is the same in every process and is tested without a build. Names are built from
slugs (ASCII, no ``/`` or ``..``) and numbers only, so no front-matter value can place a
generated page outside the blog's folder.
"""

from __future__ import annotations

import hashlib
import re
import string
from dataclasses import dataclass
from datetime import datetime

from .model import Post

# -- the post pages ----------------------------------------------------------------------


def post_page(post: Post) -> str:
    """The page a post is read on. Today it is the post's own document, so Sphinx writes
    it; a post that is a section of a document (ABlog's posting sections) is read on that
    document's page, at its anchor (``post.anchor``). Every link to a post asks here, so a
    post moved elsewhere (permalinks) is moved for every link at once."""
    return post.docname


#: The placeholders ``blogposts_post_url`` may name.
ADDRESS_FIELDS = ("slug", "date", "file", "category", "blog")

#: ``blogposts_post_url``'s presets: the addresses another engine gave its posts.
#: ``docusaurus`` (the default outside ABlog sites): a ``slug`` is the whole address,
#: else the date in the path and the name (``2021-04-15-name.md`` is
#: ``2021/04/15/name``), else the path (``my-post/index.md`` is ``my-post``).
#: ``mkdocs`` (MkDocs Material's ``post_url_format`` default, ``{date}/{slug}``): the date,
#: then the ``slug`` or else the slugified title.
DOCUSAURUS = "docusaurus"
MKDOCS = "mkdocs"
ADDRESS_PRESETS = (DOCUSAURUS, MKDOCS)


class _NoDate:
    """Stands for the date of an undated post: every strftime pattern gives nothing, so
    its segments drop out of the address instead of failing."""

    def __format__(self, spec: str) -> str:
        return ""


def address_format_problem(fmt: object) -> str | None:
    """Why ``fmt`` cannot be ``blogposts_post_url`` (None when it can): a preset, or a
    string naming only :data:`ADDRESS_FIELDS`, which formats with a date."""
    if fmt in ADDRESS_PRESETS:
        return None
    if not isinstance(fmt, str) or not fmt.strip("/ "):
        return "it is not a non-empty string"
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(fmt) if name is not None}
        unknown = sorted(names - set(ADDRESS_FIELDS))
        if unknown:
            return f"it names {', '.join(unknown) or 'an empty placeholder'}"
        fmt.format(slug="s", date=datetime(2000, 1, 2), file="f", category="c", blog="b")
    except (ValueError, IndexError, KeyError, AttributeError) as error:
        return str(error)
    return None


def post_address(
    fmt: str | None,
    blog_path: str,
    docname: str,
    *,
    slug: str | None = None,
    date: datetime | None = None,
    category: str = "",
    blog: str = "",
    title_slug: str = "",
) -> tuple[str | None, str | None]:
    """The page name a post is served at (``blog/x``), and why its own value could not be
    used; ``(None, None)`` when it stays at its file's address (``fmt`` None: ABlog's
    addresses). An address may be where the file's page is already (``my-post/index.md``
    at ``my-post``): the builder writes it there, and nothing redirects.

    A ``slug`` is the address below the blog, as in Docusaurus (``/x`` and ``x`` are
    ``blog/x``), except with the ``mkdocs`` preset, where it stands for the title.
    Otherwise ``fmt`` is filled in with the post's values, its ``{slug}`` being the file's
    name without its date (Docusaurus' name). An address that could name a place outside
    the output folder or that a URL cannot carry is refused: the post keeps its file's
    address. Spaces and letters outside ASCII are kept, as Docusaurus kept them
    (``/hey/my super path/héllô``): the page is written under that name and linked
    percent-encoded (``writing/addresses.py``).
    """
    if fmt is None:
        return None, None
    relative = docname.removeprefix(blog_path + "/") if blog_path else docname
    if fmt == DOCUSAURUS and not slug and blog_path and relative == docname:
        return None, None  # outside the blog's folder: Docusaurus had no such post
    name = docusaurus_name(relative)
    when: object = date if date is not None else _NoDate()
    if fmt == MKDOCS:
        filled = f"{when:%Y/%m/%d}/{slug or title_slug or name.text or relative}"
    elif slug:
        filled = slug
    elif fmt == DOCUSAURUS:
        filled = name.slug
    else:
        filled = fmt.format(
            slug=name.text or relative, date=when, file=relative, category=category, blog=blog
        )
    parts = [p for p in filled.strip().split("/") if p]
    if parts and parts[-1] == "index":
        parts.pop()
    if not is_page_name(parts) or any(p != p.strip() for p in parts):
        return None, f"the address {filled!r} cannot be a path in a URL"
    return "/".join([blog_path, *parts] if blog_path else parts), None


# -- the generated pages ---------------------------------------------------------------------


def _numbered(first: str, number: int) -> str:
    """Page ``number`` of a list whose first page is ``first``: the later pages sit in a
    ``page/<n>`` folder beside it, so page 1 keeps the short, stable address."""
    return first if number == 1 else f"{first}/page/{number}"


def index_page(blog_path: str, number: int = 1) -> str:
    """The blog's front page, and its later pages (``blog/page/2``), which are not below
    ``blog/index`` so that their URLs stay short."""
    return f"{blog_path}/index" if number == 1 else _numbered(blog_path, number)


def tag_page(blog_path: str, slug: str, number: int = 1) -> str:
    """The posts of one tag; its later pages below it (``blog/tags/python/page/2``)."""
    return _numbered(f"{blog_path}/tags/{slug}", number)


def tags_index(blog_path: str) -> str:
    """Every tag, with its number of posts."""
    return f"{blog_path}/tags/index"


def author_page(blog_path: str, slug: str, number: int = 1) -> str:
    """The posts of one author; its later pages below it."""
    return _numbered(f"{blog_path}/authors/{slug}", number)


def authors_index(blog_path: str) -> str:
    """Every author."""
    return f"{blog_path}/authors/index"


#: Each catalog's folder under the blog (the catalogs: ``writing.view.blog.CATALOGS``),
#: in the plural as the tags' and authors' folders are.
CATALOG_FOLDERS = {"category": "categories", "location": "locations", "language": "languages"}


def catalog_index(blog_path: str, catalog: str) -> str:
    """Every value of one catalog (every category, location or language)."""
    return f"{blog_path}/{CATALOG_FOLDERS[catalog]}/index"


def term_page(blog_path: str, catalog: str, slug: str, number: int = 1) -> str:
    """The posts of one category, location or language; its later pages below it."""
    return _numbered(f"{blog_path}/{CATALOG_FOLDERS[catalog]}/{slug}", number)


def archive_page(blog_path: str) -> str:
    """Every listed post by year; a year is an anchor on it, not a page of its own."""
    return f"{blog_path}/archive"


def drafts_page(blog_path: str) -> str:
    """The drafts (``blogposts_drafts_page``)."""
    return f"{blog_path}/drafts"


def series_index(blog_path: str) -> str:
    """Every series."""
    return f"{blog_path}/series/index"


def series_page(blog_path: str, slug: str) -> str:
    """One series, its parts in order (never paginated: a series is short)."""
    return f"{blog_path}/series/{slug}"


def shared_sidebars_file(blog_path: str) -> str:
    """The script that holds a blog's sidebars when every page loads them from one file
    (``blogposts_shared_sidebars``): an output path, not a page name."""
    return f"_static/blogposts/sidebars/{blog_path or 'index'}.js"


def generated_patterns(blog_path: str) -> list[str]:
    """Where the extension may generate a page, as Sphinx's glob patterns.

    A document at one of these names is never a post, even when ``blogposts_pattern``
    takes it: it is a page of its own, and it replaces the generated page of its name
    (the planning leaves that page out), as a hand-written ``blog/index`` replaces the
    blog's front page. Whole folders are taken (``blog/tags/**``), not only the names
    generated today, because which tags, authors or series exist changes with the posts.
    """
    folders = ["tags", "authors", *CATALOG_FOLDERS.values(), "series"]
    return [
        index_page(blog_path),
        archive_page(blog_path),
        drafts_page(blog_path),
        f"{blog_path}/page/**",  # the front page's later pages
        *(f"{blog_path}/{folder}{tail}" for folder in folders for tail in ("", "/**")),
    ]


# -- the feeds ---------------------------------------------------------------------------------

#: Each feed format's file name, in a fixed order (the order feeds are listed in).
FEED_FILES = {"atom": "atom.xml", "rss": "rss.xml", "json": "feed.json"}


def feed_file(folder: str, fmt: str) -> str:
    """The output path of a feed in format ``fmt`` (a key of :data:`FEED_FILES`), kept in
    ``folder``: a feed lives in the folder of the page it follows, so a reader who knows
    the page finds its feed."""
    return f"{folder}/{FEED_FILES[fmt]}"


def blog_feed_folder(blog_path: str) -> str:
    """The folder of the feeds of every post: the blog's own (``blog/atom.xml``)."""
    return blog_path


def tag_feed_folder(blog_path: str, slug: str) -> str:
    """The folder of one tag's feeds: its page's name (``blog/tags/python/atom.xml``)."""
    return tag_page(blog_path, slug)


def author_feed_folder(blog_path: str, slug: str) -> str:
    """The folder of one author's feeds: their page's name."""
    return author_page(blog_path, slug)


def term_feed_folder(blog_path: str, catalog: str, slug: str) -> str:
    """The folder of one category's, location's or language's feeds: its page's name."""
    return term_page(blog_path, catalog, slug)


def year_feed_folder(blog_path: str, year: int) -> str:
    """The folder of one year's feeds (``blogposts_feed_years``): below the archive, which
    shows the year at an anchor."""
    return f"{archive_page(blog_path)}/{year}"


# -- the social cards ----------------------------------------------------------------------

#: Where generated social cards go, from the output root: a folder of their own, so that no
#: copy of a front-matter image (``_static/blogposts/<its path>``) can take a card's name.
CARDS_FOLDER = "_images/blogposts/cards"


def social_card(post: Post) -> str:
    """The output path of a post's generated social card (``og:image``): its docname as a
    path (a section's post: ``<docname>--<section id>``), or a digest of it when the
    docname cannot be a URL's path as written (a space, a ``%``), so every card is a file
    of its own that a URL names as it is."""
    name = post.docname + (f"--{post.section}" if post.section else "")
    parts = name.split("/")
    if not is_page_name(parts) or any(" " in p for p in parts):
        name = hashlib.sha1(name.encode("utf-8")).hexdigest()[:20]
    return f"{CARDS_FOLDER}/{name}.png"


# -- Docusaurus' addresses -----------------------------------------------------------------

# Docusaurus' rule for a post's path (without its .md/.mdx): anything (the greedy
# "folder", so the last date in the path wins), the date with "-" or "/" between its
# parts (2021-04-15, 2021/04/15, 2021/04-15), an optional separator, the rest of the
# name ("text"), an optional "/index". 2021-04-15-name, 2021/04/15/name/index,
# team-a/2021/04/15/name and team-a-2021-04-15-name/index are all dated.
_PATH_DATE = re.compile(
    r"^(?P<folder>.*)(?P<date>(?P<y>\d{4})[-/](?P<m>\d{1,2})[-/](?P<d>\d{1,2}))"
    r"[-/]?(?P<text>.*?)(?:/index)?$",
    re.S,
)
#: What no segment of an address written to the output folder may hold.
_UNSAFE_SEGMENT = re.compile(r"[\x00-\x1f\\?#%<>\"]")


@dataclass(frozen=True)
class PathName:
    """What Docusaurus reads from a post's path relative to the blog folder.

    ``slug`` is the URL path it served the post at (below the blog's URL), ``text`` the
    title it falls back to; ``date`` is None for an undated path.
    """

    date: tuple[int, int, int] | None
    text: str
    slug: str


def docusaurus_name(relative: str) -> PathName:
    """Docusaurus' reading of ``relative``, a post's path in the blog folder, without suffix.

    The slug keeps the date's digits as written (``2021-5-2-x`` was ``/2021/5/2/x``), and
    puts what came before the date after it: ``team-a/2021/05/12/name`` was at
    ``/2021/05/12/team-a/name``. The reading side takes a post's date from it too.
    """
    match = _PATH_DATE.match(relative)
    if match is None:
        text = relative.removesuffix("/index") if relative != "index" else relative
        return PathName(None, text, text)
    ymd = (int(match["y"]), int(match["m"]), int(match["d"]))
    slug_date = match["date"].replace("-", "/")
    rest = match["folder"] + match["text"]
    return PathName(ymd, match["text"], f"{slug_date}/{rest}".rstrip("/"))


def docusaurus_page(blog_path: str, docname: str, slug: str | None) -> str | None:
    """The page name Docusaurus served a post at, relative to the output root, where a
    redirect may be needed; None when it was where the post's file page is (an undated
    path) or cannot be a path."""
    if not slug and docusaurus_name(docname.removeprefix(blog_path + "/")).date is None:
        return None
    return docusaurus_address(blog_path, docname, slug)


def docusaurus_address(blog_path: str, docname: str, slug: str | None) -> str | None:
    """The page name Docusaurus served a post at; None when it cannot be a path, or the
    post is not in the blog's folder.

    Docusaurus put a post with a ``slug`` at ``<blog>/<slug>`` (a leading ``/`` is the
    blog's root, not the site's), a dated one at ``<blog>/YYYY/MM/DD/<name>``, any other
    at its path (``my-post/index.md`` at ``<blog>/my-post``). A slug that could leave the
    output folder or be read as something else in a URL (``..``, ``?``, ``#``, ``%``)
    gives no address at all.
    """
    if slug:
        parts = [p for p in slug.strip().split("/") if p]
    else:
        relative = docname.removeprefix(blog_path + "/")
        if relative == docname:
            return None
        parts = [p for p in docusaurus_name(relative).slug.split("/") if p]
    if not is_page_name(parts):
        return None
    return "/".join([blog_path, *parts])


def is_page_name(parts: list[str]) -> bool:
    """Whether these segments make a page name safe as both a URL path and a file path:
    some segments, none empty, none ``.`` or ``..``, none with a character a URL path or a
    file name cannot carry. Old URLs kept as redirects are written only at such names
    (Docusaurus' addresses here, ABlog's ``:redirect:`` names in ``compat/ablog``)."""
    return bool(parts) and not any(p in ("", ".", "..") or _UNSAFE_SEGMENT.search(p) for p in parts)
