extensions = ["sphinx_blogposts", "sphinxext.opengraph", "sphinx_sitemap"]
project = "Eco"
html_baseurl = "https://example.org/en/latest/"
sitemap_url_scheme = "{link}"
ogp_site_url = "https://example.org/en/latest/"
ogp_social_cards = {"enable": False}

# Posts at their files' addresses (blog/2024-01-05-x.html): this root is about other things;
# the default addresses (Docusaurus') are tested with the roots permalinks and docusaurus-*.
blogposts_post_url = None
