"""Shared test fixtures: the loaded content (one session fixture each for the project's own
content and the minimal fixture), real projects in tmp_path, built with the real mkdocs."""

from __future__ import annotations

import fcntl
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from strongback.catalogue import Catalogue
from strongback.load.loader import load_content
from strongback.model import Content

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TODAY = "2026-12-03"
"""Builds in tests pin the date, so review status and PDF dates never drift."""

ON_CI = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
"""The one definition of "running in CI" (CI=true, as CI services set it): there a missing tool
(Chromium, pdftoppm, zbarimg) fails its tests instead of skipping them."""

_RUN_CACHE = "STRONGBACK_TEST_PDF_CACHE"
"""Names the PDF cache of this test run: made once by the main process (xdist workers inherit
it), so the builds of one run share their PDFs and never touch the repository's .cache/."""


def pytest_configure(config: pytest.Config) -> None:
    if _RUN_CACHE not in os.environ:
        os.environ[_RUN_CACHE] = tempfile.mkdtemp(prefix="strongback-test-pdf-cache-")
        config.add_cleanup(lambda: shutil.rmtree(os.environ.pop(_RUN_CACHE), ignore_errors=True))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # A test that asks for a built site needs a build, whether or not it says so.
    for item in items:
        if BUILT_SITES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.build)


BUILT_SITES = {"built_site", "minimal_site"}
"""Fixtures that build a site: every test using one is marked `build`."""


def build_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    # The builds of one test run share a PDF cache (keyed by a hash of every input): each PDF is
    # rendered once per run, not once per build. Tests of the cache itself pass a fresh folder.
    env.setdefault("STRONGBACK_CACHE_DIR", os.environ[_RUN_CACHE])
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


_building_allowed = False
"""True while a test marked `build` runs (see `run_build`)."""


@pytest.fixture(autouse=True)
def _build_marker(request: pytest.FixtureRequest) -> Iterator[None]:
    global _building_allowed
    _building_allowed = request.node.get_closest_marker("build") is not None
    yield
    _building_allowed = False


def run_build(project: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`mkdocs build` in `project`. Only from tests marked `build` (session fixtures included),
    so `pytest -m "not build"` stays quick."""
    if not _building_allowed:
        pytest.fail("this test runs `mkdocs build`: mark it @pytest.mark.build")
    return _mkdocs_build(project, *args, **env)


def _mkdocs_build(project: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
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


def _built(fixture: str | None) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        root = make_project(folder / "project", fixture)
        # Session fixtures are made before a test's own fixtures: `run_build`'s guard cannot see
        # the test yet. Every test using one is marked `build` (pytest_collection_modifyitems).
        result = _mkdocs_build(root, "--strict")
        assert result.returncode == 0, result.stderr
        return root / "site"

    return build


@pytest.fixture(scope="session")
def built_site(shared_once: SharedOnce) -> Path:
    """The real content, built once per test run with `mkdocs build --strict`."""
    return shared_once("real", _built(None))


@pytest.fixture(scope="session")
def minimal_site(shared_once: SharedOnce) -> Path:
    """The minimal fixture, built once per test run with `mkdocs build --strict`. Read only:
    a test that changes a site builds its own."""
    return shared_once("minimal", _built("minimal"))


@pytest.fixture(scope="session")
def project_content() -> Content:
    """The project's own content/ and docs/, loaded once per test run and shared by every test
    that only reads it (a test that changes content loads its own copy)."""
    return load_content(REPO / "content", REPO / "docs")


@pytest.fixture(scope="session")
def minimal_content_loaded() -> Content:
    """tests/fixtures/minimal, loaded once per test run (read only, like `project_content`)."""
    return load_content(FIXTURES / "minimal" / "content", FIXTURES / "minimal" / "docs")


@pytest.fixture(scope="session")
def minimal_catalogue(minimal_content_loaded: Content) -> Catalogue:
    return Catalogue.of(minimal_content_loaded)


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


def start_serve(root: Path, *args: str, **env: str) -> tuple[subprocess.Popen[str], list[str], int]:
    """`mkdocs serve [args]` in `root` on a free loopback port; its output lines are collected in
    the background. Returns the process, the collected lines and the port."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", *args, "-a", f"127.0.0.1:{port}"],
        cwd=root, env=build_env(**env),
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    output: list[str] = []
    reader = threading.Thread(target=lambda: output.extend(iter(server.stdout.readline, "")))  # type: ignore[union-attr]
    reader.daemon = True
    reader.start()
    return server, output, port
