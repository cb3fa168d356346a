"""`strongback new` scaffolds: valid YAML, but their placeholder text fails `strongback check`
and the build, naming each placeholder and its line, until the author replaces it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from strongback.cli import main
from strongback.standards.scaffold import KINDS, MARKER, placeholder_texts, render_scaffold

from ..conftest import FIXTURES, make_project, run_build

EXPECTED = FIXTURES / "scaffold" / "expected.txt"
"""Every placeholder of a new exercise (wall-sit) and a new handout (desk-break)."""


def scaffolded(root: Path) -> Path:
    shutil.copytree(FIXTURES / "minimal", root, dirs_exist_ok=True)
    assert main(["--root", str(root), "new", "exercise", "wall-sit"]) == 0
    assert main(["--root", str(root), "new", "handout", "desk-break"]) == 0
    return root


@pytest.mark.parametrize("kind", KINDS)
def test_every_marked_line_is_a_placeholder(kind: str) -> None:
    text = render_scaffold(kind, id="x", name="X", exercises=["a", "b"], today="2026-01-01")
    marked = [line for line in text.splitlines() if line.rstrip().endswith(MARKER)]
    assert marked, f"the {kind} scaffold marks no placeholder"
    for line in marked:
        assert any(text in line for text in placeholder_texts()), line


def test_an_untouched_scaffold_fails_the_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = scaffolded(tmp_path)
    capsys.readouterr()
    assert main(["--root", str(root), "check"]) == 1
    out = capsys.readouterr().out
    found = [line for line in out.splitlines() if "placeholder text" in line]
    assert "\n".join(found) + "\n" == EXPECTED.read_text(encoding="utf-8")
    assert main(["--root", str(root), "validate"]) == 1
    assert EXPECTED.read_text(encoding="utf-8") in capsys.readouterr().err


def test_the_check_passes_once_every_placeholder_is_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = scaffolded(tmp_path)
    for path in (root / "content").rglob("*.yml"):
        lines = path.read_text(encoding="utf-8").splitlines()
        for index, line in enumerate(lines):
            if line.rstrip().endswith(MARKER):
                for text in placeholder_texts():
                    cited = " [@hayden2021]" if "[@" in text else ""
                    line = line.replace(text, f"Own words {index}{cited}.")
                lines[index] = line.removesuffix(MARKER).rstrip()
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["--root", str(root), "check"]) == 0, capsys.readouterr().out


@pytest.mark.build
def test_an_untouched_scaffold_fails_the_build(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", "minimal")
    scaffolded(project)
    result = run_build(project, STRONGBACK_PDF="off")
    assert result.returncode == 1
    for line in EXPECTED.read_text(encoding="utf-8").splitlines():
        assert line in result.stderr
    assert not (project / "site").exists()
