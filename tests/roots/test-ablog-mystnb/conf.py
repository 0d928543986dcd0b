# An ABlog site with notebook posts through MyST-NB, which replaces myst-parser.
extensions = ["sphinx_blogposts", "myst_nb"]
project = "Notebooks with MyST-NB"
blogposts_pattern = []
nb_execution_mode = "off"  # the notebooks are saved with their outputs
exclude_patterns = ["_build", "**.ipynb_checkpoints"]
html_baseurl = "https://example.org/"
# Sphinx's default source_suffix is one dict shared by every build of a process, which
# nbsphinx and MyST-NB add ".ipynb" to; the test suite builds both in one process.
source_suffix = {".rst": "restructuredtext"}
