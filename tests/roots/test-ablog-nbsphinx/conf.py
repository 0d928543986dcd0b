# An ABlog site with notebook posts through nbsphinx (ABlog's documented way).
extensions = ["sphinx_blogposts", "nbsphinx"]
project = "Notebooks with nbsphinx"
blogposts_pattern = []
nbsphinx_execute = "never"  # the notebooks are saved with their outputs
exclude_patterns = ["_build", "**.ipynb_checkpoints"]
html_baseurl = "https://example.org/"
# Sphinx's default source_suffix is one dict shared by every build of a process, which
# nbsphinx and MyST-NB add ".ipynb" to; the test suite builds both in one process.
source_suffix = {".rst": "restructuredtext"}
