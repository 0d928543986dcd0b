"""A post whose file's name has a space (Docusaurus' ``no date.md``), at its address
``blog/no date/``: in html and dirhtml the page there is the post itself, and the
redirect at its file's address is written under the name as it is, not percent-encoded
(``no%20date.html`` is a URI, not a file name)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import soup_of


@pytest.mark.parametrize("builder", ["html", "dirhtml"])
def test_the_post_with_a_space_is_at_its_address_and_its_file_redirects(shared_build, builder):
    out = Path(shared_build("docusaurus-undated", builder).outdir)
    post = soup_of(out / "blog/no date/index.html")
    assert post.find("meta", attrs={"http-equiv": "refresh"}) is None
    assert post.find("h1").get_text().rstrip("#¶ ") == "Spaced name"
    assert not [p for p in out.rglob("*%*")]  # no file named by a URI
    if builder == "html":
        refresh = soup_of(out / "blog/no date.html").find("meta", attrs={"http-equiv": "refresh"})
        assert refresh["content"].endswith("url=no%20date/index.html")
