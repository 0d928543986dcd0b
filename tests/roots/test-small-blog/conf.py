extensions = ["sphinx_blogposts"]
project = "Try"
html_baseurl = "https://example.org/"
