"""The charts drawn from content: the warning signs' "what to do" ladder and the icon grid of a
natural frequency (strongback.charts)."""

from __future__ import annotations

import itertools
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from strongback.load.loader import ContentErrors, load_content
from strongback.model import FrequencyChart
from strongback.pages.charts import (
    LEVELS,
    frequency_chart,
    icon_grid,
    what_to_do_chart,
    what_to_do_rungs,
)
from strongback.pages.templating import environment

from ..conftest import FIXTURES, REPO

SVG = "{http://www.w3.org/2000/svg}"


def test_the_ladder_has_one_rung_per_level_most_urgent_first() -> None:
    safety = load_content(REPO / "content", REPO / "docs").safety
    rungs = what_to_do_rungs(safety)
    assert [r.level for r in rungs] == ["emergency", "urgent", "doctor", "moving"]
    assert [r.note for r in rungs[:3]] == [
        f"{len(safety.emergency)} signs below",
        f"{len(safety.urgent_soon)} signs below",
        f"{len(safety.see_doctor)} signs below",
    ]
    assert " ".join(rungs[0].lines).startswith("Call your emergency number")
    # Rungs stack without overlapping, each as tall as its text.
    for upper, lower in itertools.pairwise(rungs):
        assert lower.y >= upper.y + upper.height
        assert upper.height >= 20 + 22 * len(upper.lines)
    assert len(LEVELS) == 4


def test_the_ladder_is_an_accessible_svg_with_its_words() -> None:
    safety = load_content(REPO / "content", REPO / "docs").safety
    svg = ET.fromstring(str(what_to_do_chart(environment(), safety)))
    assert svg.get("role") == "img"
    title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert title is not None and title.text == "What to do: from emergency to keep moving"
    assert desc is not None and desc.text and "Emergency: Call your emergency number" in desc.text
    assert "[@" not in (desc.text or "")  # citation keys never reach the drawing
    labels = [
        t.text for t in svg.iter(f"{SVG}text") if "sb-ladder__label" in (t.get("class") or "")
    ]
    assert labels == ["1. Emergency", "2. Urgent", "3. See a doctor", "4. Keep moving"]


def test_an_icon_grid_marks_count_of_out_of_last() -> None:
    chart = FrequencyChart(count=23, out_of=100, icon="fall", caption="About 23 in every 100.")
    icons = icon_grid(chart)
    assert len(icons) == 100 and sum(i.marked for i in icons) == 23
    assert not any(i.marked for i in icons[:77]) and all(i.marked for i in icons[77:])
    assert {i.x for i in icons} == {n * 30 for n in range(10)}
    svg = ET.fromstring(str(frequency_chart(environment(), chart)))
    marked = [g for g in svg.iter(f"{SVG}g") if "sb-icons__icon--marked" in (g.get("class") or "")]
    assert len(marked) == 23 + 1  # and one in the legend
    title = svg.find(f"{SVG}title")
    assert title is not None and title.text == "About 23 in every 100."
    legend = [t.text for t in svg.iter(f"{SVG}text")]
    assert legend == ["77 falls that still happened", "23 fewer falls"]


def test_a_chart_cannot_mark_more_than_it_draws() -> None:
    with pytest.raises(ValueError, match="count 11 is more than out_of 10"):
        FrequencyChart(count=11, out_of=10, caption="x")


def test_benefit_links_name_real_routines(tmp_path: Path) -> None:
    root = shutil.copytree(FIXTURES / "minimal", tmp_path, dirs_exist_ok=True)
    path = root / "content" / "benefits.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "      - Keep going.\n", "      - Keep going.\n    routine_links: [no-such]\n"
        ),
        encoding="utf-8",
    )
    with pytest.raises(ContentErrors) as raised:
        load_content(root / "content", root / "docs")
    assert str(raised.value) == (
        "content/benefits.yml:12:21: section 1, routine_links item 1: unknown routine 'no-such'; "
        "routine ids are the file names in content/handouts/"
    )
