"""Themes compute paths too: on a post four folders below its file's place
(``blog/2024/01/05/hello/index.html``), every relative URL furo and pydata-sphinx-theme
put on the page (stylesheets, scripts, ``_static/``, the logo and favicon, the post's
image and download, the navigation, the feeds, the content root) reaches a file of the
output, and none reaches a redirect where a page should be."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.conftest import soup_of

HELLO = "blog/2024/01/05/hello/index.html"
SITE = "https://site.invalid/"
THEMES = {"furo": "styles/furo.css", "pydata_sphinx_theme": "styles/pydata-sphinx-theme.css"}


def _relative_urls(soup: BeautifulSoup) -> list[str]:
    urls = []
    for tag in soup.find_all(True):
        for attr in ("href", "src", "srcset", "data-content_root"):
            value = tag.get(attr)
            if value is None:
                continue
            values = [part.split()[0] for part in value.split(",")] if attr == "srcset" else [value]
            urls += [v for v in values if not urlsplit(v).scheme and not v.startswith("#")]
    return urls


def _file_of(out: Path, page: str, url: str) -> Path:
    path = unquote(urlsplit(urljoin(SITE + page, url)).path).lstrip("/")
    return out / path / "index.html" if path.endswith("/") or not path else out / path


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
@pytest.mark.parametrize("theme", sorted(THEMES))
def test_every_relative_url_on_a_deep_post_resolves(shared_build, theme, builder):
    app = shared_build("permalinks-deep", builder, confoverrides={"html_theme": theme})
    assert app.warning.getvalue() == ""
    out = Path(app.outdir)
    soup = soup_of(out / HELLO)
    urls = _relative_urls(soup)
    files = {url: _file_of(out, HELLO, url) for url in urls}
    assert [url for url, path in files.items() if not path.is_file()] == []
    redirects = [
        url
        for url, path in files.items()
        if path.suffix == ".html" and soup_of(path).find("meta", attrs={"http-equiv": "refresh"})
    ]
    assert redirects == []
    reached = {path.relative_to(out).as_posix() for path in files.values()}
    assert f"_static/{THEMES[theme]}" in reached
    assert {"_static/site.css", "_static/site.js", "_static/logo.png"} <= reached
    assert "_images/chart.png" in reached
    assert any(name.startswith("_downloads/") for name in reached)
    assert "blog/2024/02/01/world/index.html" in reached  # the navigation, at the address
    assert soup.find("html")["data-content_root"] == "../../../../../"
