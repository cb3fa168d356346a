"""Strong Back: structured back-health content in, a Material for MkDocs site, offline copy and
printable handouts out."""

__version__ = "0.1.0"
