"""A small blog with pictures, laid out as a grid: what .ci/browser_check.py opens in each
theme to check card images, the grid and covers (and photographs for docs/pictures.md)."""

import os

project = "A blog with pictures"
extensions = ["sphinx_blogposts"]
exclude_patterns = ["_build"]
html_title = "A blog with pictures"
html_favicon = "../../docs/_static/favicon.svg"

blogposts_title = "Notes"
blogposts_index_layout = "grid"
blogposts_posts_per_page = 12
blogposts_feed_formats = []

html_theme = os.environ.get("DOCS_THEME", "furo")
if html_theme in ("pydata_sphinx_theme", "sphinx_book_theme"):
    html_context = {"default_mode": "auto"}  # follow the reader's light/dark preference
