extensions = ["sphinx_blogposts"]
project = "Front-matter images"
html_baseurl = "https://example.org/site/"
exclude_patterns = ["static", "_build"]
blogposts_feed_formats = ["atom", "json"]

# Posts at their files' addresses (blog/2024-01-05-x.html): this root is about other things;
# the default addresses (Docusaurus') are tested with the roots permalinks and docusaurus-*.
blogposts_post_url = None
