extensions = ["sphinx_blogposts"]
project = "Docusaurus srcset"
html_baseurl = "https://example.org/"
exclude_patterns = ["static"]
