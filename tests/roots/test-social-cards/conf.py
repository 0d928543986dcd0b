extensions = ["sphinx_blogposts"]
project = "Cards"
html_baseurl = "https://example.org/site/"
html_logo = "logo.png"
exclude_patterns = ["static", "_build"]
blogposts_social_cards = True
blogposts_feed_formats = ["atom", "json"]
