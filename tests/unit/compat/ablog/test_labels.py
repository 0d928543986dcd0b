"""ABlog's label and page-name slugs (``compat/ablog/labels.py``), which must be ABlog's own.

A site moving from ABlog keeps its ``:ref:`tag-<name>``` labels and its old URLs
(``blog/tag/<name>``), so the slug has to be what ABlog's ``slugify`` made: accents
dropped, symbols removed (not spelled out, unlike our page slugs), lower case, runs of
spaces and hyphens made one hyphen, letters of every script kept.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sphinx_blogposts.compat.ablog.labels import ablog_slug, post_label
from sphinx_blogposts.core.slugs import slugify

from ... import PROPERTY


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Hello World", "hello-world"),
        ("  Release   notes ", "release-notes"),
        ("a -- b", "a-b"),
        ("snake_case", "snake_case"),  # "_" is a word character to ABlog
        ("Café Crème", "cafe-creme"),
        ("日本語 テスト", "日本語-テスト"),  # kept, not dropped as our page slugs do
        ("タグ", "タク"),  # the voiced mark decomposes into a combining mark: dropped
        ("C++", "c"),
        ("C#", "c"),
        ("Q&A: why?", "qa-why"),
        ("", ""),
        ("!!!", ""),
    ],
)
def test_ablog_slug(text: str, slug: str) -> None:
    assert ablog_slug(text) == slug


def test_ablog_labels_and_our_page_slugs_differ_where_ablog_loses_symbols() -> None:
    # ABlog gave C and C++ one label; our pages keep them apart
    assert ablog_slug("C++") == ablog_slug("C")
    assert slugify("C++") != slugify("C")


@PROPERTY
@given(st.text(max_size=30))
def test_ablog_slug_agrees_with_ablogs_own(text: str) -> None:
    blog = pytest.importorskip("ablog.blog")  # ABlog is not a dependency: where installed
    assert ablog_slug(text) == blog.slugify(text)


@pytest.mark.parametrize(
    ("docname", "title", "label"),
    [
        ("blog/2020-06-05-first-post", "First", "2020-06-05-first-post"),
        ("blog/My-Post", "Mine", "my-post"),  # labels are lower case
        ("blog/Folder-Post/index", "x", "folder-post"),  # an index: its folder's name
        ("index", "Home", "index"),  # no folder to take the name from
        ("blog/", "Hello World", "hello-world"),  # no name at all: the title's slug
    ],
)
def test_post_label(docname: str, title: str, label: str) -> None:
    assert post_label(docname, title) == label
