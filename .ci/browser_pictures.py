"""Card images, the grid layout and covers, looked at in a real browser.

``browser_check.py`` builds ``.ci/picture_blog`` (a small blog laid out as a grid, every
post but one with a picture) in each theme and hands its pages to :func:`check`, which
looks for what a test of the HTML cannot see:

- the grid has several columns on a desktop and one on a phone, and does not overflow;
- pictures do not move the page while they load (the server delays every image, and the
  page's layout shifts are added up as Chromium reports them);
- a card's title stays readable on the card, in light and in dark mode (the theme's
  colours, not ours, decide both);
- a post's cover loads, with its size.

With ``--docs-screenshots`` it also photographs the grid (furo in light mode,
pydata-sphinx-theme in dark mode) and a cover into ``docs/_static/pictures/`` for
``docs/pictures.md``. Only that option writes into the source folder.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parent.parent
#: The blog the pictures are checked on.
SOURCE = ROOT / ".ci" / "picture_blog"
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

    def visit(self, path: str, name: str, dark: bool = False) -> None: ...

    def first_link(self, selector: str) -> str | None: ...


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
