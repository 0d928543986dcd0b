extensions = ["sphinx_blogposts"]
project = "Bad input"
blogposts_posts_per_page = 100
html_baseurl = "https://blog.example.org/"
