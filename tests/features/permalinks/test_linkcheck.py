"""``linkcheck`` on sites whose posts are served at their own addresses: no broken link
and no warning comes of it. linkcheck checks a local link against the source folder,
where a post is still its file; the links between posts (by file, by Docusaurus'
address, with anchors, in raw HTML, ``{ref}`` to a post's label) must not be checked as
the output's addresses. The roots have no link to the network: nothing is fetched."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sphinx.util.console import strip_escape_sequences

FORMAT = {"blogposts_post_url": "{date:%Y/%m/%d}/{slug}"}


@pytest.mark.parametrize("root", ["permalinks-deep", "docusaurus-fixture-permalinks"])
def test_linkcheck_finds_nothing_broken(shared_build, root):
    app = shared_build(root, "linkcheck", confoverrides=FORMAT)
    assert strip_escape_sequences(app.warning.getvalue()).strip() == ""
    lines = Path(app.outdir, "output.json").read_text(encoding="utf-8").splitlines()
    results = [json.loads(line) for line in lines]
    assert results, "the roots have links linkcheck looks at"
    assert [r for r in results if r["status"] not in ("working", "unchecked")] == []
