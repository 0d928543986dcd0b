extensions = ["sphinx_blogposts"]
project = "Front matter"
blogposts_authors = {
    "ana": {"name": "Ana Lima", "title": "Engineer", "url": "https://ana.example"},
    "ben": {"name": "Ben Okafor"},
}
html_baseurl = "https://example.org/"  # feeds need it (else one warning)
