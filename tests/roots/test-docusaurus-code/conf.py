extensions = ["sphinx_blogposts"]
project = "Docusaurus code blocks"
html_baseurl = "https://example.org/"
