"""The `strongback` command: validate, schema, new."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from strongback.cli import main, parser
from strongback.load.loader import load_content
from strongback.pages.content_reference import README, SCHEMA_KINDS, content_reference

from ..conftest import FIXTURES, REPO


def copy_minimal(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURES / "minimal", tmp_path, dirs_exist_ok=True)
    return tmp_path


def test_validate_ok(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_minimal(tmp_path)
    assert main(["--root", str(root), "validate"]) == 0
    assert capsys.readouterr().out == ("Content is valid: 2 exercises, 1 handouts, 3 references.\n")


def test_validate_lists_every_error_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = copy_minimal(tmp_path)
    shutil.copytree(FIXTURES / "invalid" / "many-files", root, dirs_exist_ok=True)
    (root / "expected.txt").unlink()
    assert main(["--root", str(root), "validate"]) == 1
    err = capsys.readouterr().err
    expected = (FIXTURES / "invalid" / "many-files" / "expected.txt").read_text(encoding="utf-8")
    assert err == expected + "3 errors found.\n"
    assert "Traceback" not in err


def test_schema_writes_one_file_per_kind(tmp_path: Path) -> None:
    assert main(["--root", str(tmp_path), "schema"]) == 0
    written = sorted(p.stem for p in (tmp_path / "schemas").glob("*.json"))
    assert written == sorted(SCHEMA_KINDS)
    exercise = json.loads((tmp_path / "schemas" / "exercise.json").read_text(encoding="utf-8"))
    assert exercise["additionalProperties"] is False
    assert "dose" in exercise["properties"]


def test_committed_schemas_are_current(tmp_path: Path) -> None:
    main(["--root", str(tmp_path), "schema"])
    for path in (tmp_path / "schemas").glob("*.json"):
        committed = REPO / "schemas" / path.name
        assert committed.read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), (
            f"schemas/{path.name} is stale: run `strongback schema`"
        )


def test_committed_content_reference_is_current() -> None:
    committed = (REPO / README).read_text(encoding="utf-8")
    assert committed == content_reference(), f"{README} is stale: run `strongback schema`"


def test_schema_also_writes_the_content_reference(tmp_path: Path) -> None:
    root = copy_minimal(tmp_path)
    assert main(["--root", str(root), "schema"]) == 0
    reference = (root / README).read_text(encoding="utf-8")
    assert "- **`hold_seconds`**: optional, whole number.\n  How long to hold" in reference
    load_content(root / "content", root / "docs")  # the README is not a stray content file


def test_every_content_file_names_its_schema() -> None:
    for path in sorted((REPO / "content").rglob("*.yml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, f"{path.relative_to(REPO)} does not start with a schema line"
        assert (path.parent / match.group(1)).resolve().is_file(), first


@pytest.mark.parametrize("kind", ["exercise", "handout"])
def test_new_scaffolds_a_valid_file(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = copy_minimal(tmp_path)
    # The scaffold cites nhs-lbp-exercises, which the minimal references define.
    assert main(["--root", str(root), "new", kind, "wall-sit"]) == 0
    folder = "exercises" if kind == "exercise" else "handouts"
    assert (root / "content" / folder / "wall-sit.yml").is_file()
    assert f"wrote content/{folder}/wall-sit.yml" in capsys.readouterr().out
    content = load_content(root / "content", root / "docs")
    assert "wall-sit" in (content.exercises if kind == "exercise" else content.handouts)


def test_new_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_minimal(tmp_path)
    assert main(["--root", str(root), "new", "exercise", "bird-dog"]) == 1
    assert "content/exercises/bird-dog.yml already exists" in capsys.readouterr().err


def test_new_rejects_a_bad_id(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = copy_minimal(tmp_path)
    assert main(["--root", str(root), "new", "exercise", "Wall Sit"]) == 2
    assert "'Wall Sit' is not a valid id" in capsys.readouterr().err


def test_help_is_written_for_users(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    text = capsys.readouterr().out
    assert text.startswith("usage: strongback [-h] [--root ROOT] COMMAND ...\n\nCheck, build")
    commands: Any = parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name, command in commands.items():
        assert re.search(rf"^    {name} +[a-z]", text, re.MULTILINE), f"{name} has no summary"
        assert command.description and command.description.endswith("."), name
    for developer_words in ("module", "engine", "pydantic", "hook", "later"):
        assert developer_words not in text.lower()


def test_the_cli_keeps_the_mkdocs_notice_out_of_the_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `strongback export` runs MkDocs, which would print Material's end-of-life notice.
    monkeypatch.delenv("NO_MKDOCS_2_WARNING", raising=False)
    main(["--root", str(copy_minimal(tmp_path)), "validate"])
    assert os.environ["NO_MKDOCS_2_WARNING"] == "1"
    assert "export NO_MKDOCS_2_WARNING := 1" in (REPO / "Makefile").read_text(encoding="utf-8")
