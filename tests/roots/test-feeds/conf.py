extensions = ["sphinx_blogposts"]
project = "Feeds"
author = "The Feeds Team"
copyright = "2024, The Feeds Team"
html_baseurl = "https://example.org/docs/"
html_favicon = "https://example.org/favicon.ico"
blogposts_description = "News from the Feeds project"
blogposts_feed_formats = ["atom", "rss", "json"]
blogposts_authors = {
    "ada": {
        "name": "Ada Lovelace",
        "url": "https://ada.example",
        "email": "ada@example.org",
        "image_url": "https://ada.example/ada.png",
    },
    "bob": {"name": "Bob"},
}
html_logo = "logo.png"
language = "en_GB"

# Posts at their files' addresses (blog/2024-01-05-x.html): this root is about other things;
# the default addresses (Docusaurus') are tested with the roots permalinks and docusaurus-*.
blogposts_post_url = None
