"""Under ``-j 2`` the generated pages and redirect pages are written by Sphinx's workers.

The blog is made here, big enough (60 posts, 2 per page) that there are more pages
than ``writing.parallel.MIN_ITEMS``, below which a fork would cost more than it saves.
"""

from __future__ import annotations

import os
from pathlib import Path

from sphinx_blogposts.reading.domain import domain_of
from sphinx_blogposts.writing.outputs import parallel
from sphinx_blogposts.writing.outputs.parallel import WorkersCache

POSTS = 60


def _blog(root: Path, file_addresses: bool = True) -> Path:
    (root / "blog").mkdir(parents=True)
    (root / "conf.py").write_text(
        'extensions = ["sphinx_blogposts"]\nproject = "P"\n'
        'html_baseurl = "https://example.org/"\nblogposts_posts_per_page = 2\n'
        'exclude_patterns = ["_build"]\n'
        # the posts at their files' addresses: each has a redirect at its Docusaurus one
        + ("blogposts_post_url = None\n" if file_addresses else ""),
        encoding="utf-8",
    )
    (root / "index.md").write_text("# Site\n\n```{postlist} 3\n:excerpts:\n```\n", "utf-8")
    for i in range(POSTS):
        folder = root / "blog" / f"2020-{1 + i // 28:02d}-{1 + i % 28:02d}-post-{i}"
        folder.mkdir()
        (folder / "index.md").write_text(
            f"---\ntitle: Post <{i}>\ntags: [t{i % 7}, t{i % 3}]\nauthors: [a{i % 2}]\n---\n\n"
            f"Opening of post {i}.\n\n<!-- truncate -->\n\nThe rest of post {i}.\n",
            encoding="utf-8",
        )
    return root


def _outputs(out: Path) -> dict[str, bytes]:
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in [*out.rglob("*.html"), *out.rglob("*.xml")]
        if not p.name.startswith(("search", "genindex"))
    }


def test_j2_writes_generated_and_redirect_pages_in_workers_with_the_same_bytes(make_app, tmp_path):
    outputs, writers = [], []
    for name, jobs in (("serial", 0), ("parallel", 2)):
        app = make_app("html", srcdir=_blog(tmp_path / name), freshenv=True, parallel=jobs)
        app.build()
        outputs.append(_outputs(Path(app.outdir)))
        writers.append(domain_of(app.env).cache.part(WorkersCache).writers)
    serial, in_parallel = outputs
    generated = [n for n in serial if n.startswith(("blog/tags/", "blog/page/", "blog/authors/"))]
    redirects = [n for n in serial if n.startswith("blog/2020/")]
    assert len(generated) > parallel.MIN_ITEMS and len(redirects) == POSTS
    assert set(serial) == set(in_parallel)
    for name, data in serial.items():
        assert in_parallel[name] == data, name
    assert not writers[0]  # -j 1: everything in this process
    # -j 2: by forked workers; the cards the list pages show, rendered once each by workers
    for what in ("pages", "redirects", "cards"):
        assert writers[1].get(what) and os.getpid() not in writers[1][what], what


def test_j2_writes_the_redirects_at_the_file_addresses_in_workers(make_app, tmp_path):
    """By default each post is at its Docusaurus address and its file's address is a
    redirect page: under ``-j 2`` the workers write those, byte for byte as ``-j 1``."""
    outputs, writers = [], []
    for name, jobs in (("serial", 0), ("parallel", 2)):
        srcdir = _blog(tmp_path / name, file_addresses=False)
        app = make_app("html", srcdir=srcdir, freshenv=True, parallel=jobs)
        app.build()
        outputs.append(_outputs(Path(app.outdir)))
        writers.append(domain_of(app.env).cache.part(WorkersCache).writers)
    serial, in_parallel = outputs
    redirects = {n for n, data in serial.items() if b"sphinx-blogposts redirect" in data}
    assert redirects == {f"blog/{p.name}/index.html" for p in (tmp_path / "serial/blog").iterdir()}
    assert len(redirects) == POSTS
    assert "blog/2020/01/01/post-0/index.html" in serial  # the post itself
    assert set(serial) == set(in_parallel)
    for name, data in serial.items():
        assert in_parallel[name] == data, name
    assert not writers[0]
    assert writers[1]["redirects"] and os.getpid() not in writers[1]["redirects"]


def test_workers_keep_only_the_log_records_the_build_shows(make_app, tmp_path):
    """A worker sends the main process every record it keeps; Sphinx's debug record of
    each page it writes holds the page's whole HTML. At the default verbosity a worker
    makes none (they would be dropped), and with ``-vv`` they are still shown."""
    import logging

    from sphinx.util import logging as sphinx_logging

    def work(chunk: list[int]) -> parallel.Done:
        log = sphinx_logging.getLogger("sphinx_blogposts.test")
        log.debug("DEBUG-FROM-WORKER %d", chunk[0])
        log.warning("WARNING-FROM-WORKER %d", chunk[0])
        debug = logging.getLogger(sphinx_logging.NAMESPACE).isEnabledFor(logging.DEBUG)
        return parallel.Done(counts={"debug": int(debug)})

    for verbosity, shown in ((0, False), (2, True)):
        app = make_app(
            "html", srcdir=_blog(tmp_path / f"v{verbosity}"), parallel=2, verbosity=verbosity
        )
        done = parallel.run_chunks(app, "test", list(range(4)), work)
        assert len(done) == 2 and all(d.pid != os.getpid() for d in done)
        assert [d.counts["debug"] for d in done] == [int(shown)] * 2
        assert app.warning.getvalue().count("WARNING-FROM-WORKER") == 2
        assert ("DEBUG-FROM-WORKER" in app.status.getvalue()) is shown
        # this process's own logging is as it was
        assert logging.getLogger(sphinx_logging.NAMESPACE).isEnabledFor(logging.DEBUG)
