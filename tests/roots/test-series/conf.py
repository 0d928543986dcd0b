extensions = ["sphinx_blogposts"]
project = "Series"
html_baseurl = "https://example.org/"
