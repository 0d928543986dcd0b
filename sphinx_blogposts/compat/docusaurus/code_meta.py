"""What a Docusaurus code fence says besides its language, read the way Docusaurus reads it.

Docusaurus takes the words after a fence's language (its "metastring") as options: a
``title="…"``, highlighted line ranges ``{1,4-6}``, ``showLineNumbers`` (or
``showLineNumbers=5``), and, when no range is given, "magic comments" in the code that
highlight lines and are removed from it. Its highlighter, Prism, also knows languages
by names that Pygments does not. Everything here is pure text (no Sphinx), so each rule
has fast tests; :mod:`.codeblocks` applies the results to the doctree.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from . import syntax

_TITLE = re.compile(r"""title=(["'])(.*?)\1""")
_RANGES = re.compile(r"\{([\d,-]+)\}")
_LEADING_INT = re.compile(r"^[+-]?\d+")
_QUOTE = re.compile(r"^ {0,3}(?:> ?)+")

#: Docusaurus' default magic comments: one line, and a block's start and end.
NEXT_LINE, BLOCK_START, BLOCK_END = "highlight-next-line", "highlight-start", "highlight-end"

#: Comment syntaxes a magic comment may be written in: (opening, closing) as regexes.
_COMMENTS: dict[str, tuple[str, str]] = {
    "js": (r"//", ""),
    "jsBlock": (r"/\*", r"\*/"),
    "jsx": (r"\{\s*/\*", r"\*/\s*\}"),
    "bash": (r"#", ""),
    "html": (r"<!--", r"-->"),
    "lua": (r"--", ""),
    "wasm": (r";;", ""),
    "tex": (r"%", ""),
    "vb": (r"['‘’]", ""),
    "vbnet": (r"(?:_\s*)?['‘’]", ""),
    "rem": (r"[Rr][Ee][Mm]\b", ""),
    "f90": (r"!", ""),
    "ml": (r"\(\*", r"\*\)"),
    "cobol": (r"\*>", ""),
}
#: The comment syntaxes of any language not named below.
_POPULAR = ("js", "jsBlock", "jsx", "bash", "html")
#: Which syntaxes Docusaurus looks for, by the fence's language as written.
_COMMENTS_OF: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("js", "javascript", "ts", "typescript"), ("js", "jsBlock")),
    **dict.fromkeys(("jsx", "tsx"), ("js", "jsBlock", "jsx")),
    "html": ("js", "jsBlock", "html"),
    **dict.fromkeys(("python", "py", "bash"), ("bash",)),
    **dict.fromkeys(("markdown", "md"), ("html", "jsx", "bash")),
    **dict.fromkeys(("tex", "latex", "matlab"), ("tex",)),
    **dict.fromkeys(("lua", "haskell"), ("lua",)),
    "sql": ("lua", "jsBlock"),
    "wasm": ("wasm",),
    **dict.fromkeys(("vb", "vba", "visual-basic"), ("vb", "rem")),
    "vbnet": ("vbnet", "rem"),
    "batch": ("rem",),
    "basic": ("rem", "f90"),
    "fsharp": ("js", "ml"),
    **dict.fromkeys(("ocaml", "sml"), ("ml",)),
    "fortran": ("f90",),
    "cobol": ("cobol",),
}

#: Prism's language names (and aliases) that Pygments does not know, and the Pygments
#: lexer that reads the same code best. A name in neither is shown as plain text.
PRISM_TO_PYGMENTS: dict[str, str] = {
    # markup and templates
    "markup": "html",
    "markup-templating": "html",
    **dict.fromkeys(("svg", "mathml", "ssml", "atom", "rss", "xml-doc"), "xml"),
    **dict.fromkeys(("svelte", "xeora", "xeoracube", "cshtml", "razor"), "html"),
    **dict.fromkeys(("hbs", "mustache"), "handlebars"),
    **dict.fromkeys(("ejs", "eta", "etlua"), "html+erb"),
    "jinja2": "jinja",
    "aspnet": "aspx-cs",
    "mdx": "markdown",
    "context": "tex",
    "wiki": "wikitext",
    # JavaScript and its relatives
    "flow": "typescript",
    **dict.fromkeys(("js-extras", "js-templates", "jsdoc", "jsonp", "mongodb"), "javascript"),
    **dict.fromkeys(("n4js", "n4jsd"), "typescript"),
    **dict.fromkeys(("jsonc", "webmanifest"), "json"),
    "gql": "graphql",
    "css-extras": "css",
    # shells
    **dict.fromkeys(("shellsession", "sh-session", "terminal"), "console"),
    **dict.fromkeys(("shell-script", "env", "dotenv"), "bash"),
    # other languages, by a Pygments lexer of the same family
    "clike": "c",
    "cilkc": "c",
    "opencl": "c",
    "cilkcpp": "cpp",
    "ino": "arduino",
    "dotnet": "csharp",
    **dict.fromkeys(("antlr4", "g4"), "antlr"),
    "asm6502": "ca65",
    "rbnf": "bnf",
    "shortcode": "bbcode",
    "cfscript": "cfs",
    **dict.fromkeys(("dns-zone-file", "dns-zone"), "zone"),
    "gv": "dot",
    "editorconfig": "ini",
    "gettext": "po",
    "gradle": "groovy",
    "ichigojam": "basic",
    **dict.fromkeys(("javadoc", "javadoclike", "processing"), "java"),
    **dict.fromkeys(("kt", "kts"), "kotlin"),
    "ly": "lilypond",
    "mata": "stata",
    **dict.fromkeys(("n1ql", "plsql"), "sql"),
    "neon": "yaml",
    "pascaligo": "pascal",
    **dict.fromkeys(("phpdoc", "php-extras"), "php"),
    "robot": "robotframework",
    "smlnj": "sml",
    "sol": "solidity",
    "rq": "sparql",
    "sclang": "supercollider",
    "trig": "turtle",
    "tsconfig": "typoscript",
    **dict.fromkeys(("vb", "vba", "xojo"), "vbnet"),
    "wasm": "wast",
    "web-idl": "webidl",
    **dict.fromkeys(("plaintext", "plain", "txt"), "text"),
}


@dataclass(frozen=True)
class FenceInfo:
    """A fence's info string, as Docusaurus reads it."""

    #: The language as written: the info string's first word ("" when there is none).
    language: str = ""
    title: str = ""
    #: The ``{…}`` line ranges, None when the metastring has none.
    ranges: str | None = None
    #: The first line's number when lines are numbered, else None.
    first_line: int | None = None


def parse_info(info: str) -> FenceInfo:
    """``js title="a.js" {1,3} showLineNumbers`` -> its language and options."""
    language, meta = ([*info.split(maxsplit=1), "", ""])[:2]
    title = _TITLE.search(meta)
    ranges = _RANGES.search(meta)
    return FenceInfo(
        language=language,
        title=title.group(2) if title else "",
        ranges=ranges.group(1) if ranges else None,
        first_line=_first_line(meta),
    )


def _first_line(meta: str) -> int | None:
    """``showLineNumbers`` numbers lines from 1, ``showLineNumbers=5`` from 5 (the first
    word that starts so counts, as in Docusaurus; a value that is no number counts as 1)."""
    word = next((w for w in meta.split(" ") if w.startswith("showLineNumbers")), None)
    if word is None:
        return None
    if not word.startswith("showLineNumbers="):
        return 1
    number = _LEADING_INT.match(word.removeprefix("showLineNumbers="))
    return int(number.group(0)) if number else 1


def parse_ranges(spec: str, lines: int) -> list[int]:
    """``1,4-6`` -> ``[1, 4, 5, 6]``: the lines (from 1) of a code of ``lines`` lines.

    Numbers past the code's end or below 1 are dropped, as Docusaurus drops them; so is
    any item that is not a number or a range (Docusaurus' regex lets ``,`` and ``-`` in
    any order).
    """
    wanted: set[int] = set()
    for item in spec.split(","):
        first, dash, last = item.partition("-")
        if not first.isdigit() or (dash and not last.isdigit()):
            continue
        low, high = sorted((int(first), int(last or first)))
        wanted.update(range(max(low, 1), min(high, lines) + 1))
    return sorted(wanted)


@lru_cache(maxsize=64)
def _magic_pattern(language: str) -> re.Pattern[str]:
    directives = "|".join(map(re.escape, (NEXT_LINE, BLOCK_START, BLOCK_END)))
    styles = _COMMENTS_OF.get(language, _POPULAR)
    alternatives = "|".join(
        rf"(?:{_COMMENTS[s][0]}\s*({directives})\s*{_COMMENTS[s][1]})" for s in styles
    )
    return re.compile(rf"^\s*(?:{alternatives})\s*$")


def strip_magic_comments(code: str, language: str) -> tuple[str, list[int]]:
    """The code without its magic-comment lines, and the lines (from 1) they highlight.

    A comment stands alone on its line, in a comment syntax of the fence's language;
    ``highlight-next-line`` highlights the line after it, ``highlight-start`` and
    ``highlight-end`` the lines between them. Code without a language has none, as in
    Docusaurus.
    """
    if not language or "highlight-" not in code:
        return code, []
    pattern = _magic_pattern(language)
    kept: list[str] = []
    marked: set[int] = set()
    start = 0
    for line in code.split("\n"):
        match = pattern.match(line) if "highlight-" in line else None
        if match is None:
            kept.append(line)
            continue
        directive = next(group for group in match.groups() if group)
        if directive == NEXT_LINE:
            marked.add(len(kept))
        elif directive == BLOCK_START:
            start = len(kept)
        else:
            marked.update(range(start, len(kept)))
    return "\n".join(kept), sorted(index + 1 for index in marked)


def lexer_name(language: str, known: Callable[[str], bool]) -> str:
    """The Pygments lexer for Prism's ``language``: its own name when ``known``, else the
    nearest lexer, else ``text`` (Prism shows a language it lacks as plain text)."""
    if language and known(language):
        return language
    mapped = PRISM_TO_PYGMENTS.get(language.lower())
    return mapped if mapped is not None and known(mapped) else "text"


def fence_infos(text: str) -> dict[int, str]:
    """The info string of each code fence's opening line (numbered from 1) in ``text``,
    found as the rewriter finds fences (MyST directive fences are not code), also in a
    block quote."""
    infos: dict[int, str] = {}
    if "```" not in text and "~~~" not in text:
        return infos
    fences: list[tuple[str, int, bool]] = []
    quoted = False  # whether the open code fence is in a block quote
    for number, line in enumerate(text.split("\n"), 1):
        first = line[:1]
        if not (first == "`" or first == "~" or first == ">" or first.isspace()):
            continue  # not a fence: no fence opens or closes here
        in_quote = _QUOTE.match(line)
        if in_quote and (quoted or not (fences and fences[-1][2])):
            line = line[in_quote.end() :]
        depth = len(fences)
        if syntax.in_code(fences, line) and len(fences) > depth and fences[-1][2]:
            match = syntax.FENCE.match(line)
            if match is not None:
                infos[number] = match.group(3).strip()
                quoted = in_quote is not None
    return infos
