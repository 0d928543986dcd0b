extensions = ["sphinx_blogposts"]
project = "Empty files"
html_baseurl = "https://example.org/"
