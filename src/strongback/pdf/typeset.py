"""One sheet -> PDF bytes with WeasyPrint, at the largest type size that fits its page limit,
and how well it fits: the room left on its last page, or, when even the smallest size is too
long, how far it runs over and which exercises spill onto the extra pages.

Runs in worker processes: a job and its result are plain data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from strongback import fonts

PDF_OPTIONS: dict[str, Any] = {"pdf_variant": "pdf/ua-1", "pdf_tags": True}
"""Tagged PDF/UA-1: headings, lists and tables reach screen readers; the title shows in viewers."""
PX_PER_MM = 96 / 25.4
"""WeasyPrint lays out in CSS pixels."""
PARTS = {
    "sb-back": "the tips and safety boxes",
    "sb-about": "the about box",
    "sb-references": "the references",
}
"""Blocks after the exercises, as an overflow message names them."""


@dataclass(frozen=True)
class PdfJob:
    """What a worker process needs to render one PDF: plain data, cheap to send."""

    versions: tuple[tuple[float, str], ...]
    """(type size, HTML) for each size to try, largest first."""
    identifier: str
    max_pages: int


@dataclass(frozen=True)
class Overflow:
    """How far a sheet runs past its page limit at the smallest type size."""

    over_mm: float
    """Height of what lands on the pages past the limit."""
    page_mm: float
    """Height of the text area of one page."""
    spilled: tuple[str, ...]
    """What is printed past the limit, in order: 'exercise 9 (Bird dog)', 'the references'."""

    def describe(self) -> str:
        share = self.over_mm / self.page_mm
        text = f"it runs over by {self.over_mm:.0f} mm ({share:.0%} of a page)"
        if self.spilled:
            text += f"; past the limit: {', '.join(self.spilled)}"
        return text


@dataclass(frozen=True)
class RenderedPdf:
    pages: int
    """Pages at the chosen type size, or at the smallest when nothing fits."""
    type_size: float
    data: bytes
    """The PDF; when it does not fit, the smallest size, for the author to look at."""
    fits: bool
    room: float
    """Share of the last page left empty (0 to 1)."""
    overflow: Overflow | None = None


class FontFetcher:
    """WeasyPrint's fetcher, limited to data: URIs (the QR code) and the bundled fonts: a sheet
    never reads the network or any other file."""

    def __init__(self) -> None:
        from weasyprint import URLFetcher

        self._fetcher = URLFetcher(allowed_protocols={"data", "file"}, fail_on_errors=True)
        self._fonts = fonts.folder().as_uri() + "/"

    def __call__(self, url: str) -> Any:
        if url.startswith("file:") and not url.startswith(self._fonts):
            raise ValueError(f"a sheet may only load the bundled fonts, not {url}")
        return self._fetcher.fetch(url)


def layout(html: str) -> Any:
    """The laid-out WeasyPrint document of one sheet's HTML."""
    from weasyprint import HTML

    base = fonts.folder().as_uri() + "/"
    return HTML(string=html, base_url=base, url_fetcher=FontFetcher()).render(**PDF_OPTIONS)


def _used_height(page: Any) -> tuple[float, float]:
    """(height the content uses, height available) on one page, in CSS px."""
    box = page._page_box
    root = next(child for child in box.children if getattr(child, "element_tag", None) == "html")
    return float(root.height), float(box.height)


def room_left(document: Any) -> float:
    used, available = _used_height(document.pages[-1])
    return max(0.0, 1 - used / available)


def room_mm(document: Any) -> float:
    """Empty height at the foot of the last page, in millimetres."""
    used, available = _used_height(document.pages[-1])
    return max(0.0, available - used) / PX_PER_MM


def overflow(document: Any, max_pages: int) -> Overflow:
    """What lands past `max_pages`, and how tall it is."""
    over = 0.0
    available = 0.0
    exercises: list[Any] = []
    spilled: dict[str, None] = {}
    for number, page in enumerate(document.pages, start=1):
        used, available = _used_height(page)
        if number > max_pages:
            over += used
        for box in page._page_box.descendants():
            element = getattr(box, "element", None)
            if element is None or getattr(box, "element_tag", None) not in ("section", "div"):
                continue
            classes = (element.get("class") or "").split()
            if "sb-exercise" in classes:
                if all(element is not seen for seen in exercises):
                    exercises.append(element)
                if number > max_pages:
                    index = next(i for i, seen in enumerate(exercises) if seen is element)
                    spilled[f"exercise {index + 1} ({element.get('data-name')})"] = None
            elif number > max_pages:
                for name, label in PARTS.items():
                    if name in classes:
                        spilled[label] = None
    return Overflow(over / PX_PER_MM, available / PX_PER_MM, tuple(spilled))


def render_pdf(job: PdfJob) -> RenderedPdf:
    """The largest type that fits -> tagged PDF bytes."""
    # Most sheets fit at the largest size: try it first, then halve the rest (pages only grow
    # with the type size).
    best, document = 0, layout(job.versions[0][1])
    fits = len(document.pages) <= job.max_pages
    if not fits:
        low, high, best, fitting = 1, len(job.versions) - 1, len(job.versions) - 1, None
        while low <= high:
            middle = (low + high) // 2
            candidate = layout(job.versions[middle][1])
            if len(candidate.pages) <= job.max_pages:
                best, fitting, high = middle, candidate, middle - 1
            else:
                document, low = candidate, middle + 1
        # When nothing fits, the search ended on the smallest size: `document` is that layout.
        if fitting is not None:
            document, fits = fitting, True
    # A fixed identifier and the review date as creation date: same input, same bytes.
    data = document.write_pdf(pdf_identifier=job.identifier.encode("ascii"), **PDF_OPTIONS)
    return RenderedPdf(
        pages=len(document.pages),
        type_size=job.versions[best][0],
        data=data,
        fits=fits,
        room=room_left(document) if fits else 0.0,
        overflow=None if fits else overflow(document, job.max_pages),
    )
