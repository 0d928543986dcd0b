extensions = ["sphinx_blogposts"]
project = "Two blogs"
html_baseurl = "https://example.org/"
blogposts_title = "Engineering blog"
blogposts_pattern = ["blog/**", "shared/**"]
blogposts_blogs = {
    "news": {
        "title": "News",
        "description": "What happened.",
        "pattern": ["news/**", "shared/**"],
        "posts_per_page": 2,
        "feed_formats": ["atom"],
    },
}
html_sidebars = {"**": ["blogposts/recent.html", "blogposts/tags.html"]}
