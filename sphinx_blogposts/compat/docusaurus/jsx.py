"""JSX tags of MDX posts written as the HTML React renders for them.

An MDX post writes HTML elements in JSX: attributes in braces (``width={280}``,
``style={{maxWidth: '100%'}}``), React's names (``className``, ``htmlFor``), tags
spread over several lines and closed with ``/>``. Markdown only knows HTML, and treats
a block as raw HTML only when its first line holds a whole opening tag, so anything
else shows up as text. This module reads one tag at a time, with its quotes and
nested braces, and writes it as HTML the way React DOM would; what it cannot write
(a variable, a function call, a spread) makes the tag unconvertible, and the caller
keeps the tag's text and reports it. Pure functions, no Sphinx: easy to test and to
reason about.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

#: Elements that have no closing tag in HTML.
_VOID_NAMES = "area base br col embed hr img input link meta param source track wbr"
VOID = frozenset(_VOID_NAMES.split())
#: React's names for attributes whose HTML name is not just the lower-cased one.
_RENAMED = {
    "className": "class",
    "htmlFor": "for",
    "httpEquiv": "http-equiv",
    "acceptCharset": "accept-charset",
}
#: SVG presentation attributes React writes in kebab-case (``strokeWidth``).
_SVG_KEBAB = re.compile(
    r"^(?:stroke|fill|clip|stop|font|text|flood|lighting|marker|color|dominant|alignment|"
    r"baseline|glyph|letter|word|writing|paint|pointer|shape|image|vector|enable)[A-Z]"
)
#: CSS properties React writes a bare number for, without ``px``.
_UNITLESS_NAMES = """
animationIterationCount aspectRatio borderImageOutset borderImageSlice borderImageWidth
boxFlex boxFlexGroup boxOrdinalGroup columnCount columns flex flexGrow flexPositive
flexShrink flexNegative flexOrder gridArea gridRow gridRowEnd gridRowSpan gridRowStart
gridColumn gridColumnEnd gridColumnSpan gridColumnStart fontWeight lineClamp lineHeight
opacity order orphans scale tabSize widows zIndex zoom fillOpacity floodOpacity stopOpacity
strokeDasharray strokeDashoffset strokeMiterlimit strokeOpacity strokeWidth
"""
UNITLESS = frozenset(_UNITLESS_NAMES.split())
_NAME = re.compile(r"[A-Za-z][\w.:-]*")
_ATTR_NAME = re.compile(r"[A-Za-z_:][\w:.-]*")
_NUMBER = re.compile(r"-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_IDENT = re.compile(r"[A-Za-z_$][\w$]*")
_CALL = re.compile(r"""^(require|useBaseUrl)\(\s*(["'`])([^"'`]*)\2\s*,?\s*\)(?:\.default)?$""")
_CAMEL = re.compile(r"[A-Z]")


class JsxError(ValueError):
    """A tag or an attribute that has no HTML form (a variable, a call, a spread)."""


@dataclass
class Tag:
    """One opening, closing or self-closing tag, as written."""

    name: str
    closing: bool = False
    self_closing: bool = False
    #: (name, raw value): ``"..."`` / ``'...'`` quoted, ``{...}`` an expression, None bare.
    attrs: list[tuple[str, str | None]] = field(default_factory=list)

    @property
    def component(self) -> bool:
        """A React component (``<Tabs>``, ``<Foo.Bar>``), not an HTML element."""
        return self.name[:1].isupper() or "." in self.name


def _skip_string(text: str, pos: int) -> int:
    """The index after the JS string literal starting at ``text[pos]``."""
    quote = text[pos]
    pos += 1
    while pos < len(text):
        char = text[pos]
        if char == "\\":
            pos += 2
            continue
        if char == quote:
            return pos + 1
        pos += 1
    raise JsxError("unterminated string")


def _skip_braces(text: str, pos: int) -> int:
    """The index after the ``{...}`` expression starting at ``text[pos]``, strings included."""
    depth = 0
    while pos < len(text):
        char = text[pos]
        if char in "\"'`":
            pos = _skip_string(text, pos)
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return pos + 1
        pos += 1
    raise JsxError("unclosed brace")


def scan(text: str, pos: int = 0) -> tuple[Tag, int] | None:
    """The tag starting at ``text[pos]`` (a ``<``) and the index after it.

    None when ``text`` holds no whole tag there: not a tag at all, or one that goes on
    past the end of ``text`` (read more lines and try again).
    """
    if not text.startswith("<", pos):
        return None
    i = pos + 1
    closing = text.startswith("/", i)
    if closing:
        i += 1
    name = _NAME.match(text, i)
    if name is None:
        return None
    tag = Tag(name.group(0), closing=closing)
    i = name.end()
    length = len(text)
    while True:
        while i < length and text[i].isspace():
            i += 1
        if i >= length:
            return None
        char = text[i]
        if char == ">":
            return tag, i + 1
        if text.startswith("/>", i):
            tag.self_closing = True
            return tag, i + 2
        if char == "{":  # {...spread}: no HTML form
            try:
                end = _skip_braces(text, i)
            except JsxError:
                return None
            tag.attrs.append(("", text[i:end]))
            i = end
            continue
        attr = _ATTR_NAME.match(text, i)
        if attr is None:
            return None
        i = attr.end()
        while i < length and text[i].isspace():
            i += 1
        if not text.startswith("=", i):
            tag.attrs.append((attr.group(0), None))
            continue
        i += 1
        while i < length and text[i].isspace():
            i += 1
        if i >= length:
            return None
        try:
            if text[i] in "\"'":
                end = _skip_plain_quote(text, i)
            elif text[i] == "{":
                end = _skip_braces(text, i)
            else:
                return None
        except JsxError:
            return None
        tag.attrs.append((attr.group(0), text[i:end]))
        i = end


def _skip_plain_quote(text: str, pos: int) -> int:
    """An attribute in quotes ends at the same quote: JSX has no escapes there."""
    end = text.find(text[pos], pos + 1)
    if end < 0:
        raise JsxError("unterminated attribute")
    return end + 1


def is_jsx(tag: Tag) -> bool:
    """Whether writing ``tag`` as HTML changes anything (braces, React names, ``/>``)."""
    if tag.component:
        return True
    if tag.self_closing and tag.name.lower() not in VOID:
        return True
    return any(
        name == "" or (value or "").startswith("{") or _html_name(name) != name
        for name, value in tag.attrs
    )


# -- values ---------------------------------------------------------------------------------


def _js_literal(expr: str) -> str | float | bool | None:
    """A JS string, number, ``true``/``false``/``null`` literal; JsxError otherwise."""
    expr = expr.strip()
    if expr[:1] in "\"'`" and len(expr) >= 2 and expr[-1] == expr[0]:
        if _skip_string(expr, 0) != len(expr) or (expr[0] == "`" and "${" in expr):
            raise JsxError(expr)
        return _unescape_js(expr[1:-1])
    if _NUMBER.fullmatch(expr):
        number = float(expr)
        return int(number) if number.is_integer() else number
    if expr in ("true", "false"):
        return expr == "true"
    if expr in ("null", "undefined"):
        return None
    raise JsxError(expr)


def template(expr: str) -> str:
    """A template literal whose ``${…}`` parts are paths or strings, as the text it makes.

    Docusaurus posts build ``srcSet`` this way: ``${useBaseUrl('/img/a.png')} 300w, …``.
    Any other expression (a variable, arithmetic) has no value here: JsxError.
    """
    if _skip_string(expr, 0) != len(expr):
        raise JsxError(expr)
    out: list[str] = []
    body, pos = expr[1:-1], 0
    while True:
        start = body.find("${", pos)
        if start < 0:
            out.append(_unescape_js(body[pos:]))
            return "".join(out)
        out.append(_unescape_js(body[pos:start]))
        end = _skip_braces(body, start + 1)
        part = body[start + 2 : end - 1].strip()
        call = _CALL.match(part)
        value = call.group(3) if call else _js_literal(part)
        if not isinstance(value, str):
            raise JsxError(part)
        out.append(value)
        pos = end


def _unescape_js(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), text)


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(value)


def css_name(name: str) -> str:
    """React's CSS name for a style key: ``maxWidth`` -> ``max-width``,
    ``WebkitX`` -> ``-webkit-x``."""
    if name.startswith("--"):
        return name
    kebab = _CAMEL.sub(lambda m: "-" + m.group(0).lower(), name)
    if kebab.startswith("ms-"):
        kebab = "-" + kebab
    return kebab


def style(expr: str) -> str:
    """``{{width: 600, maxWidth: '100%'}}`` -> ``width: 600px; max-width: 100%``."""
    inner = expr.strip()
    if not (inner.startswith("{{") and inner.endswith("}}")):
        raise JsxError(expr)
    body = inner[2:-2]
    declarations: list[str] = []
    for key, raw in _object_items(body):
        value = _js_literal(raw)
        if value is None or isinstance(value, bool):
            continue  # React leaves out null, undefined and booleans
        if isinstance(value, (int, float)):
            text = _number_text(value)
            if value != 0 and key not in UNITLESS and not key.startswith("--"):
                text += "px"
        else:
            text = value.strip()
        declarations.append(f"{css_name(key)}: {text}")
    return "; ".join(declarations)


def _object_items(body: str) -> list[tuple[str, str]]:
    """The ``key: value`` pairs of a JS object literal's body (no nesting, no spreads)."""
    items: list[tuple[str, str]] = []
    i, length = 0, len(body)
    while True:
        while i < length and (body[i].isspace() or body[i] == ","):
            i += 1
        if i >= length:
            return items
        if body[i] in "\"'":
            end = _skip_string(body, i)
            key = _unescape_js(body[i + 1 : end - 1])
        else:
            match = _IDENT.match(body, i)
            if match is None:
                raise JsxError(body)
            key, end = match.group(0), match.end()
        i = end
        while i < length and body[i].isspace():
            i += 1
        if not body.startswith(":", i):
            raise JsxError(body)
        i += 1
        start = i
        while i < length and body[i] != ",":
            if body[i] in "\"'`":
                i = _skip_string(body, i)
                continue
            if body[i] in "{[(":
                raise JsxError(body)
            i += 1
        items.append((key, body[start:i]))


def attribute(name: str, raw: str | None) -> tuple[str, str | None] | None:
    """An attribute in HTML: (name, value), value None for a bare one; None to leave it out."""
    if name == "":
        raise JsxError(raw or "")
    html_name = _html_name(name)
    if raw is None:
        return html_name, None
    if raw[:1] in "\"'":
        return html_name, raw[1:-1]
    if html_name == "style":
        return html_name, style(raw)
    expr = raw[1:-1].strip()
    call = _CALL.match(expr)
    if call:
        return html_name, call.group(3)
    if expr.startswith("`") and "${" in expr:
        return html_name, template(expr)
    value = _js_literal(expr)
    if value is None or value is False:
        return None
    if value is True:
        return html_name, None
    if isinstance(value, (int, float)):
        return html_name, _number_text(value)
    return html_name, value


def _html_name(name: str) -> str:
    if name in _RENAMED:
        return _RENAMED[name]
    if "-" in name or name.islower():
        return name
    if _SVG_KEBAB.match(name):
        return css_name(name)
    return name.lower()


def to_html(tag: Tag) -> str:
    """The tag as HTML; JsxError when one of its attributes has no HTML form."""
    if tag.component:
        raise JsxError(tag.name)
    if tag.closing:
        return f"</{tag.name}>"
    parts = [tag.name]
    for name, raw in tag.attrs:
        converted = attribute(name, raw)
        if converted is None:
            continue
        key, value = converted
        parts.append(key if value is None else f'{key}="{html.escape(value, quote=True)}"')
    opening = "<" + " ".join(parts)
    if tag.name.lower() in VOID:
        return opening + " />" if tag.self_closing else opening + ">"
    if tag.self_closing:
        return f"{opening}></{tag.name}>"
    return opening + ">"
