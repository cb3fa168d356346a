"""What `mkdocs serve` tells an author about their edits: after an invalid edit is fixed, that
the content is valid again, which files changed and how many pages were rebuilt."""

from __future__ import annotations

import hashlib
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


@dataclass
class Preview:
    """One `mkdocs serve` session: whether the last edit was invalid, and the files as they
    were at the last valid build."""

    failing: bool = False
    good: dict[str, str] = field(default_factory=dict)

    def failed(self) -> None:
        self.failing = True

    def valid(self, root: Path) -> list[str] | None:
        """Record a valid build. After a failed one: the files changed since the last valid
        build (the fix, and anything else edited meanwhile); otherwise None."""
        now = fingerprint(root)
        changed = None
        if self.failing:
            changed = sorted(
                f for f in now.keys() | self.good.keys() if now.get(f) != self.good.get(f)
            )
        self.good, self.failing = now, False
        return changed


def recovery_message(changed: list[str], pages: int) -> str:
    rebuilt = f"rebuilt all {pages} page{'s' if pages != 1 else ''}"
    if not changed:
        return f"Content is valid again: {rebuilt}."
    files = ", ".join(changed[:5]) + (f" and {len(changed) - 5} more" if len(changed) > 5 else "")
    return f"Content is valid again: {rebuilt} with the changes to {files}."
