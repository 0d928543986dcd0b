extensions = ["sphinx_blogposts"]
project = "Docusaurus text as written"
html_baseurl = "https://example.org/site/"
blogposts_feed_formats = ["atom", "rss", "json"]
html_sidebars = {"**": ["blogposts/recent.html"]}
blogposts_sidebar_recent = 10
