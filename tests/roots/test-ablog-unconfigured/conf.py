# An ABlog site that configures nothing: only the extensions line was changed.
extensions = ["sphinx_blogposts"]
exclude_patterns = ["_build"]
