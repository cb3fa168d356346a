"""Shared test fixtures: real projects in tmp_path, built with the real mkdocs."""

from __future__ import annotations

import fcntl
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TODAY = "2026-11-29"
"""Builds in tests pin the date, so review status and PDF dates never drift."""


def build_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    # Test builds share the project's PDF cache (keyed by a hash of every input): each PDF is
    # rendered once, not once per build. Tests of the cache itself pass a fresh folder.
    env.setdefault("STRONGBACK_CACHE_DIR", str(REPO / ".cache" / "strongback" / "pdf"))
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


SharedOnce = Callable[[str, Callable[[Path], Path]], Path]


@pytest.fixture(scope="session")
def shared_once(tmp_path_factory: pytest.TempPathFactory) -> SharedOnce:
    """Factory: `shared_once(name, make)` runs `make(folder)` once per test run and returns its
    result. Under xdist the workers share it: the first one makes it while the others wait on a
    lock, so an expensive build is never done twice."""

    def run(name: str, make: Callable[[Path], Path]) -> Path:
        if "PYTEST_XDIST_WORKER" not in os.environ:
            return make(tmp_path_factory.mktemp(name))
        # The workers' temporary folders share this parent, which is new for each test run.
        shared = tmp_path_factory.getbasetemp().parent / f"shared-{name}"
        with open(f"{shared}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            done = shared / ".done"
            if done.is_file():
                return Path(done.read_text(encoding="utf-8"))
            shared.mkdir(exist_ok=True)
            result = make(shared)
            done.write_text(str(result), encoding="utf-8")
            return result

    return run


@pytest.fixture(scope="session")
def built_site(shared_once: SharedOnce) -> Path:
    """The real content, built once per test run with `mkdocs build --strict`."""

    def build(folder: Path) -> Path:
        root = make_project(folder / "project")
        result = run_build(root, "--strict")
        assert result.returncode == 0, result.stderr
        return root / "site"

    return shared_once("real", build)


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """In-process code sees the same pinned date as the builds, so tests never expire."""
    monkeypatch.setenv("STRONGBACK_TODAY", TODAY)


def free_port() -> int:
    """A loopback port nobody listens on (for servers the tests start)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 120) -> None:
    """Poll until `condition()` holds; connection errors count as 'not yet'."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except OSError:
            pass
        time.sleep(0.5)
    pytest.fail(f"timed out waiting for {what}")
