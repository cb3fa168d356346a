"""What `mkdocs serve` tells an author about their edits: after an invalid edit is fixed, that
the content is valid again, which files changed and how many pages were rebuilt."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

WATCHED = (("content", "*.y*ml"), ("docs", "*.md"))
"""The files an author edits: their changes are what a recovery message names."""


def fingerprint(root: Path) -> dict[str, str]:
    """A hash of every watched file, by its path relative to the project root."""
    found = {}
    for folder, pattern in WATCHED:
        for path in sorted((root / folder).rglob(pattern)):
            if path.is_file():
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
                found[path.relative_to(root).as_posix()] = digest
    return found


@dataclass(frozen=True)
class Recovery:
    """What changed between the last valid build and the one after the fix."""

    fixed: list[str]
    """The files the errors named."""
    changed: list[str]
    """Every watched file whose text differs from the last valid build."""


@dataclass
class Preview:
    """One `mkdocs serve` session: the files named by errors since the last valid build, and
    the files as they were at that build."""

    broken: set[str] = field(default_factory=set)
    failing: bool = False
    good: dict[str, str] = field(default_factory=dict)

    def failed(self, files: Iterable[str]) -> None:
        self.failing = True
        self.broken.update(files)

    def valid(self, root: Path) -> Recovery | None:
        """Record a valid build; after failed ones, what was fixed and changed (else None)."""
        now = fingerprint(root)
        recovery = None
        if self.failing:
            changed = sorted(
                f for f in now.keys() | self.good.keys() if now.get(f) != self.good.get(f)
            )
            recovery = Recovery(sorted(self.broken), changed)
        self.good, self.failing, self.broken = now, False, set()
        return recovery


def recovery_message(recovery: Recovery, pages: int, rebuilt: str | None = None) -> str:
    """'Content is valid again: fixed content/exercises/bird-dog.yml; rebuilt all 43 pages.'
    `rebuilt`: what the preview rebuilt ('rebuilt 3 of 43 pages in 0.4 s'), when it knows."""
    rebuilt = rebuilt or f"rebuilt all {pages} page{'s' if pages != 1 else ''}"
    fixed = f"fixed {_files(recovery.fixed)}; " if recovery.fixed else ""
    others = [f for f in recovery.changed if f not in recovery.fixed]
    also = f", with the changes to {_files(others)}" if others else ""
    return f"Content is valid again: {fixed}{rebuilt}{also}."


def _files(files: list[str]) -> str:
    shown = ", ".join(files[:5])
    return shown + (f" and {len(files) - 5} more" if len(files) > 5 else "")
