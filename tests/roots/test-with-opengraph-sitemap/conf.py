extensions = ["sphinx_blogposts", "sphinxext.opengraph", "sphinx_sitemap"]
project = "Eco"
html_baseurl = "https://example.org/en/latest/"
sitemap_url_scheme = "{link}"
ogp_site_url = "https://example.org/en/latest/"
ogp_social_cards = {"enable": False}
