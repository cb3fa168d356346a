"""The engine part of a PDF's cache key: every package file and every PDF library's version."""

from __future__ import annotations

from datetime import date
from importlib import metadata
from pathlib import Path

import pytest

from strongback import pdf
from strongback.catalogue import Catalogue
from strongback.files import PACKAGE, package_files
from strongback.load.loader import load_content
from strongback.model import Content
from strongback.pdf.cache_inputs import engine_digest, library_versions


def test_every_file_of_the_package_is_hashed() -> None:
    names = {name for name, _ in package_files()}
    on_disk = {
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    assert names == on_disk
    for name in (
        "pdf/batch.py",
        "text.py",
        "templates/handout/handout.css",
        "figures/svg.py",
    ):
        assert name in names


def test_requirements_are_followed_and_extras_left_out() -> None:
    requires = {
        "weasyprint": ["pydyf>=0.11", "Pyphen>=0.9.1", 'pytest ; extra == "test"'],
        "pydyf": [],
        "Pyphen": None,
        "Markdown": ['importlib-metadata>=4.4; python_version < "3.10"'],
    }
    versions = {"weasyprint": "68.0", "pydyf": "0.11.0", "Pyphen": "0.17.0", "Markdown": "3.7"}

    def version(name: str) -> str:
        if name not in versions:
            raise metadata.PackageNotFoundError(name)
        return versions[name]

    found = library_versions(["weasyprint", "Markdown"], version, requires.get)
    assert found == {
        "importlib-metadata": "absent",
        "markdown": "3.7",
        "pydyf": "0.11.0",
        "pyphen": "0.17.0",
        "weasyprint": "68.0",
    }


def test_the_installed_pdf_libraries_are_all_named() -> None:
    found = library_versions()
    for library in ("weasyprint", "pydyf", "fonttools", "markdown", "jinja2", "segno", "pydantic"):
        assert found[library] == metadata.version(library), library


@pytest.fixture
def package(tmp_path: Path) -> Path:
    (tmp_path / "templates").mkdir()
    (tmp_path / "module.py").write_text("x = 1\n", encoding="utf-8")
    (tmp_path / "templates" / "sheet.css").write_text("p {}\n", encoding="utf-8")
    return tmp_path


def test_any_changed_file_or_version_makes_a_new_digest(package: Path) -> None:
    versions = {"weasyprint": "68.0", "segno": "1.6.6"}
    before = engine_digest(package, versions)
    assert engine_digest(package, versions) == before
    assert engine_digest(package, versions | {"segno": "1.6.7"}) != before
    assert engine_digest(package, versions, extra="pdf/ua-1") != before
    (package / "templates" / "sheet.css").write_text("p { margin: 0 }\n", encoding="utf-8")
    changed = engine_digest(package, versions)
    assert changed != before
    (package / "templates" / "font.woff2").write_bytes(b"\0")
    with_font = engine_digest(package, versions)
    assert with_font != changed
    (package / "__pycache__").mkdir()  # bytecode says nothing the sources do not
    (package / "__pycache__" / "module.cpython-311.pyc").write_bytes(b"\0")
    assert engine_digest(package, versions) == with_font


def test_the_document_identifier_follows_the_content_not_the_engine(
    minimal_content_loaded: Content,
) -> None:
    content = minimal_content_loaded
    spec = pdf.pdf_specs(content, "https://strongback.example/", Catalogue.of(content))[0]
    day = date(2026, 11, 27)
    keys = {pdf.cache_key(spec, content, today=day, engine=e) for e in ("a", "b")}
    assert len(keys) == 2
    identifier = pdf.document_identifier(spec, content, today=day)
    assert len(identifier) == 32
    other = pdf.pdf_specs(content, "https://strongback.example/", Catalogue.of(content))[1]
    assert pdf.document_identifier(other, content, today=day) != identifier


def test_a_build_memo_gives_the_same_keys_and_identifiers() -> None:
    # build_pdfs shares one memo across a build's PDFs (A4 and Letter, an exercise in its own
    # sheet and in each routine): it must only save work, never change a key.
    root = Path(__file__).resolve().parents[2]
    content = load_content(root / "content", root / "docs")
    specs = pdf.pdf_specs(content, "https://strongback.example/", Catalogue.of(content))
    day = date(2026, 11, 30)
    memo: dict[object, object] = {}
    for spec in specs:
        alone = pdf.cache_key(spec, content, today=day, engine="e")
        assert pdf.cache_key(spec, content, today=day, engine="e", memo=memo) == alone
        assert pdf.document_identifier(
            spec, content, today=day, memo=memo
        ) == pdf.document_identifier(spec, content, today=day)
    assert len({pdf.cache_key(s, content, today=day, engine="e") for s in specs}) == 62
