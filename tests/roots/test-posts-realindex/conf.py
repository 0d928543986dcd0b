extensions = ["sphinx_blogposts"]
project = "Real index"
