extensions = ["sphinx_blogposts"]
project = "Redirect ledger"
html_baseurl = "https://example.org/"
