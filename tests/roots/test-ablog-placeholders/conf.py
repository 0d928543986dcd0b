# An ABlog site that keeps documents where ABlog writes its pages, so that its
# navigation lists them; only the extensions line was changed.
extensions = ["sphinx_blogposts"]
project = "Placeholders"
exclude_patterns = ["_build"]

blog_title = "Field Notes"
blog_baseurl = "https://notes.example/"
blog_authors = {"Mara": ("Mara Quill", None)}
