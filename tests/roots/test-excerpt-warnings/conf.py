extensions = ["sphinx_blogposts"]
project = "Warnings in excerpts"
html_baseurl = "https://example.org/"
blogposts_feed_formats = ["atom", "json"]
blogposts_feed_content = "excerpt"

# Posts at their files' addresses (blog/2024-01-05-x.html): this root is about other things;
# the default addresses (Docusaurus') are tested with the roots permalinks and docusaurus-*.
blogposts_post_url = None
