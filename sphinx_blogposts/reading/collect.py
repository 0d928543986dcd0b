"""``doctree-read``: each post's doctree is read into a :class:`~.Post` and stored.

The post's header and footer are placeholders here, filled at ``doctree-resolved``
once every post is known (see the writing side's ``fill``).
"""

from __future__ import annotations

from docutils import nodes
from sphinx.application import Sphinx

from ..core.diagnostics import Warn, warn
from . import frontmatter, values
from .directives import post_footer_node, post_header_node, post_node, postlist_node
from .domain import domain_of, is_empty, matches_pattern, read_front_matter
from .post_sources import PostSources
from .posts import PostReader


def on_doctree_read(app: Sphinx, doctree: nodes.document) -> None:
    env = app.env
    docname = env.docname
    domain = domain_of(env)
    if is_empty(app, docname):
        _empty(app, docname)
        return
    postlists = [
        {
            key: node[key]
            for key in ("filters", "oldest_first", "count", "excerpts", "blog", "layout")
        }
        for node in doctree.findall(postlist_node)
    ]
    if postlists:
        domain.data["postlists"][docname] = postlists
    fm = read_front_matter(app, docname)
    directives = list(doctree.findall(post_node))
    own, sections = _split_directives(app, doctree, directives)
    is_post = (
        own is not None
        or matches_pattern(app, docname)
        or values.as_bool(fm.data.get("blogpost")) is True
    )
    if not (is_post or sections):
        return
    if is_post:
        for message, line in fm.problems:
            warn(message, Warn.FRONTMATTER, (docname, line))
        domain.posts[docname] = PostReader(PostSources(app, docname, doctree, fm, own)).read()
    if sections:
        # a section's post reads only its directive: the front matter is the document's
        empty = frontmatter.FrontMatter()
        domain.data["sections"][docname] = [
            PostReader(PostSources(app, docname, doctree, empty, node, section)).read()
            for node, section in sections
        ]
    env.metadata[docname]["orphan"] = True
    first = domain.posts.get(docname) or domain.data["sections"][docname][0]
    authors_path = domain.blog_authors_paths.get(first.blog, domain.authors_path)
    if authors_path is not None and authors_path.is_file():
        env.note_dependency(str(authors_path))
    for node in directives:
        # ABlog's: the directive's content (the explicit excerpt) stays where it was
        # written, unless the directive says :exclude:
        kept = [] if "exclude" in node["options"] else list(node.children)
        node.replace_self(kept)
    if is_post:
        _place_header_and_footer(doctree)
    for _node, section in sections:
        index = 1 if section.children and isinstance(section[0], nodes.title) else 0
        section.insert(index, post_header_node(key=f"{docname}#{section['ids'][0]}"))


def _empty(app: Sphinx, docname: str) -> None:
    """An empty file in the blog: one warning, nothing to list, and no other warning for
    it (it is in no toctree, as no post is; it is not searched)."""
    warn(
        "the file is empty, so it is no post and is listed nowhere. Write the post (front "
        "matter and text) or delete the file",
        Warn.EMPTY,
        docname,
    )
    app.env.metadata[docname]["orphan"] = True
    app.env.metadata[docname]["nosearch"] = True


def _split_directives(
    app: Sphinx, doctree: nodes.document, directives: list[post_node]
) -> tuple[post_node | None, list[tuple[post_node, nodes.section]]]:
    """The directive that makes the document a post, and those that make a section one.

    As in ABlog, a document with several ``post`` directives (or any, with ABlog's
    ``post_always_section``) is posted by sections: each directive in a section below
    the document's title makes that section a post; one in the title's section (or
    outside any section) is the document's own.
    """
    always = bool(getattr(app.config, "post_always_section", False))
    if len(directives) < 2 and not (always and directives):
        return (directives[0] if directives else None), []
    own: post_node | None = None
    sections: list[tuple[post_node, nodes.section]] = []
    taken: set[int] = set()
    for node in directives:
        section = node.parent
        while section is not None and not isinstance(section, nodes.section):
            section = section.parent
        if section is None or section.parent is doctree or not section["ids"]:
            if own is None:
                own = node
                continue
            where = "the document"
        elif id(section) not in taken:
            taken.add(id(section))
            sections.append((node, section))
            continue
        else:
            where = "this section"
        warn(
            f"a second 'post' directive for {where}; only the first is used. Give each "
            "post a section of its own",
            Warn.DIRECTIVE,
            node,
        )
    return own, sections


def _place_header_and_footer(doctree: nodes.document) -> None:
    section = next((c for c in doctree.children if isinstance(c, nodes.section)), None)
    container: nodes.Element = section if section is not None else doctree
    index = 1 if container.children and isinstance(container[0], nodes.title) else 0
    container.insert(index, post_header_node())
    container.append(post_footer_node())


def register(app: Sphinx) -> None:
    app.connect("doctree-read", on_doctree_read)
