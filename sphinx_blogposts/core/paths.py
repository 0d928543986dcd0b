"""Where the package's own files are: its templates, stylesheet and message catalogs.

They sit at the package's top level (the wheel ships them there), while the code that
uses them lives in subpackages; one module names them, so a move never breaks a path.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent
TEMPLATES = PACKAGE / "templates"
STATIC = PACKAGE / "static"
LOCALES = PACKAGE / "locales"
