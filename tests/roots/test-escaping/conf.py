extensions = ["sphinx_blogposts"]
project = "Escaping"
