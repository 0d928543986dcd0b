"""Open the project's blog in headless Chromium, in furo and in pydata-sphinx-theme.

For each theme this builds the docs (``DOCS_THEME`` picks the theme in docs/conf.py),
serves the output over HTTP on 127.0.0.1, and opens the blog index, a post, a tag page
and an author page. It fails if any page has a broken image (``naturalWidth`` 0), logs a
console error, fails to load one of its own resources, or links to a page of the site
that does not answer. Screenshots (light, and dark for the blog index) are saved under
``<out>/<theme>/screenshots`` so a person can look.

Then it builds ``.ci/picture_blog`` (card images in a grid, covers) in furo,
pydata-sphinx-theme, sphinx-book-theme and alabaster and checks its pages the same way,
and more (see ``browser_pictures.py``): the grid's columns, pictures that do not move the
page while they load, readable cards in light and dark mode; and on all 50 posts of
that blog, one ``og:image`` each that loads (a generated card: a 1200×630 PNG), and
no broken image on any post or grid page. ``--docs-screenshots``
also writes the photographs ``docs/pictures.md`` shows into ``docs/_static/pictures/``;
without it, nothing is written outside ``--out``.

It also builds a small blog with ``blogposts_shared_sidebars`` in furo and pydata and checks
that the sidebars the pages load from one script appear in their places, with working
links, over HTTP and from files opened on disk.

Run by ``tox -e browser``; Chromium is Debian's ``chromium`` (or ``$CHROMIUM``), driven
by Playwright's Python package with a fresh profile.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urlsplit

import browser_pictures as pictures  # beside this script, so on sys.path
from playwright.sync_api import BrowserContext, Page, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

ROOT = Path(__file__).resolve().parent.parent
THEMES = ["furo", "pydata_sphinx_theme"]
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
#: Every image on the page, made eager and decoded, then the ones that did not load.
BROKEN_IMAGES_JS = """
async () => {
  const images = Array.from(document.images);
  for (const img of images) { img.loading = "eager"; }
  await Promise.all(images.map((img) => img.decode().catch(() => null)));
  return images.filter((img) => !(img.complete && img.naturalWidth > 0))
               .map((img) => img.currentSrc || img.src);
}
"""


def chromium_path() -> str:
    for candidate in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser"):
        if candidate and (found := shutil.which(candidate)):
            return found
    sys.exit("browser check: no Chromium found (install Debian's 'chromium' or set CHROMIUM)")


def build_docs(
    theme: str, outdir: Path, source: Path = ROOT / "docs", confdir: Path | None = None
) -> None:
    """Build with ``-W``; ``confdir`` is a ``conf.py`` kept apart from ``source`` (``-c``)."""
    env = {**os.environ, "DOCS_THEME": theme, "BLOGPOSTS_CHECK_COMMENTS": "1"}
    subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-W",
            "--keep-going",
            "-q",
            "-b",
            "html",
            *(["-c", str(confdir)] if confdir else []),
            str(source),
            str(outdir),
        ],
        check=True,
        env=env,
    )


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """No access log: a failed request is reported by the browser's side, with its page.

    ``image_delay`` holds every image back that many seconds, as a slow network would.
    """

    image_delay = 0.0

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        if self.image_delay and self.path.split("?")[0].endswith(IMAGE_SUFFIXES):
            time.sleep(self.image_delay)
        super().do_GET()


IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif")


class QuietServer(http.server.ThreadingHTTPServer):
    """A server that takes a client hanging up as the normal event it is.

    Chromium drops connections it no longer needs (a preload it cancels, a page it leaves
    while an image is still streaming); writing the rest of the answer then raises
    ``BrokenPipeError`` or ``ConnectionResetError``, which the standard server prints as a
    traceback, in a run that passes. Any other error is still printed in full.
    """

    daemon_threads = True

    def handle_error(
        self, request: socket.socket | tuple[bytes, socket.socket], client_address: Any
    ) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


@contextmanager
def serve(folder: Path, image_delay: float = 0.0) -> Iterator[str]:
    handler_class = type("Handler", (QuietHandler,), {"image_delay": image_delay})
    handler = functools.partial(handler_class, directory=str(folder))
    server = QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def answers(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


class Checker:
    def __init__(self, browser_page: Page, base: str, shots: Path) -> None:
        self.page = browser_page
        self.base = base
        self.shots = shots
        self.problems: list[str] = []
        self.checked_links: dict[str, int] = {}
        self.images = 0
        self.visited: list[str] = []
        self._events: list[str] = []
        browser_page.on("console", self._console)
        browser_page.on("pageerror", lambda error: self._events.append(f"page error: {error}"))
        browser_page.on("requestfailed", self._request_failed)
        browser_page.on("response", self._response)

    def _console(self, message) -> None:  # type: ignore[no-untyped-def]
        if message.type == "error":
            where = message.location.get("url", "")
            self._events.append(f"console error: {message.text} ({where})")

    def _own(self, url: str) -> bool:
        return url.startswith(self.base)

    def _request_failed(self, request) -> None:  # type: ignore[no-untyped-def]
        if self._own(request.url):
            self._events.append(f"request failed: {request.url} ({request.failure})")

    def _response(self, response) -> None:  # type: ignore[no-untyped-def]
        if self._own(response.url) and response.status >= 400:
            self._events.append(f"HTTP {response.status}: {response.url}")

    def visit(self, path: str, name: str, dark: bool = False, shoot: bool = True) -> None:
        """Open ``path``; ``shoot=False`` takes no screenshot (many pages alike)."""
        self._events = []
        self.visited.append(path)
        page = self.page
        page.emulate_media(color_scheme="light")
        response = page.goto(self.base + path, wait_until="load")
        if response is None or response.status != 200:
            self.problems.append(f"{path}: did not load")
            return
        page.wait_for_load_state("networkidle")
        self.images += page.eval_on_selector_all("img", "els => els.length")
        for src in page.evaluate(BROKEN_IMAGES_JS):
            self.problems.append(f"{path}: broken image {src}")
        links = page.eval_on_selector_all("a[href]", "els => els.map(a => a.href)")
        for link in links:
            url = urldefrag(link).url
            if not self._own(url) or urlsplit(url).scheme not in ("http", "https"):
                continue
            if url not in self.checked_links:
                self.checked_links[url] = answers(url)
            if self.checked_links[url] != 200:
                self.problems.append(f"{path}: link {link} -> {self.checked_links[url]}")
        if shoot:
            page.screenshot(path=str(self.shots / f"{name}.png"), full_page=True)
        if dark:
            page.emulate_media(color_scheme="dark")
            page.wait_for_timeout(300)  # let the theme's colour transition finish
            page.screenshot(path=str(self.shots / f"{name}-dark.png"), full_page=True)
        self.problems.extend(f"{path}: {event}" for event in self._events)

    def first_link(self, selector: str) -> str | None:
        href = self.page.eval_on_selector_all(selector, "els => els.length ? els[0].href : null")
        if not href or not self._own(href):
            return None
        return urldefrag(href).url[len(self.base) :]

    def all_links(self, selector: str) -> list[str]:
        """The site's own pages the elements matching ``selector`` link to, in order."""
        hrefs = self.page.eval_on_selector_all(selector, "els => els.map(a => a.href)")
        paths = [urldefrag(href).url[len(self.base) :] for href in hrefs if self._own(href)]
        return list(dict.fromkeys(paths))


#: Stands in for giscus' client.js (no network here): notes the theme it was given and
#: adds the iframe giscus would.
FAKE_GISCUS = """
window.__giscusTheme = document.currentScript.getAttribute("data-theme");
document.querySelector(".giscus").appendChild(document.createElement("iframe"));
"""


def check_comments(page: Page, url: str) -> list[str]:
    """The comments container is there, giscus is asked for only once it is scrolled to,
    and in the page's light or dark mode."""
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url) if "giscus.app" in r.url else None)
    problems = []
    for scheme in ("light", "dark"):
        asked.clear()
        page.emulate_media(color_scheme=scheme)
        page.set_viewport_size({"width": 1280, "height": 300})
        page.goto(url, wait_until="load")
        widget = page.locator(".blogposts-comments-widget")
        if widget.count() != 1:
            return [f"{url}: no comments container"]
        page.wait_for_timeout(300)
        top = widget.evaluate("el => el.getBoundingClientRect().top")
        if top > 300 + 300 and asked:  # beyond the loader's margin: nothing asked yet
            problems.append(f"{url}: giscus loaded before the comments were in view")
        widget.scroll_into_view_if_needed()
        page.wait_for_function("() => window.__giscusTheme !== undefined", timeout=5000)
        theme = page.evaluate("() => window.__giscusTheme")
        if theme != scheme:
            problems.append(f"{url}: giscus themed {theme!r} in {scheme} mode")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.emulate_media(color_scheme="light")
    return problems


def check_theme(context: BrowserContext, theme: str, out: Path) -> list[str]:
    html = out / theme / "html"
    shots = out / theme / "screenshots"
    shutil.rmtree(out / theme, ignore_errors=True)
    shots.mkdir(parents=True)
    build_docs(theme, html)
    with serve(html) as base:
        page = context.new_page()
        # no network here: on every page, giscus' script is a stand-in (see check_comments)
        page.route(
            "https://giscus.app/**",
            lambda route: route.fulfill(body=FAKE_GISCUS, content_type="text/javascript"),
        )
        checker = Checker(page, base, shots)
        checker.visit("blog/index.html", "blog-index", dark=True)
        post = checker.first_link(".blogposts-card-title a")
        # prefer a post whose card shows an image, so images in posts get checked too
        with_image = ".blogposts-card:has(img) .blogposts-card-title a"
        index_page, seen = "blog/index.html", 0
        while index_page and seen < 5:
            found = checker.first_link(with_image)
            if found:
                post = found
                break
            index_page = checker.first_link(".blogposts-pagination a[rel=next]")
            if index_page:
                checker.visit(index_page, f"blog-index-{seen + 2}")
            seen += 1
        if post is None:
            return ["blog/index.html: no post card"]
        checker.visit(post, "post")
        checker.problems += check_comments(page, base + post)
        tag = checker.first_link(".blogposts-post-header a.blogposts-tag")
        author = checker.first_link(".blogposts-post-header a.blogposts-author")
        if tag is None or author is None:
            checker.problems.append(f"{post}: no tag or author link in the post header")
        if tag:
            checker.visit(tag, "tag")
        if author:
            checker.visit(author, "author")
        page.close()
    print(
        f"{theme}: {len(checker.visited)} pages ({', '.join(checker.visited)}), "
        f"{checker.images} images, {len(checker.checked_links)} internal links; "
        f"screenshots in {shots}"
    )
    return [f"[{theme}] {problem}" for problem in checker.problems]


def check_pictures(context: BrowserContext, theme: str, out: Path, docs_shots: bool) -> list[str]:
    """The picture blog (``.ci/picture_blog``) in ``theme``: see ``browser_pictures.py``."""
    html = out / theme / "pictures"
    shots = out / theme / "pictures-screenshots"
    shutil.rmtree(html, ignore_errors=True)
    shutil.rmtree(shots, ignore_errors=True)
    shots.mkdir(parents=True)
    # the committed posts and the check's extra ones, outside the source folder;
    # conf.py stays where it is (-c), so its paths hold
    site = pictures.make_site(out / theme / "pictures-src")
    build_docs(theme, html, source=site, confdir=pictures.SOURCE)
    with serve(html, image_delay=pictures.IMAGE_DELAY) as base:
        page = context.new_page()
        checker = Checker(page, base, shots)
        pictures.check(checker, page, theme, docs_shots)
        page.close()
    # every grid page and every post page, without the slow images' wait
    with serve(html) as base:
        page = context.new_page()
        sweep = Checker(page, base, shots)
        counts = pictures.check_every_post(sweep, page, theme, docs_shots)
        page.close()
    print(
        f"{theme} (pictures): {len(checker.visited)} pages, {checker.images} images; "
        f"then {len(sweep.visited)} pages ({counts}), {sweep.images} images; "
        f"screenshots in {shots}"
    )
    return [f"[{theme}, pictures] {problem}" for problem in checker.problems + sweep.problems]


#: A small blog whose sidebars every page loads from one script.
SHARED_SIDEBARS_CONF = """
html_sidebars = {"**": [%s]}
blogposts_shared_sidebars = True
"""
SHARED_SIDEBARS = {
    "furo": [
        "sidebar/brand.html",
        "sidebar/search.html",
        "sidebar/scroll-start.html",
        "sidebar/navigation.html",
        "blogposts/recent.html",
        "blogposts/tags.html",
        "sidebar/scroll-end.html",
    ],
    "pydata_sphinx_theme": ["sidebar-nav-bs", "blogposts/recent.html", "blogposts/tags.html"],
}
#: The sidebars' links once the script has put them in place, or null before.
SIDEBAR_LINKS_JS = """
() => {
  const recent = document.querySelectorAll(".blogposts-sidebar-recent li a");
  const tags = document.querySelectorAll(".blogposts-sidebar-tags li a");
  if (!recent.length || !tags.length) return null;
  return [...recent, ...tags].map((a) => a.href);
}
"""


def check_shared_sidebars(context: BrowserContext, theme: str, out: Path) -> list[str]:
    """Sidebars a script fills in: a page opened from disk must get them as one served does."""
    src = out / theme / "shared-sidebars-src"
    html = out / theme / "shared-sidebars"
    shutil.rmtree(src, ignore_errors=True)
    shutil.copytree(ROOT / "tests" / "roots" / "test-small-blog", src)
    names = ", ".join(repr(name) for name in SHARED_SIDEBARS[theme])
    with (src / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(f"html_theme = {theme!r}\n" + SHARED_SIDEBARS_CONF % names)
    subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", str(src), str(html)],
        check=True,
    )
    problems: list[str] = []
    page = context.new_page()
    with serve(html) as base:
        for path in ("other.html", "blog/index.html", "blog/tags/mlflow.html"):
            for where, url in ((base, base + path), ("file", (html / path).as_uri())):
                page.goto(url, wait_until="load")
                try:
                    page.wait_for_function(SIDEBAR_LINKS_JS, timeout=5000)
                except PlaywrightTimeout:  # the sidebars never came
                    problems.append(f"shared sidebars: none on {url}")
                    continue
                links = page.evaluate(SIDEBAR_LINKS_JS)
                if page.locator("[data-blogposts-sidebar]").count():
                    problems.append(f"shared sidebars: a placeholder left on {url}")
                for link in links:
                    target = urldefrag(link).url
                    if where == "file":
                        local = Path(urlsplit(target).path)
                        if not local.is_file():
                            problems.append(f"shared sidebars: {url} links to {link}, no file")
                    elif answers(target) != 200:
                        problems.append(f"shared sidebars: {url} links to {link}, no page")
    page.close()
    print(f"{theme}: shared sidebars checked on 3 pages, over HTTP and from disk")
    return [f"[{theme}] {problem}" for problem in problems]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "browser")
    every = list(dict.fromkeys([*THEMES, *pictures.THEMES]))
    parser.add_argument("--theme", action="append", choices=every)
    parser.add_argument(
        "--docs-screenshots",
        action="store_true",
        help="also write the docs' photographs of the grid and a card into docs/_static/pictures/",
    )
    args = parser.parse_args()
    chosen = args.theme or every
    if args.docs_screenshots and not {"furo", "pydata_sphinx_theme"} <= set(chosen):
        parser.error("--docs-screenshots needs furo and pydata_sphinx_theme")
    executable = chromium_path()
    problems: list[str] = []
    # a fresh profile (user-data-dir) for every run
    with (
        tempfile.TemporaryDirectory(prefix="blogposts-chromium-") as profile,
        sync_playwright() as playwright,
    ):
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=executable,
            headless=True,
            args=FLAGS,
            viewport={"width": 1280, "height": 900},
        )
        try:
            out = args.out.resolve()
            # the pictures first: the docs show their screenshots (--docs-screenshots)
            for theme in (t for t in chosen if t in pictures.THEMES):
                problems += check_pictures(context, theme, out, args.docs_screenshots)
            for theme in (t for t in chosen if t in THEMES):
                problems += check_theme(context, theme, out)
                problems += check_shared_sidebars(context, theme, out)
        finally:
            context.close()
    for problem in problems:
        print(problem, file=sys.stderr)
    print("browser check:", "FAILED" if problems else "ok")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
