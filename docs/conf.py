"""Sphinx configuration of the sphinx-blogposts documentation (which has a blog of its own)."""

import sphinx_blogposts

project = "sphinx-blogposts"
author = "sphinx-blogposts developers"
copyright = "2026, sphinx-blogposts developers"
release = sphinx_blogposts.__version__
version = release

extensions = ["sphinx_blogposts"]  # loads myst_parser itself

exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]

html_theme = "furo"
html_title = "sphinx-blogposts"
html_baseurl = "https://sphinx-blogposts.example.org/"

# The project's own blog: posts live in docs/blog/, authors in docs/blog/authors.yml.
blogposts_title = "Blog"
blogposts_description = "News and notes from the sphinx-blogposts project."
blogposts_posts_per_page = 5
