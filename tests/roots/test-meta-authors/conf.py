extensions = ["sphinx_blogposts"]
project = "Authors"
blogposts_authors = {
    "ana": {
        "name": "Ana Lima",
        "title": "Engineer",
        "url": "https://ana.example",
        "image_url": "https://ana.example/ana.png",
    },
}
html_baseurl = "https://example.org/"  # feeds need it (else one warning)
