"""A blog with pictures, laid out as a grid, with generated social cards: what
.ci/browser_check.py opens in each theme to check card images, the grid, covers and cards
(and photographs for docs/pictures.md). The check builds it with this conf.py (-c) from
a copy of its posts to which it adds short posts up to 50, in its own output folder."""

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
# a generated card for every post without a picture, shown in the grid too
blogposts_social_cards = True
blogposts_list_cards = "generated"

html_theme = os.environ.get("DOCS_THEME", "furo")
if html_theme in ("pydata_sphinx_theme", "sphinx_book_theme"):
    html_context = {"default_mode": "auto"}  # follow the reader's light/dark preference
