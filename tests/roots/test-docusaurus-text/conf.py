extensions = ["sphinx_blogposts"]
project = "Docusaurus text as written"
html_baseurl = "https://example.org/site/"
blogposts_feed_formats = ["atom", "rss", "json"]
