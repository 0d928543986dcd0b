extensions = ["sphinx_blogposts"]
project = "MDX comments"
html_baseurl = "https://example.org/"
