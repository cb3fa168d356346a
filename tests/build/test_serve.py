"""The authoring loop: `mkdocs serve` rebuilds on content edits, keeps serving the last good
site while an edit is invalid (printing the errors), and recovers on the next valid edit."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

from ..conftest import build_env, start_serve, wait_for

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
        # Each exercise's figures page is a standalone HTML file MkDocs copies; it still gets
        # MkDocs' live-reload script, so it redraws on save. The list links to it by folder.
        figures = f"http://127.0.0.1:{port}/authoring/figures/bird-dog/"
        served = fetch(figures)
        assert "<h1>Bird dog: figures</h1>" in served and 'req.open("GET", "/livereload/"' in served
        listed = fetch(f"http://127.0.0.1:{port}/authoring/figures/")
        assert '<a href="bird-dog/">Bird dog</a>' in listed
        assert not any("WARNING" in line and "authoring/" in line for line in output), output
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
        assert "<h1>Bird dog, slow: figures</h1>" in fetch(figures)
        wait_for(lambda: any("Content is valid again" in line for line in output), "the line")
        recovered = next(line for line in output if "Content is valid again" in line)
        assert re.search(
            r"INFO    -  Content is valid again: fixed content/exercises/bird-dog\.yml; "
            r"rebuilt \d+ of \d+ pages in \d+\.\d s\.$",
            recovered.rstrip(),
        ), recovered
    finally:
        server.terminate()
        server.wait(timeout=30)


BIRD_DOG = "content/exercises/bird-dog.yml"
EDITS = {
    "rename an exercise": [[BIRD_DOG, "name: Bird dog", "name: Bird dog, slow"]],
    "change a dose": [[BIRD_DOG, "reps: 6,", "reps: 8,"]],
    "add a citation": [
        [
            BIRD_DOG,
            "key_points:",
            "  - text: Being active is linked with less back pain [@shiri2017].\n"
            "    evidence: moderate\nkey_points:",
        ]
    ],
    "add a tag": [
        [BIRD_DOG, "equipment: [Exercise mat]", "equipment: [Exercise mat, Sturdy chair]"]
    ],
    "an invalid save": [[BIRD_DOG, "reps: 8,", "reps: many,"]],
    "its fix": [[BIRD_DOG, "reps: many,", "reps: 10,"]],
    "a hand-written page": [["docs/disclaimer.md", "Education, not", "Education only, not"]],
    "mkdocs.yml": [["mkdocs.yml", "copyright: Strong Back", "copyright: The Strong Back"]],
}
"""Edits in the order an author makes them; each is [file, old text, new text] replacements."""


def serve_session(
    root: Path, site: Path, edits: list[list[list[str]]], builder: str = "mkdocs"
) -> list[list[str]]:
    """The preview driven as `mkdocs serve` drives it (tests/build/serve_session.py): a first
    build and one rebuild per edit into `site`; each build's log lines."""
    plan = site.with_suffix(".json")
    plan.write_text(json.dumps(edits), "utf-8")
    driver = Path(__file__).with_name("serve_session.py")
    env = build_env(STRONGBACK_PDF="off", STRONGBACK_BUILDER=builder)
    result = subprocess.run(
        [sys.executable, str(driver), str(root), str(site), str(plan)],
        env=env, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-4000:]
    builds: list[list[str]] = json.loads(result.stdout.splitlines()[-1])
    return builds


def site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


@pytest.mark.parametrize("builder", ["mkdocs", "properdocs"])
def test_preview_rebuilds_only_what_changed_and_matches_a_full_build(
    project: Callable[[str | None], Path], tmp_path: Path, builder: str
) -> None:
    """After each edit the preview renders only the pages whose inputs changed, and what it
    serves is, file by file, what a fresh full build of the same content gives: every page
    (navigation titles, the finder, tags, the references page, review boxes, cross-links) and
    the search index. A change to mkdocs.yml rebuilds every page and says why."""
    root = project("minimal")
    builds = serve_session(root, tmp_path / "preview", list(EDITS.values()), builder)
    rebuilt = [next((line for line in b if "rebuilt " in line), "") for b in builds]
    assert re.fullmatch(
        r"strongback: rebuilt all (\d+) pages in \d+\.\d s \(first build\)", rebuilt[0]
    )
    total = int(rebuilt[0].split()[3])
    steps = dict(zip(EDITS, rebuilt[1:], strict=True))
    for name in ("rename an exercise", "change a dose", "add a citation", "add a tag"):
        found = re.fullmatch(r"strongback: rebuilt (\d+) of (\d+) pages in \d+\.\d s", steps[name])
        assert found, (name, steps[name])
        assert 0 < int(found.group(1)) < total and int(found.group(2)) == total, steps[name]
    invalid = builds[list(EDITS).index("an invalid save") + 1]
    assert re.fullmatch(
        r"strongback: rebuilt 0 of \d+ pages in \d+\.\d s", steps["an invalid save"]
    )
    assert not any("Content is valid again" in line for line in invalid)
    assert re.fullmatch(
        r"Content is valid again: fixed content/exercises/bird-dog\.yml; "
        r"rebuilt \d+ of \d+ pages in \d+\.\d s\.",
        steps["its fix"],
    )
    assert re.fullmatch(
        r"strongback: rebuilt \d+ of \d+ pages in \d+\.\d s", steps["a hand-written page"]
    )
    assert re.fullmatch(
        rf"strongback: rebuilt all {total} pages in \d+\.\d s \(mkdocs\.yml changed\)",
        steps["mkdocs.yml"],
    )

    # The same content, built afresh (a new session: every page rendered).
    fresh = serve_session(root, tmp_path / "fresh", [], builder)
    assert any(f"rebuilt all {total} pages" in line for line in fresh[0])
    served, expected = site_files(tmp_path / "preview"), site_files(tmp_path / "fresh")
    assert sorted(served) == sorted(expected)
    different = [path for path in expected if served[path] != expected[path]]
    assert different == [], different
    page = served["exercises/bird-dog/index.html"].decode()
    assert "Bird dog, slow" in page and "Sturdy chair" in page
    index = json.loads(served["search/search_index.json"])
    assert any(doc["title"] == "Bird dog, slow" for doc in index["docs"])


def test_a_change_to_figures_alone_finishes_the_pages_again_without_rendering_them(
    project: Callable[[str | None], Path], tmp_path: Path
) -> None:
    """A pose edited: the exercise's page, the finder and every page that shows its figures get
    the new drawing, finished again from their last rendering (figures go in after Markdown and
    the theme), each counted as rebuilt, and the preview equals a fresh build file by file."""
    root = project(None)
    old = "    right: {hip: -20, knee: 0, ankle: -30}"
    new = "    right: {hip: -10, knee: 0, ankle: -30}"
    assert old in (root / "content/exercises/bird-dog.yml").read_text("utf-8")
    serve_session(root, tmp_path / "before", [])
    builds = serve_session(
        root, tmp_path / "preview", [[["content/exercises/bird-dog.yml", old, new]]]
    )
    line = next(line for line in builds[1] if "rebuilt " in line)
    found = re.fullmatch(r"strongback: rebuilt (\d+) of (\d+) pages in \d+\.\d s", line)
    assert found, line
    serve_session(root, tmp_path / "fresh", [])
    served, expected = site_files(tmp_path / "preview"), site_files(tmp_path / "fresh")
    different = [path for path in expected if served[path] != expected[path]]
    assert different == [] and sorted(served) == sorted(expected), different
    before = site_files(tmp_path / "before")
    pages = [p for p in expected if p.endswith("index.html") and not p.startswith("authoring/")]
    changed = [p for p in pages if before.get(p) != expected[p]]  # not the authors' files
    assert "exercises/bird-dog/index.html" in changed and "exercises/index.html" in changed
    assert int(found.group(1)) == len(changed), (line, changed)  # each counted as rebuilt
