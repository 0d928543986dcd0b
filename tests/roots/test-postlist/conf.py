extensions = ["sphinx_blogposts"]
project = "Postlists"
blogposts_authors = {"alice": {"name": "Alice Smith"}}
html_baseurl = "https://example.org/"  # feeds need it (else one warning)
