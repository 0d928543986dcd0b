extensions = ["sphinx_blogposts"]
project = "Real index"
html_baseurl = "https://example.org/"  # feeds need it (else one warning)
