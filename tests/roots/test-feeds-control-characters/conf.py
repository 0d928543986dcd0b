extensions = ["sphinx_blogposts"]
project = "Control"
html_baseurl = "https://example.org/"
