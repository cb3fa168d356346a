"""Shared test fixtures: real projects in tmp_path, built with the real mkdocs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TODAY = "2026-11-27"
"""Builds in tests pin the date, so review status and PDF dates never drift."""


def build_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(NO_MKDOCS_2_WARNING="1", STRONGBACK_TODAY=TODAY, **extra)
    return env


def make_project(target: Path, fixture: str | None = None) -> Path:
    """A project folder: the repo's config, hooks, overrides and assets, with the content and
    docs of `tests/fixtures/<fixture>` (or the repo's own content when fixture is None)."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", target / "mkdocs.yml")
    for folder in ("hooks", "overrides"):
        shutil.copytree(
            REPO / folder, target / folder, ignore=shutil.ignore_patterns("__pycache__")
        )
    source = REPO if fixture is None else FIXTURES / fixture
    shutil.copytree(source / "content", target / "content")
    shutil.copytree(REPO / "docs", target / "docs")
    if fixture is not None:
        for page in (source / "docs").glob("*.md"):
            shutil.copy(page, target / "docs" / page.name)
        for page in (target / "docs").glob("*.md"):
            if not (source / "docs" / page.name).exists():
                page.unlink()
    return target


def run_build(project: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *args],
        cwd=project,
        env=build_env(**env),
        capture_output=True,
        text=True,
        timeout=900,
    )


@pytest.fixture
def project(tmp_path: Path) -> Callable[[str | None], Path]:
    """Factory: project('minimal') or project(None) for the real content."""

    def make(fixture: str | None = "minimal") -> Path:
        return make_project(tmp_path / "project", fixture)

    return make


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real content, built once per test session with `mkdocs build --strict`."""
    root = make_project(tmp_path_factory.mktemp("real") / "project")
    result = run_build(root, "--strict")
    assert result.returncode == 0, result.stderr
    return root / "site"
