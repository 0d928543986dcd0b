extensions = ["sphinx_blogposts"]
project = "Posts"
html_baseurl = "https://example.org/"  # feeds need it (else one warning)
