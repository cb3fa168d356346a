"""The glossary and links between pages: validation, how pages and sheets show them, and the
check's reading order (the rules' failing fixtures are in tests/fixtures/checks/)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from strongback import pdf
from strongback.catalogue import Catalogue
from strongback.links import print_links, sheet_names, web_links
from strongback.load.loader import ContentErrors, load_content
from strongback.model import Content
from strongback.pages.markdown import build_pages

from ..conftest import FIXTURES

DAY = date(2026, 12, 3)


def project(tmp_path: Path, glossary: str) -> Path:
    root = shutil.copytree(FIXTURES / "minimal", tmp_path, dirs_exist_ok=True)
    (root / "content" / "glossary.yml").write_text(glossary, encoding="utf-8")
    return root


def test_glossary_mistakes_are_errors_at_their_line(tmp_path: Path) -> None:
    root = project(
        tmp_path,
        "terms:\n  - term: set\n    gloss: one round.\n",
    )
    with pytest.raises(ContentErrors) as raised:
        load_content(root / "content", root / "docs")
    assert str(raised.value).splitlines() == [
        "content/glossary.yml:3:12: terms item 1, gloss: the gloss sits in brackets after the "
        "term: no full stop and no brackets of its own, as in 'set (one round of repetitions, "
        "then a rest)'",
    ]
    project(
        tmp_path,
        "terms:\n  - term: set\n    gloss: a round\n"
        "  - term: rep\n    forms: [Set]\n    gloss: one move\n",
    )
    with pytest.raises(ContentErrors) as raised:
        load_content(root / "content", root / "docs")
    assert str(raised.value).splitlines() == [
        "content/glossary.yml:2:3: terms: 'Set' is listed under both 'set' and 'rep'; keep it "
        "under one term",
    ]


def test_a_term_matches_its_forms_as_whole_words(project_content: Content) -> None:
    glossary = project_content.glossary
    (reps,) = glossary.explain("repetition")
    pattern = glossary.pattern(reps)
    assert [m.group(0) for m in pattern.finditer("8 reps, one rep, repetitions; repeat")] == [
        "reps",
        "rep",
        "repetitions",
    ]
    (gp,) = glossary.explain("GP")
    assert glossary.pattern(gp).search("a gp") is None  # abbreviations match in capitals only


def test_page_links_become_addresses_on_the_web_and_sheet_names_in_print(
    project_content: Content,
) -> None:
    text = "Go back to the [side plank on knees](exercise:side-plank-knees) or [this](routine:x)."
    assert web_links(text, "exercises/side-plank.md") == (
        "Go back to the [side plank on knees](side-plank-knees.md) or [this](../handouts/x.md)."
    )
    named = sheet_names(project_content.exercises, project_content.handouts)
    assert print_links(text, named) == (
        "Go back to the side plank on knees (see its sheet) or this."
    )


def test_pages_and_sheets_show_the_links_and_the_dose_terms(project_content: Content) -> None:
    content = project_content
    pages = build_pages(content, today=DAY, catalogue=Catalogue.of(content)).markdown
    side_plank = pages["exercises/side-plank.md"]
    assert "[side plank on knees](side-plank-knees.md)" in side_plank
    assert "exercise:" not in side_plank
    terms = (
        '<p class="sb-terms"><dfn>Set</dfn>: one round of repetitions, then a rest. '
        "<dfn>Repetition</dfn>: doing the move once.</p>"
    )
    assert terms in side_plank
    assert terms in pages["handouts/gentle-start.md"]
    spec = pdf.PdfSpec("exercise", "side-plank", "a4", "content/exercises/side-plank.yml", "", "")
    sheet = pdf.render_html(spec, content, today=DAY)
    assert terms in sheet  # under the How much table, as on the web page
    bridge = pdf.PdfSpec("exercise", "single-leg-bridge", "a4", "x.yml", "", "")
    assert "bridge (see the “Glute bridge” sheet)" in pdf.render_html(bridge, content, today=DAY)
    routine = pdf.PdfSpec("handout", "home-strength", "a4", "x.yml", "", "")
    routine_html = pdf.render_html(routine, content, today=DAY)
    assert "(exercise:" not in routine_html and "sheet)" not in routine_html
    assert terms in routine_html  # with the tips
    assert "side plank on knees (see its sheet)" in sheet
    assert "(exercise:" not in sheet
