"""No output file of any kind carries a front-matter value as live markup.

The post ``test-escaping/blog/2024-01-02-evil.md`` sets every front-matter field to
``"><script>alert(1)</script>``. Every file the build writes is scanned, whatever
its kind, so pages and files added later (feeds, JSON-LD, redirect pages) are
covered as soon as they exist; each kind is checked in its own context.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

PAYLOAD = '"><script>alert(1)</script>'
RAW = "<script>alert(1)"


def scan(outdir: Path) -> dict[str, int]:
    """Check every written file; return how many files of each suffix were checked."""
    seen: dict[str, int] = {}
    for path in sorted(outdir.rglob("*")):
        rel = path.relative_to(outdir).as_posix()
        if not path.is_file() or rel.startswith("_sources/"):
            # _sources/ holds verbatim copies of the sources, served as text/plain
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # images, fonts
        seen[path.suffix] = seen.get(path.suffix, 0) + 1
        if path.name == "searchindex.js":
            # JSON data: the payload may only be inside JSON strings, which the search
            # code inserts as text; the file must therefore parse as JSON
            body = text[text.index("(") + 1 : text.rindex(")")]
            json.loads(body)
            continue
        if path.suffix in (".xml", ".atom", ".rss"):
            root = ET.fromstring(text)  # well-formed, so no raw markup
            assert not [e for e in root.iter() if e.tag.endswith("script")], rel
        if path.suffix == ".json":
            json.loads(text)
            continue
        assert RAW not in text, f"{rel} contains an unescaped {RAW!r}"
    return seen


def test_no_output_file_carries_the_payload_unescaped(shared_build):
    app = shared_build("escaping")
    seen = scan(Path(app.outdir))
    assert seen.get(".html", 0) >= 8, seen
    # the payload is in the output (escaped), so the scan looked at the right files
    evil = Path(app.outdir, "blog/2024-01-02-evil.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)" in evil


def test_no_output_file_carries_the_payload_unescaped_dirhtml(shared_build):
    app = shared_build("escaping", "dirhtml")
    assert scan(Path(app.outdir)).get(".html", 0) >= 8
