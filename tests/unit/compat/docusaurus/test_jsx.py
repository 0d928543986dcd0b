"""JSX tags written as the HTML React renders (``compat/docusaurus/jsx.py``).

Expected values follow React DOM's rules: ``className`` is ``class``, a number in a
style gets ``px`` unless the property is unitless, ``null``/booleans leave a style out,
``{false}`` leaves an attribute out and ``{true}`` makes it bare; what has no HTML form
(a variable, a call, a spread) is a ``JsxError``, so the caller keeps the text.
"""

from __future__ import annotations

import pytest

from sphinx_blogposts.compat.docusaurus.jsx import (
    JsxError,
    Tag,
    attribute,
    css_name,
    is_jsx,
    scan,
    style,
    to_html,
)


def test_scan_reads_one_tag_with_quotes_and_nested_braces() -> None:
    text = "<img src='a.png' alt=\"x > y\" style={{width: '50%'}} hidden />rest"
    found = scan(text)
    assert found is not None
    tag, end = found
    assert tag == Tag(
        name="img",
        self_closing=True,
        attrs=[
            ("src", "'a.png'"),
            ("alt", '"x > y"'),
            ("style", "{{width: '50%'}}"),
            ("hidden", None),
        ],
    )
    assert text[end:] == "rest"


def test_scan_reads_closing_tags_spreads_and_tags_over_lines() -> None:
    assert scan("</div>") == (Tag(name="div", closing=True), 6)
    tag, _ = scan("<Foo.Bar {...props}\n  x={'}'}>") or (None, 0)
    assert tag == Tag(name="Foo.Bar", attrs=[("", "{...props}"), ("x", "{'}'}")])
    assert scan("text <b>", 5) == (Tag(name="b"), 8)


@pytest.mark.parametrize(
    "text",
    [
        "not a tag",
        "< b>",  # no name
        "<3 is a heart",
        "<img src='a.png'",  # goes on past the text: read more lines
        "<img src='unclosed>",
        "<div style={{width: 1}>",  # an unclosed brace
        "<a href=bare>",  # unquoted values are not JSX
    ],
)
def test_scan_finds_no_whole_tag(text: str) -> None:
    assert scan(text) is None


@pytest.mark.parametrize(
    ("text", "jsx"),
    [
        ('<div class="x">', False),
        ("<br />", False),  # a void element may close itself in HTML too
        ("<img src='a.png'>", False),
        ("<a data-x='1' aria-label='y'>", False),
        ('<div className="x">', True),
        ("<div />", True),  # not void: React writes <div></div>
        ("<img width={280}>", True),
        ("<Tabs>", True),  # a component
        ("<svg strokeWidth='2'>", True),
    ],
)
def test_is_jsx(text: str, jsx: bool) -> None:
    found = scan(text)
    assert found is not None
    assert is_jsx(found[0]) is jsx


@pytest.mark.parametrize(
    ("name", "css"),
    [
        ("maxWidth", "max-width"),
        ("borderTopLeftRadius", "border-top-left-radius"),
        ("WebkitTransition", "-webkit-transition"),
        ("msTransform", "-ms-transform"),  # React's one lower-case vendor prefix
        ("--brand-color", "--brand-color"),  # custom properties as written
        ("color", "color"),
    ],
)
def test_css_name(name: str, css: str) -> None:
    assert css_name(name) == css


@pytest.mark.parametrize(
    ("expr", "css"),
    [
        ("{{maxWidth: '100%', borderRadius: 8}}", "max-width: 100%; border-radius: 8px"),
        ("{{ width: 600 , height:'auto', }}", "width: 600px; height: auto"),
        (
            "{{opacity: 0.5, zIndex: 2, lineHeight: 1.5, flexGrow: 1}}",
            "opacity: 0.5; z-index: 2; line-height: 1.5; flex-grow: 1",
        ),
        ("{{margin: 0, top: -4, fontSize: 1.5}}", "margin: 0; top: -4px; font-size: 1.5px"),
        ("{{'--gap': 4, \"text-align\": 'center'}}", "--gap: 4; text-align: center"),
        ("{{display: null, hidden: true, color: undefined, float: 'left'}}", "float: left"),
        ("{{fontFamily: \"'Inter', sans-serif\"}}", "font-family: 'Inter', sans-serif"),
        ("{{content: `a`}}", "content: a"),
        ("{{}}", ""),
    ],
)
def test_style(expr: str, css: str) -> None:
    assert style(expr) == css


@pytest.mark.parametrize(
    "expr",
    [
        "{{width: size}}",  # a variable
        "{{...base, color: 'red'}}",  # a spread
        "{{margin: {top: 1}}}",  # nesting
        "{{width: calc(1)}}",  # a call
        "{{color: `#${hex}`}}",  # a template with a value in it
        "{styles.box}",  # not an object literal
        "{{width 3}}",
    ],
)
def test_style_with_no_html_form_is_refused(expr: str) -> None:
    with pytest.raises(JsxError):
        style(expr)


@pytest.mark.parametrize(
    ("name", "raw", "html"),
    [
        ("className", "'card wide'", ("class", "card wide")),
        ("htmlFor", '"email"', ("for", "email")),
        ("httpEquiv", "'refresh'", ("http-equiv", "refresh")),
        ("tabIndex", "{0}", ("tabindex", "0")),
        ("strokeWidth", "{2}", ("stroke-width", "2")),
        ("data-id", "'7'", ("data-id", "7")),
        ("width", "{280}", ("width", "280")),
        ("width", "{280.0}", ("width", "280")),
        ("height", "{1e3}", ("height", "1000")),
        ("alt", "{'it\\'s'}", ("alt", "it's")),
        ("alt", "{`plain template`}", ("alt", "plain template")),
        ("disabled", "{true}", ("disabled", None)),
        ("controls", None, ("controls", None)),
        ("src", "{require('./img/a.png').default}", ("src", "./img/a.png")),
        ("src", '{useBaseUrl("/img/b.png")}', ("src", "/img/b.png")),
        ("style", "{{color: 'red'}}", ("style", "color: red")),
    ],
)
def test_attribute(name: str, raw: str | None, html: tuple[str, str | None]) -> None:
    assert attribute(name, raw) == html


@pytest.mark.parametrize("raw", ["{false}", "{null}", "{undefined}"])
def test_an_attribute_react_leaves_out(raw: str) -> None:
    assert attribute("hidden", raw) is None


@pytest.mark.parametrize(
    ("name", "raw"),
    [
        ("", "{...props}"),
        ("src", "{image}"),
        ("onClick", "{() => go()}"),
        ("alt", "{`Hello ${name}`}"),
        ("src", "{require(path)}"),
    ],
)
def test_an_attribute_with_no_html_form_is_refused(name: str, raw: str) -> None:
    with pytest.raises(JsxError):
        attribute(name, raw)


@pytest.mark.parametrize(
    ("jsx", "html"),
    [
        (
            "<img src='/img/a.png' style={{maxWidth: '100%', borderRadius: 8}} />",
            '<img src="/img/a.png" style="max-width: 100%; border-radius: 8px" />',
        ),
        ('<div className="note" />', '<div class="note"></div>'),
        ("<br>", "<br>"),
        ("</section>", "</section>"),
        ("<video controls muted={false} width={640}>", '<video controls width="640">'),
        ("<a title={'\"<&>'}>", '<a title="&quot;&lt;&amp;&gt;">'),
    ],
)
def test_to_html(jsx: str, html: str) -> None:
    found = scan(jsx)
    assert found is not None
    assert to_html(found[0]) == html


@pytest.mark.parametrize("jsx", ["<Tabs>", "<div {...props}>", "<img src={logo} />"])
def test_to_html_refuses_components_and_unconvertible_attributes(jsx: str) -> None:
    found = scan(jsx)
    assert found is not None
    with pytest.raises(JsxError):
        to_html(found[0])


def test_a_template_literal_of_paths_is_the_text_it_makes_and_of_others_none() -> None:
    raw = "{`${useBaseUrl('/img/a.png')} 300w, ${useBaseUrl(\n  '/img/b.png',\n)} 500w`}"
    assert attribute("srcSet", raw) == ("srcset", "/img/a.png 300w, /img/b.png 500w")
    assert attribute("src", "{`${require('./x.png').default}`}") == ("src", "./x.png")
    assert attribute("title", "{`a ${'b'} c`}") == ("title", "a b c")
    for other in ("{`${base}/a.png`}", "{`${1 + 2}px`}", "{`${'a'`}"):  # no value here
        with pytest.raises(JsxError):
            attribute("src", other)
