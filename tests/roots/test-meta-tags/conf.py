extensions = ["sphinx_blogposts"]
project = "Tags"
