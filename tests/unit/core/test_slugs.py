"""Slugs of tags, authors and series (``slugify``, ``unique_slugs``) and a post's ``slug``."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sphinx_blogposts.core.slugs import MAX_SLUG, safe_slug, short_hash, slugify, unique_slugs

from .. import PROPERTY

URL_SAFE = re.compile(r"(?:[a-z0-9]+(?:-[a-z0-9]+)*)?")


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Python", "python"),
        ("  Hello,   World!  ", "hello-world"),
        ("release_notes", "release-notes"),
        ("v2.0", "v2-0"),
        # symbols that tell tags apart are spelled out
        ("C", "c"),
        ("C++", "c-plus-plus"),
        ("C#", "c-sharp"),
        ("AT&T", "at-and-t"),
        ("@mention", "at-mention"),
        ("100%", "100-percent"),
        # accents are dropped, compatibility forms decomposed
        ("Café crème", "cafe-creme"),
        ("Ærø", "r"),  # Æ and ø have no decomposition: dropped, not guessed
        ("ﬁnal", "final"),  # the ligature ﬁ is f + i
        ("①②", "12"),
        # a path cannot come through
        ("../../etc/passwd", "etc-passwd"),
        ("a/b\\c", "a-b-c"),
    ],
)
def test_slugify(text: str, slug: str) -> None:
    assert slugify(text) == slug


@pytest.mark.parametrize("text", ["", "   ", "日本語", "---", "!?", "\x00\x1f"])
def test_slugify_is_empty_without_ascii_letters_or_digits(text: str) -> None:
    assert slugify(text) == ""


def test_c_cplusplus_and_csharp_get_three_slugs() -> None:
    assert len({slugify("C"), slugify("C++"), slugify("C#")}) == 3


@PROPERTY
@given(st.text(max_size=40))
def test_slugify_is_url_safe_and_idempotent(text: str) -> None:
    slug = slugify(text)
    assert URL_SAFE.fullmatch(slug), slug
    assert slugify(slug) == slug


def test_short_hash_is_eight_hex_digits_of_sha1() -> None:
    # sha1("abc") = a9993e364706816aba3e25717850c26c9cd0d89d
    assert short_hash("abc") == "a9993e36"


def test_unique_slugs_keeps_plain_slugs_when_nothing_collides() -> None:
    assert unique_slugs(["Python", "C++", "Rust"]) == {
        "Python": "python",
        "C++": "c-plus-plus",
        "Rust": "rust",
    }


def test_unique_slugs_first_in_sorted_order_keeps_the_plain_slug() -> None:
    # "Web Dev" < "web-dev" < "web_dev" in code-point order: the first keeps "web-dev"
    slugs = unique_slugs(["web_dev", "web-dev", "Web Dev"])
    assert slugs["Web Dev"] == "web-dev"
    assert slugs["web-dev"] == f"web-dev-{short_hash('web-dev')}"
    assert slugs["web_dev"] == f"web-dev-{short_hash('web_dev')}"


def test_unique_slugs_gives_a_prefixed_hash_to_keys_with_no_slug() -> None:
    slugs = unique_slugs(["日本語", "中文"], prefix="author")
    assert slugs == {
        "日本語": f"author-{short_hash('日本語')}",
        "中文": f"author-{short_hash('中文')}",
    }


def test_unique_slugs_cuts_a_long_slug_and_keeps_it_apart_from_its_prefix() -> None:
    long = "word " * 20  # 99 characters of slug
    cut = ("word-" * 12)[:MAX_SLUG].rstrip("-")
    slugs = unique_slugs([long, cut])
    assert slugs[long] == f"{cut}-{short_hash(long)}"
    assert slugs[cut] == cut  # the tag that is just the prefix keeps it
    assert len(slugs[long]) <= MAX_SLUG + 9


def test_unique_slugs_ignores_duplicate_keys() -> None:
    assert unique_slugs(["a", "a", "A"]) == {"A": "a", "a": f"a-{short_hash('a')}"}


@PROPERTY
@given(st.lists(st.text(max_size=12), max_size=12), st.randoms())
def test_unique_slugs_are_unique_url_safe_and_independent_of_order(keys, random) -> None:
    slugs = unique_slugs(keys)
    assert set(slugs) == set(keys)
    assert len(set(slugs.values())) == len(slugs)
    assert all(URL_SAFE.fullmatch(s) and s for s in slugs.values())
    shuffled = list(keys)
    random.shuffle(shuffled)
    assert unique_slugs(shuffled) == slugs


@pytest.mark.parametrize(
    ("text", "clean"),
    [
        ("my-post", "my-post"),
        ("/my-post", "my-post"),  # a leading / is the blog's root, not the disk's
        ("2024/my-post/", "2024/my-post"),
        ("  a//b  ", "a/b"),
        ("café", "café"),  # not a tag slug: the author's spelling is kept
    ],
)
def test_safe_slug_keeps_a_relative_path(text: str, clean: str) -> None:
    assert safe_slug(text) == (clean, None)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("../outside", "it contains '.' or '..'"),
        ("a/./b", "it contains '.' or '..'"),
        ("a\\b", "it contains a backslash"),
        ("a\x00b", "it contains a control character"),
        ("line\nbreak", "it contains a control character"),
        ("https://example.org/x", "it is a URL or a drive, not a path"),
        ("C:/Windows", "it is a URL or a drive, not a path"),
        ("a?b#c", "it contains # ?, which cannot be in a URL path"),
        ("<script>", "it contains < >, which cannot be in a URL path"),
        ("/", "it is empty"),
        ("   ", "it is empty"),
    ],
)
def test_safe_slug_refuses_what_could_leave_the_blog_or_break_a_url(text: str, why: str) -> None:
    assert safe_slug(text) == (None, why)
