extensions = ["sphinx_blogposts"]
project = "Links"
html_baseurl = "https://example.org/"
blogposts_site_url = "https://example.org"
blogposts_url_map = {"/community/": "/docs/"}
exclude_patterns = ["static"]
