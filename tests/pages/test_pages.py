"""Golden tests: the minimal content in, every generated page's Markdown out.

Set STRONGBACK_UPDATE_GOLDEN=1 to rewrite tests/fixtures/golden/ after an intended change, then
read the diff before committing it.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from strongback.catalogue import Catalogue
from strongback.load.loader import load_content
from strongback.model import Content
from strongback.pages.markdown import PageSet, build_pages, exercise_tags, finish_page

from ..conftest import FIXTURES

GOLDEN = FIXTURES / "golden" / "minimal"
TODAY = date(2026, 11, 27)


@pytest.fixture(scope="module")
def minimal_pages(
    minimal_content_loaded: Content, minimal_catalogue: Catalogue
) -> tuple[Content, PageSet]:
    # The hand-written pages of docs/ cite references too: the catalogue lists them.
    pages = build_pages(minimal_content_loaded, today=TODAY, catalogue=minimal_catalogue)
    return minimal_content_loaded, pages


def test_the_expected_pages_are_generated(minimal_pages: tuple[Content, PageSet]) -> None:
    _, pages = minimal_pages
    assert [p.src_uri for p in pages.pages] == [
        "benefits.md",
        "causes.md",
        "diet.md",
        "warning-signs.md",
        "exercises/index.md",
        "handouts/index.md",
        "routines/make.md",
        "tags.md",
        "about.md",
        "exercises/bird-dog.md",
        "exercises/side-plank.md",
        "handouts/starter.md",
        "references.md",
    ]
    sources = {p.src_uri: p.source for p in pages.pages}
    assert sources["exercises/bird-dog.md"] == "content/exercises/bird-dog.yml"
    assert sources["handouts/starter.md"] == "content/handouts/starter.yml"
    assert sources["references.md"] == "content/references.yml"


def _golden_cases() -> list[str]:
    return sorted(str(p.relative_to(GOLDEN)) for p in GOLDEN.rglob("*.md"))


@pytest.mark.parametrize("src_uri", _golden_cases())
def test_page_markdown_matches_golden(src_uri: str, minimal_pages: tuple[Content, PageSet]) -> None:
    content, pages = minimal_pages
    produced = finish_page(pages.markdown[src_uri], content.references)
    golden = GOLDEN / src_uri
    assert produced == golden.read_text(encoding="utf-8")


def test_every_generated_page_has_a_golden_file(minimal_pages: tuple[Content, PageSet]) -> None:
    content, pages = minimal_pages
    update = os.environ.get("STRONGBACK_UPDATE_GOLDEN") == "1"
    for page in pages.pages:
        golden = GOLDEN / page.src_uri
        if update:
            golden.parent.mkdir(parents=True, exist_ok=True)
            markdown = pages.markdown[page.src_uri]
            golden.write_text(finish_page(markdown, content.references), encoding="utf-8")
        assert golden.is_file(), f"no golden file for {page.src_uri}"


def test_citation_index_lists_every_citing_page(minimal_pages: tuple[Content, PageSet]) -> None:
    _, pages = minimal_pages
    assert pages.cited_by["shiri2017"] == [
        ("causes.md", "What is linked with back pain"),
        ("diet.md", "Diet and lifestyle"),
    ]
    assert ("index.md", "Home") in pages.cited_by["hayden2021"]


def test_unused_reference_is_a_warning(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(FIXTURES / "minimal", tmp_path, dirs_exist_ok=True)
    refs = tmp_path / "content" / "references.yml"
    extra = (
        "  - key: unused2020\n    type: web_page\n    authors: [NHS]\n    title: Unused\n"
        "    url: https://www.nhs.uk/\n    checked: partial\n    supports: Nothing.\n"
    )
    refs.write_text(refs.read_text(encoding="utf-8") + extra, encoding="utf-8")
    content = load_content(tmp_path / "content", tmp_path / "docs")
    pages = build_pages(content, today=TODAY, catalogue=Catalogue.of(content))
    assert pages.warnings == [
        "content/references.yml: reference 'unused2020' is not cited by any page"
    ]


def test_exercise_tags_cover_level_type_equipment_and_muscle(
    minimal_pages: tuple[Content, PageSet],
) -> None:
    content, _ = minimal_pages
    assert exercise_tags(content.exercises["bird-dog"]) == [
        "Level: Beginner",
        "Type: Gentle core",
        "Equipment: Exercise mat",
        "Muscle: Back muscles",
    ]


def test_evidence_goes_in_one_sources_section_at_the_end(
    minimal_pages: tuple[Content, PageSet],
) -> None:
    """Study details, references, tags and the review box leave the reading path for one
    "Sources and evidence" section at the end (PEMAT-P item 2); nothing is dropped."""
    content, page_set = minimal_pages
    pages = page_set.markdown
    bird_dog = finish_page(pages["exercises/bird-dog.md"], content.references)
    start = bird_dog.index('<details class="sb-evidence" markdown>')
    reading, evidence = bird_dog[:start], bird_dog[start:]
    assert bird_dog.count('<details class="sb-evidence"') == 1
    assert evidence.rstrip().endswith("</details>")
    for moved in (
        "### What the evidence says",
        "| Main muscles |",
        "### References",
        '<li id="ref-',
    ):
        assert moved in evidence and moved not in reading, moved
    assert '<div class="sb-evidence__more"></div>' in evidence  # tags and review box go here
    # The steps, when to stop and the safety block stay in the reading path.
    for kept in ("## How to do it", "## When to stop", "## When to see a doctor", "## Your log"):
        assert kept in reading
    benefits = finish_page(pages["benefits.md"], content.references)
    reading, evidence = benefits.split('<details class="sb-evidence" markdown>')
    assert "Evidence: moderate" in reading  # the one-word strength stays with the claim
    assert "What we don't know" not in reading
    assert "What we don't know yet" not in evidence  # no unknowns in the fixture: no heading


def test_a_page_without_an_evidence_section_keeps_its_references_at_the_end(
    minimal_pages: tuple[Content, PageSet],
) -> None:
    content, _ = minimal_pages
    page = "Text [@hayden2021].\n"
    finished = finish_page(page, content.references)
    assert finished.startswith("Text <sup") and "\n## References { #references }" in finished
