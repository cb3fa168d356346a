"""The "Make a routine" page's engine side: its data comes from the content, once; it is light;
every page that should link to it does; its template carries every exercise."""

from __future__ import annotations

import dataclasses
import gzip
import json
from datetime import date

import pytest

from strongback import urls
from strongback.catalogue import Catalogue
from strongback.model import Content
from strongback.pages import routine_builder
from strongback.pages.markdown import build_pages

from ..conftest import REPO

SCRIPT = REPO / "docs" / "js" / "routine-builder.js"
QR = REPO / "docs" / "assets" / "vendor" / "qrcode-generator"


@pytest.fixture
def content(project_content: Content) -> Content:
    return project_content


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def data_of(content: Content) -> dict[str, object]:
    text = routine_builder.data_script(content, "https://example.org/")
    prefix = "window.SB_ROUTINE_DATA="
    assert text.startswith(prefix) and text.endswith(";\n")
    found: dict[str, object] = json.loads(text[len(prefix) : -2])
    return found


def test_data_holds_every_exercise_with_its_own_dose(content: Content) -> None:
    data = data_of(content)
    exercises = data["exercises"]
    assert isinstance(exercises, dict)
    assert set(exercises) == set(content.exercises)
    bird = exercises["bird-dog"]
    assert bird["dose"] == {"sets": 2, "reps": 6, "hold": 5, "side": True, "rest": 45}
    assert bird["steps"][0] == "Gently tighten your tummy and keep your back flat."
    carry = exercises["farmers-carry"]
    assert carry["dose"] == {"sets": 3, "distance": 20, "side": False, "rest": 60}
    assert carry["fixed"] == "Weight: Weights you can carry while standing tall."
    assert carry["breaths"] == ""
    assert data["address"] == "https://example.org/"
    assert data["version"] == routine_builder.FORMAT_VERSION


def test_every_default_dose_is_within_the_fields_ranges(content: Content) -> None:
    """So the page never refuses an exercise's own dose (and `top` widens a range if it would)."""
    for key, exercise in content.exercises.items():
        for name, value in routine_builder.dose_defaults(exercise.dose).items():
            if name in routine_builder.RANGES and value is not None and not isinstance(value, bool):
                limits = routine_builder.RANGES[name]
                assert limits.low <= value <= limits.high, (key, name, value)


def test_text_from_content_cannot_close_a_script(content: Content) -> None:
    model = content.exercises["bird-dog"]
    changed = model.model_copy(update={"name": "Bird </script><b>dog"})
    other = dataclasses.replace(content, exercises={"bird-dog": changed})
    text = routine_builder.data_script(other, None)
    assert "</script>" not in text and "<b>" not in text
    assert "Bird \\u003c/script>\\u003cb>dog" in text


def test_the_page_links_and_fragment_format_agree(content: Content) -> None:
    version = routine_builder.FORMAT_VERSION
    assert urls.routine_with("bird-dog") == f"routines/make.md#r{version}.bird-dog"
    catalogue = Catalogue.of(content)
    page = catalogue.page(urls.ROUTINE_BUILDER)
    assert page.kind == "routine-builder"
    pages = build_pages(content, today=date(2026, 11, 30), catalogue=catalogue).markdown
    builder = pages[urls.ROUTINE_BUILDER]
    assert "sb_builder: true" in builder
    for key in content.exercises:
        # Each exercise can be added, and its hidden figures carry the id links point at.
        assert f'data-sb-rb-add="{key}"' in builder
        assert f'<div id="r1.{key}" data-sb-rb-figures="{key}">' in builder
    assert "(../routines/make.md#r1.bird-dog)" in pages["exercises/bird-dog.md"]
    finder = pages[urls.EXERCISES]
    assert all(f"(../routines/make.md#r1.{key})" in finder for key in content.exercises)
    assert "(../routines/make.md)" in pages[urls.HANDOUTS]
    assert "(routines/make.md)" in (REPO / "docs" / "index.md").read_text(encoding="utf-8")
    # The printed sheet's shared parts: the warning signs box and the disclaimer line.
    assert "Get help urgently" in builder
    assert "This sheet is not medical advice" in builder


def test_builder_asks_for_no_patient_details(content: Content) -> None:
    pages = build_pages(content, today=date(2026, 11, 30), catalogue=Catalogue.of(content))
    page = pages.markdown[urls.ROUTINE_BUILDER]
    script = SCRIPT.read_text(encoding="utf-8").lower()
    for word in ("birth", "patient name", "cookie", "fetch(", "xmlhttprequest", "sendbeacon"):
        assert word not in script
    assert "innerhtml" not in script and "insertadjacenthtml" not in script
    assert "date of birth" in page  # only in the reminder not to write one
    assert "<input" in page and 'name="patient' not in page


def test_scripts_and_data_stay_light(content: Content) -> None:
    own = gzipped(SCRIPT.read_bytes())
    qr = gzipped((QR / "qrcode.js").read_bytes())
    data = gzipped(routine_builder.data_script(content, "https://example.org/").encode())
    assert own + qr <= 25 * 1024, f"script {own} + QR encoder {qr} bytes gzip"
    assert data <= 12 * 1024, f"data {data} bytes gzip"


def test_qr_encoder_is_vendored_with_its_licence() -> None:
    assert "MIT License" in (QR / "LICENSE").read_text(encoding="utf-8")
    vendored = (QR / "VENDORED.txt").read_text(encoding="utf-8")
    assert "qrcode-generator 2.0.4" in vendored
    import hashlib

    digest = hashlib.sha256((QR / "qrcode.js").read_bytes()).hexdigest()
    assert digest in vendored, "qrcode.js changed: update VENDORED.txt"
