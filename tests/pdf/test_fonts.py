"""The bundled font: every PDF uses only Atkinson Hyperlegible, lays out the same with no system
font on the machine, and the website declares and publishes the same files."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from strongback import fonts, pdf
from strongback.catalogue import Catalogue
from strongback.model import Content

from ..conftest import build_env
from .test_handouts import SITE_URL, minimal_content, need, today

EMPTY_FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <cachedir>{cache}</cachedir>
</fontconfig>
"""


def font_names(sheet: Path) -> list[str]:
    """The fonts `pdffonts` lists, without the subset prefix (ABCDEF+)."""
    listed = subprocess.run(
        [need("pdffonts"), str(sheet)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    return sorted({line.split()[0].split("+", 1)[-1] for line in listed if line.strip()})


def site_pdfs(site: Path) -> list[Path]:
    return sorted(site.rglob("*.pdf"))


def test_the_font_files_and_their_licence_are_shipped() -> None:
    names = [path.name for path in fonts.files()]
    assert names == [
        "atkinson-hyperlegible-latin-400-italic.woff2",
        "atkinson-hyperlegible-latin-400-normal.woff2",
        "atkinson-hyperlegible-latin-700-italic.woff2",
        "atkinson-hyperlegible-latin-700-normal.woff2",
    ]
    licence = (fonts.folder() / "LICENSE").read_text(encoding="utf-8")
    assert "SIL Open Font License, Version 1.1" in licence
    vendored = (fonts.folder() / "VENDORED.txt").read_text(encoding="utf-8")
    assert "@fontsource/atkinson-hyperlegible 5.3.0" in vendored
    assert "Integrity: sha512-" in vendored
    for path in fonts.files():
        assert hashlib.sha256(path.read_bytes()).hexdigest() in vendored, path.name


def test_the_font_draws_every_character_the_shipped_sheets_print(project_content: Content) -> None:
    content = project_content
    for spec in pdf.pdf_specs(content, SITE_URL, Catalogue.of(content)):
        text = pdf.sheet_text(pdf.render_html(spec, content, today=today()))
        assert fonts.missing_characters(text) == [], spec.site_path


def test_a_character_the_font_lacks_stops_the_sheet_before_rendering(tmp_path: Path) -> None:
    content = minimal_content(root=tmp_path)
    bird_dog = content.exercises["bird-dog"]
    steps = [*bird_dog.steps[:-1], "Reach forward → hold ✓."]
    changed = Content(
        **{**vars(content), "exercises": content.exercises
           | {"bird-dog": bird_dog.model_copy(update={"steps": steps})}}
    )  # fmt: skip
    with pytest.raises(pdf.PdfErrors) as raised:
        pdf.build_pdfs(
            changed,
            site_url=SITE_URL,
            cache=tmp_path / "c",
            today=today(),
            catalogue=Catalogue.of(changed),
        )
    assert (
        "content/exercises/bird-dog.yml: the A4 sheet uses characters the bundled font "
        "(Atkinson Hyperlegible) cannot print: '→' (U+2192), '✓' (U+2713). Use plain letters "
        "or punctuation instead."
    ) in raised.value.messages
    # Only the side plank's own sheets were rendered; nothing that shows the bird dog.
    assert sorted(raised.value.partial.rendered) == [
        "exercises/side-plank-a4.pdf", "exercises/side-plank-letter.pdf",
    ]  # fmt: skip


@pytest.mark.pdf
def test_every_pdf_lists_only_the_bundled_family(built_site: Path) -> None:
    pdfs = [*site_pdfs(built_site), pdf.placeholder_pdf()]
    assert len(pdfs) > 50
    for sheet in pdfs:
        names = font_names(sheet)
        assert names, sheet
        assert all(re.fullmatch(r"Atkinson-Hyperlegible(-Bold|-Italic|-BoldItalic)?", n)
                   for n in names), (sheet, names)  # fmt: skip


@pytest.mark.pdf
def test_every_pdf_is_the_same_with_no_system_fonts(built_site: Path, tmp_path: Path) -> None:
    """Render every PDF again, cold, on a machine with no fonts at all (an empty fontconfig
    configuration): the same pages and the same bytes."""
    config = tmp_path / "fonts.conf"
    config.write_text(EMPTY_FONTCONFIG.format(cache=tmp_path / "fc-cache"), encoding="utf-8")
    listed = subprocess.run(
        ["fc-list"], env={"FONTCONFIG_FILE": str(config)}, capture_output=True, text=True
    )
    assert listed.stdout.strip() == "", "the configuration hides every system font"
    project = built_site.parent
    result = subprocess.run(
        [sys.executable, "-m", "strongback", "--root", str(project), "handouts",
         "--output", str(tmp_path / "out")],
        env=build_env(FONTCONFIG_FILE=str(config), STRONGBACK_CACHE_DIR=str(tmp_path / "cache")),
        capture_output=True, text=True, timeout=1800,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    published = site_pdfs(built_site)
    assert re.search(rf"{len(published)} PDFs: {len(published)} rendered, 0 from cache",
                     result.stdout)  # fmt: skip
    for sheet in published:
        again = tmp_path / "out" / sheet.relative_to(built_site)
        assert len(pypdf.PdfReader(again).pages) == len(pypdf.PdfReader(sheet).pages), sheet
        assert again.read_bytes() == sheet.read_bytes(), sheet


def test_the_website_declares_and_publishes_the_font(built_site: Path) -> None:
    # docs/css/strongback.css reaches the site inside the one compact stylesheet, css/site.css.
    css = (built_site / "css" / "site.css").read_text(encoding="utf-8")
    assert css.count("@font-face") == 4
    assert re.search(r'--md-text-font: ?"Atkinson Hyperlegible"', css)
    for path in fonts.published():
        published = built_site / fonts.SITE_FOLDER / path.name
        assert published.read_bytes() == path.read_bytes()
        assert f"../{fonts.SITE_FOLDER}/{path.name}" in css or path.name == "LICENSE", path
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis.com" not in home and "fonts.gstatic.com" not in home
