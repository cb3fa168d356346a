"""The automatable items of PEMAT-P (the AHRQ's Patient Education Materials Assessment Tool for
printable materials), per reader page and per sheet: which pass, and what to fix where not.

Items 4, 6 and 7 are content rules of the standards check (`terms.py`, `numbers.py`): their
errors stop the build, and this table shows them per material. The other items read what the
model and the templates give a page: key points (11), figures where there are instructions
(15, 26), captions and titles (17), figures that differ (18), tables (19), commands and "you"
(20, 21), numbered steps (22), a tool and enough log rows (23). Items 1, 10 and 16 need a person
(see the README, "PEMAT-P").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from pydantic import BaseModel

from strongback.catalogue import Catalogue, CataloguePage
from strongback.errors import ContentError, dotted
from strongback.figures.exercise import drawings
from strongback.load.sourcemap import SourceMap
from strongback.model import Content, Exercise, Frequency, Handout
from strongback.pages.templating import environment
from strongback.standards.page_texts import Page, pages_of
from strongback.text import plain_text, words

ITEMS = ("4", "6", "7", "11", "15/26", "17", "18", "19", "20/21", "22", "23")
"""The automated items, in the order of the table."""
JUDGED = {
    "1": "the material makes its purpose completely evident",
    "10": "the material uses common, everyday language throughout (beyond the glossary)",
    "16": "the visual aids reinforce, rather than distract from, the content",
}
"""Items a person must judge; a reviewer records them with the review (README, "PEMAT-P")."""

READER_KINDS = frozenset({"topic", "safety", "exercise", "handout"})
KEY_POINTS = (2, 4)
"""How many key points a page or sheet gives (item 11)."""
MAX_COLUMNS = 3
"""Item 19: a table a reader reads has at most this many columns (tools such as the log are
filled in, not read, and are exempt)."""

NOT_A_COMMAND = frozenset(
    {"the", "a", "an", "this", "these", "that", "it", "its", "there", "your", "my", "our", "we",
     "they", "he", "she", "people", "patients", "one", "you"}
)  # fmt: skip
_CLAUSE = frozenset({"if", "when", "as", "while", "once", "before", "after"})
"""First words that show a step is not an instruction ('The arm goes up', 'You should…'). A
step may open with a clause ('As you breathe out, tighten…'): then the word after its comma
counts."""
_TABLE_ROW = re.compile(r"^\s*\|(.+)\|\s*$", re.MULTILINE)
_LABELS = re.compile(
    r"<(title|desc|text)\b[^>]*>.*?</\1>|\s(id|aria-[a-z]+)=\"[^\"]*\""
    r"|<path\b[^>]*class=\"sbf-m\b[^>]*>",
    re.S,
)
"""What names a figure rather than draws it, and the working muscles' tint (the same body may
show other muscles working): two figures differ only if the body or a prop is drawn
differently."""
_YOU = re.compile(r"\b(you|your|yourself)\b", re.IGNORECASE)


@dataclass
class Material:
    """One page or sheet and the outcome of each item: True, False or None (not applicable)."""

    name: str
    items: dict[str, bool | None] = field(default_factory=dict)


def _key_points(record: BaseModel) -> list[str] | None:
    found = getattr(record, "key_points", None)
    return list(found) if isinstance(found, list | tuple) else None


def _exercises(entry: CataloguePage, content: Content) -> list[Exercise]:
    if isinstance(entry.record, Exercise):
        return [entry.record]
    if isinstance(entry.record, Handout):
        return [content.exercises[item.exercise] for item in entry.record.exercises]
    return []


def log_rows(frequency: Frequency) -> int:
    """How many weeks the sheets' tick log has for `frequency`, read from the log template as
    a sheet renders it (one row header, the week's number, per week)."""
    html = (
        environment(autoescape=True)
        .get_template("handout/_log.html.jinja")
        .render(frequency=frequency)
    )
    return html.count('<th scope="row">')


def _first_word(step: str) -> str:
    text = plain_text(step)
    first = (words(text) or [""])[0].lower()
    if first in _CLAUSE and "," in text:
        first = (words(text.split(",", 1)[1]) or [""])[0].lower()
    return first


def _error(file: str, line: int, column: int, where: str, message: str) -> ContentError:
    return ContentError(file, line, column, where, message)


def check_material(
    entry: CataloguePage, page: Page, content: Content, sources: SourceMap
) -> tuple[dict[str, bool | None], list[ContentError]]:
    """Items 11 to 23 for one reader page (its sheet prints the same record)."""
    items: dict[str, bool | None] = {}
    found: list[ContentError] = []
    file = entry.source

    def fail(item: str, path: tuple[str | int, ...], message: str) -> None:
        items[item] = False
        line, column = sources.position(file, path)
        field_name = dotted(path)
        found.append(_error(file, line, column, field_name, f"PEMAT {item}: {message}"))

    record = entry.record
    assert record is not None
    points = _key_points(record)
    items["11"] = points is not None and KEY_POINTS[0] <= len(points) <= KEY_POINTS[1]
    if not items["11"]:
        message = ("no summary of key points; add `key_points:`, 2 to 4 short points a reader "
                   "takes away, as in `key_points: [Move slowly., Stop if it hurts.]`")  # fmt: skip
        fail("11", (), message)

    exercises = _exercises(entry, content)
    items["15/26"] = None
    items["17"] = None
    items["18"] = None
    for exercise in exercises:
        exercise_file = content.exercise_files.get(exercise.id, file)
        pictured = exercise.poses is not None
        items["15/26"] = items["15/26"] is not False and pictured
        if not pictured:
            line, column = sources.position(exercise_file, ("steps",))
            message = ("PEMAT 15/26: steps without figures; add `poses:` (start and end) so "
                       "the page and sheet show what to do")  # fmt: skip
            found.append(_error(exercise_file, line, column, "poses", message))
            continue
        drawn = drawings(exercise)
        labelled = all(d.caption.strip() and d.title.strip() for d in drawn)
        titled = all("<title>" in d.svg for d in drawn)
        items["17"] = items["17"] is not False and labelled and titled
        svgs = [_LABELS.sub("", d.svg) for d in drawn]
        differ = len(set(svgs)) == len(svgs)
        items["18"] = items["18"] is not False and differ
        if not differ:
            line, column = sources.position(exercise_file, ("poses",))
            message = ("PEMAT 18: two of its figures look the same; change the joint angles "
                       "so each figure shows a different moment of the move")  # fmt: skip
            found.append(_error(exercise_file, line, column, "poses", message))

    tables = [row for item in page.texts for row in _TABLE_ROW.findall(item.markdown)]
    wide = [row for row in tables if row.count("|") + 1 > MAX_COLUMNS]
    items["19"] = None if not tables else not wide
    if wide:
        fail("19", (), f"a table has more than {MAX_COLUMNS} columns; split it or use a list")

    prose = " ".join(plain_text(item.markdown) for item in page.texts if item.prose)
    speaks_to_reader = bool(_YOU.search(prose))
    commands = True
    for exercise in exercises if isinstance(record, Exercise) else []:
        for index, step in enumerate(exercise.steps):
            first = _first_word(step)
            if first in NOT_A_COMMAND:
                commands = False
                fail("20/21", ("steps", index), f"step starts with {first!r}: start with what "
                     "to do, as in 'Lift your right arm.'")  # fmt: skip
    items["20/21"] = speaks_to_reader and commands
    if not speaks_to_reader:
        fail("20/21", (), "the page never speaks to the reader; say 'you' and 'your'")

    if isinstance(record, Exercise):
        items["22"] = len(record.steps) >= 2
    else:
        items["22"] = None if not exercises else all(len(e.steps) >= 2 for e in exercises)

    frequency = getattr(record, "frequency", None)
    if isinstance(frequency, Frequency):
        rows, weeks = log_rows(frequency), frequency.weeks or 1
        items["23"] = rows >= weeks
        if rows < weeks:
            fail("23", ("frequency", "weeks"), f"the tick log has {rows} rows for a plan of "
                 f"{weeks} weeks; the log needs a row for every week")  # fmt: skip
    else:
        items["23"] = None
    return items, found


def pemat_report(
    content: Content, errors: list[ContentError]
) -> tuple[list[Material], list[ContentError]]:
    """Every reader page and sheet with its items, and what fails (items 11-23; the content
    rules' `errors` fill in items 4, 6 and 7)."""
    catalogue = Catalogue.of(content)
    sources = content.positions
    by_src = {page.page: page for page in pages_of(content, catalogue)}
    materials: list[Material] = []
    findings: list[ContentError] = []
    failed = {
        (error.file, match.group(1))
        for error in errors
        if (match := re.match(r"PEMAT (4|6|7):", error.message))
    }
    for entry in catalogue:
        if entry.kind not in READER_KINDS or entry.src_uri not in by_src:
            continue
        items, found = check_material(entry, by_src[entry.src_uri], content, sources)
        for item in ("4", "6", "7"):
            items[item] = (entry.source, item) not in failed
        findings += found
        materials.append(Material(entry.src_uri, items))
        if entry.kind in ("exercise", "handout"):
            materials.append(Material(f"{entry.src_uri.removesuffix('.md')} (sheet)", items))
    return materials, sorted(set(findings))


def format_pemat(materials: list[Material]) -> str:
    """The table `strongback check` prints: one row per page and sheet, one column per item."""
    header = ["PEMAT-P", *ITEMS]
    rows = [
        [m.name, *("–" if m.items.get(i) is None else "✓" if m.items[i] else "✗" for i in ITEMS)]
        for m in materials
    ]
    widths = [max(len(r[c]) for r in [header, *rows]) for c in range(len(header))]
    lines = [
        "  ".join(cell.ljust(widths[c]) for c, cell in enumerate(r)).rstrip()
        for r in [header, *rows]
    ]
    return "\n".join([lines[0], "  ".join("-" * w for w in widths), *lines[1:]])


def pemat_summary(materials: list[Material]) -> Iterator[str]:
    pages = sum(1 for m in materials if not m.name.endswith("(sheet)"))
    sheets = len(materials) - pages
    failing = {i for m in materials for i in ITEMS if m.items.get(i) is False}
    if failing:
        yield (f"PEMAT-P: {pages} pages and {sheets} sheets; failing items: "
               f"{', '.join(i for i in ITEMS if i in failing)}.")  # fmt: skip
    else:
        yield f"PEMAT-P: {pages} pages and {sheets} sheets; every automated item passes."
    yield ("Items a person judges (recorded with the review, see the README): "
           + "; ".join(f"{k}: {v}" for k, v in JUDGED.items()) + ".")  # fmt: skip
