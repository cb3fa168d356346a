"""The site's pages, listed once: address, kind, the record shown, source file and review.

Built once from the loaded content (`Catalogue.of`). Page generation (`pages.py`), the
standards check (`checks/pages.py`), the PDF specs (`handouts/specs.py`), JSON-LD (`jsonld.py`)
and the review box (`site.py`) all read it, so a new kind of page is added here, once.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from pydantic import BaseModel

from strongback import urls
from strongback.model import Content, Review
from strongback.model.fingerprint import doc_fingerprint, fingerprint
from strongback.model.review_dates import ReviewInfo, review_info

PageKind = Literal[
    "topic",
    "safety",
    "exercise-list",
    "handout-list",
    "routine-builder",
    "tags",
    "about",
    "exercise",
    "handout",
    "references",
    "page",
    "authoring",
]
"""What a page is. 'page' is a hand-written page of docs/; 'authoring' a page only the preview
shows (the content reference); every other kind is generated from content."""

NOT_GENERATED: frozenset[PageKind] = frozenset({"page", "authoring"})
"""Pages the engine does not write: MkDocs reads them from docs/, or the preview adds them."""


@dataclass(frozen=True)
class CataloguePage:
    """One page of the site."""

    src_uri: str
    """Its address as MkDocs knows it, relative to docs/: 'exercises/bird-dog.md'."""
    kind: PageKind
    source: str
    """The content file (or folder, for a list) it is made from, relative to the project root."""
    record: BaseModel | None
    """The record it shows (a topic, the safety advice, the site for About, an exercise, a
    handout, a hand-written page's front matter); None for lists and references."""
    record_id: str
    """The id of an exercise or handout; '' for other pages."""
    review: Review
    """The review that applies: the record's own, else the site-wide one."""
    review_source: str
    """The file that review is written in."""
    own_review: bool
    """False when the page falls back to the site-wide review."""
    current: str | None
    """The fingerprint of what the review covers, as it is now (None: not known)."""

    @property
    def url(self) -> str:
        return urls.page_url(self.src_uri)

    @property
    def generated(self) -> bool:
        return self.kind not in NOT_GENERATED

    def review_info(self, content: Content, today: date) -> ReviewInfo:
        """Who wrote and reviewed the page and when: the review box, JSON-LD and the check
        all take it from here."""
        return review_info(self.review, content.site, today, current=self.current)


@dataclass(frozen=True)
class Catalogue:
    pages: tuple[CataloguePage, ...]
    _by_src: dict[str, CataloguePage] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_src", {page.src_uri: page for page in self.pages})

    def __iter__(self) -> Iterator[CataloguePage]:
        return iter(self.pages)

    def get(self, src_uri: str) -> CataloguePage | None:
        return self._by_src.get(src_uri)

    def page(self, src_uri: str) -> CataloguePage:
        """The page at `src_uri`; a page the catalogue does not list is a bug, never a default."""
        found = self._by_src.get(src_uri)
        if found is None:
            raise KeyError(f"{src_uri!r} is not a page of this site (see strongback.catalogue)")
        return found

    def of_kind(self, kind: PageKind) -> list[CataloguePage]:
        return [page for page in self.pages if page.kind == kind]

    @classmethod
    def of(cls, content: Content, *, preview: bool = False) -> Catalogue:
        """Every page of the site, in the order pages are generated, then the hand-written
        pages; `preview` adds the pages only `mkdocs serve` shows."""
        site, where = content.site, content.sources
        site_file = where["site"]
        site_current = fingerprint(site)

        def record(
            src_uri: str, kind: PageKind, file: str, shown: BaseModel, key: str = ""
        ) -> CataloguePage:
            review: Review = getattr(shown, "review")  # noqa: B009 - every shown record has one
            return CataloguePage(
                src_uri, kind, file, shown, key, review, file, True, fingerprint(shown)
            )

        def listing(src_uri: str, kind: PageKind, source: str) -> CataloguePage:
            return CataloguePage(
                src_uri, kind, source, None, "", site.review, site_file, False, site_current
            )

        pages = [
            record(urls.BENEFITS, "topic", where["benefits"], content.benefits),
            record(urls.CAUSES, "topic", where["causes"], content.causes),
            record(urls.DIET, "topic", where["diet"], content.diet),
            record(urls.WARNING_SIGNS, "safety", where["safety"], content.safety),
            listing(urls.EXERCISES, "exercise-list", "content/exercises"),
            listing(urls.HANDOUTS, "handout-list", "content/handouts"),
            listing(urls.ROUTINE_BUILDER, "routine-builder", "content/exercises"),
            listing(urls.TAGS, "tags", "content/exercises"),
            record(urls.ABOUT, "about", site_file, site),
        ]
        pages += [
            record(urls.exercise(key), "exercise", where[f"exercise:{key}"], exercise, key)
            for key, exercise in content.exercises.items()
        ]
        pages += [
            record(urls.handout(key), "handout", where[f"handout:{key}"], handout, key)
            for key, handout in content.handouts.items()
        ]
        pages.append(listing(urls.REFERENCES, "references", where["references"]))
        for src_uri, meta in content.docs.items():
            file = where.get(f"doc:{src_uri}")
            if file is None:
                continue
            if meta.review is None:
                pages.append(
                    CataloguePage(
                        src_uri, "page", file, meta, "", site.review, site_file, False, site_current
                    )
                )
                continue
            markdown = content.positions.text(file)
            current = doc_fingerprint(meta, markdown) if markdown is not None else None
            pages.append(
                CataloguePage(src_uri, "page", file, meta, "", meta.review, file, True, current)
            )
        if preview:
            pages.append(listing(urls.CONTENT_REFERENCE, "authoring", "content/README.md"))
        return cls(tuple(pages))
