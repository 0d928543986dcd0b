extensions = ["sphinx_blogposts"]
project = "Structured & Co"
html_baseurl = "https://example.org/docs/"
blogposts_posts_per_page = 3
exclude_patterns = ["_build"]
