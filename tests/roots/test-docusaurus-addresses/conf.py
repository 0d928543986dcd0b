# A Docusaurus blog copied in as docs/migrating.md says: no address setting at all, so
# every post gets the address Docusaurus gave it (blogposts_post_url's default).
extensions = ["sphinx_blogposts"]
project = "Addresses"
html_baseurl = "https://example.org/"
exclude_patterns = ["_build"]
