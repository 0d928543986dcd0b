"""The blog view: each blog's posts in order, with their tags, authors, series and relations.

Built once per build from the posts the reading side stored (see ``registry``), and the
only thing the rest of the writing side asks about the blog as a whole.
"""
