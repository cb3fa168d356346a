"""`strongback export`: the offline build, zipped under one folder, the same bytes every time."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from strongback.build.export import FOLDER, ExportError, offline_environment, zip_site
from strongback.cli import main

from ..conftest import TODAY


def make_site(folder: Path) -> Path:
    for name, text in {
        "index.html": "<h1>Home</h1>",
        "404.html": "<h1>Not found</h1>",
        "exercises/bird-dog.html": "<h1>Bird dog</h1>",
        "search/search_index.js": "var __index = {}",
    }.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def test_zip_holds_one_folder_and_counts_pages_without_the_404(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site")
    result = zip_site(site, tmp_path / "dist" / "offline.zip")
    with zipfile.ZipFile(result.zip_path) as archive:
        names = archive.namelist()
    assert names == [
        f"{FOLDER}/404.html",
        f"{FOLDER}/exercises/bird-dog.html",
        f"{FOLDER}/index.html",
        f"{FOLDER}/search/search_index.js",
    ]
    assert (result.pages, result.files) == (2, 4)
    assert result.size == result.zip_path.stat().st_size
    assert not list((tmp_path / "dist").glob("*.partial"))


def test_zip_is_the_same_bytes_every_time(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site")
    first = zip_site(site, tmp_path / "a.zip").zip_path.read_bytes()
    (site / "index.html").touch()
    assert zip_site(site, tmp_path / "b.zip").zip_path.read_bytes() == first


def test_a_folder_without_a_site_is_refused(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(ExportError, match=r"has no index\.html"):
        zip_site(tmp_path / "empty", tmp_path / "offline.zip")


def test_offline_build_switches_the_plugin_on_through_the_environment(tmp_path: Path) -> None:
    env = offline_environment(tmp_path / "out", {"PATH": "/bin"})
    assert env == {
        "PATH": "/bin",
        "NO_MKDOCS_2_WARNING": "1",
        "STRONGBACK_OFFLINE": "true",
        "STRONGBACK_SITE_DIR": str(tmp_path / "out"),
    }


@pytest.mark.build
def test_export_command_builds_the_offline_zip(
    project: Callable[[str | None], Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    root = project("minimal")
    monkeypatch.setenv("STRONGBACK_TODAY", TODAY)
    monkeypatch.setenv("STRONGBACK_PDF", "off")  # placeholders: PDFs are tested on their own
    assert main(["--root", str(root), "export"]) == 0
    target = root / "dist" / "strong-back-offline.zip"
    assert f"wrote {target}" in capsys.readouterr().out
    with zipfile.ZipFile(target) as archive:
        names = set(archive.namelist())
        index = archive.read(f"{FOLDER}/index.html").decode("utf-8")
    assert f"{FOLDER}/exercises/bird-dog.html" in names
    assert f"{FOLDER}/search/search_index.js" in names
    assert f"{FOLDER}/assets/vendor/iframe-worker/shim.js" in names
    assert 'src="assets/vendor/iframe-worker/shim.js"' in index
    assert "unpkg.com" not in index
    assert "Content-Security-Policy" not in index, "file:// pages run without the policy"
    assert not (root / "site").exists(), "the public site folder is left alone"


@pytest.mark.build
def test_a_failed_offline_build_is_reported(
    project: Callable[[str | None], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    root = project("minimal")
    (root / "mkdocs.yml").write_text("site_name: [unclosed\n", encoding="utf-8")
    assert main(["--root", str(root), "export"]) == 1
    assert "strongback export: the offline build failed" in capsys.readouterr().err
    assert not (root / "dist").exists()
