extensions = ["sphinx_blogposts"]
project = "Front-matter images"
html_baseurl = "https://example.org/site/"
exclude_patterns = ["static", "_build"]
blogposts_feed_formats = ["atom", "json"]
