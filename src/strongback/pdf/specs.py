"""Which PDFs the site publishes: papers, page limits, type sizes and one spec per sheet."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from strongback import urls
from strongback.catalogue import Catalogue
from strongback.model import Content

Kind = Literal["handout", "exercise"]


@dataclass(frozen=True)
class Paper:
    id: str
    """'a4' or 'letter', as in the file names."""
    css_size: str
    """The CSS `@page { size }` keyword."""
    label: str


PAPERS: dict[str, Paper] = {
    "a4": Paper("a4", "A4", "A4"),
    "letter": Paper("letter", "letter", "Letter"),
}
MAX_PAGES: dict[Kind, int] = {"handout": 2, "exercise": 1}
TYPE_SIZES = (12.0, 11.5, 11.0)
"""Body type in points, largest first: each sheet gets the largest size that fits its page limit,
never smaller than 11pt; a sheet that does not fit at 11pt is an error (see the README)."""
ADVICE: dict[Kind, str] = {
    "handout": "Remove exercises or shorten notes.",
    "exercise": "Shorten the steps, cautions or stop signs.",
}


@dataclass(frozen=True)
class PdfSpec:
    """One PDF the site publishes."""

    kind: Kind
    record_id: str
    paper: str
    source: str
    """The content file it is made from, for error messages."""
    site_path: str
    """Where it lives in the built site, e.g. 'handouts/gentle-start-a4.pdf'."""
    address: str
    """The web page that is the HTML version of the same content (text and QR code)."""


def pdf_specs(content: Content, site_url: str, catalogue: Catalogue) -> list[PdfSpec]:
    """Every handout and every exercise page of the catalogue, in each paper size."""
    base = site_url.rstrip("/") + "/"
    listed = catalogue
    pdf: dict[Kind, Callable[[str, str], str]] = {
        "handout": urls.handout_pdf,
        "exercise": urls.exercise_pdf,
    }
    return [
        PdfSpec(
            kind,
            page.record_id,
            paper,
            page.source,
            pdf[kind](page.record_id, paper),
            base + page.url,
        )
        for paper in PAPERS
        for kind in pdf
        for page in listed.of_kind(kind)
    ]
