extensions = ["sphinx_blogposts"]
project = "Many"
blogposts_posts_per_page = 4
