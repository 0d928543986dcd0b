extensions = ["sphinx_blogposts"]
project = "Dates"
html_baseurl = "https://example.org/"  # feeds need it (else one warning)
