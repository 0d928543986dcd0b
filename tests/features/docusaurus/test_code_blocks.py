"""Code blocks of Docusaurus posts look as Docusaurus showed them; other pages' do not change.

The root ``test-docusaurus-code`` has one post per rule (titles and line numbers, magic
comments, Prism's language names, code that does not lex, the ``<CodeBlock>``
component) and two pages that are no posts, a Markdown one and a reST one, whose bad
code blocks still warn as Sphinx warns. Its only other warning is one unknown JSX tag,
there to show that the rewrite kept every line of the component post in its place.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

from tests.conftest import build_copy, soup_of

TITLES = "blog/2024/01/01/titles/index.html"
MAGIC = "blog/2024/01/02/magic/index.html"
LANGUAGES = "blog/2024/01/03/languages/index.html"
BAD_CODE = "blog/2024/01/04/bad-code/index.html"
COMPONENT = "blog/2024/01/05/component/index.html"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    return build_copy(tmp_path_factory.mktemp("code"), "docusaurus-code")


def warnings(app: SphinxTestApp) -> list[str]:
    text = strip_escape_sequences(app.warning.getvalue())
    return [line for line in text.splitlines() if line.strip()]


def blocks(app: SphinxTestApp, name: str) -> list[Tag]:
    """The code blocks of a page's body, in order."""
    soup = soup_of(Path(app.outdir, name))
    return soup.select("div[role=main] div[class^=highlight-]")


def language(block: Tag) -> str:
    return next(c for c in block["class"] if c.startswith("highlight-")).removeprefix("highlight-")


def _without_numbers(block: Tag) -> Tag:
    """A copy of the block's ``pre`` without its line numbers."""
    pre = BeautifulSoup(str(block.select_one("pre")), "html.parser")
    for number in pre.select(".linenos"):
        number.decompose()
    return pre


def highlighted(block: Tag) -> list[str]:
    """The text of the emphasized lines (without their line numbers)."""
    return [line.get_text().rstrip("\n") for line in _without_numbers(block).select(".hll")]


def code(block: Tag) -> str:
    return _without_numbers(block).get_text()


def caption(block: Tag) -> str | None:
    wrapper = block.parent
    if "literal-block-wrapper" not in wrapper.get("class", []):
        return None
    return wrapper.select_one(":scope > div.code-block-caption > span.caption-text").get_text()


def test_only_other_pages_warn(built: SphinxTestApp) -> None:
    lines = warnings(built)
    ours = [w for w in lines if "/blog/" in w]
    # The one deliberate warning of a post, at the line written: the components above it
    # were rewritten line for line.
    assert len(ours) == 1, ours
    assert "2024-01-05-component.mdx:23:" in ours[0] and "[blogposts.mdx]" in ours[0]
    others = sorted(w for w in lines if "/blog/" not in w)
    assert len(others) == 4, lines
    assert all(w.endswith("[misc.highlighting_failure]") for w in others)
    located = sorted(w.split(": WARNING")[0].rsplit("/", 1)[1] for w in others)
    assert located == ["notes.md:11", "notes.md:15", "reference.rst:10", "reference.rst:6"]
    assert "'nosuchlexer' is not known" in " ".join(others)
    assert "'alsonosuchlexer' is not known" in " ".join(others)


def test_titles_become_captions(built: SphinxTestApp) -> None:
    found = blocks(built, TITLES)
    assert [caption(b) for b in found] == [
        "docusaurus.config.js",
        "my script.py",
        "ranges.js",
        None,
        "a--b.txt",  # as written: no typography
        "in-a-tip.js",
    ]
    wrapper = found[0].parent
    assert wrapper.name == "div" and wrapper.get("id")  # a permalink, as Sphinx's captions have
    assert wrapper.select_one("div.code-block-caption a.headerlink")["href"] == "#" + wrapper["id"]
    assert "title=" not in code(found[0])
    # A page that is no post: the same fence keeps Sphinx's reading (no caption).
    titled = blocks(built, "notes.html")[0]
    assert caption(titled) is None and "const notes = 1;" in code(titled)


def test_a_caption_in_an_excerpt(built: SphinxTestApp) -> None:
    """Excerpts lose their ids (they would clash); a captioned block gets one of its own,
    so Sphinx does not warn about it (see the warnings test)."""
    index = soup_of(Path(built.outdir, "blog/index.html"))
    wrappers = index.select("div.literal-block-wrapper")
    assert [w.select_one(".caption-text").get_text() for w in wrappers] == ["in-the-excerpt.js"]
    assert wrappers[0]["id"] == "excerpt-blog-2024-01-06-excerpt-1"


def test_ranges_and_line_numbers(built: SphinxTestApp) -> None:
    _, _, ranges, five, _, tip = blocks(built, TITLES)
    assert highlighted(tip) == ["tip();"]
    assert highlighted(ranges) == ["const one = 1;", "const three = 3;", "const four = 4;"]
    assert [n.get_text() for n in ranges.select(".linenos")] == ["1", "2", "3", "4", "5"]
    assert [n.get_text() for n in five.select(".linenos")] == ["5", "6"]
    assert code(five) == "echo five\necho six\n"


def test_magic_comments_highlight_lines_and_are_removed(built: SphinxTestApp) -> None:
    js, jsx, python, html, lua, ranged, foreign = blocks(built, MAGIC)
    assert highlighted(js) == ["const b = 2;", "const c = 3;", "const d = 4;"]
    assert code(js) == "const a = 1;\nconst b = 2;\nconst c = 3;\nconst d = 4;\nconst e = 5;\n"
    assert highlighted(jsx) == ["      <h1>Hello</h1>"]
    assert highlighted(python) == ["y = 2", "z = 3"]
    assert highlighted(html) == ["<p>two</p>"]
    assert highlighted(lua) == ["local b = 2"]
    for block in (js, jsx, python, html, lua):
        assert "highlight-" not in code(block)
    # With a {range}, Docusaurus highlights the range and leaves the comments as code.
    assert highlighted(ranged) == ["const ranged = 1;"]
    assert "// highlight-next-line" in code(ranged)
    # ``//`` is no comment in Python: that line is code.
    assert highlighted(foreign) == ["first = 1"]
    assert "// highlight-next-line" in code(foreign)
    # A page that is no post keeps its comments and highlights nothing.
    titled = blocks(built, "notes.html")[0]
    assert not titled.select(".hll") and "// highlight-next-line" in code(titled)


def test_prism_names_get_the_lexer_that_fits(built: SphinxTestApp) -> None:
    found = blocks(built, LANGUAGES)
    assert [language(b) for b in found] == [
        "typescript",  # flow
        "handlebars",  # hbs
        "graphql",  # gql
        "markdown",  # mdx
        "json",  # jsonc
        "console",  # shellsession
        "sh",
        "jsx",
        "tsx",
        "vue",
        "html",  # svelte
        "text",  # nosuchlang
        "text",  # shell=
        "text",  # no language, as Prism shows it
    ]
    # Highlighted by those lexers: a comment in JSON with comments, a prompt in a session.
    assert found[4].select_one(".c1").get_text() == "// a comment"
    assert found[5].select_one(".gp").get_text().startswith("$")
    assert not found[-1].select("pre span[class]")
    # Pages that are no posts keep the names as written (and warn, see above).
    assert [language(b) for b in blocks(built, "notes.html")] == ["js", "nosuchlexer", "js"]
    assert [language(b) for b in blocks(built, "reference.html")] == ["alsonosuchlexer", "js"]


def test_code_that_does_not_lex_is_highlighted_as_far_as_it_goes(built: SphinxTestApp) -> None:
    assert not [w for w in warnings(built) if "2024-01-04-bad-code" in w]
    ellipsis, jsx, json = blocks(built, BAD_CODE)
    assert [language(b) for b in (ellipsis, jsx, json)] == ["js", "js", "json"]
    assert ellipsis.select_one(".kd").get_text() == "const"
    assert "…" in code(ellipsis)
    assert jsx.select_one(".kd").get_text() == "function"
    assert json.select_one(".mi").get_text() == "1"


def test_codeblock_component(built: SphinxTestApp) -> None:
    template, plain, escaped = blocks(built, COMPONENT)
    assert caption(template) == "/src/components/Hello.js"
    assert language(template) == "jsx"
    assert code(template) == (
        "function Hello(props) {\n  return <h1>Hello, {props.name}</h1>;\n}\n"
    )
    assert [n.get_text() for n in template.select(".linenos")] == ["1", "2", "3"]
    # metastring="{2} title='plain.py'"
    assert caption(plain) == "plain.py"
    assert language(plain) == "python"
    assert code(plain) == "first = 1\nsecond = 2\n"
    assert highlighted(plain) == ["second = 2"]
    # A template literal's escapes resolved; its magic comment applied and removed.
    assert caption(escaped) is None
    assert code(escaped) == "const s = `tick`;\nconst t = ${s};\n"
    assert highlighted(escaped) == ["const t = ${s};"]
    text = soup_of(Path(built.outdir, COMPONENT)).select_one("div[role=main]").get_text()
    assert "CodeBlock>" not in text and "language=" not in text and "{`" not in text


def test_incremental_and_parallel(tmp_path: Path) -> None:
    """The result is in each post's doctree: an edit re-reads one post, -j reads in workers."""
    app = build_copy(tmp_path, "docusaurus-code")
    post = Path(app.srcdir, "blog/2024-01-01-titles.md")
    post.write_text(
        post.read_text(encoding="utf-8").replace('"docusaurus.config.js"', '"renamed.js"'),
        encoding="utf-8",
    )
    again = build_copy(tmp_path, "docusaurus-code", fresh=False)
    assert caption(blocks(again, TITLES)[0]) == "renamed.js"
    assert highlighted(blocks(again, MAGIC)[0]) == ["const b = 2;", "const c = 3;", "const d = 4;"]
    assert not [w for w in warnings(again) if "highlighting_failure" in w and "/blog/" in w]

    parallel_root = tmp_path / "parallel"
    parallel_root.mkdir()
    parallel = build_copy(parallel_root, "docusaurus-code", parallel=2)
    assert [w for w in warnings(parallel) if "/blog/" in w and "[blogposts.mdx]" not in w] == []
    assert caption(blocks(parallel, COMPONENT)[0]) == "/src/components/Hello.js"
    assert highlighted(blocks(parallel, MAGIC)[2]) == ["y = 2", "z = 3"]
    assert len([w for w in warnings(parallel) if "highlighting_failure" in w]) == 4
    shutil.rmtree(parallel_root)
