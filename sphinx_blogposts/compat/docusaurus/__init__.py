"""Docusaurus' blog, read as it is: MDX syntax, ``tags.yml``, its URLs and its static folder."""
