extensions = ["sphinx_blogposts"]
project = "Titles"
html_baseurl = "https://example.org/"  # feeds need it (else one warning)
