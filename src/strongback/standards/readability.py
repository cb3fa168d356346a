"""Reading grade: Flesch–Kincaid over a page's prose, and the cache that keeps grades between
builds."""

from __future__ import annotations

import hashlib
from importlib import metadata
from pathlib import Path

import textstat

from strongback.files import KeptByHash
from strongback.text import words

READING_GRADE_TARGET = "6–7"
"""Flesch–Kincaid US school grade for a reading age of about 11."""

READING_GRADE_WARNING = 9.0
"""Pages above this grade are warnings. Not errors: a formula cannot judge meaning, and a page of
short sentences may still need a few long medical words."""

READING_GRADE_MIN_WORDS = 100
"""Below this many words a grade is shown but never warned about: readability formulas need about
100 words before their score means anything."""


def reading_grade(prose: str) -> float | None:
    """Flesch–Kincaid US school grade of plain text; None when there is nothing to grade."""
    if not words(prose):
        return None
    return round(float(textstat.flesch_kincaid_grade(prose)), 1)


class GradeCache(KeptByHash):
    """Reading grades kept between builds, by a hash of the text (`files.KeptByHash`): a
    process's first grade loads textstat's dictionaries (over a second), so a build whose prose
    is unchanged skips textstat. Grades are a pure function of the text and of this file and
    textstat; either changing empties the cache. Only the grades of the latest run are kept."""

    def __init__(self, path: Path | None) -> None:
        version = ""
        if path is not None:
            version = hashlib.sha256(
                Path(__file__).read_bytes()
                + (Path(__file__).parent.parent / "text.py").read_bytes()
                + metadata.version("textstat").encode()
            ).hexdigest()
        super().__init__(path, "grades", version)

    def grade(self, prose: str) -> float | None:
        if self.path is None:
            return reading_grade(prose)
        key = hashlib.sha256(prose.encode("utf-8")).hexdigest()
        value = self.known[key] if key in self.known else reading_grade(prose)
        self.used[key] = value
        return value
