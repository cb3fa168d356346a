"""The preview and the build share PDFs: every PDF is made for the public site_url, so
`mkdocs serve` started after a build finds each one in the cache; a sheet that stops fitting is
printed and the preview keeps serving."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from strongback import pdf

from ..conftest import FIXTURES, run_build, start_serve, wait_for
from .test_handouts import fetch

pytestmark = [pytest.mark.build, pytest.mark.pdf]


def serve(root: Path, cache: Path, **env: str) -> tuple[subprocess.Popen[str], list[str], int]:
    return start_serve(root, "--no-livereload", STRONGBACK_CACHE_DIR=str(cache), **env)


def test_serve_after_a_build_serves_the_built_pdfs(
    project: Callable[[str | None], Path], tmp_path: Path
) -> None:
    root = project("minimal")
    cache = tmp_path / "cache"
    built = run_build(root, "--strict", STRONGBACK_CACHE_DIR=str(cache))
    assert built.returncode == 0, built.stderr
    server, output, port = serve(root, cache)
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(lambda: b"Starter routine" in fetch(f"{base}/handouts/starter/"), "the preview")
        for path in ("handouts/starter-a4.pdf", "exercises/bird-dog-letter.pdf"):
            served = fetch(f"{base}/{path}")
            assert served == (root / "site" / path).read_bytes(), path
            assert served != pdf.placeholder_pdf().read_bytes(), path
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert any("strongback: 6 PDFs: 0 rendered, 6 from cache" in line for line in output)


def test_a_sheet_that_stops_fitting_is_printed_and_the_preview_keeps_serving(
    project: Callable[[str | None], Path], tmp_path: Path
) -> None:
    root = project("minimal")
    shutil.copy(FIXTURES / "handouts" / "too-long.yml", root / "content" / "handouts")
    server, output, port = serve(root, tmp_path / "cache", STRONGBACK_PDF="all")
    try:
        base = f"http://127.0.0.1:{port}"
        wait_for(lambda: b"Far too long routine" in fetch(f"{base}/handouts/too-long/"),
                 "the preview", timeout=300)  # fmt: skip
        text = "".join(output)
        assert "content/handouts/too-long.yml: handout is 3 pages in A4 even at 11pt" in text
        assert "The preview keeps serving; the build would stop here." in text
        # The author can open the sheet as it is, past its limit.
        too_long = fetch(f"{base}/handouts/too-long-a4.pdf")
        assert too_long.startswith(b"%PDF") and too_long != pdf.placeholder_pdf().read_bytes()
        assert fetch(f"{base}/handouts/starter-a4.pdf").startswith(b"%PDF")
    finally:
        server.terminate()
        server.wait(timeout=30)
