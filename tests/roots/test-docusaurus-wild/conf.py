extensions = ["sphinx_blogposts"]
project = "Wild Docusaurus blog"
html_baseurl = "https://example.org/site/"
exclude_patterns = ["static"]
html_sidebars = {"**": ["blogposts/recent.html"]}
blogposts_posts_per_page = 50
blogposts_sidebar_recent = 50
