extensions = ["sphinx_blogposts"]
project = "Excerpts"
html_baseurl = "https://example.org/"  # feeds need it (else one warning)
