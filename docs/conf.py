"""Sphinx configuration of the sphinx-blogposts documentation (which has a blog of its own)."""

import os

import sphinx_blogposts

project = "sphinx-blogposts"
author = "sphinx-blogposts developers"
copyright = "2026, sphinx-blogposts developers"
release = sphinx_blogposts.__version__
version = release

extensions = ["sphinx_blogposts"]  # loads myst_parser itself

exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]

html_title = "sphinx-blogposts"
html_favicon = "_static/favicon.svg"
html_baseurl = "https://sphinx-blogposts.example.org/"

# The project's own blog: posts live in docs/blog/, authors in docs/blog/authors.yml.
blogposts_title = "Blog"
blogposts_description = "News and notes from the sphinx-blogposts project."
blogposts_posts_per_page = 5
# A generated social card (og:image) for each post without an image of its own.
blogposts_social_cards = True

# The site is built with furo. The browser check (tox -e browser) also builds it with
# pydata-sphinx-theme, by setting DOCS_THEME, to see the blog in both.
html_theme = os.environ.get("DOCS_THEME", "furo")
BLOG_SIDEBARS = [
    "blogposts/recent.html",
    "blogposts/tags.html",
    "blogposts/archives.html",
    "blogposts/authors.html",
]
if html_theme == "furo":
    # furo: html_sidebars replaces its whole left sidebar, so list furo's own parts too.
    html_sidebars = {
        "**": [
            "sidebar/brand.html",
            "sidebar/search.html",
            "sidebar/scroll-start.html",
            "sidebar/navigation.html",
            *BLOG_SIDEBARS,
            "sidebar/scroll-end.html",
        ]
    }
elif html_theme == "pydata_sphinx_theme":
    # pydata: html_sidebars fills the left sidebar; the right one is a theme option.
    html_sidebars = {"**": ["sidebar-nav-bs", *BLOG_SIDEBARS]}
    html_theme_options = {
        "secondary_sidebar_items": ["page-toc", "blogposts/recent.html"],
    }
    html_context = {"default_mode": "auto"}  # follow the reader's light/dark preference

# Comments are off on the published site. The browser check turns giscus on (with made-up
# ids; it serves a stand-in for giscus' script) to see the lazy loader work in each theme.
if os.environ.get("BLOGPOSTS_CHECK_COMMENTS"):
    blogposts_comments = {
        "provider": "giscus",
        "repo": "example/sphinx-blogposts",
        "repo_id": "R_example",
        "category": "Blog",
        "category_id": "DIC_example",
    }
