"""The rules: each finds one kind of problem on one page and says where it is."""

from __future__ import annotations

import re
from collections.abc import Iterator

from strongback.citations import citation_keys
from strongback.errors import ContentError, Path_, dotted
from strongback.load.sourcemap import SourceMap
from strongback.model import Content, Reference
from strongback.model.review_dates import ReviewInfo
from strongback.standards.page_texts import Page, Text
from strongback.standards.scaffold import placeholder_message, placeholder_texts
from strongback.standards.wording import (
    BANNED_PHRASES,
    MAX_SENTENCE_WORDS,
    causal_evidence_problem,
    causal_words,
    grade_problem,
    literal,
    phrase_pattern,
)
from strongback.text import CITATION_MARK, sentences, words


def claim_errors(
    page: Page, references: dict[str, Reference], sources: SourceMap
) -> Iterator[ContentError]:
    for path, claim in page.claims:
        where = (*path, "text")
        item = Text(page.file, where, claim.text, True)
        keys = list(dict.fromkeys(citation_keys(claim.text)))
        if not keys:
            line, column = sources.position(page.file, where)
            yield ContentError(
                page.file,
                line,
                column,
                item.field,
                "claim has no citation; cite a reference as [@key] (keys are defined in "
                "content/references.yml). If no study backs it, it is not a claim: say what is "
                "not known in the `unknowns:` of the claim it belongs to, as in `unknowns: No "
                "trials have tested this exercise on its own.`, or take it out",
            )
            continue
        cited = [references[key] for key in keys if key in references]
        grade = grade_problem(claim.evidence, cited)
        if grade is not None:
            graded = (*path, "evidence")
            line, column = sources.position(page.file, graded)
            yield ContentError(page.file, line, column, dotted(graded), grade)
        problem = causal_evidence_problem(cited)
        if problem is None:
            continue
        for word in dict.fromkeys(causal_words(CITATION_MARK.sub("", claim.text))):
            line, column = find_in(sources, item, literal(word))
            wording = " ".join(word.split()).lower()
            yield ContentError(
                page.file, line, column, item.field, f"causal wording {wording!r} {problem}"
            )


def find_in(sources: SourceMap, item: Text, pattern: re.Pattern[str]) -> tuple[int, int]:
    """Where `pattern` first matches inside the text `item` in its file."""
    return sources.find(item.file, item.path, item.markdown, pattern, item.offset)


def placeholders(page: Page, sources: SourceMap) -> Iterator[ContentError]:
    """Text `strongback new` wrote that the author has not replaced yet (see scaffold.py)."""
    known = placeholder_texts()
    for item in page.texts:
        if item.markdown in known:
            line, column = sources.position(item.file, item.path)
            message = placeholder_message(item.markdown)
            yield ContentError(item.file, line, column, item.field, message)


def banned_phrases(page: Page, sources: SourceMap) -> Iterator[ContentError]:
    for item in page.texts:
        for match in BANNED_PHRASES.finditer(item.markdown):
            phrase = " ".join(match.group(0).split())
            line, column = find_in(sources, item, literal(phrase))
            yield ContentError(
                page.file,
                line,
                column,
                item.field,
                f"banned phrase {phrase!r}: say what the evidence shows, do not promise a result",
            )


def long_sentences(page: Page, sources: SourceMap) -> Iterator[ContentError]:
    for item in page.texts:
        if not item.prose:
            continue
        for offset, block, plain in item.blocks:
            located = (
                item
                if item.offset is None
                else Text(item.file, item.path, block, True, item.offset + offset)
            )
            for sentence in sentences(plain):
                count = len(words(sentence))
                if count <= MAX_SENTENCE_WORDS:
                    continue
                line, column = find_in(sources, located, phrase_pattern(sentence))
                preview = " ".join(sentence.split()[:8])
                yield ContentError(
                    page.file,
                    line,
                    column,
                    item.field,
                    f"sentence has {count} words, more than {MAX_SENTENCE_WORDS}; split it "
                    f"(aim for 20 or fewer): '{preview} …'",
                )


_EMPTY_ALT = re.compile(r"!\[\s*\]\s*[(\[]|<img\b(?![^>]*\balt\s*=\s*[\"']\s*[^\"'\s])[^>]*>", re.I)


def images_without_alt(page: Page, sources: SourceMap) -> Iterator[ContentError]:
    for item in page.texts:
        for match in _EMPTY_ALT.finditer(item.markdown):
            if item.offset is not None:
                line, column = sources.line_column(item.file, item.offset + match.start())
            else:
                line, column = find_in(sources, item, re.compile(re.escape(match.group(0))))
            yield ContentError(
                page.file,
                line,
                column,
                item.field,
                "image has no alt text; describe what it shows, as in ![A person kneeling "
                "on all fours](bird-dog.png)",
            )


def review_finding(
    info: ReviewInfo, page: Page, content: Content, sources: SourceMap
) -> ContentError | None:
    if info.status == "current":
        return None
    path: Path_ = ("review", "last_reviewed")
    line, column = sources.position(page.review_file, path)
    if info.status == "overdue":
        message = (
            f"review overdue: next review was due {info.next_due.isoformat()}; review the page "
            "and update last_reviewed"
        )
    else:
        message = (
            f"review expired on {info.expires.isoformat()} (due {info.next_due.isoformat()}, "
            f"plus {content.site.review_grace_months} months' grace); review the page and "
            "update last_reviewed"
        )
    return ContentError(page.review_file, line, column, dotted(path), message)
