extensions = ["myst_parser", "sphinx_blogposts"]
project = "Permalinks"
html_baseurl = "https://example.org/"
blogposts_post_url = "{date:%Y/%m/%d}/{slug}"
html_static_path = ["_static"]
html_css_files = ["site.css"]
