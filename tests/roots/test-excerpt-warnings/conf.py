extensions = ["sphinx_blogposts"]
project = "Warnings in excerpts"
html_baseurl = "https://example.org/"
blogposts_feed_formats = ["atom", "json"]
blogposts_feed_content = "excerpt"
