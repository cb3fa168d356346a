"""Build two git revisions of the project and compare the built sites byte for byte.

    python scripts/compare_builds.py main refactor          # HTML, PDFs, every file of site/
    python scripts/compare_builds.py HEAD HEAD              # the same revision twice: reproducible?
    python scripts/compare_builds.py main HEAD --offline    # the offline zip too, member by member
    python scripts/compare_builds.py main HEAD --pdf off    # every file but the PDFs, in seconds

For behaviour-preserving changes of the engine. Each revision is exported with `git archive` into
a temporary folder and built there with `mkdocs build --strict`, importing that revision's own
package (its `src/` goes first on PYTHONPATH), with the date pinned (STRONGBACK_TODAY) and an
empty PDF cache of its own (STRONGBACK_CACHE_DIR), so no PDF comes from an earlier build. Prints
every file that is only in one build or differs, and exits with status 1 if any does.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import os
import re
import subprocess
import sys
import tempfile
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def export(revision: str, target: Path) -> Path:
    """The tracked files of `revision` in `target`."""
    target.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "-C", str(REPO), "archive", "--format=tar", revision],
        check=True,
        capture_output=True,
    )
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive.stdout, check=True)
    return target


def build(project: Path, today: str, *, offline: bool, pdf: str) -> dict[str, bytes]:
    """Build `project`; returns its files (relative path -> bytes), the zip's members included
    under `offline.zip/` when `offline`."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("STRONGBACK_") and key != "PYTHONPATH"
    }
    env.update(
        NO_MKDOCS_2_WARNING="1",
        STRONGBACK_TODAY=today,
        STRONGBACK_PDF=pdf,
        STRONGBACK_CACHE_DIR=str(project / ".compare-cache" / "pdf"),
        PYTHONPATH=str(project / "src"),
    )
    commands = [[sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]]
    if offline:
        zip_path = project / "offline.zip"
        commands.append([sys.executable, "-m", "strongback", "export", "--output", str(zip_path)])
    for command in commands:
        result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            raise SystemExit(f"{project.name}: {' '.join(command[2:])} failed:\n{result.stderr}")
    site = project / "site"
    files = {
        str(path.relative_to(site)): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }
    if offline:
        with zipfile.ZipFile(project / "offline.zip") as archive:
            for info in archive.infolist():
                stamp = f"{info.date_time} {info.external_attr:o}".encode()
                files[f"offline.zip/{info.filename}"] = archive.read(info) + b"\0" + stamp
    return files


_PDF_ID = re.compile(rb"/ID \[[(<][0-9A-Za-z]*[)>] [(<][0-9A-Za-z]*[)>]\]")


def _without_id(pdf: bytes) -> bytes:
    return _PDF_ID.sub(b"/ID []", pdf)


def differences(base: dict[str, bytes], head: dict[str, bytes]) -> list[str]:
    lines = []
    for name in sorted(base.keys() | head.keys()):
        if name not in head:
            lines.append(f"only in base: {name}")
        elif name not in base:
            lines.append(f"only in head: {name}")
        elif base[name] != head[name]:
            if name.endswith(".pdf") and _without_id(base[name]) == _without_id(head[name]):
                # The identifier is made from the PDF's cache key, so a new key gives a new one.
                lines.append(f"differs only in the document identifier (/ID): {name}")
                continue
            lines.append(f"differs: {name}")
            if name.endswith((".html", ".xml", ".txt", ".json", ".css", ".js")):
                diff = difflib.unified_diff(
                    base[name].decode("utf-8", "replace").splitlines(),
                    head[name].decode("utf-8", "replace").splitlines(),
                    "base",
                    "head",
                    lineterm="",
                    n=1,
                )
                lines += [f"    {line[:200]}" for line in list(diff)[:20]]
    return lines


def fingerprint(files: dict[str, bytes]) -> str:
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + files[name])
    return digest.hexdigest()[:16]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", help="git revision to compare against, e.g. main")
    parser.add_argument("head", help="git revision with the change, e.g. HEAD")
    parser.add_argument(
        "--today",
        default="2026-12-03",
        help="STRONGBACK_TODAY for both builds (the tests' date: no review is in the future)",
    )
    parser.add_argument("--offline", action="store_true", help="also compare the offline zip")
    parser.add_argument(
        "--pdf",
        choices=("all", "off"),
        default="all",
        help="STRONGBACK_PDF for both builds: 'off' compares every file but the PDFs",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary folders")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="strongback-compare-"))
    revisions = {
        "base": subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", args.base], check=True, capture_output=True
        )
        .stdout.decode()
        .strip(),
        "head": subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", args.head], check=True, capture_output=True
        )
        .stdout.decode()
        .strip(),
    }
    projects = {name: export(rev, folder / name) for name, rev in revisions.items()}
    with ThreadPoolExecutor(max_workers=2) as pool:
        built = dict(
            zip(
                projects,
                pool.map(
                    lambda p: build(p, args.today, offline=args.offline, pdf=args.pdf),
                    projects.values(),
                ),
                strict=True,
            )
        )
    if not args.keep:
        subprocess.run(["rm", "-rf", str(folder)], check=False)
    for name, files in built.items():
        pdfs = sum(1 for path in files if path.endswith(".pdf"))
        print(
            f"{name} {revisions[name][:10]}: {len(files)} files ({pdfs} PDFs), "
            f"sha256 of all {fingerprint(files)}"
        )
    lines = differences(built["base"], built["head"])
    print("\n".join(lines) if lines else "identical: every file, byte for byte")
    return 1 if any(not line.startswith("differs only in") for line in lines) else 0


if __name__ == "__main__":
    sys.exit(main())
