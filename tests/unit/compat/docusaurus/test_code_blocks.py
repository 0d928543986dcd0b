"""The pure rules behind Docusaurus code blocks: info strings, ranges, magic comments,
Prism's language names, where fences are, and ``<CodeBlock>`` written as a fence."""

from __future__ import annotations

from pathlib import Path

import pytest
from pygments.lexers import find_lexer_class_by_name
from pygments.util import ClassNotFound

from sphinx_blogposts.compat.docusaurus import code_component, code_meta
from sphinx_blogposts.compat.docusaurus.code_meta import FenceInfo, parse_info
from sphinx_blogposts.compat.docusaurus.codeblocks import known_lexer
from sphinx_blogposts.compat.docusaurus.rewrite import Preprocessor


@pytest.mark.parametrize(
    ("info", "expected"),
    [
        ("", FenceInfo()),
        ("js", FenceInfo("js")),
        ('js title="a b.js"', FenceInfo("js", title="a b.js")),
        ("py title='x.py'", FenceInfo("py", title="x.py")),
        ("""js title='say "hi"'""", FenceInfo("js", title='say "hi"')),
        ("jsx {1,4-6,11}", FenceInfo("jsx", ranges="1,4-6,11")),
        ("js showLineNumbers", FenceInfo("js", first_line=1)),
        ("js showLineNumbers=5", FenceInfo("js", first_line=5)),
        ("js showLineNumbers=x", FenceInfo("js", first_line=1)),
        (
            'ts {2} title="t.ts" showLineNumbers=10',
            FenceInfo("ts", title="t.ts", ranges="2", first_line=10),
        ),
        # Docusaurus reads options from the words after the language only.
        ('title="x"', FenceInfo('title="x"')),
        ("js title=x", FenceInfo("js")),
        ("  sh\t npm2yarn  ", FenceInfo("sh")),
    ],
)
def test_parse_info(info: str, expected: FenceInfo) -> None:
    assert parse_info(info) == expected


@pytest.mark.parametrize(
    ("spec", "lines", "expected"),
    [
        ("1", 3, [1]),
        ("1,4-6", 9, [1, 4, 5, 6]),
        ("3-1", 9, [1, 2, 3]),
        ("0,2", 3, [2]),
        ("2-99", 4, [2, 3, 4]),
        ("1,,x-,-2,5--6,3", 9, [1, 3]),
        ("1-1000000000", 2, [1, 2]),  # no giant range is ever built
    ],
)
def test_parse_ranges(spec: str, lines: int, expected: list[int]) -> None:
    assert code_meta.parse_ranges(spec, lines) == expected


@pytest.mark.parametrize(
    ("language", "code", "kept", "lines"),
    [
        ("js", "a\n// highlight-next-line\nb\nc", "a\nb\nc", [2]),
        ("js", "a\n  /* highlight-start */\nb\nc\n/*highlight-end*/\nd", "a\nb\nc\nd", [2, 3]),
        ("jsx", "a\n{/* highlight-next-line */}\nb", "a\nb", [2]),
        ("tsx", "  {  /* highlight-next-line */  }\nb", "b", [1]),
        ("python", "# highlight-next-line\na\nb", "a\nb", [1]),
        ("html", "<!-- highlight-next-line -->\n<p>", "<p>", [1]),
        ("lua", "-- highlight-next-line\nx", "x", [1]),
        ("sql", "/* highlight-next-line */\nx\n-- highlight-next-line\ny", "x\ny", [1, 2]),
        ("tex", "% highlight-next-line\nx", "x", [1]),
        ("wasm", ";; highlight-next-line\nx", "x", [1]),
        ("vb", "' highlight-next-line\nx\nREM highlight-next-line\ny", "x\ny", [1, 2]),
        ("ocaml", "(* highlight-next-line *)\nx", "x", [1]),
        ("cobol", "*> highlight-next-line\nx", "x", [1]),
        ("fortran", "! highlight-next-line\nx", "x", [1]),
        # any other language: the popular styles
        ("rust", "// highlight-next-line\na\n# highlight-next-line\nb", "a\nb", [1, 2]),
        # a style the language does not have is code
        ("python", "// highlight-next-line\na", "// highlight-next-line\na", []),
        ("js", "# highlight-next-line\na", "# highlight-next-line\na", []),
        # not alone on its line: code
        ("js", "a(); // highlight-next-line\nb", "a(); // highlight-next-line\nb", []),
        # no language: no magic comments, as in Docusaurus
        ("", "// highlight-next-line\na", "// highlight-next-line\na", []),
        # an end without a start highlights from the first line, as Docusaurus does
        ("js", "a\nb\n// highlight-end\nc", "a\nb\nc", [1, 2]),
    ],
)
def test_strip_magic_comments(language: str, code: str, kept: str, lines: list[int]) -> None:
    assert code_meta.strip_magic_comments(code, language) == (kept, lines)


@pytest.mark.parametrize(
    ("prism", "lexer"),
    [
        ("js", "js"),
        ("jsx", "jsx"),
        ("tsx", "tsx"),
        ("vue", "vue"),
        ("sh", "sh"),
        ("flow", "typescript"),
        ("hbs", "handlebars"),
        ("handlebars", "handlebars"),
        ("gql", "graphql"),
        ("graphql", "graphql"),
        ("mdx", "markdown"),
        ("jsonc", "json"),
        ("shellsession", "console"),
        ("svelte", "html"),
        ("markup", "html"),
        ("kts", "kotlin"),
        ("JSONC", "json"),
        ("nosuchlang", "text"),
        ("shell=", "text"),
        ("", "text"),
    ],
)
def test_lexer_name(prism: str, lexer: str) -> None:
    assert code_meta.lexer_name(prism, known_lexer) == lexer


def test_the_prism_table_maps_only_names_pygments_lacks_to_lexers_it_has() -> None:
    def pygments_knows(name: str) -> bool:
        try:
            find_lexer_class_by_name(name)
        except ClassNotFound:
            return False
        return True

    assert [name for name in code_meta.PRISM_TO_PYGMENTS if pygments_knows(name)] == []
    assert [
        lexer for lexer in code_meta.PRISM_TO_PYGMENTS.values() if not pygments_knows(lexer)
    ] == []


def test_a_lexer_added_to_sphinx_counts_as_known() -> None:
    assert code_meta.lexer_name("flow", lambda name: name == "flow") == "flow"
    assert code_meta.lexer_name("flow", lambda name: False) == "text"


def test_fence_infos() -> None:
    text = "\n".join(
        [
            "---",  # 1
            "title: x",
            "---",
            '```js title="a.js"',  # 4
            "code",
            "```",
            "```{note}",  # 7: a directive, whose content is Markdown
            "````py",  # 8
            "```",  # code
            "````",
            "```",
            "> ```sh",  # 12: in a block quote
            "> ls",
            "> ```",
            "   ```.```   ``````",  # 15: backticks in the info string: no fence
            "~~~",  # 16: no info
            "> ```",  # code
            "~~~",
        ]
    )
    assert code_meta.fence_infos(text) == {
        4: 'js title="a.js"',
        8: "py",
        12: "sh",
        16: "",
    }


def rewritten(text: str) -> str:
    lines = text.split("\n")
    end = code_component.rewrite(lines, 0)
    assert end is not None
    return "\n".join(lines)


def test_codeblock_template_literal_keeps_every_line() -> None:
    source = "\n".join(
        [
            '<CodeBlock language="jsx" title="/src/Hello.js" showLineNumbers>',
            "  {`function Hello() {",
            "  return <h1>Hi</h1>;",
            "}`}",
            "</CodeBlock>",
        ]
    )
    assert rewritten(source).split("\n") == [
        '```jsx showLineNumbers title="/src/Hello.js"',
        "function Hello() {",
        "  return <h1>Hi</h1>;",
        "}",
        "```",
    ]


def test_codeblock_indented_tag_over_several_lines() -> None:
    source = "\n".join(
        [
            "  <CodeBlock",
            '    language="py"',
            "    title='say \"hi\"'",
            "    showLineNumbers={5}",
            '    metastring="{1}"',
            "  >",
            "    {`if x:",
            "    pass",
            "`}",
            "  </CodeBlock>",
        ]
    )
    assert rewritten(source).split("\n") == [
        "",
        "",
        "",
        "",
        "",
        "  ```py showLineNumbers=5 {1} title='say \"hi\"'",
        # the fence's indentation, which CommonMark takes off again
        "  if x:",
        "      pass",
        "  ```",
        "",
    ]


def test_codeblock_one_line_takes_the_empty_line_after_it() -> None:
    source = '<CodeBlock language="js">{`a \\` \\${b} \\\\n`}</CodeBlock>\n\nafter'
    assert rewritten(source) == "```js\na ` ${b} \\n\n```\nafter"


def test_codeblock_tilde_fence_when_the_info_has_backticks() -> None:
    source = '<CodeBlock language="js" title="`x`">\n{`~~~\n\\`\\`\\`\\`\n`}\n</CodeBlock>'
    assert rewritten(source).split("\n") == ['~~~~js title="`x`"', "~~~", "````", "~~~~", ""]


@pytest.mark.parametrize(
    "source",
    [
        '<CodeBlock language="js">{code}</CodeBlock>',  # a variable: React's to evaluate
        '<CodeBlock language="js" />',
        "<CodeBlock language={lang}>{`x`}</CodeBlock>",
        '<CodeBlock language="js">{`x`}</CodeBlock> and more text',
        '<CodeBlock language="js">\n<b>markup</b>\n</CodeBlock>',
        '<CodeBlock language="js">{`never closed',
    ],
)
def test_codeblock_left_to_the_jsx_rewrite(source: str) -> None:
    lines = source.split("\n")
    assert code_component.rewrite(lines, 0) is None
    assert lines == source.split("\n")


def test_codeblock_in_tabs_through_the_preprocessor() -> None:
    """Inside a tab, the tab's indentation goes and the code keeps its own."""
    source = "\n".join(
        [
            "<Tabs>",
            '  <TabItem value="a">',
            '    <CodeBlock language="js" title="a.js">',
            "      {`if (a) {",
            "  b();",
            "}`}",
            "    </CodeBlock>",
            "  </TabItem>",
            "</Tabs>",
        ]
    )
    result = Preprocessor(design=True, static_dir=None, doc_dir=Path(".")).run(source, 0, False)
    assert not result.unknown_jsx
    assert result.text.split("\n") == [
        "::::{tab-set}",
        ":::{tab-item} a",
        '```js title="a.js"',
        "if (a) {",
        "  b();",
        "}",
        "```",
        ":::",
        "::::",
    ]
