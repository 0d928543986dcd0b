extensions = ["sphinx_blogposts"]
project = "Visibility"
html_baseurl = "https://example.org/"  # feeds need it (else one warning)
