"""The MDX rewriter's fast path: plain Markdown posts skip the line-by-line rewrite.

``mdx.needs_rewrite`` decides from a few substring searches that a post holds nothing
the rewriter would change. Saying "nothing to do" wrongly would silently leave MDX
unconverted, so these tests check the decision against the rewriter itself: over every
Markdown source in the test projects, over generated documents, and in a real build.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from sphinx_blogposts.compat.docusaurus import mdx
from sphinx_blogposts.reading import frontmatter
from tests.conftest import ROOTS, blog_warnings, soup_of

SOURCES = sorted([*ROOTS.rglob("*.md"), *ROOTS.rglob("*.mdx")])


def project_of(path: Path) -> Path:
    return next(p for p in path.parents if p.parent == ROOTS)


def rewrite(text: str, body_start: int, has_title: bool, static: Path | None, doc_dir: Path):
    return mdx.Preprocessor(False, static, doc_dir).run(text, body_start, has_title)


def test_fast_path_agrees_with_the_rewriter_on_every_test_source():
    skipped, rewritten = [], []
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        fm = frontmatter.parse(text)
        body_start = fm.body_start if fm is not None else 0
        static = project_of(path) / "static"
        for has_title in (True, False):
            result = rewrite(
                text, body_start, has_title, static if static.is_dir() else None, path.parent
            )
            if not mdx.needs_rewrite(text, body_start, has_title):
                skipped.append(path)
                assert result.text == text and not result.changed, path
                assert result.unknown_jsx == [], path
            if result.changed:
                rewritten.append(path)
    # Both ways are exercised: most sources are plain, the Docusaurus ones are not.
    assert len(skipped) > len(SOURCES)
    assert {p.name for p in rewritten} >= {
        "2021-08-01-mdx-blog-post.mdx",
        "2020-02-02-old-tabs.md",
        "2022-09-09-figure.md",
        "index.mdx",
    }


@pytest.fixture(scope="module")
def static_folder(tmp_path_factory) -> Path:
    """A Docusaurus ``static/`` folder, so ``/img/...`` paths are rewritten for real."""
    root = tmp_path_factory.mktemp("site")
    (root / "static/img").mkdir(parents=True)
    (root / "static/img/a.png").write_bytes(b"png")
    (root / "blog").mkdir()
    return root


#: Each construct the rewriter handles, alone in a plain post: the fast path must see it.
CONSTRUCTS = [
    "import Tabs from '@theme/Tabs';",
    "export const x = 1;",
    "{/* a comment */}",
    "{ /* a spaced comment */ }",
    "## Heading { /*#an-id*/ }",
    "{/* truncate */}",
    "text {/* an open",
    ":::tip",
    "::::{note}\nInside.\n::::",  # the colons are counted again
    "<Tabs>",
    "<TabItem value='a'>A</TabItem>",
    "</Tabs>",
    "<Highlight color='red'>x</Highlight>",
    "<Zoom />",
    "<details>",
    "<DETAILS><summary>More</summary>",
    "<figure>",
    "text</figcaption>",
    '<img src={require("./a.png").default} alt="a" />',
    '<IMG SRC="/img/a.png">',
    '<p style={{color: "red"}}>x</p>',
    "![a](/img/a.png)",
    "# One\n\n### Three",
]


@pytest.mark.parametrize("construct", CONSTRUCTS)
def test_each_construct_takes_the_full_rewrite(construct, static_folder):
    text = f"---\ntitle: T\n---\n\nPlain words.\n\n{construct}\n\nMore words.\n"
    assert mdx.needs_rewrite(text, 3, False)
    result = rewrite(text, 3, False, static_folder / "static", static_folder / "blog")
    assert result.changed or result.unknown_jsx, construct  # the list above is not stale


LINES = st.one_of(
    st.sampled_from(
        [
            "",
            "Plain text.",
            "# One",
            "## Two",
            "### Three",
            "#### Four",
            "####### seven",
            "#nospace",
            "  ## indented",
            "```",
            "```python",
            "```{note}",
            "````",
            "~~~",
            "  ```",
            "\u00a0```",
            "\t~~~ js",
            ":::tip",
            ":::",
            "::: ",
            "<Tabs>",
            "</Tabs>",
            '<TabItem value="a">',
            "</TabItem>",
            "<details>",
            "</details>",
            "<figure>",
            "import X from 'y'",
            "export default X",
            "importance",
            "{/* c */}",
            "{ /* c */ }",
            "## h {/* #i */}",
            "{/*",
            "*/}",
            "<!-- truncate -->",
            "`<Foo>` in code",
            "a <b>c</b> d",
            "![a](/img/a.png)",
            "![a](img/a.png)",
            "[link](/docs/x)",
            '<img src="/img/a.png" />',
            "x style={{a: 1}}",
            "<img",
            '  alt="x"',
            "/>",
            '<a href="x">',
            "<div className={'a'}>",
            "text\r",
        ]
    ),
    st.text(alphabet="ab #`~:<>{}/*![]()-=\tAZ\n", max_size=12),
)


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    lines=st.lists(LINES, max_size=12),
    body_start=st.integers(min_value=0, max_value=3),
    has_title=st.booleans(),
)
@example(lines=["```{note}", "### deep"], body_start=0, has_title=True)
@example(lines=["# a", "```", "## b", "```", "### c"], body_start=0, has_title=False)
@example(lines=["# a", "```", "x", "\u00a0```", "### c"], body_start=0, has_title=False)
@example(lines=["# a", "~~~", "\t~~~", "### c"], body_start=0, has_title=False)
@example(lines=["<a*", ">"], body_start=0, has_title=False)
@example(lines=["<img", '  alt="x"', "/>"], body_start=0, has_title=False)
@example(lines=["<p", ">"], body_start=0, has_title=False)
def test_fast_path_never_skips_a_change(static_folder, lines, body_start, has_title):
    text = "\n".join(lines)
    result = rewrite(text, body_start, has_title, static_folder / "static", static_folder / "blog")
    if not mdx.needs_rewrite(text, body_start, has_title):
        assert result.text == text
        assert not result.changed and result.unknown_jsx == []


def test_build_rewrites_only_the_posts_that_need_it(make_app, editable_root, monkeypatch):
    """In a real build, plain posts skip the rewrite and MDX posts still get it."""
    seen: list[Path] = []
    real_run = mdx.Preprocessor.run

    def counted(self, text, body_start, has_title):
        seen.append(self.doc_dir)
        return real_run(self, text, body_start, has_title)

    monkeypatch.setattr(mdx.Preprocessor, "run", counted)
    srcdir = editable_root("docusaurus")
    app = make_app("html", srcdir=srcdir)
    app.build()
    app.cleanup()
    # the seven posts with MDX syntax (six files in blog/, one in a folder); not the plain ones
    assert sorted(p.relative_to(srcdir).as_posix() for p in seen) == [
        *["blog"] * 6,
        "blog/2022-01-10-release-2.0",
    ]
    out = Path(app.outdir)
    mdx_post = soup_of(out / "blog/2021/08/01/mdx-blog-post/index.html")
    assert mdx_post.select_one(".sd-tab-set") is not None  # <Tabs> was rewritten
    plain = soup_of(out / "blog/2022/03/15/hello-again/index.html")
    assert plain.select_one(".blogposts-post-header") is not None
    assert len([w for w in blog_warnings(app) if "[blogposts.mdx]" in w]) == 1
