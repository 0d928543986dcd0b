# The file names and slugs of Docusaurus' own blog-plugin test fixtures, with our text.
# No blogposts_post_url: the tests give it, or test the default address of a post.
extensions = ["sphinx_blogposts"]
project = "Docusaurus fixture permalinks"
html_baseurl = "https://example.org/"
exclude_patterns: list[str] = []
