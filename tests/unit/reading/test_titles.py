"""A Markdown post's one H1 (``reading/titles.py``), by Docusaurus' rule, line for line.

Docusaurus titles a post by its front-matter ``title``, else by an opening H1, else by
its file name's text; Sphinx titles a page by its first section, so the post gets
exactly one H1 and every later heading sits below it.
"""

from __future__ import annotations

import pytest

from sphinx_blogposts.reading.titles import escape, name_title, retitle


@pytest.mark.parametrize(
    ("docname", "blog_path", "title"),
    [
        ("blog/2021-08-26-welcome", "blog", "welcome"),
        ("blog/2021-08-26-welcome/index", "blog", "welcome"),
        ("blog/2021/08/26/welcome", "blog", "welcome"),
        ("blog/2021/08/26/welcome/index", "blog", "welcome"),
        ("blog/team-a/2021-08-26-welcome", "blog", "welcome"),
        ("blog/my-post", "blog", "my-post"),  # no date: the whole name
        ("blog/my-post/index", "blog", "my-post"),
        ("blog/2021-08-26", "blog", "2021-08-26"),  # nothing but a date: the file name
        ("news/2021-08-26-elsewhere", "blog", "elsewhere"),  # outside the blog: the file's
        ("blog/2021-08-26-x", "/blog/", "x"),  # the blog path as written in conf.py
        ("2021-08-26-top", "", "top"),
    ],
)
def test_name_title(docname: str, blog_path: str, title: str) -> None:
    assert name_title(docname, blog_path) == title


def test_escape_shows_markdown_characters_as_text() -> None:
    assert escape("C++ *is* [fun](x) <b> #1 `code` a_b") == (
        r"C\+\+ \*is\* \[fun\]\(x\) \<b\> \#1 \`code\` a\_b"
    )
    assert escape("  two\n  lines ") == "two lines"


def lines_of(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def test_a_front_matter_title_replaces_the_opening_h1_in_its_line() -> None:
    lines = lines_of("---\ntitle: New\n---\n# Old\n\nText.\n")
    assert retitle(lines, 3, "New", "file-name") is True
    assert "".join(lines) == "---\ntitle: New\n---\n# New\n\nText.\n"


def test_an_opening_h1_without_a_front_matter_title_is_kept() -> None:
    text = "---\ndate: 2024-01-02\n---\n\n# The heading\n\nText.\n"
    lines = lines_of(text)
    assert retitle(lines, 3, None, "file-name") is False
    assert "".join(lines) == text


def test_a_setext_h1_is_replaced_by_one_line_and_a_blank_one() -> None:
    lines = lines_of("---\ntitle: New\n---\nOld title\n=========\nText.\n")
    assert retitle(lines, 3, "New", "f") is True
    assert lines == ["---\n", "title: New\n", "---\n", "# New\n", "\n", "Text.\n"]


def test_without_title_or_h1_the_file_name_takes_the_blank_line_after_the_front_matter() -> None:
    lines = lines_of("---\ndate: 2024-01-02\n---\n\n## Section\n")
    assert retitle(lines, 3, None, "welcome") is True
    assert "".join(lines) == "---\ndate: 2024-01-02\n---\n# welcome\n## Section\n"


def test_a_title_is_escaped_as_markdown() -> None:
    lines = lines_of("---\ntitle: x\n---\n\nText.\n")
    retitle(lines, 3, "Why *C++* [rocks]", "f")
    assert lines[3] == "# Why \\*C\\+\\+\\* \\[rocks\\]\n"


def test_without_a_blank_line_the_title_is_inserted() -> None:
    lines = lines_of("---\ntitle: T\n---\nText.\n")
    assert retitle(lines, 3, "T", "f") is True
    assert "".join(lines) == "---\ntitle: T\n---\n# T\n\nText.\n"


def test_a_closing_fence_that_ends_the_file_keeps_its_own_line() -> None:
    # a bug found here: "---# T" closed no front matter, and the post had no title
    lines = ["---\n", "title: T\n", "---"]
    assert retitle(lines, 3, "T", "f") is True
    assert "".join(lines) == "---\ntitle: T\n---\n# T\n\n"


def test_an_h1_after_a_paragraph_is_a_heading_of_the_content() -> None:
    lines = lines_of("---\ntitle: T\n---\n\nIntro.\n\n# Part one\n\n## Detail\n")
    assert retitle(lines, 3, "T", "f") is True
    # the title takes the blank line; the later H1 and what is under it go one level down
    assert "".join(lines) == "---\ntitle: T\n---\n# T\nIntro.\n\n## Part one\n\n### Detail\n"


def test_a_heading_that_skips_a_level_is_brought_up() -> None:
    lines = lines_of("# Title\n\n### Too deep\n\n#### Deeper\n")
    assert retitle(lines, 0, None, "f") is True
    assert "".join(lines) == "# Title\n\n## Too deep\n\n### Deeper\n"


def test_a_directive_or_a_target_before_the_h1_does_not_take_its_place() -> None:
    text = "(my-label)=\n# The title\n\nText.\n"
    lines = lines_of(text)
    assert retitle(lines, 0, None, "file-name") is False
    assert "".join(lines) == text


def test_a_heading_in_a_code_block_is_no_heading() -> None:
    lines = lines_of("---\ntitle: T\n---\n\n```\n# not a heading\n```\n")
    assert retitle(lines, 3, "T", "f") is True
    assert lines[3:] == ["# T\n", "```\n", "# not a heading\n", "```\n"]


@pytest.mark.parametrize(
    "body",
    [
        "\n# H\n\nText.\n",
        "\nIntro.\n\n# H\n\n### Deep\n",
        "\nH\n=\n\nText.\n",
        "\n## A\n\n#### B\n",
    ],
)
def test_lines_are_replaced_never_added_when_there_is_room(body: str) -> None:
    lines = lines_of("---\ntitle: T\n---\n" + body)
    count = len(lines)
    retitle(lines, 3, "T", "f")
    assert len(lines) == count
    assert "".join(lines).count("\n") == ("---\ntitle: T\n---\n" + body).count("\n")
