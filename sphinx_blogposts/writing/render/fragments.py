"""Posts' doctree fragments (excerpts, whole bodies) rendered as on the post's own page.

Each excerpt is rendered at most once per build, relative to the post's page, and then
re-pointed for every other page that shows it; a whole post (a feed entry's content) is
read back from its written page when it can be. The builder is set up as for the post's
page while a fragment renders, so images, numbers and links come out as they do there.
"""

from __future__ import annotations

import copy
import inspect
import pickle
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.utils import new_document
from markupsafe import Markup
from sphinx.application import Sphinx
from sphinx.builders import Builder
from sphinx.util import logging
from sphinx.util.osutil import relative_uri

from ...core.model import Post
from ...core.urls import Movable
from ...reading import excerpt
from ...reading.directives import post_footer_node, post_header_node

FRAGMENT_FLAG = "blogposts_fragment"
#: Where a post page's own content starts and ends (after the header, before the footer).
BODY_START = "<!--blogposts:body-->"
BODY_END = "<!--/blogposts:body-->"
#: Sphinx's permalink after each heading: no use in a feed reader.
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)


@contextmanager
def quiet() -> Iterator[None]:
    """While a copy of a post's content is resolved and written for another page (an
    excerpt, a feed entry's body): its problems are the post's, each warned about once at
    the post's own line, when the post was read or its page written. A copy repeats
    none, as Sphinx does not warn again for a page it does not write. Resolving runs in
    the main process, also with ``-j``, so this is the one place to silence it."""
    with logging.suppress_logging():
        yield


class FragmentRenderer:
    """Renders the parts of posts other pages show; one per build and blog, the
    :attr:`~.renderer.Renderer.fragments` of the blog's renderer."""

    def __init__(self, app: Sphinx) -> None:
        self.app = app
        self.env = app.env
        self.builder: Builder = app.builder
        self.config = app.config
        self._uris: dict[str, str] = {}
        self._excerpts: dict[str, Movable] = {}
        self._excerpt_texts: dict[str, str] = {}
        self._kept_excerpts: dict[str, tuple[bytes, bool]] = {}
        self._bodies: dict[str, str] = {}
        self._rendering_bodies: set[str] = set()
        self.render_count = 0
        self.body_count = 0  # whole posts rendered for feeds
        self._doc_images: dict[str, dict[str, str]] | None = None

    def uri(self, pagename: str) -> str:
        if pagename not in self._uris:  # asked for again by every card of every page
            self._uris[pagename] = self.builder.get_target_uri(pagename)
        return self._uris[pagename]

    # -- excerpts --------------------------------------------------------------------------

    def excerpt_html(self, post: Post, pagename: str) -> Markup:
        """The excerpt as HTML for ``pagename``: rendered once, re-pointed per page."""
        if post.key not in self._excerpts:
            html = self._render_stored_excerpt(post)
            self._excerpts[post.key] = Movable(html, self.uri(post.docname))
        return Markup(self._excerpts[post.key].at(self.uri(pagename)))

    def excerpt_text(self, post: Post) -> str:
        """The excerpt as plain text (a feed's summary)."""
        if post.key not in self._excerpt_texts:
            self._load_stored_excerpt(post)
        return self._excerpt_texts[post.key]

    def keep_excerpt(self, key: str, stored: excerpt.stored_excerpt, resolved: bool) -> None:
        """While a post is written: its excerpt, kept for the lists and feeds of this build
        that show it (rendered when one does, at most once), so it is never loaded from
        the doctree again. ``resolved``: cut from the page once resolved (render/page_parts.py);
        otherwise the page's stored copy, set aside before the page was resolved, and
        resolved when it is rendered. ``key`` is the post's (``Post.key``)."""
        self._excerpt_texts[key] = stored["text"]
        if key not in self._kept_excerpts and key not in self._excerpts:
            # kept pickled: a few hundred bytes, instead of a tree of nodes that every
            # garbage collection of the build would walk, thousands of them in a large blog
            self._kept_excerpts[key] = (
                pickle.dumps(list(stored.children), protocol=pickle.HIGHEST_PROTOCOL),
                resolved,
            )

    def _render_stored_excerpt(self, post: Post) -> str:
        """The excerpt's HTML as on the post's page. A post written in this build left it
        (see :meth:`keep_excerpt`); otherwise it is taken from the post's doctree."""
        kept = self._kept_excerpts.pop(post.key, None)
        if kept is not None:
            return self._render_fragment(post.docname, pickle.loads(kept[0]), not kept[1])
        stored = self._load_stored_excerpt(post)
        if stored is None:
            return ""
        return self._render_fragment(post.docname, list(stored.children), True)

    def _load_stored_excerpt(self, post: Post) -> excerpt.stored_excerpt | None:
        """The excerpt as the post's doctree keeps it (not resolved); its text is noted."""
        stored = excerpt.take(self.env.get_doctree(post.docname), post.section or "")
        self._excerpt_texts[post.key] = stored["text"] if stored is not None else ""
        return stored

    def _render_fragment(self, docname: str, fragment: list[Any], resolve: bool) -> str:
        if not fragment:
            return ""
        self.render_count += 1
        doc = new_document(str(self.env.doc2path(docname)), self._writer_settings())
        doc[FRAGMENT_FLAG] = True
        for node in fragment:
            node.parent = None
            doc.append(node)
        self._name_captioned(doc, docname)
        with self._as_page(docname), quiet():
            if resolve:
                self.env.apply_post_transforms(doc, docname)
            return self._translate(doc)

    def _name_captioned(self, doc: nodes.document, docname: str) -> None:
        """Sphinx warns about a captioned figure, table or code block without an id, and
        excerpts have none (they would clash on a page of many excerpts): each gets one of
        its own post's, unique on any page that shows the post once."""
        std = self.env.get_domain("std")
        prefix = "excerpt-" + nodes.make_id(docname)
        count = 0
        for node in doc.findall(nodes.Element):
            if node["ids"] or isinstance(node, nodes.section):
                continue
            if std.get_enumerable_node_type(node):  # type: ignore[attr-defined]
                count += 1
                node["ids"] = [f"{prefix}-{count}"]

    @contextmanager
    def _as_page(self, docname: str, **overrides: Any) -> Iterator[None]:
        """Set the builder up as ``write_doc`` does for ``docname`` (image path, section and
        figure numbers), so a fragment renders exactly as on that page; then put it back,
        since the builder is in the middle of writing other pages."""
        builder: Any = self.builder
        names = ("imgpath", "current_docname", "secnumbers", "fignumbers", *overrides)
        saved = {name: getattr(builder, name, None) for name in names}
        try:
            builder.current_docname = docname
            builder.secnumbers = self.env.toc_secnumbers.get(docname, {})
            builder.fignumbers = self.env.toc_fignumbers.get(docname, {})
            builder.imgpath = relative_uri(self.uri(docname), builder.imagedir)
            for name, value in overrides.items():
                setattr(builder, name, value)
            yield
        finally:
            for name, value in saved.items():
                setattr(builder, name, value)

    def _writer_settings(self) -> Any:
        """The settings Sphinx gives a page it writes, with the environment post-transforms need."""
        settings = copy.copy(self.builder.docsettings)  # type: ignore[attr-defined]
        settings.env = self.env
        return settings

    def _translate(self, doctree: Any) -> str:
        """A resolved doctree as HTML, its images registered so that they are copied."""
        builder: Any = self.builder
        builder.post_process_images(doctree)
        visitor = builder.create_translator(doctree, builder)
        doctree.walkabout(visitor)
        return "".join(visitor.fragment)

    # -- whole posts (feeds) ---------------------------------------------------------------

    def post_body_html(self, post: Post) -> str:
        """The whole post as HTML, written as if on its own page, without the blog's header,
        footer and the post's title (a feed entry has its own): rendered once per build, for
        every feed that lists the post. Its images are registered, so they are copied."""
        if post.docname not in self._bodies:
            written = self._written_body(post)
            if written is not None:
                self._bodies[post.docname] = written
                return written
            if post.docname in self._rendering_bodies:
                # resolving the post ran a handler that asked for this same body again
                return ""
            self._rendering_bodies.add(post.docname)
            try:
                self._bodies[post.docname] = self._render_body(post)
            finally:
                self._rendering_bodies.discard(post.docname)
        return self._bodies[post.docname]

    def _written_body(self, post: Post) -> str | None:
        """The post's body as its own page already has it, between the marks the post header
        and footer leave (see render/page_parts.py). Every post page is written before feeds are,
        in this
        build or, unchanged, in an earlier one; reading it back costs a file read instead of
        resolving and translating the whole post again. None when the page lacks the marks."""
        try:
            path: Path = self.builder.get_output_path(post.docname)  # type: ignore[attr-defined]
            page = path.read_text(encoding="utf-8")
        except (AttributeError, OSError, UnicodeDecodeError):
            return None
        start = page.find(BODY_START)
        end = page.find(BODY_END, start)
        if start < 0 or end < 0:
            return None
        # the page's images must be in this build's output too, as if it were written now
        images: Any = getattr(self.builder, "images", None)
        if images is not None:
            images.update(self._images_by_doc().get(post.docname, {}))
        return _HEADERLINK.sub("", page[start + len(BODY_START) : end]).strip() + "\n"

    def _images_by_doc(self) -> dict[str, dict[str, str]]:
        """docname -> {image source: its name in ``_images``}, from Sphinx's own record."""
        if self._doc_images is None:
            self._doc_images = {}
            for source, (docnames, name) in self.env.images.items():
                for docname in docnames:
                    self._doc_images.setdefault(docname, {})[source] = name
        return self._doc_images

    def _render_body(self, post: Post) -> str:
        from docutils import nodes

        docname = post.docname
        self.body_count += 1
        builder: Any = self.builder
        doctree = self.env.get_doctree(docname)
        for node in list(doctree.findall(post_header_node)) + list(
            doctree.findall(post_footer_node)
        ):
            node.parent.remove(node)
        section = next((c for c in doctree.children if isinstance(c, nodes.section)), None)
        if section is not None and section.children and isinstance(section[0], nodes.title):
            section.remove(section[0])
        # no pilcrows in feed readers
        with self._as_page(docname, add_permalinks=False), quiet():
            kwargs: dict[str, Any] = {"doctree": doctree}
            if "tags" in inspect.signature(self.env.get_and_resolve_doctree).parameters:
                kwargs["tags"] = builder.tags
            doctree = self.env.get_and_resolve_doctree(docname, builder, **kwargs)
            doctree.settings = self._writer_settings()
            return self._translate(doctree)
