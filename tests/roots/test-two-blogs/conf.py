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

# Posts at their files' addresses (blog/2024-01-05-x.html): this root is about other things;
# the default addresses (Docusaurus') are tested with the roots permalinks and docusaurus-*.
blogposts_post_url = None
