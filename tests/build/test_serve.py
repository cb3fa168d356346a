"""The authoring loop: `mkdocs serve` rebuilds on content edits, keeps serving the last good
site while an edit is invalid (printing the errors), and recovers on the next valid edit."""

from __future__ import annotations

import re
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from ..conftest import start_serve, wait_for

pytestmark = pytest.mark.build


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        text: str = response.read().decode("utf-8")
        return text


def test_serve_survives_an_invalid_edit(project: Callable[[str | None], Path]) -> None:
    root = project("minimal")
    server, output, port = start_serve(root)
    page = f"http://127.0.0.1:{port}/exercises/bird-dog/"
    exercise = root / "content/exercises/bird-dog.yml"
    original = exercise.read_text(encoding="utf-8")
    try:
        wait_for(lambda: "Bird dog" in fetch(page), "the first build")
        # The content reference is in the preview (announced once), never in the public build.
        reference = f"http://127.0.0.1:{port}/authoring/content-reference/"
        assert "hold_seconds" in fetch(reference)
        assert any(f"described for authors: {reference}" in line for line in output)
        exercise.write_text(original.replace("reps: 6,", "reps: many,"), encoding="utf-8")
        wait_for(
            lambda: any("dose.reps: expected a whole number" in line for line in output),
            "the error to be printed",
        )
        assert any(
            "content/exercises/bird-dog.yml:19:23: dose.reps: expected a whole number, got 'many'"
            in line
            for line in output
        )
        assert "Bird dog" in fetch(page), "the last good site is still served"
        exercise.write_text(original.replace("name: Bird dog", "name: Bird dog, slow"), "utf-8")
        wait_for(lambda: "Bird dog, slow" in fetch(page), "recovery after a valid edit")
        wait_for(lambda: any("Content is valid again" in line for line in output), "the line")
        recovered = next(line for line in output if "Content is valid again" in line)
        assert re.search(
            r"INFO    -  Content is valid again: fixed content/exercises/bird-dog\.yml; "
            r"rebuilt all \d+ pages\.$",
            recovered.rstrip(),
        ), recovered
    finally:
        server.terminate()
        server.wait(timeout=30)
