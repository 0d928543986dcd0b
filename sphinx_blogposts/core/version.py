"""The package version, in a module of its own so that any layer can name it (the feeds'
generator does) without importing the package that imports every layer."""

__version__ = "0.1.0"
