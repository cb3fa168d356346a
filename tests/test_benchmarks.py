"""Smoke test of the benchmark's content generator: synthetic content must be valid content.

Timings are never asserted here: `python benchmarks/run.py` measures them (see the README).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import TODAY

REPO = Path(__file__).resolve().parent.parent


def _synth() -> ModuleType:
    spec = importlib.util.spec_from_file_location("synth", REPO / "benchmarks" / "synth.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("synth", module)
    spec.loader.exec_module(module)
    return module


def test_synthetic_content_at_n10_is_valid(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STRONGBACK_TODAY", TODAY)
    synth = _synth()
    project = synth.make_project(tmp_path / "project", 10)
    content = synth.validate(project)  # load_content + the content-standards check

    counts = synth.counts(10)
    assert len(content.exercises) == counts["exercises"] == 10
    assert len(content.handouts) == counts["handouts"] == 1
    synthetic = [key for key in content.references if key.startswith("synth-")]
    assert len(synthetic) == counts["references"] == 2
    for handout in content.handouts.values():
        assert all(item.exercise in content.exercises for item in handout.exercises)
    for exercise in content.exercises.values():
        linked = [*exercise.regressions, *exercise.progressions]
        assert all(other in content.exercises for other in linked)
    assert (project / "mkdocs.yml").is_file()
    assert (project / "hooks" / "pipeline.py").is_file()


def test_synthetic_content_grows_in_proportion(tmp_path: Path) -> None:
    synth = _synth()
    written = synth.generate_content(tmp_path / "content", 60)
    assert written["exercises"] == 60
    assert len(list((tmp_path / "content" / "exercises").glob("*.yml"))) == 60
    assert len(list((tmp_path / "content" / "handouts").glob("*.yml"))) == 6
