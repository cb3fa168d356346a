"""Numbers people read right (PEMAT-P item 6): a percentage, a score or a decimal goes with a
natural frequency ("about 1 in 4"), and "how often" has one source, the `frequency:` fields,
which no note may contradict.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from strongback.errors import ContentError, Path_, dotted
from strongback.load.sourcemap import SourceMap
from strongback.model import Frequency
from strongback.standards.page_texts import Page, Text
from strongback.standards.rules import find_in
from strongback.text import CITATION_MARK

_SMALL = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)"
HARD_NUMBER = re.compile(
    r"\d+(?:\.\d+)?\s?%|\bper ?cent\b|\bout of 100\b|\b\d+-point\b|\bon a scale\b"
    r"|(?<![\d.])\d+\.\d+(?![\d.])",
    re.IGNORECASE,
)
"""A percentage, a score out of 100 (or on an N-point scale) or a decimal."""
NATURAL_FREQUENCY = re.compile(rf"\b(?:\d+|one|a|an)\s+(?:[a-z]+\s+)?in\s+(?:every\s+)?{_SMALL}\b")
"""'1 in 4', 'about 1 person in 10', 'one in every 7'."""


def _text(item: Text) -> str:
    return CITATION_MARK.sub(lambda m: " " * len(m.group(0)), item.markdown)


def bare_numbers(page: Page, sources: SourceMap) -> Iterator[ContentError]:
    """A percentage, score or decimal in reader text with no natural frequency beside it (in the
    same text: the claim, its unknowns, the paragraph)."""
    for item in page.texts:
        if not item.prose:
            continue
        text = _text(item)
        if NATURAL_FREQUENCY.search(text):
            continue
        for match in HARD_NUMBER.finditer(text):
            found = match.group(0)
            where = re.compile(re.escape(found))
            line, column = find_in(sources, item, where)
            yield ContentError(
                item.file,
                line,
                column,
                item.field,
                f"PEMAT 6: {found!r} needs a natural frequency beside it, which more readers "
                "understand; add one in the same text, as in 'about 1 in 6 fewer (10 to 17%)'",
            )


NUMBER_WORDS = {
    word: value
    for value, word in enumerate((
        *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
        *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen"),
        *("eighteen", "nineteen", "twenty"),
    ))
}  # fmt: skip
"""The numbers content writes in words, up to twenty (a routine's 'six gentle moves')."""
_COUNT = r"(\d+|one|two|three|four|five|six|seven)"
_DAYS = re.compile(
    rf"\b(?:(at least|up to)\s+)?{_COUNT}(?:\s*(?:to|or|-|–)\s*{_COUNT})?"
    rf"(\s+or more)?\s+(?:days|times|sessions)\s+(?:a|per|each)\s+week\b",
    re.IGNORECASE,
)
_WEEKS = re.compile(
    rf"\b(?:(at least|up to)\s+)?{_COUNT}(?:\s*(?:to|or|-|–)\s*{_COUNT})?(\s+or more)?\s+weeks?\b",
    re.IGNORECASE,
)
_EVERY_DAY = re.compile(r"\b(?:every day|daily)\b", re.IGNORECASE)
_MOST_DAYS = re.compile(r"\bmost days\b", re.IGNORECASE)


def count_value(word: str) -> int:
    """'6' or 'six' -> 6 (a word of `NUMBER_WORDS`)."""
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


def _contradiction(match: re.Match[str], value: int | None) -> bool:
    """Whether a '3 days a week' or '6 to 8 weeks' found in a note disagrees with `value`."""
    bound, low, high, more = match.groups()
    if value is None:
        return False
    if high is not None:
        return True  # a range: the fields give one number
    number = count_value(low)
    if more or (bound and bound.lower() == "at least"):
        return value < number
    if bound and bound.lower() == "up to":
        return value > number
    return value != number


def frequency_conflicts(
    file: str, path: Path_, frequency: Frequency, notes: list[tuple[Path_, str]], sources: SourceMap
) -> Iterator[ContentError]:
    """Notes (`frequency.note`, a routine's notes) that say how often or how long in a way
    that disagrees with `frequency` (at `path`), which pages and sheets print as the plan."""
    days, weeks = frequency.days_per_week, frequency.weeks
    plan = f"days_per_week: {days}" + (f", weeks: {weeks}" if weeks else "")
    for where, note in notes:
        text = CITATION_MARK.sub(lambda m: " " * len(m.group(0)), note)
        found: list[str] = []
        found += [m.group(0) for m in _DAYS.finditer(text) if _contradiction(m, days)]
        found += [m.group(0) for m in _WEEKS.finditer(text) if _contradiction(m, weeks)]
        found += [m.group(0) for m in _EVERY_DAY.finditer(text) if days != 7]
        found += [m.group(0) for m in _MOST_DAYS.finditer(text) if not 4 <= days <= 6]
        for phrase in found:
            pattern = re.compile(re.escape(phrase))
            line, column = sources.find(file, where, note, pattern, None)
            yield ContentError(
                file,
                line,
                column,
                dotted(where),
                f"PEMAT 6: {phrase!r} disagrees with the plan in {dotted(path)} ({plan}), "
                "which pages and sheets print as how often; say how often only in those "
                "fields, or agree with them, as in 'Keep going for at least 6 weeks'",
            )


def plan_notes(page: Page, sources: SourceMap) -> Iterator[ContentError]:
    """`frequency_conflicts` for an exercise or a routine page (and its sheet)."""
    record = page.entry.record
    frequency = getattr(record, "frequency", None)
    if not isinstance(frequency, Frequency):
        return
    notes: list[tuple[Path_, str]] = []
    if frequency.note:
        notes.append((("frequency", "note"), frequency.note))
    notes += [(("notes", i), note) for i, note in enumerate(getattr(record, "notes", []))]
    for i, item in enumerate(getattr(record, "exercises", [])):
        if getattr(item, "note", None):
            notes.append((("exercises", i, "note"), item.note))
    yield from frequency_conflicts(page.file, ("frequency",), frequency, notes, sources)
