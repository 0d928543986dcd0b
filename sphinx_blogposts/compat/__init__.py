"""One compatibility layer per blog engine whose posts and sites we read.

Each layer may use every other part of the package; nothing but ``setup()`` imports a
layer, so the blog itself never depends on how another engine wrote its posts.
"""
