"""Files the blog writes beside Sphinx's own: generated pages, feeds, pages at old URLs.

Each kind of output is written only when what it shows changed (see ``rebuilds``), by
the main process or, under ``-j``, by Sphinx's workers (``parallel``).
"""
