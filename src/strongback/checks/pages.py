"""The pages the standards check reads: each page's texts (with their field paths), claims and
review."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from strongback import urls
from strongback.errors import Path_, dotted
from strongback.fingerprint import doc_fingerprint, fingerprint
from strongback.model import Claim, Content, Review
from strongback.text import FRONT_MATTER

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


@dataclass(frozen=True)
class Page:
    page: str
    file: str
    texts: list[Text]
    claims: list[tuple[Path_, Claim]]
    review: Review
    review_file: str
    """The file whose review applies (site.yml for pages without a review of their own)."""
    own_review: bool
    current: str | None = None
    """Fingerprint of what the review covers, as it is now."""


def _walk(value: object, path: Path_ = ()) -> Iterator[tuple[Path_, object]]:
    """Every value inside a model, with its field path (which is also its YAML path)."""
    yield path, value
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _walk(getattr(value, name), (*path, name))
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            yield from _walk(item, (*path, index))


def text_fields(value: object, path: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    """Every text value inside a model, with its field path."""
    return ((p, v) for p, v in _walk(value, path) if isinstance(v, str))


def _claims(value: object, path: Path_ = ()) -> Iterator[tuple[Path_, Claim]]:
    return ((p, v) for p, v in _walk(value, path) if isinstance(v, Claim))


def _is_prose(path: Path_) -> bool:
    return not any(isinstance(part, str) and part in PROSE_EXCLUDED for part in path)


def _record_page(page: str, file: str, record: BaseModel, review: Review) -> Page:
    texts = [Text(file, path, text, _is_prose(path)) for path, text in text_fields(record)]
    current = fingerprint(record)
    return Page(page, file, texts, list(_claims(record)), review, file, True, current)


def _doc_page(
    src_uri: str, file: str, content: Content, text_of: Callable[[str], str | None]
) -> Page:
    meta = content.docs[src_uri]
    texts = [
        Text(file, path, text, path == ("description",))
        for path, text in text_fields(meta)
        if path[0] not in ("review", "hide", "search", "template", "icon")
    ]
    raw = text_of(file)
    if raw is not None:
        front = FRONT_MATTER.match(raw)
        body_start = front.end() if front else 0
        texts.append(Text(file, ("body",), raw[body_start:], True, body_start))
    review = meta.review or content.site.review
    review_file = file if meta.review else content.sources["site"]
    if meta.review is None:
        current: str | None = fingerprint(content.site)
    else:
        current = doc_fingerprint(meta, raw) if raw is not None else None
    return Page(src_uri, file, texts, [], review, review_file, meta.review is not None, current)


def pages_of(content: Content, text_of: Callable[[str], str | None]) -> list[Page]:
    where = content.sources
    pages = [
        _record_page(urls.BENEFITS, where["benefits"], content.benefits, content.benefits.review),
        _record_page(urls.CAUSES, where["causes"], content.causes, content.causes.review),
        _record_page(urls.DIET, where["diet"], content.diet, content.diet.review),
        _record_page(urls.WARNING_SIGNS, where["safety"], content.safety, content.safety.review),
        _record_page(urls.ABOUT, where["site"], content.site, content.site.review),
    ]
    pages += [
        _record_page(urls.exercise(key), where[f"exercise:{key}"], record, record.review)
        for key, record in content.exercises.items()
    ]
    pages += [
        _record_page(urls.handout(key), where[f"handout:{key}"], record, record.review)
        for key, record in content.handouts.items()
    ]
    pages += [
        _doc_page(src_uri, where[f"doc:{src_uri}"], content, text_of)
        for src_uri in content.docs
        if f"doc:{src_uri}" in where
    ]
    return pages
