"""Property tests: the front-matter reader never raises, and always gives a post or a warning.

Hypothesis feeds arbitrary text and arbitrary YAML mappings to
:func:`sphinx_blogposts.reading.frontmatter.parse`, and arbitrary front-matter values to the
real :class:`~sphinx_blogposts.reading.posts.PostReader` of a built project.
"""

from __future__ import annotations

import os
import shutil
from datetime import date, datetime
from io import StringIO

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from sphinx_blogposts.core.model import Post
from sphinx_blogposts.reading import frontmatter
from sphinx_blogposts.reading.post_sources import PostSources
from sphinx_blogposts.reading.posts import PostReader
from tests.conftest import ROOTS

# Random exploration on developers' machines; the same examples every time in CI (CI=true),
# so that CI never fails by chance on a case nobody has seen.
FAST = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
    derandomize=bool(os.environ.get("CI")),
)

KEYS = [
    "title",
    "date",
    "updated",
    "authors",
    "author",
    "tags",
    "category",
    "categories",
    "slug",
    "draft",
    "unlisted",
    "description",
    "image",
    "keywords",
    "excerpt",
    "last_update",
    "blogpost",
    "location",
    "language",
]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.dates(),
    st.datetimes(),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.text(max_size=8) | st.sampled_from(["name", "key", "url", "date"]), inner, max_size=4
        )
    ),
    max_leaves=12,
)
mappings = st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=10), values, max_size=8)


def check_front_matter(fm: frontmatter.FrontMatter | None) -> None:
    if fm is None:
        return
    assert isinstance(fm.data, dict)
    assert all(isinstance(k, str) for k in fm.data)
    for message, line in fm.problems:
        assert isinstance(message, str) and message
        assert isinstance(line, int) and line >= 1
    for line in fm.lines.values():
        assert line >= 2


@FAST
@given(st.text(max_size=300))
@example("date: 2024-13-45\n")  # an impossible date is a ValueError inside PyYAML
@example("title: x\n  - [\ttab: {\n")
@example("[" * 2000)  # nesting deep enough for a RecursionError
def test_parse_never_raises_on_any_text(body):
    check_front_matter(frontmatter.parse("---\n" + body))
    check_front_matter(frontmatter.parse("---\n" + body + "\n---\n\ntext\n"))
    check_front_matter(frontmatter.parse(body))


@FAST
@given(mappings)
def test_parse_reads_every_dumped_mapping(data):
    try:
        text = yaml.safe_dump(data, allow_unicode=True)
    except (yaml.YAMLError, ValueError):
        return
    fm = frontmatter.parse(f"---\n{text}---\n\nBody.\n")
    check_front_matter(fm)
    assert fm is not None
    if yaml.safe_load(text) == data and data:
        assert fm.problems == []
        assert set(fm.data) == {str(k) for k in data}


@pytest.fixture(scope="module")
def reader_app(tmp_path_factory):
    from sphinx.testing.util import SphinxTestApp

    src = tmp_path_factory.mktemp("props") / "root"
    shutil.copytree(ROOTS / "test-paginated-blog", src)
    app = SphinxTestApp("html", srcdir=src, freshenv=True, status=StringIO(), warning=StringIO())
    app.build()
    yield app
    app.cleanup()


@FAST
@given(mappings)
@example({"draft": "2\x1e"})  # a record separator once split a warning in two lines
def test_post_reader_always_gives_a_post(reader_app, data):
    app = reader_app
    docname = "blog/2024-01-02-post-1"
    doctree = app.env.get_doctree(docname)
    fm = frontmatter.FrontMatter(data=data, lines={k: 2 for k in data})
    before = app.warning.tell()
    post = PostReader(PostSources(app, docname, doctree, fm, None)).read()
    assert isinstance(post, Post)
    assert isinstance(post.title, str) and post.title.strip()
    assert post.date is None or (isinstance(post.date, datetime) and post.date.tzinfo)
    assert all(isinstance(t, str) and t.strip() for t in post.tags)
    assert isinstance(post.draft, bool) and isinstance(post.unlisted, bool)
    assert post.slug is None or (".." not in post.slug.split("/") and "\\" not in post.slug)
    warnings = app.warning.getvalue()[before:]
    assert "Traceback" not in warnings
    # every line written is one of this extension's located warnings
    for line in warnings.splitlines():
        assert "[blogposts." in line and ": WARNING: " in line, line
    # a value that was given but not used costs a warning
    if "date" in data and data["date"] is not None and not isinstance(data["date"], (date, str)):
        assert "[blogposts.date]" in warnings
