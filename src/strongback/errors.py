"""The project's errors: `StrongbackError`, the base of every error it raises on purpose
(content, settings, PDFs that do not fit, the offline copy, assets, reviews, contact sheets);
and content errors, one problem in one file at `file:line:col`, and all of them at once.

Anything else that escapes is a programming error and keeps its traceback."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from strongback.load import messages

Path_ = tuple[str | int, ...]

dotted = messages.field_label
"""A field path as authors count: ('steps', 3) -> 'step 4' (see `messages.field_label`)."""


class StrongbackError(Exception):
    """An error the project raises on purpose: its message is for the person running the build
    (no traceback). Subclasses: `ContentErrors`, `pdf.PdfErrors`, `build.export.ExportError`,
    `build.assets.MissingParts`, `standards.record_review.ReviewError`, `figures.sheet.PngError`."""


class SettingError(StrongbackError):
    """A setting the build cannot work with: `STRONGBACK_PDF`, or a site without `site_url`."""


@dataclass(frozen=True, order=True)
class ContentError:
    """One problem in one file, printed as `file:line:col: field: message`."""

    file: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


class ContentErrors(StrongbackError):
    """Raised with every problem found; `str()` lists them one per line."""

    def __init__(self, errors: Iterable[ContentError]) -> None:
        self.errors = sorted(set(errors))
        super().__init__("\n".join(str(e) for e in self.errors))
