"""Content standards: the checks a careful health editor makes, run over validated content.

`strongback check` prints the per-page report; `validate` and the build fail on its errors.
`wording` (what the standards forbid or limit), `readability` (reading grade and its cache),
`pages` (what each page gives the check), `rules` (one kind of problem each, placed by the
source map the loader kept), `report` (the rows and the table) and `run` (`check_content`,
`enforce_standards`).
"""

from __future__ import annotations

from strongback.standards.page_texts import PROSE_EXCLUDED, text_fields
from strongback.standards.readability import (
    READING_GRADE_MIN_WORDS,
    READING_GRADE_TARGET,
    READING_GRADE_WARNING,
    reading_grade,
)
from strongback.standards.report import CheckReport, PageReport, format_table, summary
from strongback.standards.run import check_content, enforce_standards
from strongback.standards.wording import (
    BANNED_PHRASES,
    CAUSAL_EVIDENCE,
    CAUSAL_VERBS,
    MAX_SENTENCE_WORDS,
    causal_words,
)

__all__ = [
    "BANNED_PHRASES",
    "CAUSAL_EVIDENCE",
    "CAUSAL_VERBS",
    "MAX_SENTENCE_WORDS",
    "PROSE_EXCLUDED",
    "READING_GRADE_MIN_WORDS",
    "READING_GRADE_TARGET",
    "READING_GRADE_WARNING",
    "CheckReport",
    "PageReport",
    "causal_words",
    "check_content",
    "enforce_standards",
    "format_table",
    "reading_grade",
    "summary",
    "text_fields",
]
