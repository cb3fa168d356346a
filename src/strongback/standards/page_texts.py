"""The pages the standards check reads: each page's texts (with their field paths), claims and
review."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from strongback import model
from strongback.catalogue import Catalogue, CataloguePage
from strongback.errors import Path_, dotted
from strongback.model import Claim, Content, DocMeta, Review
from strongback.text import FRONT_MATTER, markdown_blocks, plain_text

PROSE_EXCLUDED = frozenset(
    {
        "id",
        "name",
        "title",
        "other_names",
        "category",
        "level",
        "body_position",
        "equipment",
        "muscles",
        "evidence",
        "regressions",
        "exercise_links",
        "routine_links",
        "icon",
        "progressions",
        "exercise",
        "review",
        "image",
        "language",
        "authors",
        "reviewers",
        "email",
        "feedback_url",
        "url",
    }
)
"""Fields that are labels, identifiers or lists of names: not sentences a reader reads as prose."""

DOC_SETTINGS = frozenset({"review", "hide", "search", "template", "icon"})
"""Front-matter fields of a hand-written page that set it up (review, layout, search): not text
a reader reads. Its `description` is prose; its other texts are checked, but not graded."""


def _field_names(models: Iterable[type[BaseModel]]) -> set[str]:
    return {name for cls in models for name in cls.model_fields}


def _models() -> list[type[BaseModel]]:
    return [
        value
        for value in vars(model).values()
        if isinstance(value, type) and issubclass(value, BaseModel)
    ]


def unknown_field_names() -> set[str]:
    """Names above that no content model has: a renamed field would silently change what the
    check reads as prose, so importing this module fails instead (see below)."""
    return set(PROSE_EXCLUDED - _field_names(_models())) | (DOC_SETTINGS - _field_names([DocMeta]))


if unknown_field_names():  # pragma: no cover - a renamed model field
    raise RuntimeError(
        "strongback.standards.page_texts names fields no model has: "
        f"{sorted(unknown_field_names())}"
    )


@dataclass(frozen=True)
class Text:
    """One piece of Markdown text to check, and where it came from."""

    file: str
    path: Path_
    markdown: str
    prose: bool
    offset: int | None = None
    """Where the text starts in its file, when known without the field path (docs pages)."""

    @property
    def field(self) -> str:
        return dotted(self.path)

    @functools.cached_property
    def blocks(self) -> tuple[tuple[int, str, str], ...]:
        """Its paragraphs, list items and headings as (offset, Markdown, plain text): more than
        one rule reads them, so they are made once."""
        return tuple(
            (offset, block, plain_text(block)) for offset, block in markdown_blocks(self.markdown)
        )


@dataclass(frozen=True)
class Page:
    """One page of the catalogue, as the check reads it."""

    entry: CataloguePage
    texts: list[Text]
    claims: list[tuple[Path_, Claim]]

    @property
    def page(self) -> str:
        return self.entry.src_uri

    @property
    def file(self) -> str:
        return self.entry.source

    @property
    def review(self) -> Review:
        return self.entry.review

    @property
    def review_file(self) -> str:
        """The file whose review applies (site.yml for pages without a review of their own)."""
        return self.entry.review_source

    @property
    def own_review(self) -> bool:
        return self.entry.own_review

    @property
    def current(self) -> str | None:
        """Fingerprint of what the review covers, as it is now."""
        return self.entry.current


def _walk(value: object, path: Path_ = ()) -> list[tuple[Path_, object]]:
    """Every value inside a model, with its field path (which is also its YAML path), in order:
    a list, made without nested generators (a record is large: its poses)."""
    found: list[tuple[Path_, object]] = []

    def visit(value: object, path: Path_) -> None:
        found.append((path, value))
        if isinstance(value, BaseModel):
            for name in type(value).model_fields:
                visit(getattr(value, name), (*path, name))
        elif isinstance(value, list | tuple):
            for index, item in enumerate(value):
                visit(item, (*path, index))

    visit(value, path)
    return found


def text_fields(value: object, path: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    """Every text value inside a model, with its field path."""
    return ((p, v) for p, v in _walk(value, path) if isinstance(v, str))


def _is_prose(path: Path_) -> bool:
    return not any(isinstance(part, str) and part in PROSE_EXCLUDED for part in path)


def _record_page(entry: CataloguePage, record: BaseModel) -> Page:
    file = entry.source
    walked = _walk(record)
    texts = [Text(file, p, v, _is_prose(p)) for p, v in walked if isinstance(v, str)]
    return Page(entry, texts, [(p, v) for p, v in walked if isinstance(v, Claim)])


def _doc_page(entry: CataloguePage, meta: DocMeta, raw: str | None) -> Page:
    file = entry.source
    texts = [
        Text(file, path, text, path == ("description",))
        for path, text in text_fields(meta)
        if path[0] not in DOC_SETTINGS
    ]
    if raw is not None:
        front = FRONT_MATTER.match(raw)
        body_start = front.end() if front else 0
        texts.append(Text(file, ("body",), raw[body_start:], True, body_start))
    return Page(entry, texts, [])


def pages_of(
    content: Content, catalogue: Catalogue, memo: dict[int, tuple[Any, Page]] | None = None
) -> list[Page]:
    """The pages of the catalogue that show a record: its texts and claims are checked. `memo`:
    under the preview, the last check's pages by their record (the loader returns the same
    record object for a file whose text did not change); it is updated."""
    pages = []
    for entry in catalogue:
        if isinstance(entry.record, DocMeta):
            pages.append(_doc_page(entry, entry.record, content.positions.text(entry.source)))
        elif entry.record is not None:
            kept = memo.get(id(entry.record)) if memo is not None else None
            if kept is not None and kept[0] is entry.record and kept[1].file == entry.source:
                pages.append(Page(entry, kept[1].texts, kept[1].claims))
            else:
                pages.append(_record_page(entry, entry.record))
            if memo is not None:
                memo[id(entry.record)] = (entry.record, pages[-1])
    return pages
