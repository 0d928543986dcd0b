extensions = ["sphinx_blogposts"]
project = "Posts"
