"""Relative URLs of rendered HTML moved between pages: ``srcset`` lists among them."""

from __future__ import annotations

from sphinx_blogposts.core.urls import SRCSET_URL, absolutize, relocate


def urls(srcset: str) -> list[str]:
    return [match.group(2) for match in SRCSET_URL.finditer(srcset)]


def test_each_url_of_a_srcset_list_is_found():
    assert urls("a.png 300w, b.png 2x") == ["a.png", "b.png"]
    assert urls("a.png 1x,b.png 2x") == ["a.png", "b.png"]
    assert urls(" a.png, b.png 2x") == ["a.png", "b.png"]  # a URL with no descriptor
    assert urls("a,b.png 2x") == ["a,b.png"]  # a comma inside a URL is part of it


def test_relocate_repoints_every_url_of_a_srcset():
    html = (
        '<img src="../../img/a.png" '
        'srcset="../../img/a.png 1x, ../../img/b.png 2x, https://x.org/c.png 3x">'
    )
    assert relocate(html, "blog/post/index.html", "blog/index.html") == (
        '<img src="../img/a.png" srcset="../img/a.png 1x, ../img/b.png 2x, https://x.org/c.png 3x">'
    )


def test_absolutize_makes_every_url_of_a_srcset_absolute():
    html = '<source srcSet="../img/a.png 300w,../img/b.png 600w">'
    assert absolutize(html, "blog/post.html", "https://example.org/docs/") == (
        '<source srcSet="https://example.org/docs/img/a.png 300w,'
        'https://example.org/docs/img/b.png 600w">'
    )
