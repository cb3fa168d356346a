"""Atomic publishing: a build writes into a staging folder next to its target, and the target
(site/, or the offline zip) is replaced only once everything succeeded. A failed or interrupted
build leaves the previous output exactly as it was.

Folders are swapped with two renames on the same file system (the old one moves aside, the new
one moves in, the old one is deleted): the target is never empty or half-written, and a reader
at worst sees the old or the new site.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

STAGING_MARK = ".staging-"
"""In the name of every staging folder: `.site.staging-…` next to `site/` (see .gitignore)."""


def staging_folder(target: Path) -> Path:
    """A new, empty folder beside `target`, on the same file system so the swap is a rename."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=f".{target.name}{STAGING_MARK}", dir=target.parent))
    staged.chmod(0o755)  # mkdtemp makes it private; a published site/ must be readable
    return staged


def replace_folder(target: Path, staged: Path) -> None:
    """Put `staged` in place of `target` (which may not exist yet), then delete the old one."""
    old: Path | None = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        os.rmdir(old)
        os.replace(target, old)
    try:
        os.replace(staged, target)
    except OSError:
        if old is not None:  # put the previous site back before giving up
            os.replace(old, target)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def discard(staged: Path) -> None:
    shutil.rmtree(staged, ignore_errors=True)
