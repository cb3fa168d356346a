"""What the site takes from the installed Material theme: its bundles' names, found at build time
(strongback/build/theme.py), and the templates in overrides/ that take the place of Material's, each
made from one Material version that it names."""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

import material
import pytest

from strongback.build.theme import ThemeAssetsNotFound, theme_assets

from ..conftest import REPO

MATERIAL = Path(material.__file__).parent / "templates"
OVERRIDES = REPO / "overrides"


def _theme(folder: Path, *names: str) -> Path:
    for name in names:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("", encoding="utf-8")
    return folder


def test_the_bundles_come_from_the_first_theme_folder_that_has_them(tmp_path: Path) -> None:
    own = _theme(tmp_path / "overrides", "assets/stylesheets/main.0000.min.css")
    theme = _theme(
        tmp_path / "theme",
        "assets/stylesheets/main.1111.min.css",
        "assets/stylesheets/main.1111.min.css.map",
        "assets/stylesheets/palette.2222.min.css",
        "assets/javascripts/bundle.3333.min.js",
    )
    found = theme_assets([own, theme])
    assert found.stylesheet == "assets/stylesheets/main.0000.min.css"
    assert found.script == "assets/javascripts/bundle.3333.min.js"


def test_a_theme_without_the_bundle_or_with_two_is_an_error(tmp_path: Path) -> None:
    theme = _theme(tmp_path / "theme", "assets/stylesheets/main.1111.min.css")
    with pytest.raises(ThemeAssetsNotFound, match=r"no theme folder has .*bundle\.\*\.min\.js"):
        theme_assets([theme])
    _theme(theme, "assets/javascripts/bundle.3333.min.js", "assets/stylesheets/main.4444.min.css")
    with pytest.raises(
        ThemeAssetsNotFound, match=r"several main\..*main\.1111\.min\.css, main\.4444"
    ):
        theme_assets([theme])


def test_the_installed_theme_gives_the_bundles_its_own_base_template_links() -> None:
    found = theme_assets([OVERRIDES, MATERIAL])
    base = (MATERIAL / "base.html").read_text(encoding="utf-8")
    for address in (found.stylesheet, found.script):
        assert (MATERIAL / address).is_file(), address
        assert f"'{address}' | url" in base, address


def _shadowed() -> list[Path]:
    """The project's templates that take the place of one of Material's."""
    return sorted(
        path.relative_to(OVERRIDES)
        for path in OVERRIDES.rglob("*.html")
        if (MATERIAL / path.relative_to(OVERRIDES)).is_file()
    )


def stale_overrides(installed: str) -> list[str]:
    """The templates in place of Material's that were made from another version than
    `installed`, each with what to do."""
    stale = []
    for path in _shadowed():
        header = (OVERRIDES / path).read_text(encoding="utf-8").split("-#}", 1)[0]
        named = re.findall(r"Material for MkDocs (\d+\.\d+\.\d+)", header)
        if named != [installed]:
            made_from = named[0] if named else "no version named in its first comment"
            stale.append(
                f"overrides/{path}: made from {made_from}; the installed Material is {installed}: "
                f"compare it with material/templates/{path} of {installed}, then name "
                f"'Material for MkDocs {installed}' in its first comment"
            )
    return stale


def test_each_template_in_place_of_materials_was_made_from_the_installed_version() -> None:
    # Copies and replacements of Material's templates rely on its markup and variables: after an
    # upgrade (`make lock`), each must be compared with the new version's template before the
    # version it names is changed, or this test fails.
    installed = version("mkdocs-material")
    assert stale_overrides(installed) == [], "\n".join(stale_overrides(installed))
    shadowed = {str(path) for path in _shadowed()}
    assert {"main.html", "partials/content.html", "partials/search.html"} <= shadowed
    # Another version makes every one of them stale.
    other = stale_overrides("9.9.0")
    assert len(other) == len(shadowed)
    assert other[0].startswith(f"overrides/404.html: made from {installed}; the installed")
