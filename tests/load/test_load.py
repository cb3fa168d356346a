"""Loading and validation: every error class names file, line, column and field exactly.

Each case under tests/fixtures/invalid/<case>/ overlays the minimal valid project with broken
files; `expected.txt` beside them holds the exact messages, one per line.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from strongback.load.loader import ContentErrors, load_content, parse_yaml
from strongback.model import Content

from ..conftest import FIXTURES

CASES = sorted(p.name for p in (FIXTURES / "invalid").iterdir() if p.is_dir())


def overlay(case: str, target: Path) -> Path:
    shutil.copytree(FIXTURES / "minimal", target, dirs_exist_ok=True)
    shutil.copytree(FIXTURES / "invalid" / case, target, dirs_exist_ok=True)
    (target / "expected.txt").unlink()
    return target


def test_minimal_fixture_is_valid(minimal_content_loaded: Content) -> None:
    content = minimal_content_loaded
    assert sorted(content.exercises) == ["bird-dog", "side-plank"]
    assert content.exercise_files["bird-dog"] == "content/exercises/bird-dog.yml"
    assert content.docs["index.md"].review is not None


def test_every_error_class_has_a_case() -> None:
    assert set(CASES) >= {
        "yaml-syntax", "wrong-type", "missing-field", "unknown-field", "duplicate-key",
        "duplicate-id", "unknown-citation", "unknown-exercise", "bad-identifiers",
        "non-http-url", "raw-html", "invalid-date", "empty-file", "non-utf8", "python-tag",
        "alias-bomb", "doc-page", "many-files",
        # issue 15: each message in an author's words, with its fix
        "unquoted-colon", "bad-indentation", "tab-and-deep-indent", "misplaced-field",
        "list-positions", "unknown-citation-far", "raw-html-markdown", "unknown-field-no-match",
        # issue 25: each with an example of the right form
        "dose-forms", "unknown-equipment",
    }  # fmt: skip


@pytest.mark.parametrize("case", CASES)
def test_invalid_content_reports_every_error_exactly(case: str, tmp_path: Path) -> None:
    root = overlay(case, tmp_path)
    with pytest.raises(ContentErrors) as raised:
        load_content(root / "content", root / "docs")
    expected = (FIXTURES / "invalid" / case / "expected.txt").read_text(encoding="utf-8")
    assert str(raised.value) == expected.rstrip("\n")


def test_errors_are_sorted_and_unique(tmp_path: Path) -> None:
    root = overlay("many-files", tmp_path)
    with pytest.raises(ContentErrors) as raised:
        load_content(root / "content", root / "docs")
    errors = raised.value.errors
    assert errors == sorted(set(errors))
    assert {e.file for e in errors} == {
        "content/exercises/bird-dog.yml",
        "content/handouts/starter.yml",
        "content/site.yml",
    }


def test_missing_required_file(tmp_path: Path) -> None:
    root = overlay("wrong-type", tmp_path)
    (root / "content" / "safety.yml").unlink()
    with pytest.raises(ContentErrors) as raised:
        load_content(root / "content", root / "docs")
    assert "content/safety.yml:1:1: required content file is missing" in str(raised.value)


def test_stray_file_in_content_is_named(tmp_path: Path) -> None:
    root = overlay("wrong-type", tmp_path)
    (root / "content" / "benefit.yml").write_text("title: x\n", encoding="utf-8")
    with pytest.raises(ContentErrors) as raised:
        load_content(root / "content", root / "docs")
    assert (
        "content/benefit.yml:1:1: unknown content file (did you mean 'benefits.yml'?); "
        "expected benefits.yml, causes.yml, diet.yml, exercises, glossary.yml, handouts, "
        "references.yml, "
        "safety.yml, site.yml" in str(raised.value)
    )


def test_positions_of_keys_and_values() -> None:
    doc, errors = parse_yaml("a:\n  b: 1\n  c: [x, y]\n", "f.yml")
    assert errors == []
    assert doc.data == {"a": {"b": 1, "c": ["x", "y"]}}
    assert doc.position(("a", "b")) == (2, 6)
    assert doc.position(("a", "b"), key=True) == (2, 3)
    assert doc.position(("a", "c", 1)) == (3, 10)
    assert doc.position(("a", "missing")) == (2, 3)


def test_front_matter_errors_count_lines_from_the_file_start(tmp_path: Path) -> None:
    root = overlay("doc-page", tmp_path)
    with pytest.raises(ContentErrors) as raised:
        load_content(root / "content", root / "docs")
    assert str(raised.value).splitlines()[0].startswith("docs/index.md:3:1: reviw:")
