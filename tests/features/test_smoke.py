from tests.conftest import blog_warnings


def test_clean_blog_builds_without_warnings(shared_build, page):
    app = shared_build("small-blog")
    assert app.warning.getvalue().strip() == ""
    assert blog_warnings(app) == []
    index = page(app, "blog/index.html")
    titles = [a.get_text() for a in index.select(".blogposts-card-title a")]
    assert titles == ["2023 Year in Review", "Hello world", "C post"]
