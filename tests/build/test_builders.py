"""Two builders, one site: MkDocs 1.6.1 and ProperDocs (its maintained fork) build the same
mkdocs.yml into the same files, the generator meta tag aside; STRONGBACK_BUILDER chooses the one
`make site`, `make serve` and `strongback build` run (README: "Two builders")."""

from __future__ import annotations

import difflib
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from strongback.build import builder, export

from ..conftest import build_env, make_project

_GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')


def test_the_builder_is_mkdocs_unless_the_setting_names_properdocs() -> None:
    assert builder.chosen({}) == "mkdocs"
    assert builder.chosen({"STRONGBACK_BUILDER": " "}) == "mkdocs"
    assert builder.chosen({"STRONGBACK_BUILDER": "properdocs"}) == "properdocs"
    with pytest.raises(builder.UnknownBuilder) as raised:
        builder.chosen({"STRONGBACK_BUILDER": "zensical"})
    assert str(raised.value) == (
        "STRONGBACK_BUILDER='zensical' is not a builder: use mkdocs or properdocs"
    )


def test_strongback_build_runs_the_chosen_builder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ran: list[list[str]] = []

    def run(command: list[str], **_: object) -> subprocess.CompletedProcess[str]:
        ran.append(command)
        return subprocess.CompletedProcess(command, 3)

    monkeypatch.setattr(subprocess, "run", run)
    monkeypatch.setenv("STRONGBACK_BUILDER", "properdocs")
    with pytest.raises(export.ExportError, match=r"\(properdocs exited with 3\)"):
        export.build_public(tmp_path)
    config = str(tmp_path / "mkdocs.yml")
    assert ran == [
        [sys.executable, "-m", "properdocs", "build", "--config-file", config, "--strict"]
    ]
    monkeypatch.setenv("STRONGBACK_BUILDER", "sphinx")
    with pytest.raises(export.ExportError, match="'sphinx' is not a builder"):
        export.build_offline(tmp_path, tmp_path / "site", strict=False)
    assert len(ran) == 1


def _files(site: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(site)): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def differences(mkdocs: dict[str, bytes], properdocs: dict[str, bytes]) -> list[str]:
    """Every file only one builder made or that differs other than in its generator tag."""
    found = []
    for name in sorted(mkdocs.keys() | properdocs.keys()):
        if name not in properdocs or name not in mkdocs:
            found.append(f"only from {'mkdocs' if name in mkdocs else 'properdocs'}: {name}")
            continue
        ours, theirs = (_GENERATOR.sub(b"", files[name]) for files in (mkdocs, properdocs))
        if ours != theirs:
            diff = difflib.unified_diff(
                ours.decode("utf-8", "replace").splitlines(),
                theirs.decode("utf-8", "replace").splitlines(),
                "mkdocs",
                "properdocs",
                lineterm="",
                n=0,
            )
            found.append(f"differs: {name}\n" + "\n".join(line[:200] for line in list(diff)[:8]))
    return found


def test_the_comparison_sees_every_kind_of_difference() -> None:
    page = b'<head><meta name="generator" content="mkdocs-1.6.1, mkdocs-material-9.8.2"><body>'
    other = page.replace(b"mkdocs-1.6.1", b"mkdocs-ProperDocs 1.6.7")
    assert differences({"a.html": page}, {"a.html": other}) == []
    found = differences({"a.html": page, "b.pdf": b"%PDF"}, {"a.html": other + b"x", "c.txt": b""})
    assert found[0].startswith("differs: a.html\n--- mkdocs\n+++ properdocs")
    assert found[1:] == ["only from mkdocs: b.pdf", "only from properdocs: c.txt"]


@pytest.mark.build
def test_properdocs_builds_the_same_site_as_mkdocs(built_site: Path, tmp_path: Path) -> None:
    # built_site is the real content built by `mkdocs build --strict`; the same project, built by
    # `properdocs build --strict` with the same environment (the run's PDF cache included).
    project = make_project(tmp_path / "project")
    result = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "--config-file", "mkdocs.yml"],
        cwd=project,
        env=build_env(),
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr
    mkdocs, properdocs = _files(built_site), _files(project / "site")
    assert len(mkdocs) > 150 and sum(name.endswith(".pdf") for name in mkdocs) > 50
    assert differences(mkdocs, properdocs) == [], "\n".join(differences(mkdocs, properdocs))
    # The one difference: which builder made the page.
    generators = {
        _GENERATOR.findall(files["index.html"])[0].decode() for files in (mkdocs, properdocs)
    }
    theme = f"mkdocs-material-{version('mkdocs-material')}"
    assert generators == {
        f"mkdocs-{version('mkdocs')}, {theme}",
        f"mkdocs-ProperDocs {version('properdocs')}, {theme}",
    }
