"""What goes wrong with a sheet: too long for its page limit, or a character the font lacks."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from strongback import fonts
from strongback.errors import StrongbackError
from strongback.pdf.outcome import PdfBuild
from strongback.pdf.specs import ADVICE, MAX_PAGES, PAPERS, TYPE_SIZES, PdfSpec


@dataclass(frozen=True)
class TooLong:
    """A sheet past its page limit, rendered at the smallest type for the author to look at."""

    path: Path
    pages: int


class PdfErrors(StrongbackError):
    """Documents that do not fit their page limit, or that use a character the bundled font
    cannot draw; `str()` lists one per line."""

    def __init__(
        self,
        messages: Iterable[str],
        overflowing: Mapping[str, TooLong] | None = None,
        partial: PdfBuild | None = None,
    ) -> None:
        self.messages = sorted(messages)
        self.overflowing = dict(overflowing or {})
        """Site path -> the too-long PDF (smallest type), for `strongback handouts` to write."""
        self.partial = partial or PdfBuild()
        """The PDFs that were fine: a preview keeps serving with them."""
        super().__init__("\n".join(self.messages))


def too_long_message(spec: PdfSpec, pages: int, detail: str = "") -> str:
    limit = MAX_PAGES[spec.kind]
    name = "a handout" if spec.kind == "handout" else "an exercise sheet"
    return (
        f"{spec.source}: {spec.kind if spec.kind == 'handout' else 'exercise sheet'} is {pages} "
        f"pages in {PAPERS[spec.paper].label} even at {TYPE_SIZES[-1]:g}pt; {name} must fit on "
        f"{limit} page{'s' if limit != 1 else ''}{': ' + detail if detail else ''}. "
        f"{ADVICE[spec.kind]}"
    )


def overflow_name(site_path: str, pages: int) -> str:
    """Where `strongback handouts` writes a sheet that is too long: a name no one mistakes for
    the real one, e.g. 'handouts/x-a4.TOO-LONG-3-pages.pdf'."""
    return f"{site_path.removesuffix('.pdf')}.TOO-LONG-{pages}-pages.pdf"


def glyph_message(spec: PdfSpec, missing: list[str]) -> str:
    return (
        f"{spec.source}: the {PAPERS[spec.paper].label} sheet uses characters the bundled font "
        f"({fonts.FAMILY}) cannot print: {fonts.describe(missing)}. Use plain letters or "
        "punctuation instead."
    )
