"""`strongback review <file> --by <contributor-id>`: record a review that just happened.

Writes today's date, who reviewed, and the fingerprint of the page's content into the file's
`review:` block, leaving the rest of the file (comments, wrapping, key order) untouched. Run it
only after reading and checking the page: it is the record of a real review.

A clinical reviewer (an id under `reviewers:` in site.yml) also becomes the page's `reviewer`.
An editorial review of content that changed since the last review removes the clinical
`reviewer`: their sign-off covered the old text, so clinical review is pending again.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from strongback.catalogue import Catalogue
from strongback.errors import StrongbackError
from strongback.load.loader import ContentErrors, load_content, parse_yaml
from strongback.load.suggest import did_you_mean
from strongback.model import Content, DocMeta, Review
from strongback.model.fingerprint import doc_fingerprint, fingerprint
from strongback.text import FRONT_MATTER


class ReviewError(StrongbackError):
    """A review that cannot be recorded; the message says why and what to do."""


@dataclass(frozen=True)
class Recorded:
    file: str
    review: Review
    dropped_reviewer: str | None
    """A clinical reviewer removed because the content changed since their review."""

    def summary(self) -> str:
        lines = [
            f"{self.file}: reviewed by {self.review.reviewed_by} on "
            f"{self.review.last_reviewed.isoformat()} (fingerprint {self.review.fingerprint})"
        ]
        if self.dropped_reviewer:
            lines.append(
                f"{self.file}: the content changed since {self.dropped_reviewer}'s clinical "
                "review, so clinical review is pending again"
            )
        return "\n".join(lines)


def record_review(root: Path, target: Path, by: str, today: date) -> Recorded:
    """Record a review of `target` (a content file or a docs page) by `by`, dated `today`."""
    try:
        content = load_content(root / "content", root / "docs")
    except ContentErrors as errors:
        raise ReviewError(
            f"the content has errors; fix them before recording a review:\n{errors}"
        ) from None
    path = target if target.is_absolute() else Path.cwd() / target
    try:
        file = path.resolve().relative_to(root).as_posix()
    except ValueError:
        raise ReviewError(f"{target} is not inside the project {root}") from None
    old, current, markdown = _reviewed(content, root, file)
    people = {a.id for a in content.site.authors} | {r.id for r in content.site.reviewers}
    if by not in people:
        raise ReviewError(
            f"unknown contributor {by!r}{did_you_mean(by, people)}; --by takes an author or "
            f"clinical reviewer id from content/site.yml ({', '.join(sorted(people))})"
        )
    if today < old.last_reviewed:
        raise ReviewError(
            f"{file} records a review on {old.last_reviewed.isoformat()}, after today "
            f"({today.isoformat()}); fix that date first"
        )
    clinical = {r.id for r in content.site.reviewers}
    reviewer, dropped = old.reviewer, None
    if by in clinical:
        reviewer = by
    elif reviewer is not None and old.fingerprint != current:
        reviewer, dropped = None, reviewer
    review = Review(
        author=old.author,
        reviewer=reviewer,
        last_reviewed=today,
        reviewed_by=by,
        fingerprint=current,
    )
    text = (root / file).read_text(encoding="utf-8") if markdown is None else markdown
    _write(root / file, _replace_review(text, file, review))
    return Recorded(file, review, dropped)


def _reviewed(content: Content, root: Path, file: str) -> tuple[Review, str, str | None]:
    """The review a file holds, its fingerprint now, and (for a docs page) its text."""
    page = next((page for page in Catalogue.of(content) if page.source == file), None)
    if page is None:
        raise ReviewError(
            f"{file} is not a page's content file; give a file under content/ or a page under docs/"
        )
    if page.kind == "references":
        raise ReviewError(
            f"{file} has no review of its own; the References page is covered by the review "
            "in content/site.yml"
        )
    if isinstance(page.record, DocMeta):
        meta = page.record
        if meta.review is None:
            raise ReviewError(
                f"{file} has no review: block in its front matter; add one (author: "
                "editorial-team, last_reviewed) or leave it covered by content/site.yml"
            )
        markdown = (root / file).read_text(encoding="utf-8")  # to write the new review into
        return meta.review, doc_fingerprint(meta, markdown), markdown
    if page.record is None:  # pragma: no cover - only lists and references have no record
        raise ReviewError(f"{file} has no review of its own")
    return page.review, fingerprint(page.record), None


def _block(review: Review, indent: str) -> list[str]:
    lines = [f"{indent}author: {review.author}"]
    if review.reviewer:
        lines.append(f"{indent}reviewer: {review.reviewer}")
    lines += [
        f"{indent}last_reviewed: {review.last_reviewed.isoformat()}",
        f"{indent}reviewed_by: {review.reviewed_by}",
        f"{indent}fingerprint: '{review.fingerprint}'",  # quoted: all digits would read as a number
    ]
    return lines


_TOP_LEVEL = re.compile(r"^\S")


def _replace_review(text: str, file: str, review: Review) -> str:
    """`text` with its top-level `review:` block rewritten; everything else as it was."""
    offset = 0
    yaml_text = text
    if file.endswith(".md"):
        front = FRONT_MATTER.match(text)
        if not front or front.group(1) is None:
            raise ReviewError(f"{file} has no front matter")
        offset, yaml_text = 1, front.group(1)
    doc, errors = parse_yaml(yaml_text, file, line_offset=offset)
    if errors or ("review",) not in doc.keys:
        raise ReviewError(f"{file}: no top-level review: block found")
    first_line, column = doc.keys[("review",)]
    if column != 1:
        raise ReviewError(f"{file}:{first_line}: review: must start at the beginning of a line")
    lines = text.splitlines(keepends=True)
    start = first_line - 1
    end = start + 1
    while end < len(lines) and not _TOP_LEVEL.match(lines[end]) and lines[end].strip() != "---":
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1  # blank lines after the block stay where they are
    newline = "\r\n" if lines[start].endswith("\r\n") else "\n"
    block = ["review:", *_block(review, "  ")]
    return "".join([*lines[:start], *(line + newline for line in block), *lines[end:]])


def _write(path: Path, text: str) -> None:
    """Replace `path` atomically: an interrupted write never leaves half a file."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
