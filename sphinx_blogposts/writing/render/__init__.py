"""Rendering: what a page shows of the blog, as HTML fragments made through the templates.

Cards, post headers and footers, postlists, excerpts and whole posts, the series box,
related posts, comments and sidebars; nothing here decides whether a page is written.
"""
