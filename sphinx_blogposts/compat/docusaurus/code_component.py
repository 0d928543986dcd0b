"""Docusaurus' ``<CodeBlock>`` component, rewritten as the code fence it stands for.

``<CodeBlock language="js" title="x.js" showLineNumbers>`` holds its code as a template
literal (``{`…`}``) or as plain text. It becomes a fence whose info string carries the
same options a fence would (``js showLineNumbers title="x.js"``), so :mod:`.codeblocks`
treats both alike. Pure text, line for line like the rest of the rewrite: the fence
takes the place of the tag's lines and the code keeps its lines. Only a tag and its
code on one line (``<CodeBlock>{`x`}</CodeBlock>``) needs more lines than it has, when
no empty line follows it.
"""

from __future__ import annotations

import re

OPEN = re.compile(r"^(\s*)<CodeBlock\b")
_CLOSE = "</CodeBlock>"
#: ``name``, ``name="v"``, ``name='v'``, ``name={…}`` of a JSX tag.
_ATTR = re.compile(r"""(\w+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|\{([^{}]*)\}))?""")
_STRING = re.compile(r"""^\s*(["'`])(.*)\1\s*$""", re.S)
_ESCAPE = re.compile(r"\\([\\`$])")
_MAX_TAG_LINES = 60
_MAX_LINES = 2000  # a component not closed within them is left to the JSX rewrite


def _tag_end(text: str, start: int) -> int | None:
    """The index of the ``>`` closing the tag that starts at ``start`` (None: no end, or
    a self-closing tag, which has no code)."""
    quote, depth = "", 0
    for index in range(start, len(text)):
        char = text[index]
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'`":
            quote = char
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif char == ">" and depth == 0:
            return None if text[index - 1] == "/" else index
    return None


def _props(attributes: str) -> dict[str, str | bool | int] | None:
    """The tag's props; None when one is an expression only React could evaluate."""
    props: dict[str, str | bool | int] = {}
    for match in _ATTR.finditer(attributes):
        name, double, single, expression = match.groups()
        if expression is None:
            props[name] = double if double is not None else single if single is not None else True
            continue
        literal = _STRING.match(expression)
        if literal:
            props[name] = literal.group(2)
        elif expression.strip() in ("true", "false"):
            props[name] = expression.strip() == "true"
        elif expression.strip().lstrip("-").isdigit():
            props[name] = int(expression)
        else:
            return None
    return props


def info_string(props: dict[str, str | bool | int]) -> str:
    """The fence info string for the props, with Docusaurus' precedence: the
    ``showLineNumbers`` prop over the metastring's, the metastring's title over the prop."""
    language = props.get("language")
    if not isinstance(language, str) or not language:
        classes = str(props.get("className", "")).split()
        language = next((c[9:] for c in classes if c.startswith("language-")), "") or "text"
    words = [language]
    numbers = props.get("showLineNumbers")
    if numbers is True:
        words.append("showLineNumbers")
    elif isinstance(numbers, int) and numbers is not False:
        words.append(f"showLineNumbers={numbers}")
    meta = props.get("metastring")
    if isinstance(meta, str) and meta.strip():
        words.append(meta.strip())
    title = props.get("title")
    if isinstance(title, str) and title:
        quote = "'" if '"' in title else '"'
        words.append(f"title={quote}{title}{quote}")
    return " ".join(words)


def _code(text: str, start: int) -> tuple[int, int, int, bool] | None:
    """Where the code after the opening tag starts and ends, the index just past
    ``</CodeBlock>``, and whether the code is a template literal; None if the content
    is a JSX expression or markup, or the tag is not closed."""
    body = start
    while body < len(text) and text[body].isspace():
        body += 1
    if text.startswith("{`", body):
        index = body + 2
        while index < len(text) and text[index] != "`":
            index += 2 if text[index] == "\\" else 1
        close = text.find(_CLOSE, index)
        if index >= len(text) or close < 0 or text[index + 1 : close].strip() != "}":
            return None
        return body + 2, index, close + len(_CLOSE), True
    close = text.find(_CLOSE, start)
    if close < 0 or "{" in text[start:close] or "<" in text[start:close]:
        return None
    newline = text.rfind("\n", start, body)  # code on the tag's line, or from the next one
    return (newline + 1 if newline >= 0 else body), close, close + len(_CLOSE), False


def rewrite(lines: list[str], first: int) -> int | None:
    """Rewrite the ``<CodeBlock>`` opening at ``lines[first]`` in place, as a fence.

    Returns the index of the last line it took, or None (nothing changed) when the
    component holds something other than code: the JSX rewrite then handles its tags.
    """
    opened = OPEN.match(lines[first])
    if opened is None:
        return None
    indent = opened.group(1)
    text = "\n".join(lines[first : first + _MAX_LINES])
    tag_end = _tag_end(text, opened.end())
    if tag_end is None or text.count("\n", 0, tag_end) >= _MAX_TAG_LINES:
        return None
    props = _props(text[opened.end() : tag_end])
    found = _code(text, tag_end + 1)
    if props is None or found is None:
        return None
    code_start, code_end, after, template = found
    if text[after:].split("\n", 1)[0].strip():
        return None  # more after </CodeBlock> on its line: not a block of its own
    code = text[code_start:code_end]
    code_lines = (_ESCAPE.sub(r"\1", code) if template else code).split("\n")
    if len(code_lines) > 1 and not code_lines[-1].strip():
        code_lines.pop()  # the line break before the end (Docusaurus drops the last one)
    # Line numbers below count from ``first``.
    start_line = text.count("\n", 0, code_start)
    close_line = text.count("\n", 0, after)
    last_code = start_line + len(code_lines) - 1
    mid_line = code_start > 0 and text[code_start - 1] != "\n"
    out = [""] * (close_line + 1)
    for offset, line in enumerate(code_lines):
        # CommonMark takes the fence's indentation off each line of its code, so code
        # that is not the author's own line of text gets that indentation first.
        if template or (offset == 0 and mid_line):
            line = indent + (line if template else line.lstrip())
        out[start_line + offset] = line
    info = info_string(props)
    char = "~" if "`" in info else "`"
    longest = max(len(line.lstrip()) - len(line.lstrip().lstrip(char)) for line in code_lines)
    fence = indent + char * max(3, longest + 1)
    if start_line > 0:
        out[start_line - 1] = fence + info
    else:
        out[0] = f"{fence}{info}\n{out[0]}"
    taken = close_line
    if last_code < close_line:
        out[last_code + 1] = fence
    elif first + close_line + 1 < len(lines) and not lines[first + close_line + 1].strip():
        out.append(fence)  # the empty line after the block takes the closing fence
        taken += 1
    else:
        out[last_code] += "\n" + fence
    lines[first : first + taken + 1] = out
    return first + taken
