"""Card images, the grid layout and covers, looked at in a real browser.

``browser_check.py`` builds ``.ci/picture_blog`` (a blog laid out as a grid, with
generated social cards) in each theme, with ``-W``, from a copy to which
:func:`make_site` adds short posts without pictures up to 50. It hands its pages to
:func:`check`, which looks for what a test of the HTML cannot see:

- the grid has several columns on a desktop and one on a phone, and does not overflow;
- pictures do not move the page while they load (the server delays every image, and the
  page's layout shifts are added up as Chromium reports them);
- a card's title stays readable on the card, in light and in dark mode (the theme's
  colours, not ours, decide both);
- a post's cover loads, with its size;

and then to :func:`check_every_post`: every grid page, a tag page and every post page
load with no broken image, every card shows a picture, and each post page has exactly
one ``og:image``, served by the site; a generated card is a 1200×630 PNG.

With ``--docs-screenshots`` it also photographs the grid (furo in light mode,
pydata-sphinx-theme in dark mode), a cover, a grid page of generated cards and one
generated card into ``docs/_static/pictures/`` for ``docs/pictures.md``. Only that
option writes into the source folder; the extra posts are written in the output folder.
"""

from __future__ import annotations

import io
import shutil
import urllib.error
import urllib.request
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urljoin

from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parent.parent
#: The blog the pictures are checked on.
SOURCE = ROOT / ".ci" / "picture_blog"
#: How many posts the blog has once the check has added its own (see :func:`make_site`).
POSTS = 50
#: Where a generated social card is written in the output.
CARDS = "/_images/blogposts/cards/"
#: The size of a generated social card.
CARD_SIZE = (1200, 630)
#: Where ``--docs-screenshots`` puts its photographs.
DOCS_SHOTS = ROOT / "docs" / "_static" / "pictures"
#: Every theme the grid must look right in.
THEMES = ["furo", "pydata_sphinx_theme", "sphinx_book_theme", "alabaster"]
#: How long the test server holds back each image: long enough that a page is laid out
#: before its pictures arrive, so a picture without a reserved box would move it.
IMAGE_DELAY = 0.4
#: Most layout shift a page may have (Chromium's score; 0.1 is "poor" for a whole visit).
MAX_SHIFT = 0.01
#: Least contrast between a card's title and the card (WCAG's ratio for large text).
MIN_CONTRAST = 3.0

#: Installed before each page's own scripts: adds up the layout shifts Chromium reports.
LAYOUT_SHIFTS_JS = """
window.__blogpostsShift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.__blogpostsShift += entry.value;
  }
}).observe({ type: "layout-shift", buffered: true });
"""
#: Scrolls to the foot of the page in steps, so every lazy image is asked for, and waits.
SCROLL_THROUGH_JS = """
async () => {
  const step = window.innerHeight / 2;
  for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
    window.scrollTo({ top: y, behavior: "instant" });
    await new Promise((done) => setTimeout(done, 60));
  }
  await Promise.all(Array.from(document.images).map((img) => img.decode().catch(() => null)));
  window.scrollTo({ top: 0, behavior: "instant" });
  await new Promise((done) => setTimeout(done, 200));
  return window.__blogpostsShift;
}
"""
#: The grid's columns, its right edge and the window's width.
GRID_JS = """
() => {
  const grid = document.querySelector(".blogposts-grid");
  if (!grid) return null;
  const columns = getComputedStyle(grid).gridTemplateColumns.split(" ").filter(Boolean);
  return { columns: columns.length, right: grid.getBoundingClientRect().right,
           width: document.documentElement.clientWidth };
}
"""
#: The contrast of the first card's title against what is behind it (the first opaque
#: background among the title and its ancestors), each colour normalized by a canvas.
CONTRAST_JS = """
() => {
  const title = document.querySelector(".blogposts-grid .blogposts-card-title a");
  if (!title) return null;
  const ctx = document.createElement("canvas").getContext("2d");
  const rgba = (css) => {
    ctx.fillStyle = "#000"; ctx.fillStyle = css;
    ctx.clearRect(0, 0, 1, 1); ctx.fillRect(0, 0, 1, 1);
    return Array.from(ctx.getImageData(0, 0, 1, 1).data);
  };
  let background = null;
  for (let el = title; el; el = el.parentElement) {
    const found = rgba(getComputedStyle(el).backgroundColor);
    if (found[3] === 255) { background = found; break; }
  }
  background = background || [255, 255, 255, 255];
  const text = rgba(getComputedStyle(title).color);
  const lum = ([r, g, b]) => [r, g, b].map((c) => {
    c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }).reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
  const [a, b] = [lum(text), lum(background)].sort((x, y) => y - x);
  return { ratio: (a + 0.05) / (b + 0.05), text, background };
}
"""
#: Every card image that lacks what keeps it light and steady.
CARD_IMAGES_JS = """
() => Array.from(document.querySelectorAll(".blogposts-card-image img, .blogposts-thumb img"))
  .filter((img) => img.getAttribute("loading") !== "lazy"
    || img.getAttribute("decoding") !== "async"
    || !img.getAttribute("alt")
    || !(img.getAttribute("width") && img.getAttribute("height")))
  .map((img) => img.getAttribute("src"))
"""


class Visitor(Protocol):
    """What :func:`check` needs of ``browser_check.Checker``."""

    problems: list[str]
    base: str
    visited: list[str]

    def visit(self, path: str, name: str, dark: bool = False, shoot: bool = True) -> None: ...

    def first_link(self, selector: str) -> str | None: ...

    def all_links(self, selector: str) -> list[str]: ...


def check(checker: Visitor, page: Page, theme: str, docs_shots: bool = False) -> None:
    """Open the picture blog's grid, list, archive, a tag page and a covered post; add
    what is wrong to ``checker.problems``."""
    page.add_init_script(LAYOUT_SHIFTS_JS)
    # every visit waits for its images: from the cache, a picture without its size
    # would arrive before the first paint and move nothing
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    problems = checker.problems

    checker.visit("blog/index.html", "grid", dark=True)
    steady(page, "blog/index.html", problems)
    page.reload(wait_until="load")  # the attributes as written (the visit made images eager)
    for src in page.evaluate(CARD_IMAGES_JS):
        problems.append(f"blog/index.html: card image {src} is not lazy, sized and described")
    grid_shape(page, "blog/index.html", problems)
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        page.wait_for_timeout(300)
        found = page.evaluate(CONTRAST_JS)
        if found is None:
            problems.append("blog/index.html: no card title in the grid")
        elif found["ratio"] < MIN_CONTRAST:
            problems.append(
                f"blog/index.html ({scheme}): card title contrast {found['ratio']:.2f} "
                f"(text {found['text']}, card {found['background']})"
            )
    if docs_shots and theme in SHOT_NAMES:
        photograph(page, "blog/index.html", *SHOT_NAMES[theme])
    page.emulate_media(color_scheme="light")

    checker.visit("index.html", "list")  # a postlist with excerpts: cards in a column
    steady(page, "index.html", problems)
    checker.visit("blog/archive.html", "archive")
    steady(page, "blog/archive.html", problems)
    if not page.query_selector(".blogposts-year .blogposts-grid .blogposts-card-image img"):
        problems.append("blog/archive.html: no pictures on the cards of its grid")
    tag = checker.first_link(".blogposts-grid .blogposts-tag")
    if tag:
        checker.visit(tag, "grid-tag")
        steady(page, tag, problems)

    checker.visit("blog/index.html", "grid-again")
    post = checker.first_link('.blogposts-card-title a:has-text("Covers above posts")')
    if post is None:
        problems.append("blog/index.html: no card of the post with a cover")
        return
    checker.visit(post, "cover", dark=True)
    steady(page, post, problems)
    cover = page.query_selector(".blogposts-cover img")
    if cover is None or not (cover.get_attribute("width") and cover.get_attribute("height")):
        problems.append(f"{post}: no cover with its width and height")
    elif docs_shots and theme == "furo":
        photograph(page, post, "cover-furo", "light")


#: The photographs for the docs: theme -> (file name, colour scheme).
SHOT_NAMES: dict[str, tuple[str, str]] = {
    "furo": ("grid-furo", "light"),
    "pydata_sphinx_theme": ("grid-pydata-dark", "dark"),
}


def steady(page: Page, path: str, problems: list[str]) -> None:
    """Every image loaded (scrolled to), and the page moved no more than :data:`MAX_SHIFT`."""
    shift = page.evaluate(SCROLL_THROUGH_JS)
    if shift is None or shift > MAX_SHIFT:
        problems.append(f"{path}: the page moved while its images loaded (layout shift {shift})")


def grid_shape(page: Page, path: str, problems: list[str]) -> None:
    """Several columns at 1280 pixels; one, inside the window, on a phone."""
    wide = page.evaluate(GRID_JS)
    if wide is None or wide["columns"] < 2:
        problems.append(f"{path}: the grid has {wide and wide['columns']} column(s) at 1280px")
    size = page.viewport_size or {"width": 1280, "height": 900}
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload(wait_until="networkidle")
    narrow = page.evaluate(GRID_JS)
    if narrow is None or narrow["columns"] != 1:
        problems.append(f"{path}: the grid has {narrow and narrow['columns']} columns on a phone")
    elif narrow["right"] > narrow["width"] + 1:
        problems.append(f"{path}: the grid is wider than a phone ({narrow['right']:.0f}px)")
    page.set_viewport_size(size)
    page.reload(wait_until="networkidle")


def photograph(page: Page, path: str, name: str, scheme: str) -> None:
    """The top of the page as a reader first sees it, made small (a palette of 256 colours
    when Pillow is there) for the docs."""
    DOCS_SHOTS.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size or {"width": 1280, "height": 900}
    page.set_viewport_size({"width": 1200, "height": 820})
    page.emulate_media(color_scheme=scheme)
    page.wait_for_timeout(400)
    page.evaluate(SCROLL_THROUGH_JS)
    target = DOCS_SHOTS / f"{name}.png"
    page.screenshot(path=str(target))
    shrink(target)
    page.set_viewport_size(size)
    print(f"docs screenshot: {target.relative_to(ROOT)} ({target.stat().st_size // 1024} KiB)")


def shrink(path: Path) -> None:
    try:
        from PIL import Image
    except ImportError:
        return
    with Image.open(path) as shot:
        small: Any = shot.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)


#: The extra posts' titles: short ones and ones that wrap (ASCII: Pillow's bundled font
#: draws no other letters, and a letter it cannot draw is a warning, which -W fails).
TITLE_WORDS = [
    "Cards",
    "Notes on a grid of cards",
    "Why every post shares well, even the ones written in a hurry on a Friday",
    "What the font draws: ASCII letters, digits & punctuation!",
    "A title long enough to need three lines on its card, so the text shrinks to fit "
    "inside the card's margins",
    "Tags, authors and dates",
]
#: The extra posts' tags, in turn.
TAGS = ["layout", "cards", "notes"]


def make_site(folder: Path) -> Path:
    """A copy of :data:`SOURCE` (its posts, without ``conf.py``: the build reads that one
    where it is) with short posts without pictures added up to :data:`POSTS`, so the grid
    has several pages, a tag has many posts and most posts show a generated card.

    The extra posts are older than the committed ones: the first grid page still shows
    the pictures the other checks look at.
    """
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(SOURCE, folder, ignore=shutil.ignore_patterns("conf.py", "_build"))
    own = len(list((folder / "blog").glob("*/index.md")))
    for n in range(POSTS - own):
        day = date(2025, 1, 3) + timedelta(days=7 * n)
        title = f"{TITLE_WORDS[n % len(TITLE_WORDS)]} ({n + 1})"
        post = folder / "blog" / f"{day.isoformat()}-note-{n + 1}" / "index.md"
        post.parent.mkdir()
        post.write_text(
            f"---\ntitle: {title!r}\nauthors: [ada]\ntags: [{TAGS[n % len(TAGS)]}]\n---\n\n"
            f"Note {n + 1}: a post without a picture of its own, so its card is drawn.\n",
            encoding="utf-8",
        )
    return folder


#: The cards of a grid page that show no picture (their titles).
BARE_CARDS_JS = """
() => Array.from(document.querySelectorAll(".blogposts-grid .blogposts-card"))
  .filter((card) => !card.querySelector("img"))
  .map((card) => (card.querySelector(".blogposts-card-title") || card).textContent.trim())
"""
#: A post page's ``og:image`` tags: URL, width and height.
OG_IMAGES_JS = """
() => {
  const meta = (name) => {
    const found = document.querySelector(`meta[property="${name}"]`);
    return found ? found.content : null;
  };
  return Array.from(document.querySelectorAll('meta[property="og:image"]')).map((m) => ({
    url: m.content, width: meta("og:image:width"), height: meta("og:image:height") }));
}
"""


def check_every_post(checker: Visitor, page: Page, theme: str, docs_shots: bool = False) -> str:
    """Every page of the grid, a tag page and every post page: no broken image, a picture
    on every card (``blogposts_list_cards = "generated"``), and on each post exactly one
    ``og:image`` that the site serves; a generated card must be a 1200×630 PNG. Returns
    what was checked, for the summary."""
    problems = checker.problems
    posts: list[str] = []
    index: str | None = "blog/index.html"
    grid_pages: list[str] = []
    while index and index not in grid_pages:
        grid_pages.append(index)
        checker.visit(index, f"grid-page-{len(grid_pages)}", shoot=False)
        for title in page.evaluate(BARE_CARDS_JS):
            problems.append(f"{index}: the card of {title!r} shows no picture")
        if docs_shots and theme == "furo" and len(grid_pages) == 2:
            photograph(page, index, "grid-cards-furo", "light")
        posts += checker.all_links(".blogposts-grid .blogposts-card-title a")
        index = checker.first_link(".blogposts-pagination a[rel=next]")
    posts = list(dict.fromkeys(posts))
    if len(posts) != POSTS:
        problems.append(f"blog/index.html and its pages list {len(posts)} posts, not {POSTS}")
    tag = checker.first_link(".blogposts-grid .blogposts-tag")
    if tag:
        checker.visit(tag, "grid-tag-all", shoot=False)
    else:
        problems.append("blog/index.html: no tag link on a card")
    cards = own = 0
    drawn = POSTS - own_pictures()
    for post in posts:
        checker.visit(post, "post", shoot=False)
        found = page.evaluate(OG_IMAGES_JS)
        if len(found) != 1:
            problems.append(f"{post}: {len(found)} og:image tags, not one")
            continue
        url = urljoin(checker.base + post, found[0]["url"])
        card = CARDS in url
        cards, own = cards + card, own + (not card)
        problem = og_image_problem(url, checker.base, card, found[0])
        if problem:
            problems.append(f"{post}: og:image {found[0]['url']} {problem}")
        elif card and docs_shots and theme == "furo" and cards == 1:
            save_card(url)
    if cards != drawn:
        problems.append(f"{cards} posts have a generated card as og:image, not {drawn}")
    return (
        f"{len(grid_pages)} grid pages, a tag page, {len(posts)} posts: "
        f"{cards} og:image cards, {own} own og:images"
    )


def own_pictures() -> int:
    """How many of the committed posts name a picture of their own (and get no card)."""
    keys = ("image:", "thumbnail:", "cover:")
    return sum(
        any(line.startswith(keys) for line in post.read_text(encoding="utf-8").splitlines())
        for post in (SOURCE / "blog").glob("*/index.md")
    )


def og_image_problem(url: str, base: str, card: bool, meta: dict[str, str | None]) -> str | None:
    """What is wrong with a post's ``og:image``, fetched from the check's server."""
    if not url.startswith(base):
        return "is not on the site"
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            status, body = response.status, response.read()
            kind = response.headers.get_content_type()
    except urllib.error.HTTPError as error:
        return f"does not load (HTTP {error.code})"
    except OSError as error:
        return f"does not load ({error})"
    if status != 200 or not kind.startswith("image/"):
        return f"does not load as an image (HTTP {status}, {kind})"
    if not card:
        return None
    from PIL import Image  # in the browser env (tox.ini)

    try:
        with Image.open(io.BytesIO(body)) as image:
            shape = (image.format, image.size)
    except OSError as error:
        return f"is not an image Pillow reads ({error})"
    if shape != ("PNG", CARD_SIZE):
        return f"is a {shape[0]} of {shape[1][0]}×{shape[1][1]}, not a 1200×630 PNG"
    if (meta["width"], meta["height"]) != tuple(str(n) for n in CARD_SIZE):
        return f"has og:image:width/height {meta['width']}×{meta['height']}, not 1200×630"
    return None


def save_card(url: str) -> None:
    """A generated card, as it is, made small, for ``docs/social-cards.md``."""
    DOCS_SHOTS.mkdir(parents=True, exist_ok=True)
    target = DOCS_SHOTS / "social-card.png"
    with urllib.request.urlopen(url, timeout=10) as response:
        target.write_bytes(response.read())
    shrink(target)
    print(f"docs screenshot: {target.relative_to(ROOT)} ({target.stat().st_size // 1024} KiB)")
