"""``python -m sphinx_blogposts``: command-line helpers (``new`` starts a post)."""

import sys

from .scaffold import main

if __name__ == "__main__":
    sys.exit(main())
