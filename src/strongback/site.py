"""One build of the site as the hook sees it: content, generated pages and per-page trust data.

Kept free of MkDocs types so another builder could drive the same engine.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from strongback.checks import enforce_standards
from strongback.load import ContentError, load_content
from strongback.model import Content
from strongback.pages import GeneratedPage, HandWrittenPage, PageSet, build_pages, finish_page
from strongback.review import ReviewInfo, doc_review_info, long_date
from strongback.text import FRONT_MATTER


def today() -> date:
    """The build date; STRONGBACK_TODAY=YYYY-MM-DD pins it for tests and reproducible builds."""
    pinned = os.environ.get("STRONGBACK_TODAY")
    return date.fromisoformat(pinned) if pinned else date.today()


@dataclass
class SiteBuild:
    content: Content
    today: date
    pages: PageSet | None = None
    warnings: list[ContentError] = field(default_factory=list)
    """Content-standards warnings (overdue review, hard reading): the build logs them."""
    docs_dir: Path | None = None
    """Where hand-written pages live, to compare them with the fingerprint of their review."""

    @classmethod
    def load(cls, root: Path, docs_dir: Path) -> SiteBuild:
        """Load, validate and check everything; raises `ContentErrors` listing every problem,
        content-standards errors included (see `strongback.checks`)."""
        content = load_content(root / "content", docs_dir)
        day = today()
        warnings = enforce_standards(content, today=day, root=root)
        return cls(content, day, warnings=warnings, docs_dir=docs_dir)

    def generate(self, hand_written: list[HandWrittenPage]) -> PageSet:
        self.pages = build_pages(self.content, hand_written, today=self.today)
        return self.pages

    def finish(self, markdown: str) -> str:
        return finish_page(markdown, self.content.references)

    def trust(self, src_uri: str) -> dict[str, Any]:
        """What the review box of a page shows (see overrides/partials/sb-trust.html)."""
        return trust_fields(self.review(src_uri))

    def generated(self, src_uri: str) -> GeneratedPage | None:
        return self.pages.by_src().get(src_uri) if self.pages else None

    def review(self, src_uri: str) -> ReviewInfo:
        """Who wrote and reviewed a page, and when: the review box and the JSON-LD agree."""
        generated = self.generated(src_uri)
        if generated is not None:
            return generated.review
        meta = self.content.docs.get(src_uri)
        markdown = None
        if meta is not None and meta.review is not None and self.docs_dir is not None:
            try:
                markdown = (self.docs_dir / src_uri).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                markdown = None
        return doc_review_info(meta, markdown, self.content.site, self.today)


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
