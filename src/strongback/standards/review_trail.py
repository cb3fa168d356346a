"""Review-trail rules of `strongback check`: is each review true, and does it cover the page?

- A review dated after today, or before the file's first version in git history, cannot have
  happened: an error at the `last_reviewed` line.
- A page changed since its review (fingerprint differs), or a review that records no
  fingerprint: a notice. `strongback check` lists notices as warnings, `--publish` as errors.
  The build does not fail on them (an author editing under `mkdocs serve` would otherwise lose
  the preview with every edit); the page's review box says "Changed since last review on …".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from strongback.load.loader import ContentError, Path_, dotted
from strongback.model import Review
from strongback.model.review_dates import ReviewInfo
from strongback.standards.history import History

Position = Callable[[str, Path_], tuple[int, int]]

_DATE: Path_ = ("review", "last_reviewed")
_FINGERPRINT: Path_ = ("review", "fingerprint")


def _command(file: str) -> str:
    return f"`strongback review {file} --by <contributor-id>`"


def date_errors(
    file: str, review: Review, today: date, history: History, position: Position
) -> list[ContentError]:
    """A review date in the future, or before the file existed."""
    day = review.last_reviewed
    line, column = position(file, _DATE)
    problems = []
    if day > today:
        problems.append(
            f"review date {day.isoformat()} is in the future (today is {today.isoformat()}); "
            "record a review only once it has happened"
        )
    first = history.first.get(file)
    if first is not None and day < first.day:
        problems.append(
            f"review date {day.isoformat()} is before this file's first version "
            f"({first.day.isoformat()}, commit {first.commit}); a review cannot predate the "
            f"content it reviewed. Review the page, then run {_command(file)}"
        )
    errors = [ContentError(file, line, column, dotted(_DATE), problem) for problem in problems]
    return errors


def content_notice(
    file: str, review: Review, info: ReviewInfo, position: Position
) -> ContentError | None:
    """The page changed since its review, or the review does not say what it covered."""
    day = review.last_reviewed.isoformat()
    if info.content_state == "changed":
        path, message = _FINGERPRINT, f"changed since last review on {day}; review it"
    elif info.content_state == "unbound":
        path, message = (
            _DATE,
            (
                f"the review of {day} does not record what it covered (no fingerprint); review the "
                "page"
            ),
        )
    else:
        return None
    line, column = position(file, path)
    field = dotted(path) if path == _FINGERPRINT else "review"
    return ContentError(file, line, column, field, f"{message}, then run {_command(file)}")
