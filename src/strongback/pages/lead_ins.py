"""List lead-ins: the words that introduce a list, and the kind of item each one needs.

"Stop if:" reads well before full sentences ("You feel sharp pain in your back."); "…if you
have:" reads well before fragments ("Chest pain."), and wrongly before a sentence ("…if you have:
You feel sharp pain"). Web pages and PDFs print every lead-in from `LEAD_INS` (the `lead_in`
template global), and `lead_in_errors` checks each item of each list against its lead-in, so a
mismatch is a content error at the item's file:line:col.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal

from strongback import urls
from strongback.catalogue import Catalogue
from strongback.load.loader import ContentError, dotted
from strongback.model import Content
from strongback.text import CITATION_MARK

Form = Literal["sentence", "fragment"]


@dataclass(frozen=True)
class LeadIn:
    text: str
    """The lead-in as pages and PDFs print it."""
    form: Form
    """'sentence': each item is a full sentence that reads on after the lead-in. 'fragment':
    each item finishes the lead-in's sentence, so it is not a sentence of its own."""
    repeats: tuple[str, ...] = ()
    """First words an item may not start with: they repeat the lead-in ('Stop if: Stop if…')."""


LEAD_INS: dict[str, LeadIn] = {
    "exercise.stop_if": LeadIn("Stop if:", "sentence", ("stop", "if")),
    "safety.emergency": LeadIn(
        "Call your emergency number or go to an emergency department now if you have:",
        "fragment",
    ),
    "safety.urgent_soon": LeadIn("See a GP (family doctor) the same day if you have:", "fragment"),
}
"""Field (kind.field) -> its lead-in. A list shown under a heading alone needs no entry."""

_SUBJECTS = frozenset(
    [
        "you",
        "your",
        "i",
        "we",
        "they",
        "he",
        "she",
        "it",
        "if",
        "when",
        "stop",
        "see",
        "call",
        "go",
        "get",
        "do",
        "don't",
        "try",
        "keep",
    ]
)
"""Words that start a sentence (a subject, a condition or an instruction), never a fragment
that completes '…if you have:'."""

_WORD = re.compile(r"[A-Za-z']+")


def lead_in(field: str) -> str:
    """The template global: `{{ lead_in("exercise.stop_if") }}`."""
    return LEAD_INS[field].text


def item_problem(item: str, lead: LeadIn) -> str | None:
    """Why `item` does not fit after `lead`, or None when it does."""
    text = CITATION_MARK.sub("", item).strip().rstrip("*_")
    match = _WORD.search(text)
    first = match.group(0).lower() if match else ""
    if first in lead.repeats:
        return f"repeats the lead-in {lead.text!r}; start with what happens, as in 'You feel…'"
    if lead.form == "sentence":
        if not (match and match.group(0)[0].isupper()):
            return f"follows {lead.text!r}, so it must be a full sentence starting with a capital"
        if not text.endswith((".", "!", "?")):
            return f"follows {lead.text!r}, so it must be a full sentence ending with a full stop"
        if len(_WORD.findall(text)) < 3:
            return f"follows {lead.text!r}, so it must be a full sentence, not a word or two"
        return None
    if first in _SUBJECTS:
        return (
            f"follows {lead.text!r}, so it must finish that sentence, as in 'Chest pain.'; "
            f"it starts like a sentence of its own ({match.group(0) if match else ''!r})"
        )
    return None


def _lists(
    content: Content, catalogue: Catalogue
) -> Iterator[tuple[str, str, tuple[str | int, ...], list[str]]]:
    """(lead-in field, file, field path, items) for every list that has a lead-in."""
    for page in catalogue.of_kind("exercise"):
        exercise = content.exercises[page.record_id]
        yield "exercise.stop_if", page.source, ("stop_if",), exercise.stop_if
    safety = catalogue.page(urls.WARNING_SIGNS).source
    yield "safety.emergency", safety, ("emergency",), content.safety.emergency
    yield "safety.urgent_soon", safety, ("urgent_soon",), content.safety.urgent_soon


def lead_in_errors(
    content: Content,
    position: Callable[[str, tuple[str | int, ...]], tuple[int, int]],
    catalogue: Catalogue,
) -> list[ContentError]:
    """Every list item that does not fit its lead-in; `position(file, path)` gives line, col.
    `catalogue`: the site's pages."""
    listed = catalogue
    errors = []
    for field, file, path, items in _lists(content, listed):
        lead = LEAD_INS[field]
        for index, item in enumerate(items):
            problem = item_problem(item, lead)
            if problem:
                line, column = position(file, (*path, index))
                errors.append(ContentError(file, line, column, dotted((*path, index)), problem))
    return errors
