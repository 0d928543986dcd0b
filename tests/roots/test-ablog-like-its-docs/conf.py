# Shaped like ABlog's own documentation: a manual and release notes posted with the
# post directive, an external-link post, an undated post, and feeds at blog_baseurl,
# which is not where the pages are. Only the extensions line was changed.
extensions = ["sphinx_blogposts"]
project = "Kiln"
exclude_patterns = ["_build"]

html_baseurl = "https://docs.kiln.example/"
blog_baseurl = "https://kiln.example/"
blog_title = "Kiln"
blog_authors = {"Ann": ("Ann Potter", None)}
blog_default_author = "Ann"
blog_languages = {"en": ("English", None), "nl": ("Nederlands", None)}
blog_default_language = "en"
