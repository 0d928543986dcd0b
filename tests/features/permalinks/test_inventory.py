"""``objects.inv`` gives a moved post's address, for its document and its labels, so
intersphinx in another project links to the post itself; an address with spaces or
letters outside ASCII is percent-encoded there (an inventory line cannot hold a space).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sphinx.util.inventory import InventoryFile

from tests.conftest import soup_of

BASE = "https://example.org/"


def _inventory(outdir: Path) -> dict[str, dict[str, str]]:
    """type -> name -> absolute URI, as intersphinx reads the file."""
    with open(outdir / "objects.inv", "rb") as f:
        data = InventoryFile.load(f, BASE, lambda base, uri: base + uri)
    return {
        kind: {name: item.uri if hasattr(item, "uri") else item[2] for name, item in items.items()}
        for kind, items in data.items()
    }


@pytest.mark.parametrize(
    ("builder", "page"), [("html", "index.html"), ("dirhtml", "")], ids=["html", "dirhtml"]
)
def test_a_moved_post_and_its_label_are_at_the_address(shared_build, builder, page):
    inventory = _inventory(Path(shared_build("permalinks-deep", builder).outdir))
    hello = BASE + "blog/2024/01/05/hello/" + page
    assert inventory["std:doc"]["blog/2024-01-05-hello/index"] == hello
    assert inventory["std:label"]["hello-chart"] == hello + "#hello-chart"
    assert inventory["std:doc"]["blog/2024-02-01-world"] == BASE + "blog/2024/02/01/world/" + page
    assert inventory["std:doc"]["other"] == BASE + ("other.html" if page else "other/")


@pytest.mark.parametrize(
    ("builder", "page"), [("html", "index.html"), ("dirhtml", "")], ids=["html", "dirhtml"]
)
def test_an_address_with_spaces_is_percent_encoded(shared_build, builder, page):
    app = shared_build(
        "docusaurus-fixture-permalinks",
        builder,
        confoverrides={"blogposts_post_url": "{date:%Y/%m/%d}/{slug}"},
    )
    inventory = _inventory(Path(app.outdir))
    complex_slug = BASE + "blog/hey/my%20super%20path/h%C3%A9ll%C3%B4/" + page
    assert inventory["std:doc"]["blog/complex-slug"] == complex_slug
    assert inventory["std:doc"]["blog/simple-slug"] == BASE + "blog/simple/slug/" + page


def test_intersphinx_from_another_project_links_to_the_address(shared_build, make_app, tmp_path):
    outdir = Path(shared_build("permalinks-deep").outdir)
    src = tmp_path / "elsewhere"
    src.mkdir()
    (src / "conf.py").write_text(
        "extensions = ['sphinx.ext.intersphinx']\n"
        f"intersphinx_mapping = {{'deep': ({BASE!r}, {str(outdir / 'objects.inv')!r})}}\n",
        encoding="utf-8",
    )
    (src / "index.rst").write_text(
        "Elsewhere\n=========\n\n"
        ":doc:`deep:blog/2024-01-05-hello/index` and :ref:`deep:hello-chart`.\n",
        encoding="utf-8",
    )
    app = make_app("html", srcdir=src, freshenv=True)
    app.build()
    assert app.warning.getvalue() == ""
    hrefs = {a["href"] for a in soup_of(Path(app.outdir, "index.html")).select("a.reference")}
    hello = BASE + "blog/2024/01/05/hello/index.html"
    assert hrefs == {hello, hello + "#hello-chart"}
