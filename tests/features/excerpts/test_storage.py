"""Where excerpts live between builds: in each post's doctree, not in the environment.

The environment is loaded whole on every build, a no-change rebuild included; a
post's doctree only when a page needs it. These tests check that excerpts are not in
the environment, that the stored copy never shows on the post's own page in any
output format, and that an excerpt shown by a build that does not write its post
(loaded from the doctree) reads exactly as one resolved with its post.
"""

from __future__ import annotations

import pickle
import time
from pathlib import Path

import pytest
from docutils import nodes

from sphinx_blogposts.reading import excerpt
from tests.conftest import card, soup_of

OPENING = "Opening paragraph of post 8"


def test_the_environment_holds_no_excerpt(make_app, editable_root):
    app = make_app("html", srcdir=editable_root("paginated-blog"))
    app.build()
    env_bytes = Path(app.doctreedir, "environment.pickle").read_bytes()
    assert OPENING.encode() not in env_bytes
    assert b"stored_excerpt" not in env_bytes
    # ... it is in the post's own doctree, which Sphinx loads only when needed
    doctree = pickle.loads(Path(app.doctreedir, "blog/2024-02-09-post-8.doctree").read_bytes())
    # post 8's excerpt ends at its truncate marker: the doctree keeps where, not a copy
    assert not list(doctree.findall(excerpt.stored_excerpt))
    [cut] = doctree.findall(excerpt.excerpt_cut)
    assert cut["text"].startswith(OPENING) and not cut.children
    opening = [p for p in doctree.findall(nodes.paragraph) if OPENING in p.astext()]
    assert len(opening) == 1  # the post's own paragraph, once
    # what the lists show is cut from the doctree, as the post's page has it
    taken = excerpt.take(doctree)
    assert taken is not None and taken.astext().startswith(OPENING)
    assert not list(doctree.findall(excerpt.excerpt_cut))


def test_an_excerpt_not_cut_at_a_marker_is_kept_as_a_copy(make_app, editable_root):
    """Without a marker the excerpt is the first paragraph, kept as a copy of its own."""
    srcdir = editable_root("paginated-blog")
    post = srcdir / "blog/2024-02-09-post-8.md"
    post.write_text(post.read_text(encoding="utf-8").replace("<!-- truncate -->", ""), "utf-8")
    app = make_app("html", srcdir=srcdir)
    app.build()
    doctree = pickle.loads(Path(app.doctreedir, "blog/2024-02-09-post-8.doctree").read_bytes())
    assert not list(doctree.findall(excerpt.excerpt_cut))
    [stored] = doctree.findall(excerpt.stored_excerpt)
    assert stored.astext().startswith(OPENING) and stored["text"].startswith(OPENING)


@pytest.mark.parametrize("builder", ["html", "text", "dirhtml"])
def test_the_stored_excerpt_never_shows_on_the_post_page(make_app, editable_root, builder):
    app = make_app(builder, srcdir=editable_root("paginated-blog"))
    app.build()
    out = Path(app.outdir)
    text = "\n".join(
        p.read_text(encoding="utf-8")
        for p in out.rglob("*")
        if p.suffix in (".html", ".txt", ".tex")
        and "2024-02-09-post-8" in str(p)
        and "_sources" not in p.parts
    )
    assert text.count(OPENING) == 1, builder
    assert "stored_excerpt" not in text


def test_latex_lists_posts_it_does_not_include(make_app, editable_root):
    """LaTeX writes only the documents in the toctree: a postlist there names the posts
    (it once stopped the build: a post has no URI in a PDF)."""
    app = make_app("latex", srcdir=editable_root("paginated-blog"))
    app.build()
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert "Post number 14" in tex
    assert "stored_excerpt" not in tex and OPENING not in tex


def test_an_excerpt_loaded_from_its_doctree_reads_as_one_resolved_with_its_post(
    make_app, editable_root
):
    """Post 8's card on a tag page, first in a build that writes post 8 (the excerpt
    resolved with the page), then in one that writes only a list page: its excerpt is
    then loaded from the doctree and resolved alone. Both must give the same HTML."""
    srcdir = editable_root("paginated-blog")
    app = make_app("html", srcdir=srcdir)
    app.build()
    tag_page = Path(app.outdir, "blog/tags/group-2.html")
    first = str(card(soup_of(tag_page), "Post number 8"))
    # a change to another post of that tag rewrites the tag page, not post 8
    post = srcdir / "blog/2024-03-10-post-9.md"  # newer than 8: on the tag's first page
    source = post.read_text(encoding="utf-8")
    assert "group-2" not in source
    time.sleep(0.01)
    post.write_text(source.replace("tags: [", 'tags: ["group-2", ', 1), encoding="utf-8")
    post8 = Path(app.outdir, "blog/2024-02-09-post-8.html").stat().st_mtime_ns
    before = tag_page.stat().st_mtime_ns
    app2 = make_app("html", srcdir=srcdir)
    app2.build()
    assert tag_page.stat().st_mtime_ns != before  # the tag page was written again ...
    assert Path(app.outdir, "blog/2024-02-09-post-8.html").stat().st_mtime_ns == post8  # not 8
    again = card(soup_of(tag_page), "Post number 8")
    assert str(again) == first
    link = again.select_one(".blogposts-excerpt a")
    assert link is not None and link["href"].endswith("2024-01-02-post-1.html")
