"""Review dates: when a page was last reviewed, when the next review is due, and its status."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from typing import Literal

from strongback.model.people import Author, Review, Reviewer
from strongback.model.site import Site

Status = Literal["current", "overdue", "expired"]

ContentState = Literal["current", "changed", "unbound"]
"""current: the content is what was reviewed; changed: it was edited after the review;
unbound: the review records no fingerprint, so what it covered is not known."""


@dataclass(frozen=True)
class ReviewInfo:
    author: Author
    reviewer: Reviewer | None
    """None: clinical review is pending, and the page says so."""
    last_reviewed: date
    next_due: date
    expires: date
    status: Status
    content_state: ContentState = "unbound"
    reviewed_by: str | None = None
    """Name of the author or clinical reviewer who made the last review, when recorded."""

    @property
    def changed(self) -> bool:
        return self.content_state == "changed"


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def content_state(review: Review, current: str | None) -> ContentState:
    """Whether the content is still what `review` reviewed; `current` is its fingerprint now
    (None: not computed, e.g. for a PDF, which only shows the date)."""
    if review.fingerprint is None:
        return "unbound"
    if current is None or current == review.fingerprint:
        return "current"
    return "changed"


def review_info(
    review: Review, site: Site, today: date, *, current: str | None = None
) -> ReviewInfo:
    next_due = add_months(review.last_reviewed, site.review_cycle_months)
    expires = add_months(next_due, site.review_grace_months)
    status: Status = (
        "current" if today <= next_due else "overdue" if today <= expires else "expired"
    )
    authors = {a.id: a for a in site.authors}
    reviewers = {r.id: r for r in site.reviewers}
    people = {**{a.id: a.name for a in site.authors}, **{r.id: r.name for r in site.reviewers}}
    return ReviewInfo(
        author=authors[review.author],
        reviewer=reviewers.get(review.reviewer) if review.reviewer else None,
        last_reviewed=review.last_reviewed,
        next_due=next_due,
        expires=expires,
        status=status,
        content_state=content_state(review, current),
        reviewed_by=people.get(review.reviewed_by) if review.reviewed_by else None,
    )


def long_date(day: date) -> str:
    """'20 November 2026': unambiguous for readers everywhere."""
    return f"{day.day} {calendar.month_name[day.month]} {day.year}"
