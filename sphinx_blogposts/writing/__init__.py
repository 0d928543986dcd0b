"""The blog's writing side: what readers see, built from the posts the reading side stored.

Post headers and footers, postlists, the generated pages (index, tags, authors,
archive), cards, feeds, sidebars and the theme's additions. It imports
:mod:`sphinx_blogposts.reading` and :mod:`sphinx_blogposts.core`, never a
compatibility layer: those plug in through the hooks this side offers.
"""
