"""`strongback figures`: a contact sheet of every exercise's figures, for review at a glance.

Writes `contact-sheet.html` (figures beside each exercise's starting position and steps),
`contact-sheet.svg` (the figures alone, one row per exercise) and `contact-sheet.png`. The PNG
is the HTML rendered by WeasyPrint (already used for the handouts) to a one-page PDF, then
rasterised by `pdftoppm` (poppler-utils): no new Python dependency.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from html import escape
from pathlib import Path

from strongback.errors import StrongbackError
from strongback.figures.exercise import data_uri, drawings
from strongback.model import Content

CELL_W, CELL_H, NAME_W, LABEL_H = 300, 170, 190, 18


def sheet_html(content: Content) -> str:
    from strongback.pages.templating import environment

    rows = [(exercise, drawings(exercise)) for exercise in content.exercises.values()]
    source = content.exercise_files
    template = environment(autoescape=True).get_template("figures/contact-sheet.html.jinja")
    return template.render(rows=rows, uri=data_uri, source=source)


def sheet_svg(content: Content) -> str:
    """The figures of every exercise in one SVG: a row each, its name on the left."""
    rows = [(exercise.name, drawings(exercise)) for exercise in content.exercises.values()]
    columns = max((len(found) for _, found in rows), default=2)
    width = NAME_W + columns * CELL_W
    height = len(rows) * (CELL_H + LABEL_H) + 10
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" font-family="Liberation Sans, DejaVu Sans, sans-serif"'
        ' font-size="14"><title>Exercise figures: contact sheet</title>'
        f'<rect width="{width}" height="{height}" fill="#fff"/>'
    ]
    for row, (name, found) in enumerate(rows):
        top = 5 + row * (CELL_H + LABEL_H)
        parts.append(
            f'<text x="8" y="{top + CELL_H // 2}" font-weight="bold">{escape(name)}</text>'
        )
        for column, drawing in enumerate(found):
            x = NAME_W + column * CELL_W
            inner = re.sub(
                r"^<svg ",
                f'<svg x="{x}" y="{top}" width="{CELL_W - 10}" height="{CELL_H}" ',
                drawing.svg,
            )
            parts.append(inner)
            parts.append(
                f'<text x="{x + (CELL_W - 10) // 2}" y="{top + CELL_H + 14}" '
                f'text-anchor="middle">{escape(drawing.caption)}</text>'
            )
    parts.append("</svg>")
    return "".join(parts)


def write_sheet(content: Content, target: Path, *, png: bool = True) -> list[Path]:
    """Write the contact sheet into `target`; returns the files written."""
    target.mkdir(parents=True, exist_ok=True)
    html = sheet_html(content)
    written = [target / "contact-sheet.html", target / "contact-sheet.svg"]
    written[0].write_text(html, encoding="utf-8")
    written[1].write_text(sheet_svg(content), encoding="utf-8")
    if png:
        written.append(render_png(html, target / "contact-sheet.png"))
    return written


class PngError(StrongbackError):
    pass


def render_png(html: str, path: Path, resolution: int = 60) -> Path:
    """HTML -> PDF (WeasyPrint) -> PNG of its first page (pdftoppm)."""
    from weasyprint import HTML

    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        raise PngError("pdftoppm is not installed (Debian: apt-get install poppler-utils)")
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "sheet.pdf"
        HTML(string=html).write_pdf(pdf)
        stem = Path(tmp) / "page"
        subprocess.run(
            [
                pdftoppm,
                "-png",
                "-r",
                str(resolution),
                "-f",
                "1",
                "-l",
                "1",
                "-singlefile",
                str(pdf),
                str(stem),
            ],
            check=True,
        )
        shutil.copyfile(stem.with_suffix(".png"), path)
    return path
