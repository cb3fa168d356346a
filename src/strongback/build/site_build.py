"""One build of the site as the hook sees it: content, generated pages and per-page trust data.

Kept free of MkDocs types so another builder could drive the same engine.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from strongback.catalogue import Catalogue
from strongback.figures.store import STORE_FILE, DrawingStore
from strongback.figures.web import fill_figure_slots
from strongback.load.loader import ContentError, LoadCache, load_content
from strongback.model import Content
from strongback.model.review_dates import ReviewInfo, long_date
from strongback.pages.markdown import PageSet, build_pages, finish_page
from strongback.standards import enforce_standards
from strongback.standards.run import PageFindings


def today() -> date:
    """The build date; STRONGBACK_TODAY=YYYY-MM-DD pins it for tests and reproducible builds."""
    pinned = os.environ.get("STRONGBACK_TODAY")
    return date.fromisoformat(pinned) if pinned else date.today()


@dataclass
class ContentCache:
    """Kept between the preview's rebuilds (`build.engine.Session`): each file as parsed and
    validated (`LoadCache`) and each page's content-standards findings (`PageFindings`), by the
    text they were made from. Published builds never use it."""

    active: bool = True
    loaded: LoadCache = field(default_factory=LoadCache)
    findings: PageFindings = field(default_factory=PageFindings)
    pages: dict[str, Any] = field(default_factory=dict)
    """Exercise and routine pages' Markdown, by what each is made from (`build_pages`)."""
    figures: dict[tuple[str, bool], str] = field(default_factory=dict)
    """Each exercise's figures as pages show them (`SiteBuild.figure_html`), while its file's
    text is the one in `exercise_texts`: the finder and the routines show all of them."""
    exercise_texts: dict[str, str] = field(default_factory=dict)

    def figures_for(self, content: Content) -> dict[tuple[str, bool], str]:
        """The figures kept from the last rebuild whose exercise file is unchanged, as the dict
        this build fills."""
        texts = {
            key: content.positions.text(file) or "" for key, file in content.exercise_files.items()
        }
        for key in [
            key for key in self.figures if texts.get(key[0]) != self.exercise_texts.get(key[0])
        ]:
            del self.figures[key]
        self.exercise_texts = texts
        return self.figures


@dataclass(frozen=True)
class SiteBuild:
    """Complete when made: the catalogue and every generated page are made with it, from the
    content alone, so the order MkDocs runs its events in cannot change what a page shows."""

    catalogue: Catalogue
    """Every page of the site, with the content they show."""
    today: date
    warnings: list[ContentError] = field(default_factory=list)
    """Content-standards warnings (overdue review, hard reading): the build logs them."""
    memo: dict[str, Any] | None = field(default=None, repr=False, compare=False)
    """Under the preview, the last build's generated pages (see `build_pages`)."""
    drawings: DrawingStore = field(default_factory=lambda: DrawingStore(None), compare=False)
    """A published build's drawings, kept for the next one (`figures.store`)."""
    figure_html: dict[tuple[str, bool], str] = field(default_factory=dict, compare=False)
    """Each exercise's figures as a page shows them, made once in this build
    (`figures.web.fill_figure_slots`)."""
    pages: PageSet = field(init=False)

    def __post_init__(self) -> None:
        pages = build_pages(
            self.content, today=self.today, catalogue=self.catalogue, memo=self.memo
        )
        object.__setattr__(self, "pages", pages)  # frozen: set here, at construction, only

    @property
    def content(self) -> Content:
        return self.catalogue.content

    def fill_slots(self, html: str) -> str:
        """A finished page with its figures in their slots (`figures.web`)."""
        return fill_figure_slots(html, self.content.exercises, self.drawings, self.figure_html)

    @classmethod
    def load(
        cls, root: Path, docs_dir: Path, *, preview: bool = False, cache: ContentCache | None = None
    ) -> SiteBuild:
        """Load, validate and check everything; raises `ContentErrors` listing every problem,
        content-standards errors included (see `strongback.standards`). `cache`: under the
        preview, the work of the last load that still holds (see `ContentCache`)."""
        cache = cache or ContentCache(active=False)
        loaded = cache.loaded if cache.active else None
        content = load_content(root / "content", docs_dir, cache=loaded)
        day = today()
        catalogue = Catalogue.of(content, preview=preview)
        found = cache.findings if cache.active else None
        warnings = enforce_standards(
            content, today=day, root=root, catalogue=catalogue, cache=found
        )
        memo = cache.pages if cache.active else None
        kept = DrawingStore(None if preview else root / STORE_FILE)
        figures = cache.figures_for(content) if cache.active else {}
        return cls(catalogue, day, warnings, memo, kept, figures)

    def finish(self, markdown: str) -> str:
        return finish_page(markdown, self.content.references)

    def trust(self, src_uri: str) -> dict[str, Any]:
        """What the review box of a page shows (see overrides/partials/sb-trust.html)."""
        return trust_fields(self.review(src_uri))

    def review(self, src_uri: str) -> ReviewInfo:
        """Who wrote and reviewed a page, and when: the review box and the JSON-LD agree. A page
        the catalogue does not list raises `KeyError`."""
        return self.catalogue.page(src_uri).review_info(self.content, self.today)


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


__all__ = ["SiteBuild", "today", "trust_fields"]
