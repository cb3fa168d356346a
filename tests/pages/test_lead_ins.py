"""List lead-ins: each item fits the words that introduce its list, on the web and in PDFs."""

from __future__ import annotations

from datetime import date

import pytest

from strongback import pdf
from strongback.catalogue import Catalogue
from strongback.model import Content
from strongback.pages import lead_ins
from strongback.pages.markdown import build_pages

from ..conftest import TODAY

STOP = lead_ins.LEAD_INS["exercise.stop_if"]
EMERGENCY = lead_ins.LEAD_INS["safety.emergency"]


@pytest.mark.parametrize(
    ("item", "lead", "fits"),
    [
        ("You feel sharp or shooting pain in your back.", STOP, True),
        ("Pain spreads down into your leg [@nhs-lbp-exercises].", STOP, True),
        ("Stop if pain spreads down your leg.", STOP, False),  # repeats the lead-in
        ("sharp pain", STOP, False),  # a fragment after "Stop if:"
        ("Sharp pain", STOP, False),  # no full stop
        ("Chest pain.", EMERGENCY, True),
        ("Weakness or numbness in both legs.", EMERGENCY, True),
        ("You feel sharp or shooting pain.", EMERGENCY, False),  # "…if you have: You feel…"
        ("If you fall, call for help.", EMERGENCY, False),
    ],
)
def test_items_fit_their_lead_in(item: str, lead: lead_ins.LeadIn, fits: bool) -> None:
    assert (lead_ins.item_problem(item, lead) is None) is fits


def test_the_real_content_fits_every_lead_in(project_content: Content) -> None:
    content = project_content
    assert lead_ins.lead_in_errors(content, lambda file, path: (1, 1), Catalogue.of(content)) == []


def test_pages_and_pdfs_print_the_lead_in_before_the_items(minimal_content_loaded: Content) -> None:
    content = minimal_content_loaded
    catalogue = Catalogue.of(content)
    pages = build_pages(content, today=date.fromisoformat(TODAY), catalogue=catalogue).markdown
    bird_dog = content.exercises["bird-dog"]
    page = pages["exercises/bird-dog.md"]
    assert f"{STOP.text}\n\n- {bird_dog.stop_if[0]}" in page
    assert "if you have:\n\n- You" not in page
    for markdown in (page, pages["warning-signs.md"]):
        assert EMERGENCY.text in markdown
    spec = next(
        s for s in pdf.pdf_specs(content, "https://example.org/", Catalogue.of(content))
        if s.kind == "exercise" and s.record_id == "bird-dog"
    )  # fmt: skip
    html = pdf.render_html(spec, content, today=date.fromisoformat(TODAY))
    assert f"<p>{STOP.text}</p>" in html
    assert f"<strong>{EMERGENCY.text}</strong>" in html
