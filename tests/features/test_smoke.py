import pytest

from tests.conftest import blog_warnings


@pytest.mark.sphinx("html", testroot="small-blog", freshenv=True)
def test_clean_blog_builds_without_warnings(app, page):
    app.build()
    assert app.warning.getvalue().strip() == ""
    assert blog_warnings(app) == []
    index = page(app, "blog/index.html")
    titles = [a.get_text() for a in index.select(".blogposts-card-title a")]
    assert titles == ["2023 Year in Review", "Hello world", "C post"]
