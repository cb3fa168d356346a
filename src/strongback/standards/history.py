"""When each content file first appeared in the project's git history.

A review cannot be older than the text it reviewed: `strongback check` compares each
`last_reviewed` with the date of the file's first version. The lookup is one `git log` call and
never fails the check: when the dates cannot be known, it says why and the rule is skipped.

- git is not installed, the project is not a git work tree, or git refuses to run there (for
  example a repository owned by another user): skipped.
- a shallow clone (`git clone --depth N`): skipped for every file, because the oldest commit
  we can see is not the file's first version, and comparing with it would report true reviews
  as errors.
- a file git does not know yet (new, untracked): no first version, so only the "not in the
  future" rule applies to it; its first commit will be today or later.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

TIMEOUT_SECONDS = 60


@dataclass(frozen=True)
class FirstVersion:
    day: date
    commit: str


@dataclass(frozen=True)
class History:
    first: dict[str, FirstVersion] = field(default_factory=dict)
    """File path relative to the project root -> its first version."""
    unknown: str | None = None
    """Why first versions are not known (None: they are)."""


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[str] | None:
    try:
        return subprocess.run(
            ["git", *args],
            cwd=root,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None


def first_versions(root: Path) -> History:
    """The first version of every file under `root`/content and `root`/docs that git has a
    record of (only those folders: the lookup runs on every build)."""
    shallow = _git(root, "rev-parse", "--is-shallow-repository")
    if shallow is None:
        return History(unknown="git is not available")
    if shallow.returncode != 0:
        return History(unknown="the project is not in a git repository git can read")
    if shallow.stdout.strip() == "true":
        return History(unknown="shallow clone: the first version of a file is not in it")
    log = _git(
        root,
        *("log", "--reverse", "-M", "--relative", "--diff-filter=AR", "--name-status"),
        *("--format=%x00%h %as", "--", "content", "docs"),
    )
    if log is None or log.returncode != 0:
        return History(unknown="git log failed")
    return History(first=parse_log(log.stdout))


def parse_log(text: str) -> dict[str, FirstVersion]:
    """Parse `git log --name-status --format=%x00%h %as` output, oldest commit first."""
    first: dict[str, FirstVersion] = {}

    def keep(path: str, version: FirstVersion) -> None:
        if path not in first or version.day < first[path].day:
            first[path] = version

    for chunk in text.split("\0")[1:]:
        lines = chunk.strip("\n").splitlines()
        if not lines:
            continue
        commit, _, day = lines[0].partition(" ")
        try:
            version = FirstVersion(date.fromisoformat(day.strip()), commit)
        except ValueError:
            continue
        for line in lines[1:]:
            parts = line.split("\t")
            if parts[0].startswith("A") and len(parts) == 2:
                keep(parts[1], version)
            elif parts[0].startswith("R") and len(parts) == 3:
                keep(parts[2], first.get(parts[1], version))
    return first
