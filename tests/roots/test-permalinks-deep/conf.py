extensions = ["myst_parser", "sphinx_blogposts"]
project = "Deep addresses"
html_baseurl = "https://example.org/"
# set here, so the tests hold whatever the default address of a post is
blogposts_post_url = "{date:%Y/%m/%d}/{slug}"
html_static_path = ["_static"]
html_css_files = ["site.css"]
html_js_files = ["site.js"]
html_logo = "_static/logo.png"
html_favicon = "_static/logo.png"
