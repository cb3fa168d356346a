"""`strongback export`: the offline copy of the site, for reading from a USB stick or a download.

The same build as the public site with Material's `offline` plugin switched on (through the
environment variables mkdocs.yml reads), into a folder of its own so the public build in site/
keeps its clean URLs; then zipped under one top-level folder. MkDocs runs in a child process:
the engine never imports it.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from strongback.build import builder
from strongback.errors import StrongbackError

ZIP_NAME = "strong-back-offline.zip"
DEFAULT_TARGET = Path("dist") / ZIP_NAME
FOLDER = "strong-back-offline"
"""The one folder inside the zip, so unzipping never scatters files into the reader's folder."""

# A fixed timestamp for every entry: the same site always gives the same zip, byte for byte.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


class ExportError(StrongbackError):
    """The offline build failed; the message says why."""


@dataclass(frozen=True)
class OfflineExport:
    zip_path: Path
    pages: int
    """HTML pages in the copy, the 404 page not counted (it is never shown from disk)."""
    files: int
    size: int
    """Bytes of the zip."""

    def summary(self) -> str:
        return (
            f"wrote {self.zip_path} ({self.size / 1_000_000:.1f} MB): "
            f"{self.pages} pages, {self.files} files; open {FOLDER}/index.html after unzipping"
        )


def offline_environment(site_dir: Path, base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment for `mkdocs build` that turns the offline plugin on (see mkdocs.yml)."""
    env = dict(os.environ if base is None else base)
    env.setdefault("NO_MKDOCS_2_WARNING", "1")
    env.update(STRONGBACK_OFFLINE="true", STRONGBACK_SITE_DIR=str(site_dir))
    return env


def build_offline(root: Path, site_dir: Path, *, strict: bool = True) -> None:
    """Build the site at `root` into `site_dir` with the offline plugin on."""
    name, command = _build_command(root, strict=strict)
    result = subprocess.run(command, cwd=root, env=offline_environment(site_dir), check=False)
    if result.returncode != 0:
        raise ExportError(
            f"the offline build failed ({name} exited with {result.returncode}); "
            "its messages are above"
        )


def _build_command(root: Path, *, strict: bool) -> tuple[str, list[str]]:
    """The builder STRONGBACK_BUILDER chooses (see strongback/build/builder.py) and its command."""
    try:
        name = builder.chosen()
    except builder.UnknownBuilder as error:
        raise ExportError(str(error)) from None
    return name, builder.build_command(name, root / "mkdocs.yml", strict=strict)


def zip_site(site_dir: Path, target: Path, folder: str = FOLDER) -> OfflineExport:
    """Zip every file of `site_dir` under `folder/`, in a stable order with fixed timestamps."""
    files = sorted(p for p in site_dir.rglob("*") if p.is_file())
    if not (site_dir / "index.html").is_file():
        raise ExportError(f"{site_dir} has no index.html: the build did not produce a site")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in files:
            info = zipfile.ZipInfo(f"{folder}/{path.relative_to(site_dir).as_posix()}", _ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, path.read_bytes(), compresslevel=9)
    # Replace the old zip only once the new one is complete.
    partial.replace(target)
    pages = [p for p in files if p.suffix == ".html" and p != site_dir / "404.html"]
    return OfflineExport(target, len(pages), len(files), target.stat().st_size)


def export(root: Path, target: Path, *, strict: bool = True) -> OfflineExport:
    """Build the offline copy of the project at `root` in a temporary folder and zip it. The
    zip replaces `target` only once it is complete: a failed export leaves the old one."""
    with tempfile.TemporaryDirectory(prefix="strongback-offline-") as work:
        site_dir = Path(work) / FOLDER
        build_offline(root, site_dir, strict=strict)
        return zip_site(site_dir, target)


def build_public(root: Path, *, strict: bool = True) -> None:
    """`mkdocs build` of the public site: the hook stages it and replaces site/ only when the
    whole build succeeded (see hooks/pipeline.py)."""
    name, command = _build_command(root, strict=strict)
    env = dict(os.environ)
    env.setdefault("NO_MKDOCS_2_WARNING", "1")
    result = subprocess.run(command, cwd=root, env=env, check=False)
    if result.returncode != 0:
        raise ExportError(
            f"the public build failed ({name} exited with {result.returncode}); its messages are "
            "above"
        )


def build_everything(root: Path, target: Path, *, strict: bool = True) -> OfflineExport:
    """`make site`: the offline zip and the public site, published together or not at all.
    The offline copy is built first into a new zip beside the old one; the public build then
    replaces site/ only if it succeeds, and only then does the new zip replace the old."""
    staged = target.with_name(target.name + ".new")
    try:
        made = export(root, staged, strict=strict)
        build_public(root, strict=strict)
        staged.replace(target)
    finally:
        staged.unlink(missing_ok=True)
    return OfflineExport(target, made.pages, made.files, made.size)
