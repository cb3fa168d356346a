"""One build of the site as the hook sees it: content, generated pages and per-page trust data.

Kept free of MkDocs types so another builder could drive the same engine.
"""

from __future__ import annotations

import os
import re
from dataclasses import InitVar, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from strongback.catalogue import Catalogue
from strongback.load.loader import ContentError, load_content
from strongback.model import Content
from strongback.model.review_dates import ReviewInfo, long_date
from strongback.pages.markdown import (
    GeneratedPage,
    HandWrittenPage,
    PageSet,
    build_pages,
    finish_page,
)
from strongback.standards import enforce_standards
from strongback.text import FRONT_MATTER


def today() -> date:
    """The build date; STRONGBACK_TODAY=YYYY-MM-DD pins it for tests and reproducible builds."""
    pinned = os.environ.get("STRONGBACK_TODAY")
    return date.fromisoformat(pinned) if pinned else date.today()


@dataclass(frozen=True)
class SiteBuild:
    """Complete when made: the catalogue and every generated page are made with it, from the
    content alone, so the order MkDocs runs its events in cannot change what a page shows."""

    content: Content
    today: date
    warnings: list[ContentError] = field(default_factory=list)
    """Content-standards warnings (overdue review, hard reading): the build logs them."""
    listed: InitVar[Catalogue | None] = None
    """The catalogue, when the caller listed it already (else listed from `content`)."""
    preview: bool = False
    """A `mkdocs serve` preview: the catalogue lists the pages only the preview shows."""
    catalogue: Catalogue = field(init=False)
    pages: PageSet = field(init=False)

    def __post_init__(self, listed: Catalogue | None) -> None:
        catalogue = (
            listed if listed is not None else Catalogue.of(self.content, preview=self.preview)
        )
        pages = build_pages(
            self.content, hand_written(self.content, catalogue), today=self.today,
            catalogue=catalogue,
        )  # fmt: skip
        # Frozen: set here, at construction, and never again.
        object.__setattr__(self, "catalogue", catalogue)
        object.__setattr__(self, "pages", pages)

    @classmethod
    def load(cls, root: Path, docs_dir: Path, *, preview: bool = False) -> SiteBuild:
        """Load, validate and check everything; raises `ContentErrors` listing every problem,
        content-standards errors included (see `strongback.standards`)."""
        content = load_content(root / "content", docs_dir)
        day = today()
        catalogue = Catalogue.of(content, preview=preview)
        warnings = enforce_standards(content, today=day, root=root, catalogue=catalogue)
        return cls(content, day, warnings, catalogue, preview)

    def finish(self, markdown: str) -> str:
        return finish_page(markdown, self.content.references)

    def trust(self, src_uri: str) -> dict[str, Any]:
        """What the review box of a page shows (see overrides/partials/sb-trust.html)."""
        return trust_fields(self.review(src_uri))

    def generated(self, src_uri: str) -> GeneratedPage | None:
        return self.pages.by_src().get(src_uri)

    def review(self, src_uri: str) -> ReviewInfo:
        """Who wrote and reviewed a page, and when: the review box and the JSON-LD agree. A page
        the catalogue does not list raises `KeyError`."""
        generated = self.generated(src_uri)
        if generated is not None:
            return generated.review
        return self.catalogue.page(src_uri).review_info(self.content, self.today)


def hand_written(content: Content, catalogue: Catalogue) -> list[HandWrittenPage]:
    """The hand-written pages of docs/, as the loader read them (for the citation index)."""
    pages = []
    for page in catalogue.of_kind("page"):
        markdown = content.positions.text(page.source)
        if markdown is not None:
            pages.append(
                HandWrittenPage(page.src_uri, page_title(markdown, page.src_uri), markdown)
            )
    return pages


def trust_fields(info: ReviewInfo) -> dict[str, Any]:
    reviewer = info.reviewer
    return {
        "author": info.author.name,
        "reviewer": f"{reviewer.name}, {reviewer.credentials}" if reviewer else None,
        "last_reviewed": long_date(info.last_reviewed),
        "last_reviewed_iso": info.last_reviewed.isoformat(),
        "next_due": long_date(info.next_due),
        "next_due_iso": info.next_due.isoformat(),
        "status": info.status,
        "content_state": info.content_state,
    }


def page_title(markdown: str, fallback: str) -> str:
    """Title of a hand-written page: front-matter title, else its first heading."""
    front = FRONT_MATTER.match(markdown)
    title = re.search(r"^title:\s*(.+?)\s*$", front.group(1) or "", re.MULTILINE) if front else None
    if title:
        return title.group(1).strip("\"'")
    heading = re.search(r"^#\s+(.+?)\s*$", markdown, re.MULTILINE)
    return heading.group(1) if heading else fallback


__all__ = ["GeneratedPage", "HandWrittenPage", "SiteBuild", "page_title"]
