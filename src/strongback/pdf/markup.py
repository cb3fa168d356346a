"""The self-contained HTML of one sheet: Markdown text with numbered citations, the QR code,
shared cautions, and the text a sheet prints (for the font check)."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from datetime import date

import markdown
import segno
from markupsafe import Markup

from strongback.citations import number_citations, vancouver
from strongback.links import print_links, sheet_names
from strongback.model import Content, Exercise, HandoutItem, Review
from strongback.model.review_dates import review_info
from strongback.pages.templating import environment
from strongback.pdf.specs import PAPERS, TYPE_SIZES, PdfSpec

_CITED_WORD = re.compile(r'([^\s<>\[\]()*_`]+ <sup class="sb-cite">.*?</sup>[.,;:!?]?)')
"""A plain word (not the end of a link or of emphasis), the citation mark after it and the
punctuation after that."""


class MarkdownText:
    """Renders the Markdown text fields of one document, numbering `[@key]` citations in the
    order the template shows them, so the reference list at the end matches the numbers."""

    @staticmethod
    def NO_SHEETS(kind: str, key: str) -> str | None:
        return None

    def __init__(self, sheet_name: Callable[[str, str], str | None] = NO_SHEETS):
        self.keys: list[str] = []
        self._markdown = markdown.Markdown(output_format="html")
        self._sheet_name = sheet_name
        """Names the sheet a link to another page points to (on paper a link cannot be followed)."""

    def __call__(self, text: str, *, inline: bool = False) -> Markup:
        # Prefixing the keys cited so far makes number_citations continue the document's numbering.
        seen = "".join(f"[@{key}]" for key in self.keys)
        cited = number_citations(f"{seen}\n\n{print_links(text, self._sheet_name)}")
        self.keys = cited.keys
        # On paper a citation mark never starts a line: it stays with the word before it.
        marked = _CITED_WORD.sub(r'<span class="sb-keep">\1</span>', cited.markdown)
        return self.plain(marked.split("\n\n", 1)[1], inline=inline)

    def plain(self, text: str, *, inline: bool = False) -> Markup:
        html = self._markdown.reset().convert(text)
        if inline and html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            html = html[3:-4]
        # Safe: content text is validated free of raw HTML; the only tags are our own.
        return Markup(html)

    def reference(self, key: str, content: Content) -> Markup:
        return self.plain(vancouver(content.references[key]), inline=True)


def qr_code(address: str) -> str:
    """The page address as a QR code: an SVG data URI, so the PDF needs no network fetch."""
    code = segno.make(address, error="m")
    uri: str = code.svg_data_uri(omitsize=True, border=4, dark="#000", light="#fff")
    return uri


def shared_cautions(exercises: Iterable[Exercise]) -> dict[str, list[int]]:
    """Cautions that two or more exercises of a routine share -> the numbers of those exercises.
    A handout prints each once, before the exercises, instead of repeating it."""
    numbers: dict[str, list[int]] = {}
    for number, exercise in enumerate(exercises, start=1):
        for caution in dict.fromkeys(exercise.cautions):
            numbers.setdefault(caution, []).append(number)
    return {caution: found for caution, found in numbers.items() if len(found) > 1}


def render_html(
    spec: PdfSpec, content: Content, *, today: date, type_size: float = TYPE_SIZES[0]
) -> str:
    """The self-contained HTML of one PDF: styles inline, QR code as a data URI."""
    site = content.site
    if spec.kind == "handout":
        handout = content.handouts[spec.record_id]
        title, description = handout.title, handout.description
        key_points = handout.key_points
        review: Review = handout.review
        items = list(handout.exercises)
        frequency, notes, supervision = handout.frequency, handout.notes, handout.supervision
    else:
        exercise = content.exercises[spec.record_id]
        title, review = exercise.name, exercise.review
        key_points = exercise.key_points
        description = f"How to do the {exercise.name.lower()} exercise, and how much."
        items = [HandoutItem(exercise=exercise.id)]
        frequency, notes, supervision = exercise.frequency, [], None
    exercises = [content.exercises[item.exercise] for item in items]
    return (
        environment(autoescape=True)
        .get_template(f"handout/{spec.kind}.html.jinja")
        .render(
            spec=spec,
            paper=PAPERS[spec.paper],
            type_size=type_size,
            title=title,
            description=description,
            items=list(zip(exercises, items, strict=True)),
            shared_cautions=shared_cautions(exercises) if spec.kind == "handout" else {},
            frequency=frequency,
            notes=notes,
            supervision=supervision,
            site=site,
            safety=content.safety,
            content=content,
            review=review_info(review, site, today),
            qr_code=qr_code(spec.address),
            # An exercise sheet names the sheet a link points to; a routine sheet, which has no
            # line to spare, prints the link's words only.
            md=MarkdownText(
                sheet_names(content.exercises, content.handouts)
                if spec.kind == "exercise"
                else MarkdownText.NO_SHEETS
            ),
            key_points=key_points,
        )
    )


def sheet_text(html_text: str) -> str:
    """The text a sheet prints: its HTML without the stylesheet and the tags."""
    body = re.sub(r"<style>.*?</style>|<[^>]+>", " ", html_text, flags=re.DOTALL)
    return html.unescape(body)
