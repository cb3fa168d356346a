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
CARD_BLOCKS = {"sb-steps": "steps", "sb-note": "note", "sb-cautions": "cautions"}
"""Blocks of an exercise's card (or of an exercise sheet) an author can shorten or remove."""
SHEET_BLOCKS = {"sb-notes": "the tips", "sb-stop": "when to stop", "sb-about": "the about box"}
"""Blocks of the sheet an author can shorten or remove (the tips are a routine's `notes`)."""


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
    cards: tuple[CardHeights, ...] = ()
    """Each exercise card of a routine, in order, as tall as it prints."""
    blocks: tuple[tuple[str, float], ...] = ()
    """The sheet's own blocks an author can cut ('the about box', mm), and on an exercise
    sheet its steps and cautions."""

    def describe(self) -> str:
        share = self.over_mm / self.page_mm
        text = f"it runs over by {self.over_mm:.0f} mm ({share:.0%} of a page)"
        if self.spilled:
            text += f"; past the limit: {', '.join(self.spilled)}"
        if not (self.cards or self.blocks):
            return text
        parts = [card.describe() for card in self.cards]
        parts += [f"{label} {mm:.0f} mm" for label, mm in self.blocks]
        text += f". Heights at the smallest type, to choose what to cut: {'; '.join(parts)}"
        if self.cards:
            text += (
                ". A card is as tall as its figures or its text, whichever is taller, and its "
                "text runs in two balanced columns: cutting a note or a caution saves about half "
                "its height, and nothing while the figures are the taller"
            )
        return text


@dataclass(frozen=True)
class CardHeights:
    """One exercise card of a routine sheet, in mm."""

    number: int
    name: str
    height: float
    figures: float
    text: float
    blocks: tuple[tuple[str, float], ...]
    """Its note, cautions and steps."""

    def describe(self) -> str:
        inside = ", ".join(f"{label} {mm:.0f}" for label, mm in self.blocks)
        text = f"text {self.text:.0f}" + (f": {inside}" if inside else "")
        figures = f"figures {self.figures:.0f}, " if self.figures else ""
        return f"card {self.number} ({self.name}) {self.height:.0f} mm ({figures}{text})"


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
    cards, blocks = heights(document)
    return Overflow(over / PX_PER_MM, available / PX_PER_MM, tuple(spilled), cards, blocks)


def heights(document: Any) -> tuple[tuple[CardHeights, ...], tuple[tuple[str, float], ...]]:
    """How tall each card of a routine sheet prints, with its figures, its text and the blocks
    in it, and the sheet's own blocks an author can cut, in mm (a block split across pages
    counts each part)."""
    cards: dict[int, dict[str, Any]] = {}
    order: list[Any] = []
    blocks: dict[str, float] = {}

    def add(found: dict[str, float], label: str, box: Any) -> None:
        found[label] = found.get(label, 0.0) + float(box.margin_height()) / PX_PER_MM

    def walk(box: Any, parent: Any, card: dict[str, Any] | None) -> None:
        element = getattr(box, "element", None)
        if element is not None and element is not parent:
            classes = (element.get("class") or "").split()
            if "sb-exercise" in classes and "sb-exercise--sheet" not in classes:
                if all(element is not seen for seen in order):
                    order.append(element)
                    cards[len(order)] = {"name": element.get("data-name"), "mm": {}}
                number = next(i for i, seen in enumerate(order, start=1) if seen is element)
                card = cards[number]
                add(card["mm"], "card", box)
            elif card is not None and "sb-figures" in classes:
                add(card["mm"], "figures", box)
            elif card is not None and "sb-exercise-body" in classes:
                add(card["mm"], "text", box)
            for name, label in CARD_BLOCKS.items():
                if name in classes:
                    add(card["mm"] if card is not None else blocks, label, box)
            for name, label in SHEET_BLOCKS.items():
                if name in classes:
                    add(blocks, label, box)
        for child in getattr(box, "children", ()):
            walk(child, element if element is not None else parent, card)

    for page in document.pages:
        walk(page._page_box, None, None)
    measured = tuple(
        CardHeights(
            number,
            card["name"],
            card["mm"].get("card", 0.0),
            card["mm"].get("figures", 0.0),
            card["mm"].get("text", 0.0),
            tuple(
                (label, card["mm"][label]) for label in CARD_BLOCKS.values() if label in card["mm"]
            ),
        )
        for number, card in cards.items()
    )
    return measured, tuple(blocks.items())


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
