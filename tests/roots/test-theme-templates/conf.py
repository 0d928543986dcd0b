extensions = ["sphinx_blogposts"]
project = "Theme templates"
html_theme = "blogtheme"
html_theme_path = ["_themes"]
templates_path = ["_templates"]
html_sidebars = {"**": ["blogposts/recent.html"]}
html_baseurl = "https://example.org/"
