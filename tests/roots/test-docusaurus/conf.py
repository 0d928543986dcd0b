extensions = ["sphinx_blogposts", "sphinx_design"]
project = "Docusaurus migration"
html_baseurl = "https://example.org/docs/"
exclude_patterns = ["static"]
