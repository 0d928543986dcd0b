extensions = ["sphinx_blogposts"]
project = "Undated Docusaurus posts"
html_baseurl = "https://example.org/"
