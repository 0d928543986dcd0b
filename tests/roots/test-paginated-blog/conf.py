extensions = ["sphinx_blogposts"]
project = "Many"
blogposts_posts_per_page = 4
html_baseurl = "https://example.org/"  # feeds need it (else one warning)
