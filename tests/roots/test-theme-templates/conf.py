extensions = ["sphinx_blogposts"]
project = "Theme templates"
html_theme = "blogtheme"
html_theme_path = ["_themes"]
templates_path = ["_templates"]
html_sidebars = {"**": ["blogposts/recent.html"]}
html_baseurl = "https://example.org/"

# Posts at their files' addresses (blog/2024-01-05-x.html): this root is about other things;
# the default addresses (Docusaurus') are tested with the roots permalinks and docusaurus-*.
blogposts_post_url = None
