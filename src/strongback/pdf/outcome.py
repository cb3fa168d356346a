"""The outcome of one PDF build, the STRONGBACK_PDF setting, the placeholder, and publishing
the PDFs into a site."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

from strongback.errors import SettingError

Mode = Literal["all", "cached", "off"]


@dataclass
class PdfBuild:
    files: dict[str, Path] = field(default_factory=dict)
    """Site path -> the cached PDF to publish there."""
    rendered: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    placeholders: list[str] = field(default_factory=list)

    def summary(self) -> str:
        text = (
            f"{len(self.files)} PDFs: {len(self.rendered)} rendered, {len(self.reused)} from cache"
        )
        if self.placeholders:
            text += f", {len(self.placeholders)} placeholders (STRONGBACK_PDF=all builds them)"
        return text


def pdf_mode(setting: str | None, *, serving: bool) -> Mode:
    """STRONGBACK_PDF: 'all' renders every PDF; 'cached' publishes cached PDFs and a placeholder
    for the rest; 'off' only placeholders. Default: 'all', or 'cached' under `mkdocs serve`."""
    value = (setting or "").strip().lower()
    if value in ("all", "1", "on", "true", "yes"):
        return "all"
    if value in ("0", "off", "false", "no"):
        return "off"
    if value == "cached" or (not value and serving):
        return "cached"
    if not value:
        return "all"
    raise SettingError(f"STRONGBACK_PDF must be 'all', 'cached' or 'off', got {setting!r}")


@cache
def placeholder_pdf() -> Path:
    """Stands in for PDFs a preview skips. Made from placeholder.html.jinja with `render_pdf`
    and shipped, so a preview never starts WeasyPrint. (Asked for once per PDF: 2,200 times at
    1,000 exercises, so found once.)"""
    return Path(str(resources.files("strongback") / "templates" / "handout" / "placeholder.pdf"))


def write_pdfs(build: PdfBuild, target: Path) -> list[Path]:
    """Copy the PDFs of a build into `target`, keeping their site paths."""
    written = []
    for site_path, path in sorted(build.files.items()):
        destination = target / site_path
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, destination)
        written.append(destination)
    return written
