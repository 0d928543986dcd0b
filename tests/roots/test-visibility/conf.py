extensions = ["sphinx_blogposts"]
project = "Visibility"
