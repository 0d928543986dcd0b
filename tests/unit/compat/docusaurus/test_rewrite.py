"""Docusaurus/MDX syntax rewritten to MyST line for line (``compat/docusaurus/rewrite.py``).

The contract: each output line stands where its source line stood (so MyST's warnings
point at the line the author wrote), code is never touched, and JSX with no HTML form
keeps its text and is reported. The one documented exception: a ``<TabItem>`` opened
and closed on one line becomes three lines, since a directive needs its own lines.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from sphinx_blogposts.compat.docusaurus.html_tags import FILLER
from sphinx_blogposts.compat.docusaurus.rewrite import Preprocessor, Result

from ... import PROPERTY


def run(
    text: str, has_title: bool = True, design: bool = False, static: Path | None = None
) -> Result:
    return Preprocessor(design, static, Path("/site/blog")).run(text, 0, has_title)


def rewritten(text: str, **kwargs: object) -> list[str]:
    result = run(text, **kwargs)  # type: ignore[arg-type]
    assert result.text.count("\n") == text.count("\n")
    return result.text.split("\n")


def test_plain_markdown_is_left_as_it_is() -> None:
    text = "Some *text*.\n\n## A section\n\n- a list\n"
    result = run(text)
    assert (result.text, result.changed, result.unknown_jsx) == (text, False, [])


def test_admonitions_become_colon_fences_of_the_admonition_directive() -> None:
    assert rewritten(":::tip\nUse it.\n:::") == [":::{blogposts-admonition} tip", "Use it.", ":::"]
    assert (
        rewritten(":::note Read this\nText\n:::")[0] == ":::{blogposts-admonition} note Read this"
    )
    assert rewritten(":::warning[Careful now]\nText\n:::")[0] == (
        ":::{blogposts-admonition} warning Careful now"
    )


def test_an_outer_admonition_gets_more_colons_than_the_one_inside() -> None:
    assert rewritten(":::info\nOuter\n:::danger\nInner\n:::\n:::") == [
        "::::{blogposts-admonition} info",
        "Outer",
        ":::{blogposts-admonition} danger",
        "Inner",
        ":::",
        "::::",
    ]


def test_an_unknown_word_after_the_colons_is_no_admonition() -> None:
    text = ":::tipping point\ntext\n"
    assert run(text).text == text


def test_imports_and_exports_become_blank_lines() -> None:
    text = (
        "import Tabs from '@theme/Tabs';\nimport {\n  A,\n  B,\n} from './x';\n"
        "export const n = 1;\n\nText"
    )
    assert rewritten(text) == ["", "", "", "", "", "", "", "Text"]


def test_an_import_in_the_text_is_only_a_word() -> None:
    text = "Text.\n\n  import this is prose\n"
    assert run(text).text == text


def test_mdx_comments_are_removed_and_truncate_becomes_the_html_marker() -> None:
    assert rewritten("Before {/* hidden */} after") == ["Before  after"]
    assert rewritten("{/* truncate */}") == ["<!-- truncate -->"]
    assert rewritten("Keep {/* start\nall of this\nends */} kept") == ["Keep ", "", " kept"]


def test_comment_expressions_with_spaces_or_several_comments_are_removed_too() -> None:
    assert rewritten("Before { /* hidden */ } after") == ["Before  after"]
    assert rewritten("a {/* one */ /* two */} b {\t/*x*/\t} c") == ["a  b  c"]
    assert rewritten("Keep { /* start\nall of this\nends */ } kept") == ["Keep ", "", " kept"]
    assert rewritten("x {/* a */} y { /* open\nstill\n*/ }") == ["x  y ", "", ""]


def test_braces_that_hold_more_than_comments_are_not_a_comment() -> None:
    for text in (
        "{/* a */ value}",  # an expression with code
        "{/* a */ b /* c */}",  # a comment ends at its first */
        "\\{/* escaped */}",  # \{ is the brace itself
        "`{ /* in code */ }`",
    ):
        assert rewritten(text) == [text], text
    # an expression that is no comment, over two lines: the next line is kept
    assert rewritten("{/* a */ b\nnext */}") == ["{/* a */ b", "next */}"]


def test_a_heading_ending_in_a_hash_comment_gets_that_id() -> None:
    """Docusaurus 3.10: the heading's last element, one comment, ``#`` then the id."""
    assert rewritten("## Stage 0: Class Properties { /*#stage-0:-class-properties*/ }") == [
        "## Stage 0: Class Properties {#stage\\-0\\:\\-class\\-properties}"
    ]
    assert rewritten("## *Bold* {/* #my_id and a note */} ##") == ["## *Bold* {#my\\_id}"]
    assert rewritten("## {/* #only-id */}") == ["## {#only\\-id}"]


def test_the_id_reads_back_as_written_whatever_its_punctuation() -> None:
    """The ``{#id}`` is read by MyST: no character of the id may turn into Markdown."""
    for id_ in ("stage-0:-class-properties", "a*b*", "_x_", "a`b`", "[x](y)", "&amp;", "<b>"):
        line = rewritten(f"## T {{ /*#{id_}*/ }}")[0]
        inline = MarkdownIt("commonmark").parse(line)[1]
        assert [child.type for child in inline.children or []] == ["text"], id_
        assert inline.children[0].content == f"T {{#{id_}}}"


def test_other_comments_in_headings_are_dropped_without_an_id() -> None:
    for text, expected in (
        ("## Title {/* a note */}", "## Title "),  # no leading #
        ("## Title {/* # */}", "## Title "),  # no id after the #
        ("## Title {/* #a */ /* #b */}", "## Title "),  # two comments
        ("## Title {/* #a */} more", "## Title  more"),  # not the last element
        ("Text {/* #a */}", "Text "),  # not a heading
        ("## Title {/* #a{b} */}", "## Title "),  # braces: no {#id} can carry it
    ):
        assert rewritten(text) == [expected], text
    # in a container, a heading is no section: no id either
    assert rewritten(":::tip\n## Inside {/* #x */}\n:::")[1] == "## Inside "


def test_tabs_become_a_container_of_tab_directives() -> None:
    text = (
        "<Tabs>\n"
        '  <TabItem value="js" label="JavaScript">\n'
        "    `npm i`\n"
        "  </TabItem>\n"
        "  <TabItem value='py'>\n"
        "    pip\n"
        "  </TabItem>\n"
        "</Tabs>"
    )
    assert rewritten(text) == [
        "::::{container} blogposts-tabs",
        ":::{blogposts-tab} JavaScript",
        "`npm i`",  # JSX content dedented: four spaces would make it a code block
        ":::",
        ":::{blogposts-tab} py",  # no label: the value
        "pip",
        ":::",
        "::::",
    ]


def test_with_sphinx_design_tabs_are_its_tab_set() -> None:
    lines = rewritten("<Tabs>\n<TabItem value='a' label='A'>\nx\n</TabItem>\n</Tabs>", design=True)
    assert lines[0] == "::::{tab-set}" and lines[1] == ":::{tab-item} A"


def test_old_tabs_take_their_labels_from_the_values_list() -> None:
    text = (
        "<Tabs\n"
        "  values={[\n"
        "    {label: 'Apple', value: 'apple'},\n"
        "    {value: 'pear', label: 'Pear'},\n"
        "  ]}>\n"
        "<TabItem value='apple'>\nA\n</TabItem>\n"
        "<TabItem value='pear'>\nP\n</TabItem>\n"
        "</Tabs>"
    )
    lines = rewritten(text)
    assert lines[:5] == ["::::{container} blogposts-tabs", "", "", "", ""]
    assert lines[5] == ":::{blogposts-tab} Apple"
    assert lines[8] == ":::{blogposts-tab} Pear"


def test_a_one_line_tab_item_is_the_one_line_that_becomes_three() -> None:
    text = "<Tabs>\n<TabItem value='a' label='A'>Short</TabItem>\n</Tabs>"
    assert run(text).text.split("\n") == [
        "::::{container} blogposts-tabs",
        ":::{blogposts-tab} A",
        "Short",
        ":::",
        "::::",
    ]


def test_details_with_its_summary_become_the_details_directive() -> None:
    assert rewritten(
        "<details>\n<summary>More <b>info</b></summary>\n\nHidden *text*\n</details>"
    ) == [
        ":::{blogposts-details} More info",
        "",
        "",
        "Hidden *text*",
        ":::",
    ]
    assert rewritten("<details><summary>A &amp; B</summary>\nx\n</details>")[0] == (
        ":::{blogposts-details} A & B"
    )


def test_a_heading_that_skips_a_level_is_brought_up() -> None:
    assert rewritten("## Two\n#### Four\n") == ["## Two", "### Four", ""]
    # without a title the first heading may be anything
    assert rewritten("### Three\n", has_title=False) == ["### Three", ""]


def test_code_is_never_touched() -> None:
    text = (
        "```mdx\nimport X from 'x';\n:::tip\n<Tabs>\n{/* c */}\n#### h\n```\n"
        "~~~\n<img width={1} />\n~~~\n"
    )
    assert run(text).text == text


def test_a_myst_directive_fence_holds_markdown_that_is_rewritten() -> None:
    lines = rewritten("```{note}\n:::tip\nx\n:::\n```")
    assert lines[1] == ":::{blogposts-admonition} tip"


def test_jsx_attributes_become_html() -> None:
    assert rewritten('<div className="box" style={{maxWidth: 600}}>\n\nText\n\n</div>') == [
        '<div class="box" style="max-width: 600px">',
        "",
        "Text",
        "",
        "</div>",
    ]


def test_a_tag_over_several_lines_is_joined_on_its_first_line() -> None:
    text = "<img\n  src='https://example.org/a.png'\n  width={200}\n/>\n\nText"
    assert rewritten(text) == [
        '<img src="https://example.org/a.png" width="200" />',
        "",
        "",
        "",
        "",
        "Text",
    ]


def test_a_tag_joined_inside_a_paragraph_leaves_fillers_so_the_paragraph_goes_on() -> None:
    lines = rewritten("See <a\n  href='https://x.org'>this</a> here.")
    # plain HTML (quotes either way): joined, not rewritten
    assert lines == ["See <a href='https://x.org'>this</a> here.", FILLER]


def test_a_plain_image_becomes_a_markdown_image_so_sphinx_copies_its_file() -> None:
    assert rewritten("<img src={require('./a b.png').default} alt='An [x]' />") == [
        r"![An [x\]](./a%20b.png)"
    ]
    # more than a Markdown image can say: stays HTML
    assert rewritten("<img src='a.png' width={3} />") == ['<img src="a.png" width="3" />']


def test_root_paths_lead_into_the_static_folder(tmp_path: Path) -> None:
    static = tmp_path / "static"
    (static / "img").mkdir(parents=True)
    (static / "img" / "a.png").write_bytes(b"")
    doc_dir = tmp_path / "blog" / "2024"
    result = Preprocessor(False, static, doc_dir).run(
        "![A](/img/a.png)\n![B](/img/missing.png)\n<img src='/img/a.png' />", 0, True
    )
    assert result.text.split("\n") == [
        "![A](../../static/img/a.png)",
        "![B](/img/missing.png)",  # not in the static folder: as written (reported elsewhere)
        "![](../../static/img/a.png)",
    ]


def test_unknown_components_lose_their_tags_not_their_text_and_are_reported() -> None:
    result = run("Intro\n\n<Highlight color='red'>Important</Highlight> and <Badge />\n")
    assert result.text == "Intro\n\nImportant and \n"
    assert result.unknown_jsx == [
        (3, "<Highlight color='red'>"),
        (3, "</Highlight>"),
        (3, "<Badge />"),
    ]


def test_an_element_with_no_html_form_loses_its_closing_tag_too() -> None:
    result = run("<div {...props}>\n\nInside\n\n</div>\n")
    assert result.text == "\n\nInside\n\n\n"
    assert [line for line, _ in result.unknown_jsx] == [1, 5]


#: Lines of every construct the rewriter knows, but the one-line ``<TabItem>``.
CONSTRUCTS = [
    "",
    "Text with `code` and *emphasis*.",
    "# Title",
    "### Deep heading",
    ":::tip",
    ":::note[Titled]",
    ":::",
    "::::",
    "```",
    "```js",
    "~~~",
    "import A from 'a';",
    "import {",
    "} from 'b';",
    "export const x = 1;",
    "{/* truncate */}",
    "{/* open",
    "close */}",
    "Text {/* inline */} text",
    "{ /* spaced",
    "*/ }",
    "## Heading { /*#an-id*/ }",
    "<Tabs>",
    "<Tabs",
    "  values={[{label: 'A', value: 'a'}]}>",
    "<TabItem value='a'>",
    "</TabItem>",
    "</Tabs>",
    "<details>",
    "<summary>Sum</summary>",
    "</details>",
    "<figure>",
    "<figcaption>Cap</figcaption>",
    "</figure>",
    "<img",
    "  src='/img/x.png'",
    "  style={{width: 3}}",
    "/>",
    "<div className='a' {...rest}>",
    "</div>",
    "<Unknown prop={x}>",
    "    indented text",
]


@PROPERTY
@given(st.lists(st.sampled_from(CONSTRUCTS), max_size=30), st.booleans())
def test_every_output_has_as_many_lines_as_its_input(lines: list[str], has_title: bool) -> None:
    text = "\n".join(lines)
    result = run(text, has_title=has_title)
    assert result.text.count("\n") == text.count("\n")
    assert result.changed is (result.text != text)
    assert all(1 <= line <= len(lines) for line, _ in result.unknown_jsx)


def test_the_front_matter_before_the_body_is_never_touched() -> None:
    text = "---\nexport: false\n---\nexport const x = 1;\nText"
    result = Preprocessor(False, None, Path(".")).run(text, 3, True)
    assert result.text.split("\n") == ["---", "export: false", "---", "", "Text"]


def test_backticks_in_a_tags_braces_are_a_template_literal_not_code() -> None:
    text = "<img\n  srcSet={`${useBaseUrl('/img/a.png')} 1x`}\n/>\n\nRun `make` and `<b>` stays.\n"
    lines = rewritten(text)
    assert lines[0] == '<img srcset="/img/a.png 1x" />'
    assert lines[4] == "Run `make` and `<b>` stays."
    assert run(text).unknown_jsx == []
