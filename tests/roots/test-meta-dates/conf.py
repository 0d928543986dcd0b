extensions = ["sphinx_blogposts"]
project = "Dates"
blogposts_timezone = "America/New_York"
blogposts_posts_per_page = 50
html_baseurl = "https://example.org/"  # feeds need it (else one warning)
