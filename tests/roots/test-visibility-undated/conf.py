extensions = ["sphinx_blogposts"]
project = "Dates"
