"""The blog's reading side: which documents are posts and what they say.

Front matter, dates, authors, tags and excerpts are read here, at Sphinx's read phase
(``source-read``, ``doctree-read``), and kept per document in the ``blogposts`` domain,
which is pickled with the environment and merged across ``-j`` workers. It imports
only :mod:`sphinx_blogposts.core`.
"""
