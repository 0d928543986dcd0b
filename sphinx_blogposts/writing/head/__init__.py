"""What the blog adds to a page's ``<head>``: meta tags, Open Graph, JSON-LD, feed links.

Everything here runs at ``html-page-context`` and adds to the theme's page, never
replaces it.
"""
