extensions = ["sphinx_blogposts"]
project = "Escaping"
html_baseurl = "https://example.org/"  # feeds need it (else one warning)
