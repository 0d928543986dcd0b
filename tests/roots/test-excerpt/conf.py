extensions = ["sphinx_blogposts"]
project = "Excerpts"
