extensions = ["sphinx_blogposts"]
project = "Titles"
