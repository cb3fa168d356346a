"""PEMAT-P items in `strongback check`: each automated item fails on a fixture, passes on the
shipped content where the content and templates already carry it."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from strongback.load.loader import load_content
from strongback.model import Frequency
from strongback.standards.pemat import ITEMS, format_pemat, log_rows, pemat_report

from ..conftest import FIXTURES, REPO


def test_the_minimal_project_fails_figures_and_log_rows() -> None:
    content = load_content(FIXTURES / "minimal" / "content", FIXTURES / "minimal" / "docs")
    materials, findings = pemat_report(content, [])
    assert [str(f) for f in findings] == [
        "content/exercises/bird-dog.yml:16:3: poses: PEMAT 15/26: steps without figures; add "
        "`poses:` (start and end) so the page and sheet show what to do",
        "content/exercises/bird-dog.yml:20:38: frequency.weeks: PEMAT 23: the tick log has 4 "
        "rows for a plan of 6 weeks; the log needs a row for every week",
        "content/exercises/side-plank.yml:16:3: poses: PEMAT 15/26: steps without figures; add "
        "`poses:` (start and end) so the page and sheet show what to do",
        "content/exercises/side-plank.yml:20:38: frequency.weeks: PEMAT 23: the tick log has 4 "
        "rows for a plan of 6 weeks; the log needs a row for every week",
    ]
    names = [m.name for m in materials]
    assert names[:4] == ["benefits.md", "causes.md", "diet.md", "warning-signs.md"]
    assert "exercises/bird-dog (sheet)" in names and "handouts/starter (sheet)" in names
    table = format_pemat(materials).splitlines()
    assert table[0].split() == ["PEMAT-P", *ITEMS]
    assert table[2].split() == [
        "benefits.md",
        "✓",
        "✓",
        "✓",
        "✓",
        "–",
        "–",
        "–",
        "–",
        "✓",
        "–",
        "–",
    ]


def _real_copy(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "content", tmp_path / "content")
    shutil.copytree(REPO / "docs", tmp_path / "docs")
    return tmp_path


def test_same_figures_a_step_that_is_not_a_command_and_a_wide_table_fail(tmp_path: Path) -> None:
    root = _real_copy(tmp_path)
    path = root / "content" / "exercises" / "bird-dog.yml"
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    record["poses"]["end"] = dict(record["poses"]["start"])
    record["steps"][0] = "The arm goes forward."
    record["normal"].append("| Week | Sets | Reps | Hold |\n|---|---|---|---|\n| 1 | 2 | 6 | 5 |")
    path.write_text(yaml.safe_dump(record, sort_keys=False), encoding="utf-8")
    content = load_content(root / "content", root / "docs")
    materials, findings = pemat_report(content, [])
    bird_dog = [str(f) for f in findings if f.file == "content/exercises/bird-dog.yml"]
    assert [f.split(": PEMAT ")[1].split(":")[0] for f in bird_dog if "PEMAT 11" not in f] == [
        "19",
        "20/21",
        "23",
        "18",
    ]
    page = next(m for m in materials if m.name == "exercises/bird-dog.md")
    assert (page.items["18"], page.items["19"], page.items["20/21"]) == (False, False, False)


def test_the_shipped_content_passes_the_items_it_carries() -> None:
    # 11 and 23 wait for key points and logs as long as the plan (issue 26, points 1-2).
    content = load_content(REPO / "content", REPO / "docs")
    materials, _ = pemat_report(content, [])
    for item in ("4", "6", "7", "15/26", "17", "18", "19", "20/21", "22"):
        failing = [m.name for m in materials if m.items.get(item) is False]
        assert failing == [], (item, failing)


def test_log_rows_are_read_from_the_sheets_log_template() -> None:
    # The log template decides the rows; the rule reads what a sheet would print.
    rows = log_rows(Frequency(days_per_week=3, weeks=6))
    assert rows == log_rows(Frequency(days_per_week=7, weeks=6))
    assert rows >= 1
