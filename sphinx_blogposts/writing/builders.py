"""Which builders the writing side serves, asked by nearly every module of it."""

from __future__ import annotations

from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.environment import BuildEnvironment


def writes_html_pages(builder: Builder) -> bool:
    """HTML builders that write one page per document, and so can show generated pages."""
    from sphinx.builders.html import StandaloneHTMLBuilder
    from sphinx.builders.singlehtml import SingleFileHTMLBuilder

    return isinstance(builder, StandaloneHTMLBuilder) and not isinstance(
        builder, SingleFileHTMLBuilder
    )


def app_of(env: BuildEnvironment) -> Sphinx:
    """The application, for code that is handed only the environment (a transform, a
    node's visitor): ``env.app`` is deprecated in Sphinx 9, where ``env._app`` is new."""
    app = getattr(env, "_app", None)
    return app if app is not None else env.app  # type: ignore[attr-defined,no-any-return]


def file_uri(builder: Builder, docname: str) -> str:
    """The URI a document has at its source file's address, also when its post is served
    elsewhere (``writing/addresses.py`` wraps the instance's method, not the class's): what
    feed entry ids and the redirects at the old addresses are made of."""
    return str(type(builder).get_target_uri(builder, docname))
