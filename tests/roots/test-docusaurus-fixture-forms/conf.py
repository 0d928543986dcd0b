extensions = ["sphinx_blogposts"]
project = "Docusaurus fixture forms"
html_baseurl = "https://example.org/"
exclude_patterns: list[str] = []
