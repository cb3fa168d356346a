"""The check over the whole content: every rule on every page, then the rules across pages."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import strongback.standards.consistency as consistency
from strongback.catalogue import Catalogue
from strongback.errors import ContentError, ContentErrors
from strongback.model import Content
from strongback.model.review_dates import review_info
from strongback.pages.lead_ins import lead_in_errors
from strongback.standards.history import History, first_versions
from strongback.standards.numbers import bare_numbers, plan_notes
from strongback.standards.page_texts import pages_of
from strongback.standards.readability import (
    READING_GRADE_MIN_WORDS,
    READING_GRADE_TARGET,
    READING_GRADE_WARNING,
    GradeCache,
)
from strongback.standards.report import CheckReport, page_report
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
    exercise_names,
    unexplained_terms,
    unknown_links,
    unlinked_exercises,
)


def check_content(
    content: Content,
    *,
    today: date,
    root: Path | None = None,
    grade_cache: Path | None = None,
    catalogue: Catalogue,
) -> CheckReport:
    """Run every content-standards rule over `content`, placing each finding by the source map
    the loader kept (`content.positions`); `root` is the project folder (for the git history
    that review dates are compared with). `grade_cache`: a file that keeps reading
    grades between runs (see `GradeCache`). `catalogue`: the site's pages (required: it is
    made once per build, `Catalogue.of`)."""
    sources = content.positions
    grades = GradeCache(grade_cache)
    report = CheckReport()
    errors: set[ContentError] = set()
    warnings: set[ContentError] = set()
    notices: set[ContentError] = set()
    history = first_versions(root) if root is not None else History(unknown="no project folder")
    listed = catalogue
    pages = pages_of(content, listed)
    names = exercise_names(content)
    for page in pages:
        errors.update(claim_errors(page, content.references, sources))
        errors.update(banned_phrases(page, sources))
        errors.update(long_sentences(page, sources))
        errors.update(images_without_alt(page, sources))
        errors.update(placeholders(page, sources))
        errors.update(unexplained_terms(page, content, sources, content.glossary))
        errors.update(unlinked_exercises(page, content, sources, names))
        errors.update(unknown_links(page, content, sources))
        errors.update(bare_numbers(page, sources))
        errors.update(plan_notes(page, sources))
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
        row = page_report(page, info, grades.grade)
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
    content: Content, *, today: date, root: Path | None, catalogue: Catalogue
) -> list[ContentError]:
    """The check as part of validation: raises `ContentErrors` on any error, returns warnings."""
    cache = root / ".cache" / "strongback" / "reading-grades.json" if root else None
    report = check_content(content, today=today, root=root, grade_cache=cache, catalogue=catalogue)
    if report.errors:
        raise ContentErrors(report.errors)
    return report.warnings
