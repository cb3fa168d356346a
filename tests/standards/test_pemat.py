"""PEMAT-P items in `strongback check`: each automated item fails on a fixture, passes on the
shipped content where the content and templates already carry it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from jinja2 import ChoiceLoader, DictLoader, Environment

from strongback.load.loader import load_content
from strongback.model import Frequency
from strongback.pages.templating import environment
from strongback.standards import pemat
from strongback.standards.pemat import ITEMS, format_pemat, log_rows, pemat_report

from ..conftest import FIXTURES, REPO


def test_the_minimal_project_fails_figures() -> None:
    content = load_content(FIXTURES / "minimal" / "content", FIXTURES / "minimal" / "docs")
    materials, findings = pemat_report(content, [])
    assert [str(f) for f in findings] == [
        "content/exercises/bird-dog.yml:16:3: poses: PEMAT 15/26: steps without figures; add "
        "`poses:` (start and end) so the page and sheet show what to do",
        "content/exercises/side-plank.yml:16:3: poses: PEMAT 15/26: steps without figures; add "
        "`poses:` (start and end) so the page and sheet show what to do",
    ]
    bird_dog = next(m for m in materials if m.name == "exercises/bird-dog.md")
    assert bird_dog.items["23"] is True  # a 6-week plan, a 6-row log
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
        "18",
    ]
    page = next(m for m in materials if m.name == "exercises/bird-dog.md")
    assert (page.items["18"], page.items["19"], page.items["20/21"]) == (False, False, False)


def test_the_shipped_content_passes_every_automated_item() -> None:
    content = load_content(REPO / "content", REPO / "docs")
    materials, findings = pemat_report(content, [])
    for item in ITEMS:
        failing = [m.name for m in materials if m.items.get(item) is False]
        assert failing == [], (item, failing)
    assert findings == []


def test_log_rows_are_read_from_the_sheets_log_template() -> None:
    # The log template decides the rows; the rule reads what a sheet would print: a row a week,
    # whether the weeks run in one table (every day) or two side by side (3 days a week).
    assert log_rows(Frequency(days_per_week=7, weeks=6)) == 6
    assert log_rows(Frequency(days_per_week=3, weeks=12)) == 12
    assert log_rows(Frequency(days_per_week=2, weeks=5)) == 5
    assert log_rows(Frequency(days_per_week=3)) == 4  # no weeks named: a month


def test_a_log_shorter_than_the_plan_fails_item_23(monkeypatch: pytest.MonkeyPatch) -> None:
    # A log template that prints a month whatever the plan (as sheets did before the rule).
    fixed = (FIXTURES / "templates" / "month-log.html.jinja").read_text(encoding="utf-8")

    def with_month_log(autoescape: bool = False) -> Environment:
        env = environment(autoescape=autoescape)
        assert env.loader is not None
        # An overlay: the shared (cached) environment keeps its own loader for later tests.
        month = ChoiceLoader([DictLoader({"handout/_log.html.jinja": fixed}), env.loader])
        return env.overlay(loader=month)

    monkeypatch.setattr(pemat, "environment", with_month_log)
    content = load_content(FIXTURES / "minimal" / "content", FIXTURES / "minimal" / "docs")
    _, findings = pemat_report(content, [])
    assert [str(f) for f in findings if "PEMAT 23" in str(f)] == [
        "content/exercises/bird-dog.yml:20:38: frequency.weeks: PEMAT 23: the tick log has 4 "
        "rows for a plan of 6 weeks; the log needs a row for every week",
        "content/exercises/side-plank.yml:20:38: frequency.weeks: PEMAT 23: the tick log has 4 "
        "rows for a plan of 6 weeks; the log needs a row for every week",
    ]
