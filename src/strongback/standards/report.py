"""What the check found: one row per page, the errors and warnings, and the table
`strongback check` prints."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from strongback.citations import citation_keys
from strongback.errors import ContentError
from strongback.model import Content
from strongback.model.review_dates import ReviewInfo
from strongback.standards.page_texts import Page
from strongback.standards.readability import reading_grade
from strongback.text import words


@dataclass(frozen=True)
class PageReport:
    """One row of the `strongback check` table."""

    page: str
    """The page as it sits in docs/ ('exercises/bird-dog.md')."""
    file: str
    """The file it is made from, relative to the project root."""
    grade: float | None
    """Flesch–Kincaid grade of the page's prose; None for a page without prose."""
    words: int
    claims: int
    cited_claims: int
    citations: int
    """Distinct references the page cites."""
    review: ReviewInfo


@dataclass
class CheckReport:
    pages: list[PageReport] = field(default_factory=list)
    errors: list[ContentError] = field(default_factory=list)
    warnings: list[ContentError] = field(default_factory=list)
    review_notices: list[ContentError] = field(default_factory=list)
    """Pages changed since their review, or reviews without a fingerprint: warnings in
    `strongback check`, errors with `--publish`; never a build failure (see review_checks)."""
    history_unknown: str | None = None
    """Why review dates were not compared with git history (None: they were)."""

    @property
    def claims(self) -> int:
        return sum(page.claims for page in self.pages)

    @property
    def cited_claims(self) -> int:
        return sum(page.cited_claims for page in self.pages)


def with_stop(text: str) -> str:
    return text if not text or text[-1] in ".!?:" else text + "."


def page_report(
    page: Page, info: ReviewInfo, grade: Callable[[str], float | None] = reading_grade
) -> PageReport:
    prose = [plain for item in page.texts if item.prose for _, _, plain in item.blocks]
    joined = " ".join(with_stop(text) for text in prose if text)
    keys = {key for item in page.texts for key in citation_keys(item.markdown)}
    return PageReport(
        page=page.page,
        file=page.file,
        grade=grade(joined),
        words=len(words(joined)),
        claims=len(page.claims),
        cited_claims=sum(1 for _, claim in page.claims if citation_keys(claim.text)),
        citations=len(keys),
        review=info,
    )


def format_table(report: CheckReport) -> str:
    """The per-page table `strongback check` prints."""
    header = ("Page", "Grade", "Words", "Claims", "Citations", "Review")
    rows = [
        (
            page.page,
            "–" if page.grade is None else f"{page.grade:.1f}",
            str(page.words),
            f"{page.cited_claims}/{page.claims}" if page.claims else "0",
            str(page.citations),
            _review_cell(page.review),
        )
        for page in report.pages
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    right = {1, 2, 3, 4}

    def line(cells: Iterable[str]) -> str:
        padded = [
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(cells)
        ]
        return "  ".join(padded).rstrip()

    table = [line(header), line("-" * w for w in widths), *(line(r) for r in rows)]
    unbound = sorted({p.file for p in report.pages if p.review.content_state == "unbound"})
    if unbound:
        table += [
            "",
            "Not bound to content: the review does not record what it covered. Read and check "
            "each page, then record your review (--by: your id from content/site.yml):",
            *(f"  strongback review {file} --by <your-id>" for file in unbound),
        ]
    return "\n".join(table)


def _review_cell(info: ReviewInfo) -> str:
    due = info.next_due.isoformat()
    status = {"current": f"current, due {due}", "overdue": f"OVERDUE since {due}"}.get(
        info.status, f"EXPIRED {info.expires.isoformat()}"
    )
    if info.content_state == "changed":
        status += "; CHANGED since review"
    elif info.content_state == "unbound":
        status += "; not bound to content (see below)"
    return status if info.reviewer else status + "; clinical review pending"


def summary(content: Content, report: CheckReport) -> str:
    """Counts for the foot of the table: the library's size and how many claims are cited."""
    share = 100 * report.cited_claims / report.claims if report.claims else 100.0
    return (
        f"{len(content.exercises)} exercises, {len(content.handouts)} handouts, "
        f"{len(content.references)} references; {report.claims} claims, "
        f"{report.cited_claims} cited ({share:.0f}%)."
    )
