# A conf.py as an ABlog site has it: only the extensions line was changed.
extensions = ["sphinx_blogposts"]
project = "ABlog site"
exclude_patterns = ["_build"]

blog_path = "news"
blog_title = "Site News"
blog_baseurl = "https://example.org/"
blog_authors = {
    "Ahmet": ("Ahmet Bakan", "https://ahmet.example"),
    "Durden": ("Tyler Durden", None),
}
blog_locations = {
    "Pitt": ("Pittsburgh", "https://pittsburgh.example"),
    "SF": ("San Francisco", None),
}
blog_languages = {"en": ("English", None), "fr": ("Français", None)}
blog_default_author = "Ahmet"
blog_default_location = "Pitt"
blog_default_language = "en"
blog_feed_archives = True
blog_feed_length = 5
blog_feed_subtitle = "What happens here"
post_date_format = "%d %B %Y"
post_date_format_short = "%d %b"
post_show_prev_next = False
post_redirect_refresh = 3
fontawesome_link_cdn = "https://cdn.example/font-awesome.css"
disqus_shortname = "site-news"

html_sidebars = {
    "**": [
        "ablog/postcard.html",
        "ablog/recentposts.html",
        "ablog/tagcloud.html",
        "ablog/archives.html",
        "ablog/categories.html",
        "ablog/authors.html",
        "ablog/languages.html",
        "ablog/locations.html",
    ]
}
