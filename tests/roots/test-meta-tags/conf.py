extensions = ["sphinx_blogposts"]
project = "Tags"
html_baseurl = "https://example.org/"  # feeds need it (else one warning)
