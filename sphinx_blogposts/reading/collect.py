"""``doctree-read``: each post's doctree is read into a :class:`~.Post` and stored.

The post's header and footer are placeholders here, filled at ``doctree-resolved``
once every post is known (see the writing side's ``fill``).
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from ..core.diagnostics import Warn, warn
from . import values
from .directives import post_footer_node, post_header_node, post_node, postlist_node
from .domain import domain_of, matches_pattern, read_front_matter
from .posts import PostReader


def on_doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    env = app.env
    docname = env.docname
    domain = domain_of(env)
    postlists = [
        {key: node[key] for key in ("filters", "oldest_first", "count", "excerpts")}
        for node in doctree.findall(postlist_node)
    ]
    if postlists:
        domain.data["postlists"][docname] = postlists
    fm = read_front_matter(app, docname)
    directives = list(doctree.findall(post_node))
    is_post = (
        bool(directives)
        or matches_pattern(app, docname)
        or values.as_bool(fm.data.get("blogpost")) is True
    )
    if not is_post:
        return
    for message, line in fm.problems:
        warn(message, Warn.FRONTMATTER, (docname, line))
    directive = directives[0] if directives else None
    if len(directives) > 1:
        warn(
            "more than one 'post' directive in one document; only the first is used",
            Warn.DIRECTIVE,
            directives[1],
        )
    post = PostReader(app, docname, doctree, fm, directive).read()
    domain.posts[docname] = post
    env.metadata[docname]["orphan"] = True
    if domain.authors_path is not None and domain.authors_path.is_file():
        env.note_dependency(str(domain.authors_path))
    for node in directives:
        # ABlog's: the directive's content (the explicit excerpt) stays where it was
        # written, unless the directive says :exclude:
        kept = [] if "exclude" in node["options"] else list(node.children)
        node.replace_self(kept)
    _place_header_and_footer(doctree)


def _place_header_and_footer(doctree: nodes.document) -> None:
    section = next((c for c in doctree.children if isinstance(c, nodes.section)), None)
    container: nodes.Element = section if section is not None else doctree
    index = 1 if container.children and isinstance(container[0], nodes.title) else 0
    container.insert(index, post_header_node())
    container.append(post_footer_node())


def register(app: Sphinx) -> None:
    app.connect("doctree-read", on_doctree_read)
