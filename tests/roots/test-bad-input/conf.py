extensions = ["sphinx_blogposts"]
project = "Bad input"
blogposts_posts_per_page = 100
