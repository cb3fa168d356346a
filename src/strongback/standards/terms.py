"""Words a reader must be able to follow: every glossary term explained at its first use on a
page (PEMAT-P item 4), and every exercise named in text reachable by a link (items 7 and 22).

A page's texts are read in the order of its content file, then the shared warning signs that
exercise and routine pages show; the sheet of an exercise or routine prints the same texts, so
one finding covers the page and its sheet.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from strongback.catalogue import PageKind
from strongback.errors import ContentError
from strongback.links import PAGE_LINK
from strongback.load.sourcemap import SourceMap
from strongback.model import Content, Glossary, GlossaryTerm
from strongback.standards.page_texts import Page, Text
from strongback.standards.rules import find_in
from strongback.text import CITATION_MARK

EXPLAINED_BY_TEMPLATE: dict[PageKind, tuple[str, ...]] = {
    "exercise": ("set", "repetition"),
    "handout": ("set", "repetition"),
}
"""Terms the page's own template explains before any content text, by glossary term: the dose
box of an exercise page and the facts at the top of a routine page (`Glossary.explain`, tested
in tests/standards/test_terms.py). The printed sheets do not explain them yet (no room)."""

SHARED_SAFETY: dict[PageKind, tuple[str, ...]] = {
    "exercise": ("see_doctor", "emergency"),
    "handout": ("when_to_stop", "see_doctor", "emergency"),
}
"""The lists of content/safety.yml that these pages show after their own text (the safety
block, and a routine's "When to stop")."""


def reading_order(page: Page, content: Content) -> list[Text]:
    """The prose a reader meets on `page`, in order: its key points, its other texts, then (on a
    routine) what it shows of each exercise, then the shared warnings."""
    texts = [item for item in page.texts if item.prose]
    # Key points show first, under the title, wherever the field sits in the file.
    texts.sort(key=lambda item: item.path[:1] != ("key_points",))
    if page.entry.kind == "handout":
        for item in content.handouts[page.entry.record_id].exercises:
            file = content.exercise_files[item.exercise]
            exercise = content.exercises[item.exercise]
            texts.append(Text(file, ("start_position",), exercise.start_position, True))
            texts += [Text(file, ("steps", i), step, True) for i, step in enumerate(exercise.steps)]
            texts += [Text(file, ("cautions", i), c, True) for i, c in enumerate(exercise.cautions)]
    safety = content.sources.get("safety", "content/safety.yml")
    for name in SHARED_SAFETY.get(page.entry.kind, ()):
        for index, item in enumerate(getattr(content.safety, name)):
            texts.append(Text(safety, (name, index), item, True))
    return texts


def _blank(pattern: re.Pattern[str], text: str) -> str:
    """`text` with every match of `pattern` replaced by spaces: offsets stay where they were."""
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def _explained(text: str, start: int, end: int) -> bool:
    """The use at text[start:end] carries its meaning: 'term (gloss)', or 'plain words (term)'."""
    after = text[end:].lstrip("*_")
    if after.startswith(("(", " (")):
        return True
    before = text[:start]
    opened = before.rfind("(")
    return opened > 0 and ")" not in before[opened:] and before[:opened].strip() != ""


def unexplained_terms(
    page: Page, content: Content, sources: SourceMap, glossary: Glossary
) -> Iterator[ContentError]:
    """The first use of each glossary term on a page, when it does not carry its gloss."""
    done = set(EXPLAINED_BY_TEMPLATE.get(page.entry.kind, ()))
    patterns = [(term, glossary.pattern(term), _shortest(term)) for term in glossary.terms]
    for item in reading_order(page, content):
        text = _blank(CITATION_MARK, _blank(PAGE_LINK, item.markdown))
        lowered = text.lower()
        for term, pattern, shortest in patterns:
            if term.term in done or shortest not in lowered:
                continue  # (a substring test first: most texts have none of most terms)
            match = pattern.search(text)
            if match is None:
                continue
            done.add(term.term)
            if _explained(text, match.start(), match.end()):
                continue
            word = match.group(0)
            where = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")
            line, column = find_in(sources, item, where)
            kind = "routine" if page.entry.kind == "handout" else "exercise"
            shared = f"the {kind} pages that show it"
            on = page.page if item.file == page.file else shared
            yield ContentError(
                item.file,
                line,
                column,
                item.field,
                f"PEMAT 4: {word!r} is used here for the first time on {on} without its "
                f"meaning; explain it in brackets, as in '{word} ({term.gloss})', or put the "
                f"plain words first and the term in brackets (gloss from content/glossary.yml)",
            )


def _shortest(term: GlossaryTerm) -> str:
    """The part every spelling of `term` starts with, in lower case: a text without it cannot
    use the term."""
    first, *others = [spelling.lower() for spelling in term.spellings]
    for other in others:
        while not other.startswith(first):
            first = first[:-1]
    return first


_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class ExerciseNames:
    """Every exercise's name and other names: name (lower case) -> id, and first word -> the
    names that start with it, each with all its words."""

    ids: dict[str, str]
    by_first_word: dict[str, tuple[tuple[str, frozenset[str]], ...]]


def exercise_names(content: Content) -> ExerciseNames:
    """The index of every exercise's names that `unlinked_exercises` reads: made once per check
    (made per page, it grew with pages times exercises)."""
    ids: dict[str, str] = {}
    for key, exercise in content.exercises.items():
        for name in (exercise.name, *exercise.other_names):
            ids.setdefault(name.lower(), key)
    by_first: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for name in ids:
        words = _WORD.findall(name)
        by_first.setdefault(words[0] if words else "", []).append((name, frozenset(words)))
    return ExerciseNames(ids, {word: tuple(names) for word, names in by_first.items()})


@functools.lru_cache(maxsize=1024)
def _pattern(names: frozenset[str]) -> re.Pattern[str]:
    """One pattern for `names`, the longest first (so 'side plank on knees' wins over 'side
    plank')."""
    spelled = sorted(names, key=lambda name: (-len(name), name))
    words = "|".join(re.escape(name) for name in spelled) or "(?!)"
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE)


def _names_in(text: str, names: ExerciseNames) -> re.Pattern[str]:
    """The pattern of the names that may occur in `text`: those all of whose words it has. (One
    pattern of every name made the check grow with pages times exercises; so did one of every
    name that shares a first word with the text, when many names start alike.)"""
    words = {word.lower() for word in _WORD.findall(text)} | {""}
    found = frozenset(
        name
        for word in words
        for name, needs in names.by_first_word.get(word, ())
        if needs <= words
    )
    return _pattern(found)


def unlinked_exercises(
    page: Page, content: Content, sources: SourceMap, names: ExerciseNames
) -> Iterator[ContentError]:
    """An exercise named in a page's text without a link to its page (its sheet, on paper). An
    exercise page may name itself, and a routine the exercises it shows. `names`:
    `exercise_names(content)`."""
    ids = names.ids
    own = {page.entry.record_id} if page.entry.kind == "exercise" else set()
    if page.entry.kind == "handout":
        own = {item.exercise for item in content.handouts[page.entry.record_id].exercises}
    for item in (text for text in page.texts if text.prose):
        text = _blank(CITATION_MARK, _blank(PAGE_LINK, item.markdown))
        for match in _names_in(text, names).finditer(text):
            key = ids[match.group(0).lower()]
            if key in own:
                continue
            word = match.group(0)
            where = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")
            line, column = find_in(sources, item, where)
            yield ContentError(
                item.file,
                line,
                column,
                item.field,
                f"PEMAT 7: {word!r} names an exercise without a link; link it, as in "
                f"[{word}](exercise:{key}), so readers can open its page (on paper it names the "
                "sheet)",
            )


def unknown_links(page: Page, content: Content, sources: SourceMap) -> Iterator[ContentError]:
    """A link to an exercise or routine the content does not have."""
    for item in page.texts:
        for match in PAGE_LINK.finditer(item.markdown):
            kind, key = match.group(2), match.group(3)
            known = content.exercises if kind == "exercise" else content.handouts
            if key in known:
                continue
            where = re.compile(re.escape(match.group(0)))
            line, column = find_in(sources, item, where)
            folder = "exercises" if kind == "exercise" else "handouts"
            yield ContentError(
                item.file,
                line,
                column,
                item.field,
                f"link to unknown {kind} {key!r}; the id is a file name in content/{folder}/ "
                f"without .yml",
            )
