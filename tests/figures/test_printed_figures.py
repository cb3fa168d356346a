"""Printed figures big enough to copy (issue 12): a routine's exercises show start and end in a
column beside their steps, at about one body scale; an exercise's own sheet shows them larger."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest

from strongback import pdf
from strongback.catalogue import Catalogue
from strongback.figures import printed
from strongback.figures.exercise import drawings
from strongback.load.loader import load_content
from strongback.pdf import typeset

from ..conftest import REPO, TODAY
from ..pdf.test_handouts import SITE_URL

CARD, SHEET = printed.LAYOUTS["card"], printed.LAYOUTS["sheet"]


def _content() -> Any:
    return load_content(REPO / "content", REPO / "docs")


def test_a_standing_exercise_prints_about_30_mm_tall_beside_its_steps() -> None:
    deadlift = printed.place(drawings(_content().exercises["kettlebell-deadlift"], "print"), CARD)
    assert not deadlift.stacked
    assert [round(f.height_mm) for f in deadlift.figures] == [32, 32]
    assert 29 <= deadlift.body_mm <= 31
    assert sum(f.width_mm for f in deadlift.figures) + CARD.gap_mm <= CARD.width_mm


def test_a_lying_exercise_goes_one_above_the_other_at_the_same_scale() -> None:
    bird_dog = printed.place(drawings(_content().exercises["bird-dog"], "print"), CARD)
    assert bird_dog.stacked
    assert 29 <= bird_dog.body_mm <= 31  # as large as the standing deadlift's body
    assert all(40 <= f.width_mm <= CARD.width_mm for f in bird_dog.figures)
    assert sum(f.height_mm for f in bird_dog.figures) <= CARD.stack_mm


def test_every_exercise_prints_big_enough_on_a_routine_and_larger_on_its_own_sheet() -> None:
    for exercise in _content().exercises.values():
        found = drawings(exercise, "print")
        card, sheet = printed.place(found, CARD), printed.place(found, SHEET)
        assert len(card.figures) == len(found) >= 2, exercise.id
        # A whole body at least 2 cm tall even beside a pull-up bar; most are about 3 cm.
        assert card.body_mm >= 20, (exercise.id, card.body_mm)
        assert sheet.body_mm >= 1.2 * card.body_mm, exercise.id
        for figure in card.figures:
            assert figure.width_mm <= CARD.width_mm + 0.01, exercise.id
            assert figure.height_mm <= CARD.tallest_mm + 0.01, exercise.id
        for figure in sheet.figures:
            assert figure.height_mm <= SHEET.tallest_mm + 0.01, exercise.id
        width = sum(f.width_mm for f in sheet.figures) + SHEET.gap_mm * (len(found) - 1)
        assert width <= SHEET.width_mm + 0.01, exercise.id


def _image_boxes(document: Any) -> list[tuple[str, float, float]]:
    """(alt text, width mm, height mm) of every image the laid-out sheet shows."""
    found = []
    for page in document.pages:
        for box in page._page_box.descendants():
            if getattr(box, "element_tag", None) == "img":
                alt = box.element.get("alt") or ""
                found.append((alt, box.width / typeset.PX_PER_MM, box.height / typeset.PX_PER_MM))
    return found


@pytest.mark.pdf
@pytest.mark.parametrize("routine", ["gentle-start", "home-strength", "weights-strength"])
def test_routine_pdfs_lay_out_each_figure_at_its_size_with_its_text(routine: str) -> None:
    content = _content()
    spec = next(
        s
        for s in pdf.pdf_specs(content, SITE_URL, Catalogue.of(content))
        if s.record_id == routine and s.paper == "letter"
    )
    html = pdf.render_html(spec, content, today=date.fromisoformat(TODAY), type_size=11)
    images = [i for i in _image_boxes(typeset.layout(html)) if not i[0].startswith("QR code")]
    exercises = [content.exercises[item.exercise] for item in content.handouts[routine].exercises]
    assert len(images) == 2 * len(exercises)
    for exercise in exercises:
        shown = [(w, h) for alt, w, h in images if alt.startswith(f"{exercise.name}: ")]
        placed = printed.place(drawings(exercise, "print"), CARD).figures
        assert len(shown) == len(placed) == 2, exercise.id
        for (width, height), figure in zip(shown, placed, strict=True):
            # The layout keeps the size chosen for it: nothing squeezes a figure.
            assert width == pytest.approx(figure.width_mm, abs=0.3), exercise.id
            assert height == pytest.approx(figure.height_mm, abs=0.3), exercise.id
    # The steps stand beside the figures: the alt text names the position and says it in words.
    assert all(re.match(r"^.+: (start|end|hold|.+) position\. \S", alt) for alt, _, _ in images)
