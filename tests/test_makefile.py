"""The Makefile, read with `make -n` (which prints the commands without running them): it
installs into a virtual environment, its own .venv/ unless Python already is one, and passes
STRONGBACK_BUILDER on to the builder."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import REPO, build_env


def dry_run(folder: Path, *arguments: str) -> str:
    # MAKEFLAGS emptied: under `make test` the outer make's flags would reach this one.
    result = subprocess.run(
        ["make", "-n", *arguments],
        cwd=folder,
        capture_output=True,
        text=True,
        check=True,
        env=build_env(MAKEFLAGS="", MAKELEVEL=""),
    )
    return result.stdout


def _base_python() -> str:
    """A Python that is no virtual environment: this one, or the one this venv was made from."""
    return str(getattr(sys, "_base_executable", sys.executable))


def test_outside_a_virtual_environment_make_installs_into_the_projects_venv(
    tmp_path: Path,
) -> None:
    shutil.copy(REPO / "Makefile", tmp_path / "Makefile")
    python = _base_python()
    assert (
        subprocess.run(
            [python, "-c", "import sys; assert sys.prefix == sys.base_prefix"], check=False
        ).returncode
        == 0
    ), f"{python} is a virtual environment"
    commands = dry_run(tmp_path, "install", f"PYTHON={python}").splitlines()
    assert commands[0].startswith('echo "make: ') and "installing into .venv/" in commands[0]
    assert commands[1].startswith(f"{python} -m venv .venv ||")
    assert commands[2].startswith(".venv/bin/python -m pip install ")
    assert "--require-hashes -r requirements.lock" in commands[2]
    assert commands[3].startswith(".venv/bin/python -m pip install ") and commands[3].endswith(
        "-e ."
    )
    # Once .venv/ is there, it is used without a word.
    (tmp_path / ".venv/bin").mkdir(parents=True)
    (tmp_path / ".venv/bin/python").write_text("", encoding="utf-8")
    again = dry_run(tmp_path, "test", f"PYTHON={python}")
    assert "echo" not in again and "-m venv" not in again
    assert again.splitlines()[-1] == ".venv/bin/python -m pytest -n 2"


def test_inside_a_virtual_environment_make_installs_there(tmp_path: Path) -> None:
    shutil.copy(REPO / "Makefile", tmp_path / "Makefile")
    subprocess.run([_base_python(), "-m", "venv", "--without-pip", tmp_path / "env"], check=True)
    python = str(tmp_path / "env/bin/python")
    commands = dry_run(tmp_path, "site", f"PYTHON={python}").splitlines()
    assert commands == [
        f"{python} -m pip install --quiet --disable-pip-version-check --require-hashes "
        "-r requirements.lock",
        f"{python} -m pip install --quiet --disable-pip-version-check --no-deps "
        "--no-build-isolation -e .",
        f"{python} -m strongback build",
    ]
    assert not (tmp_path / ".venv").exists()


def test_make_serve_runs_the_builder_the_setting_names() -> None:
    assert "-m mkdocs serve --config-file mkdocs.yml" in dry_run(REPO, "serve")
    chosen = dry_run(REPO, "serve", "STRONGBACK_BUILDER=properdocs")
    assert "-m properdocs serve --config-file mkdocs.yml" in chosen
    # `make site` runs `strongback build`, which reads the same setting from the environment.
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert "STRONGBACK_BUILDER ?= mkdocs\nexport STRONGBACK_BUILDER\n" in makefile
