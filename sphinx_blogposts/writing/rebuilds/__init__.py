"""Rebuild bookkeeping: what each page was made of last time, and what must be written again.

Signatures of what a page shows, the fingerprint of the blog's inputs, and the
documents Sphinx must write again after a read; no rendering happens here.
"""
