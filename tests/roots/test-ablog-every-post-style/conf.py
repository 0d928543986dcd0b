# An ABlog site's settings, with only the extensions line changed.
extensions = ["sphinx_blogposts"]
project = "ABlog reading"
blogposts_pattern = []  # ABlog finds posts by their directive or `blogpost: true` only
blogposts_timezone = "Europe/Berlin"
blogposts_posts_per_page = 50
html_baseurl = "https://example.org/"  # feeds need it (else one warning)
