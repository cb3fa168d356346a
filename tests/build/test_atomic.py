"""Atomic publishing: a failed build of any kind leaves the previous site/ (and the offline zip)
byte for byte as it was; a good build replaces it whole, and leaves no staging folder behind."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from strongback.build import atomic

from ..conftest import FIXTURES, build_env, run_build
from .test_build import tree_digest

pytestmark = pytest.mark.build


def content_error(root: Path) -> str:
    exercise = root / "content/exercises/bird-dog.yml"
    text = exercise.read_text(encoding="utf-8")
    exercise.write_text(text.replace("reps: 6,", "reps: many,"), encoding="utf-8")
    return "dose.reps: expected a whole number, got 'many'"


def handout_too_long(root: Path) -> str:
    shutil.copy(FIXTURES / "handouts" / "too-long.yml", root / "content" / "handouts")
    return "content/handouts/too-long.yml: handout is 3 pages in A4 even at 11pt"


def broken_link(root: Path) -> str:
    page = root / "docs" / "disclaimer.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[Gone](nowhere.md)\n", "utf-8")
    return "Aborted with 1 warnings in strict mode!"


def hook_exception(root: Path) -> str:
    # An extra hook that fails after every page has been written (into the staging folder).
    (root / "hooks" / "boom.py").write_text(
        "def on_post_build(config):\n    raise RuntimeError('boom after writing every page')\n",
        encoding="utf-8",
    )
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("  - hooks/pipeline.py\n", "  - hooks/pipeline.py\n  - hooks/boom.py\n"),
        encoding="utf-8",
    )
    return "RuntimeError: boom after writing every page"


def template_error(root: Path) -> str:
    partial = root / "overrides" / "partials" / "sb-trust.html"
    partial.write_text("{{ page.meta.sb_trust.nothing.here() }}\n", encoding="utf-8")
    return "nothing"


FAILURES: dict[str, Callable[[Path], str]] = {
    "content error": content_error,
    "handout over its pages": handout_too_long,
    "broken link in strict mode": broken_link,
    "exception in a hook": hook_exception,
    "template error": template_error,
}


@pytest.mark.pdf
@pytest.mark.parametrize("failure", list(FAILURES))
def test_a_failed_build_leaves_the_previous_site_byte_identical(
    failure: str, project: Callable[[str | None], Path]
) -> None:
    root = project("minimal")
    first = run_build(root, "--strict")
    assert first.returncode == 0, first.stderr
    before = tree_digest(root / "site")
    assert len(before) > 50
    expected = FAILURES[failure](root)
    result = run_build(root, "--strict")
    assert result.returncode != 0
    output = result.stdout + result.stderr  # MkDocs prints its final "Aborted" on stdout
    assert expected in output
    assert f"the build failed; {root / 'site'} was left exactly as it was." in result.stderr
    assert tree_digest(root / "site") == before
    assert not list(root.glob(f".site{atomic.STAGING_MARK}*")), "the staging folder is removed"


def test_a_good_build_replaces_the_site_whole(project: Callable[[str | None], Path]) -> None:
    root = project("minimal")
    stale = root / "site" / "stale.html"
    stale.parent.mkdir()
    stale.write_text("from an older build", encoding="utf-8")
    result = run_build(root, "--strict", STRONGBACK_PDF="off")
    assert result.returncode == 0, result.stderr
    assert f"published the new site to {root / 'site'}" in result.stderr
    assert not stale.exists()
    assert (root / "site" / "index.html").is_file()
    assert (root / "site").stat().st_mode & 0o755 == 0o755
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".site")) == []


def test_replace_folder_swaps_and_keeps_the_old_one_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "site"
    target.mkdir()
    (target / "old.html").write_text("old", encoding="utf-8")
    staged = atomic.staging_folder(target)
    assert staged.parent == tmp_path and staged.name.startswith(".site.staging-")
    (staged / "new.html").write_text("new", encoding="utf-8")
    atomic.replace_folder(target, staged)
    assert [p.name for p in target.iterdir()] == ["new.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    # A staged folder that cannot be moved in: the old site is put back.
    missing = tmp_path / ".site.staging-gone"
    with pytest.raises(OSError):
        atomic.replace_folder(target, missing)
    assert [p.name for p in target.iterdir()] == ["new.html"]


def test_strongback_build_replaces_site_and_zip_together_or_not_at_all(
    project: Callable[[str | None], Path],
) -> None:
    root = project("minimal")

    def build() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "strongback", "--root", str(root), "build"],
            cwd=root, env=build_env(STRONGBACK_PDF="off"), capture_output=True, text=True,
            timeout=900,
        )  # fmt: skip

    first = build()
    assert first.returncode == 0, first.stderr
    assert "published site/ and wrote" in first.stdout
    zip_path = root / "dist" / "strong-back-offline.zip"
    site, archive = tree_digest(root / "site"), zip_path.read_bytes()
    broken_link(root)
    failed = build()
    assert failed.returncode == 1
    assert "strongback build: the offline build failed" in failed.stderr
    assert "site/ and dist/strong-back-offline.zip were left as they were." in failed.stderr
    assert tree_digest(root / "site") == site
    assert zip_path.read_bytes() == archive
    assert sorted(p.name for p in zip_path.parent.iterdir()) == [zip_path.name]


def test_gh_deploy_pushes_the_published_site_not_the_staging_folder(
    project: Callable[[str | None], Path], tmp_path: Path
) -> None:
    root = project("minimal")
    remote = tmp_path / "remote.git"
    git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org"]
    subprocess.run(["git", "init", "-q", "--bare", str(remote)], check=True)
    subprocess.run([*git, "init", "-q", "-b", "main"], cwd=root, check=True)
    subprocess.run([*git, "add", "-A"], cwd=root, check=True)
    # Dated before the fixture's reviews (2026-01-15): a review may not predate its file.
    dated = {**os.environ, "GIT_AUTHOR_DATE": "2026-01-01T00:00:00Z",
             "GIT_COMMITTER_DATE": "2026-01-01T00:00:00Z"}  # fmt: skip
    subprocess.run([*git, "commit", "-q", "-m", "site"], cwd=root, check=True, env=dated)
    subprocess.run(["git", "remote", "add", "origin", str(remote)], cwd=root, check=True)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "gh-deploy", "--strict", "--ignore-version"],
        cwd=root, env=build_env(STRONGBACK_PDF="off", GIT_AUTHOR_NAME="Test",
                                GIT_AUTHOR_EMAIL="test@example.org", GIT_COMMITTER_NAME="Test",
                                GIT_COMMITTER_EMAIL="test@example.org"),
        capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert f"Copying '{root / 'site'}' to 'gh-pages' branch" in result.stderr
    listed = subprocess.run(
        ["git", "ls-tree", "-r", "--name-only", "gh-pages"],
        cwd=remote,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert "index.html" in listed and "exercises/bird-dog/index.html" in listed
    assert not list(root.glob(".site.*"))
