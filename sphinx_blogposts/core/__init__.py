"""What every layer shares: the data model, the configuration, warnings, slugs and URLs.

Nothing here imports another part of the package, so any module may import it.
"""
