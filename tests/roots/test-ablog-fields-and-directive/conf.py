extensions = ["sphinx_blogposts"]
project = "ABlog switchers"
blogposts_pattern = []
# ABlog's blog_authors form: key -> (name, url)
blogposts_authors = {"ann": ("Ann Smith", "https://ann.example")}
html_baseurl = "https://example.org/"  # feeds need it (else one warning)
