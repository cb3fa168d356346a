"""What the pages need from the installed Material theme, found at build time: the names of its
stylesheet and script bundle. Material names them by a hash of their content
(`main.57a0d79d.min.css`), so each release has new names; overrides/main.html links whatever the
installed theme ships instead of names copied from one release."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from strongback.errors import StrongbackError

STYLESHEETS = "assets/stylesheets"
SCRIPTS = "assets/javascripts"


class ThemeAssetsNotFound(StrongbackError):
    """No theme folder has the bundle, or one has several: the installed theme is not one this
    project knows."""


@dataclass(frozen=True)
class ThemeAssets:
    """Addresses in the built site, relative to its root."""

    stylesheet: str
    """Material's main stylesheet, e.g. `assets/stylesheets/main.57a0d79d.min.css`."""
    script: str
    """Material's script bundle, e.g. `assets/javascripts/bundle.a5f9d56c.min.js`."""


def _one(theme_dirs: list[Path], folder: str, pattern: str) -> str:
    # The first theme folder that has the file wins, as in the theme's template loader (the
    # project's overrides come before Material's own folder).
    for theme_dir in theme_dirs:
        found = sorted((theme_dir / folder).glob(pattern))
        if len(found) > 1:
            names = ", ".join(path.name for path in found)
            raise ThemeAssetsNotFound(f"{theme_dir / folder} has several {pattern}: {names}")
        if found:
            return f"{folder}/{found[0].name}"
    searched = ", ".join(str(theme_dir) for theme_dir in theme_dirs)
    raise ThemeAssetsNotFound(f"no theme folder has {folder}/{pattern} (searched: {searched})")


def theme_assets(theme_dirs: Iterable[Path]) -> ThemeAssets:
    """The bundle names in the theme folders `theme_dirs`, in the theme loader's order."""
    dirs = list(theme_dirs)
    return ThemeAssets(
        stylesheet=_one(dirs, STYLESHEETS, "main.*.min.css"),
        script=_one(dirs, SCRIPTS, "bundle.*.min.js"),
    )
