"""The page catalogue, the source map and a build object complete when made (issue 10)."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path
from typing import get_args

import pytest
from pydantic import BaseModel

from strongback import model, pdf
from strongback.build.site_build import SiteBuild
from strongback.catalogue import KINDS, Catalogue, PageKind
from strongback.load import messages
from strongback.load.loader import load_content
from strongback.model import Content, DocMeta, fingerprint
from strongback.pages import lead_ins
from strongback.pages.markdown import build_pages
from strongback.standards import check_content, consistency
from strongback.standards.page_texts import (
    PROSE_EXCLUDED,
    _field_names,
    _models,
    unknown_field_names,
)

from .conftest import FIXTURES, REPO, TODAY
from .standards.test_checks import CHECK_CASES, expected, overlay

DAY = date.fromisoformat(TODAY)
SITE_URL = "https://strongback.example/"


def test_the_catalogue_lists_every_page_once_with_its_kind_and_source(
    project_content: Content,
) -> None:
    content = project_content
    catalogue = Catalogue.of(content)
    addresses = [page.src_uri for page in catalogue]
    assert len(addresses) == len(set(addresses))
    kinds = {page.src_uri: page.kind for page in catalogue}
    assert kinds["exercises/bird-dog.md"] == "exercise"
    assert kinds["about.md"] == "about" and kinds["references.md"] == "references"
    assert kinds["index.md"] == "page" and kinds["disclaimer.md"] == "page"
    assert len(catalogue.of_kind("exercise")) == len(content.exercises)
    assert len(catalogue.of_kind("handout")) == len(content.handouts)
    bird_dog = catalogue.page("exercises/bird-dog.md")
    assert bird_dog.record is content.exercises["bird-dog"] and bird_dog.record_id == "bird-dog"
    assert bird_dog.source == "content/exercises/bird-dog.yml" and bird_dog.own_review
    assert bird_dog.url == "exercises/bird-dog/"
    assert isinstance(catalogue.page("index.md").record, DocMeta)
    assert "authoring/content-reference.md" not in addresses
    preview = Catalogue.of(content, preview=True)
    assert preview.page("authoring/content-reference.md").kind == "authoring"


def test_pages_and_pdfs_are_the_catalogues_pages(minimal_content_loaded: Content) -> None:
    content = minimal_content_loaded
    catalogue = Catalogue.of(content)
    generated = build_pages(content, today=DAY, catalogue=catalogue)
    # One page type: the generated pages are the catalogue's own pages, with their Markdown.
    assert (
        sorted(p.src_uri for p in generated.pages)
        == sorted(generated.markdown)
        == sorted(page.src_uri for page in catalogue if page.generated)
    )
    for made in generated.pages:
        assert made is catalogue.page(made.src_uri)
    specs = pdf.pdf_specs(content, SITE_URL, catalogue)
    sheets = {(page.kind, page.record_id) for page in catalogue if page.kind in PDF_KINDS}
    assert {(spec.kind, spec.record_id) for spec in specs} == sheets
    assert len(specs) == 2 * len(sheets)  # A4 and Letter


PDF_KINDS = ("exercise", "handout")


def test_a_site_build_is_complete_when_made(minimal_content_loaded: Content) -> None:
    content = minimal_content_loaded
    build = SiteBuild(Catalogue.of(content), DAY)
    assert "exercises/bird-dog.md" in build.pages.markdown and build.content is content
    for page in build.catalogue:
        assert build.review(page.src_uri) == page.review_info(content, DAY)
    # The citation index counts the hand-written pages the loader read, without MkDocs.
    assert ("index.md", "Home") in build.pages.cited_by["hayden2021"]
    assert build.pages == build_pages(content, today=DAY, catalogue=build.catalogue)
    with pytest.raises(KeyError, match="not a page of this site"):
        build.review("nowhere.md")


def test_the_kinds_table_names_template_address_type_and_title_of_every_page(
    project_content: Content,
) -> None:
    content = project_content
    catalogue = Catalogue.of(content, preview=True)
    templates = REPO / "src" / "strongback" / "templates"
    assert set(KINDS) == set(get_args(PageKind))
    pages = build_pages(content, today=DAY, catalogue=catalogue)
    for page in catalogue:
        kind = KINDS[page.kind]
        key = page.record_id or {"benefits.md": "benefits", "causes.md": "causes",
                                 "diet.md": "diet"}.get(page.src_uri, page.src_uri)  # fmt: skip
        assert page.src_uri == kind.address(key), page.src_uri
        assert page.title and page.description, page.src_uri
        if not kind.generated:
            continue
        assert kind.template is not None and (templates / kind.template).is_file()
        # The template writes the title and description it is given, never its own.
        source = (templates / kind.template).read_text(encoding="utf-8")
        assert "title: {{ page.title | yaml_string }}" in source, kind.template
        front = pages.markdown[page.src_uri].split("---\n")[1]
        assert f"title: {json.dumps(page.title, ensure_ascii=False)}\n" in front
        assert f"description: {json.dumps(page.description, ensure_ascii=False)}\n" in front
    assert catalogue.page("exercises/bird-dog.md").title == content.exercises["bird-dog"].name
    assert catalogue.page("about.md").spec.jsonld_type == "AboutPage"
    assert {kind.jsonld_type for name, kind in KINDS.items() if name != "about"} == {
        "MedicalWebPage"
    }
    # A hand-written page: its own title (front matter, else its first heading).
    assert catalogue.page("index.md").title == "Exercises and advice for a stronger back"


@pytest.mark.parametrize("case", CHECK_CASES)
def test_findings_come_from_the_source_map_not_the_files(case: str, tmp_path: Path) -> None:
    # Load, then take the files away: every finding still names its file:line:col.
    root = overlay(case, tmp_path / "project")
    content = load_content(root / "content", root / "docs")
    shutil.rmtree(root / "content")
    shutil.rmtree(root / "docs")
    report = check_content(content, today=DAY, root=root, catalogue=Catalogue.of(content))
    lines = [f"error: {e}" for e in report.errors] + [f"warning: {w}" for w in report.warnings]
    assert "\n".join(lines) + "\n" == expected(case)


def test_the_source_map_keeps_positions_and_text(minimal_content_loaded: Content) -> None:
    content = minimal_content_loaded
    positions = content.positions
    file = "content/exercises/bird-dog.yml"
    text = positions.text(file)
    assert text == (FIXTURES / "minimal" / file).read_text(encoding="utf-8")
    line, column = positions.position(file, ("name",))
    assert text.splitlines()[line - 1][column - 1 :].startswith(content.exercises["bird-dog"].name)
    assert positions.position("content/nowhere.yml", ("name",)) == (1, 1)


def test_prose_exclusions_name_real_model_fields() -> None:
    assert unknown_field_names() == set()
    assert _field_names(_models()) >= PROSE_EXCLUDED
    assert "no_such_field" not in _field_names(_models())


def test_tables_keyed_by_field_names_name_real_model_fields() -> None:
    # Renaming a model field must fail here, not silently change what is checked or worded.
    names = _field_names(_models())
    for table in (
        messages.LIST_NOUNS,
        messages.PATTERN_NAMES,
        fingerprint.DOC_NOT_REVIEWED,
        consistency.WARNING_SIGN_LISTS,
    ):
        assert set(table) <= names, set(table) - names
    owners: dict[str, type[BaseModel]] = {"exercise": model.Exercise, "safety": model.Safety}
    for key in lead_ins.LEAD_INS:
        owner, name = key.split(".")
        assert name in owners[owner].model_fields, key
