"""Site settings read without MkDocs, and the example settings a published site must replace:
one warning each in the build, a failure of `strongback check --publish`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from strongback.build.settings import (
    EXAMPLE_REPO_URL,
    EXAMPLE_SITE_URL,
    Settings,
    placeholder_settings,
    read_settings,
)
from strongback.cli import main
from strongback.load.loader import load_content

from ..conftest import REPO, run_build


def test_settings_follow_the_environment_like_mkdocs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        'site_url: !ENV [SB_A, SB_B, "https://default.example/"]\n'
        "repo_url: !ENV SB_REPO\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
        encoding="utf-8",
    )
    for name in ("SB_A", "SB_B", "SB_REPO"):
        monkeypatch.delenv(name, raising=False)
    assert read_settings(config) == Settings("https://default.example/", "")
    monkeypatch.setenv("SB_B", "https://b.example/")
    monkeypatch.setenv("SB_REPO", "https://git.example/r")
    assert read_settings(config) == Settings("https://b.example/", "https://git.example/r")
    monkeypatch.setenv("SB_A", "https://a.example/")
    assert read_settings(config).site_url == "https://a.example/"
    assert read_settings(tmp_path / "missing.yml") == Settings("", "")


def test_the_shipped_settings_are_the_examples(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("STRONGBACK_SITE_URL", raising=False)
    monkeypatch.delenv("STRONGBACK_REPO_URL", raising=False)
    settings = read_settings(REPO / "mkdocs.yml")
    assert settings == Settings(EXAMPLE_SITE_URL, EXAMPLE_REPO_URL)
    content = load_content(REPO / "content", REPO / "docs")
    found = placeholder_settings(settings, content)
    assert [message.split(" ", 1)[0] for message in found] == ["site_url", "repo_url", "the"]
    assert "set `site_url` in mkdocs.yml (or STRONGBACK_SITE_URL)" in found[0]
    assert "set `repo_url` in mkdocs.yml (or STRONGBACK_REPO_URL)" in found[1]
    assert "set `contact:` in content/site.yml" in found[2]
    assert placeholder_settings(Settings("https://you.github.io/sb/", ""), content) == found[2:]


def copy_project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(REPO / "docs", root / "docs")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


def test_check_publish_fails_on_each_example_setting(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = copy_project(tmp_path)
    monkeypatch.delenv("STRONGBACK_SITE_URL", raising=False)
    monkeypatch.delenv("STRONGBACK_REPO_URL", raising=False)
    assert main(["--root", str(root), "check", "--publish"]) == 1
    out = capsys.readouterr().out
    assert out.count("error: placeholder setting: ") == 3
    assert "3 placeholder settings: not publishable." in out
    # What the publishing workflow sets, and a real contact address: publishable.
    monkeypatch.setenv("STRONGBACK_SITE_URL", "https://you.github.io/strong-back/")
    monkeypatch.setenv("STRONGBACK_REPO_URL", "https://github.com/you/strong-back")
    site = root / "content" / "site.yml"
    site.write_text(
        site.read_text(encoding="utf-8").replace("feedback@strongback.example", "team@nhs.net"),
        encoding="utf-8",
    )
    main(["--root", str(root), "check", "--publish"])
    assert "placeholder setting" not in capsys.readouterr().out


@pytest.mark.build
def test_the_build_warns_once_per_example_setting_and_still_builds(
    tmp_path: Path,
) -> None:
    from ..conftest import make_project

    root = make_project(tmp_path / "project", "minimal")
    result = run_build(root, "--strict", STRONGBACK_PDF="off")
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "Placeholder setting:" in line]
    assert [line.split(":", 2)[1].split()[0] for line in warnings] == ["site_url", "repo_url"]
    assert all(line.startswith("WARNING -  Placeholder setting: ") for line in warnings)
    published = run_build(
        root, "--strict", STRONGBACK_PDF="off", STRONGBACK_SITE_URL="https://you.example.org/",
        STRONGBACK_REPO_URL="https://github.com/you/strong-back",
    )  # fmt: skip
    assert published.returncode == 0, published.stderr
    assert "Placeholder setting" not in published.stderr
