extensions = ["sphinx_blogposts"]
project = "Card images"
exclude_patterns = ["static", "_build"]
blogposts_feed_formats = []
