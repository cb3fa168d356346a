"""The font family shipped with the project: Atkinson Hyperlegible (SIL OFL 1.1, see LICENSE and
VENDORED.txt in this folder). Handout PDFs load it from here and the website publishes the same
files at `assets/fonts/`, so no layout depends on which fonts a machine has.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

FAMILY = "Atkinson Hyperlegible"
"""The family name the stylesheets use, and the name `pdffonts` shows in every PDF."""
SITE_FOLDER = "assets/fonts"
"""Where the build publishes the font files in the site (docs/css/strongback.css loads them)."""


def folder() -> Path:
    return Path(str(resources.files("strongback") / "fonts"))


def files() -> list[Path]:
    """The font files, in a stable order."""
    return sorted(folder().glob("*.woff2"))


def published() -> list[Path]:
    """Everything the site publishes under SITE_FOLDER: the fonts and their licence."""
    return [*files(), folder() / "LICENSE"]


@cache
def characters() -> frozenset[int]:
    """Code points every style of the family can draw (the intersection of their cmaps)."""
    from fontTools.ttLib import TTFont  # WeasyPrint's own dependency

    common: set[int] | None = None
    for path in files():
        font = TTFont(path)
        cmap = set(font.getBestCmap())
        common = cmap if common is None else common & cmap
    return frozenset(common or ())


def missing_characters(text: str) -> list[str]:
    """Characters of `text` the family cannot draw (control characters aside), sorted."""
    drawable = characters()
    return sorted({c for c in text if ord(c) >= 0x20 and ord(c) not in drawable})


def describe(characters: list[str]) -> str:
    return ", ".join(f"{c!r} (U+{ord(c):04X})" for c in characters)
