extensions = ["sphinx_blogposts"]
project = "Postlists"
blogposts_authors = {"alice": {"name": "Alice Smith"}}
