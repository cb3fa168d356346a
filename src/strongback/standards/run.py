"""The check over the whole content: every rule on every page, then the rules across pages."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import strongback.standards.consistency as consistency
from strongback.catalogue import Catalogue
from strongback.errors import ContentError, ContentErrors
from strongback.files import digest
from strongback.model import Content
from strongback.model.review_dates import ReviewInfo, review_info
from strongback.pages.lead_ins import lead_in_errors
from strongback.standards.history import History, first_versions
from strongback.standards.numbers import bare_numbers, plan_notes
from strongback.standards.page_texts import Page, pages_of
from strongback.standards.readability import (
    READING_GRADE_MIN_WORDS,
    READING_GRADE_TARGET,
    READING_GRADE_WARNING,
    GradeCache,
)
from strongback.standards.report import CheckReport, PageReport, page_report
from strongback.standards.review_trail import content_notice, date_errors
from strongback.standards.rules import (
    banned_phrases,
    claim_errors,
    images_without_alt,
    long_sentences,
    placeholders,
    review_finding,
)
from strongback.standards.summaries import routine_summaries
from strongback.standards.terms import (
    ExerciseNames,
    exercise_names,
    unexplained_terms,
    unknown_links,
    unlinked_exercises,
)


def _page_errors(page: Page, content: Content) -> frozenset[ContentError]:
    """What the rules that read one page's texts find on it, but for `_unlinked`."""
    sources = content.positions
    found: set[ContentError] = set()
    found.update(claim_errors(page, content.references, sources))
    found.update(banned_phrases(page, sources))
    found.update(long_sentences(page, sources))
    found.update(images_without_alt(page, sources))
    found.update(placeholders(page, sources))
    found.update(unexplained_terms(page, content, sources, content.glossary))
    found.update(unknown_links(page, content, sources))
    found.update(bare_numbers(page, sources))
    found.update(plan_notes(page, sources))
    return frozenset(found)


def _unlinked(page: Page, content: Content, names: ExerciseNames) -> frozenset[ContentError]:
    """The one per-page rule that reads every exercise's names (`names`: `exercise_names`): kept
    apart, so that renaming an exercise checks every page again for it alone."""
    return frozenset(unlinked_exercises(page, content, content.positions, names))


@dataclass
class PageFindings:
    """Kept between the preview's rebuilds (`build.engine.Session`): what the per-page rules
    found on each page, by what they read: the page's own file (its text, so the places are the
    same too), for a routine the files of the exercises it lists, and what every page is checked
    against (the single content files: references, glossary, safety, site; every exercise's and
    routine's id; the date). What `_unlinked` finds is kept apart, by that and every exercise's
    names. The rules across pages still run every time."""

    found: dict[str, frozenset[ContentError]] = field(default_factory=dict)
    used: dict[str, frozenset[ContentError]] = field(default_factory=dict)
    unlinked: dict[str, frozenset[ContentError]] = field(default_factory=dict)
    unlinked_used: dict[str, frozenset[ContentError]] = field(default_factory=dict)
    rows: dict[str, tuple[PageReport, str]] = field(default_factory=dict)
    """Each page's row of the report (its review is filled in again every time), and the hash
    of the prose its grade is kept under (`GradeCache`)."""
    rows_used: dict[str, tuple[PageReport, str]] = field(default_factory=dict)
    texts: dict[int, tuple[Any, Page]] = field(default_factory=dict)
    """Each record's page texts, by the record (see `pages_of`)."""

    def shared(self, content: Content, today: date) -> tuple[str, str]:
        """What every page is checked against, as two digests: for `_page_errors`, and for
        `_unlinked` (every exercise's names too)."""
        texts = [content.positions.text(file) or "" for file in sorted(content.sources.values())]
        ids = repr([sorted(content.exercises), sorted(content.handouts)])
        shared = digest(today.isoformat(), *texts, ids)
        names = [(k, e.name, e.other_names) for k, e in content.exercises.items()]
        return shared, digest(shared, repr(names))

    def key(self, page: Page, content: Content, shared: str) -> str:
        entry = page.entry
        files = [page.file, page.review_file]
        if entry.kind == "handout":
            listed = content.handouts[entry.record_id].exercises
            files += [content.exercise_files.get(item.exercise, "") for item in listed]
        texts = [f"{file}\0{content.positions.text(file)}" for file in files]
        return digest(shared, entry.kind, entry.src_uri, entry.record_id, *texts)

    def row(
        self, key: str, page: Page, info: ReviewInfo, grades: GradeCache
    ) -> tuple[PageReport, str]:
        found = self.rows.get(key)
        if found is not None:
            row, prose = found
            if prose:
                grades.used[prose] = row.grade
            return replace(row, review=info), prose
        graded: list[str] = []

        def grade(text: str) -> float | None:
            graded.append(hashlib.sha256(text.encode("utf-8")).hexdigest())
            return grades.grade(text)

        return page_report(page, info, grade), graded[-1] if graded else ""

    def keep(self, key: str, found: frozenset[ContentError]) -> None:
        self.used[key] = found

    def forget_unused(self) -> None:
        """A check starts: keep what the last one used."""
        if self.used:
            self.found, self.used = self.used, {}
            self.rows, self.rows_used = self.rows_used, {}
            self.unlinked, self.unlinked_used = self.unlinked_used, {}


def check_content(
    content: Content,
    *,
    today: date,
    root: Path | None = None,
    grade_cache: Path | None = None,
    catalogue: Catalogue,
    cache: PageFindings | None = None,
) -> CheckReport:
    """Run every content-standards rule over `content`, placing each finding by the source map
    the loader kept (`content.positions`); `root` is the project folder (for the git history
    that review dates are compared with). `grade_cache`: a file that keeps reading
    grades between runs (see `GradeCache`). `catalogue`: the site's pages (required: it is
    made once per build, `Catalogue.of`). `cache`: under the preview, each page's findings
    from the last check (see `PageFindings`)."""
    sources = content.positions
    grades = GradeCache(grade_cache)
    report = CheckReport()
    errors: set[ContentError] = set()
    warnings: set[ContentError] = set()
    notices: set[ContentError] = set()
    history = first_versions(root) if root is not None else History(unknown="no project folder")
    listed = catalogue
    if cache is not None:
        cache.forget_unused()
    pages = pages_of(content, listed, cache.texts if cache is not None else None)
    if cache is not None:  # the records of this content only
        cache.texts = {id(page.entry.record): (page.entry.record, page) for page in pages}
    shared, named = cache.shared(content, today) if cache is not None else ("", "")
    names = exercise_names(content)
    for page in pages:
        key = cache.key(page, content, shared) if cache is not None else ""
        kept = cache.found.get(key) if cache is not None else None
        if kept is None:
            kept = _page_errors(page, content)
        linked = digest(key, named)
        unlinked = cache.unlinked.get(linked) if cache is not None else None
        if unlinked is None:
            unlinked = _unlinked(page, content, names)
        if cache is not None:
            cache.keep(key, kept)
            cache.unlinked_used[linked] = unlinked
        errors.update(kept | unlinked)
        info = review_info(page.review, content.site, today, current=page.current)
        if page.own_review:
            found = review_finding(info, page, content, sources)
            if found is not None:
                (errors if info.status == "expired" else warnings).add(found)
            errors.update(
                date_errors(page.review_file, page.review, today, history, sources.position)
            )
            notice = content_notice(page.review_file, page.review, info, sources.position)
            if notice is not None:
                notices.add(notice)
        if cache is None:
            row = page_report(page, info, grades.grade)
        else:  # the row as last time, with this check's review; its grade stays in the cache
            row, prose = cache.row(key, page, info, grades)
            cache.rows_used[key] = (row, prose)
        graded = row.grade is not None and row.words >= READING_GRADE_MIN_WORDS
        if graded and row.grade is not None and row.grade > READING_GRADE_WARNING:
            warnings.add(
                ContentError(
                    page.file,
                    1,
                    1,
                    "",
                    f"reading grade {row.grade:.1f} is above {READING_GRADE_WARNING:g} (target: "
                    f"grade {READING_GRADE_TARGET}, reading age about 11); use shorter sentences "
                    "and plainer words",
                )
            )
        report.pages.append(row)
    errors.update(lead_in_errors(content, sources.position, listed))
    errors.update(routine_summaries(content, sources))
    grades.save()
    claims = [
        consistency.PlacedClaim(page.file, path, claim)
        for page in pages
        for path, claim in page.claims
    ]
    errors.update(consistency.grade_conflicts(claims, sources.position))
    errors.update(
        consistency.unsourced_warning_signs(
            content.safety, content.sources["safety"], sources.position
        )
    )
    report.errors = sorted(errors)
    report.warnings = sorted(warnings)
    report.review_notices = sorted(notices)
    report.history_unknown = history.unknown
    return report


def enforce_standards(
    content: Content,
    *,
    today: date,
    root: Path | None,
    catalogue: Catalogue,
    cache: PageFindings | None = None,
) -> list[ContentError]:
    """The check as part of validation: raises `ContentErrors` on any error, returns warnings."""
    grades = root / ".cache" / "strongback" / "reading-grades.json" if root else None
    report = check_content(
        content, today=today, root=root, grade_cache=grades, catalogue=catalogue, cache=cache
    )
    if report.errors:
        raise ContentErrors(report.errors)
    return report.warnings
