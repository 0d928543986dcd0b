extensions = ["sphinx_blogposts"]
project = "Redirect ledger"
html_baseurl = "https://example.org/"

# The posts stay at their files' addresses (blog/2021-01-02-alpha.html), so each keeps a
# redirect page at its Docusaurus address: this root is about those pages. Under the
# default ("docusaurus") the post itself is there and no redirect is written.
blogposts_post_url = None
