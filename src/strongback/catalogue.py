"""The site's pages, listed once, and the one table of page kinds.

`KINDS` says, for each kind of page, everything the site needs to know about it: its template
(under templates/pages/, or none for a page MkDocs reads from docs/), its address, its schema.org
type and its title and description, from the record it shows. Adding a kind of page touches this
table and a template. `Catalogue.of` lists every page of the site once, from the loaded content;
page generation (`pages/markdown.py`), the standards check (`standards/page_texts.py`), the PDF
specs (`pdf/specs.py`), JSON-LD (`pages/jsonld.py`) and the review box all read that list.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from strongback import urls
from strongback.model import Content, DocMeta, Exercise, Handout, Review, Safety, Site, Topic
from strongback.model.fingerprint import doc_fingerprint, fingerprint
from strongback.model.review_dates import ReviewInfo, review_info
from strongback.text import FRONT_MATTER, plain_text

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
    "authoring-figures",
]
"""What a page is. 'page' is a hand-written page of docs/; 'authoring' a page only the preview
shows (the content reference), 'authoring-figures' the list of every exercise's figures for its
author, also only in the preview (each exercise's figures are a standalone HTML file of
`figures.authoring`, no page of the catalogue); every other kind is generated from content."""

Record = Topic | Safety | Site | Exercise | Handout | DocMeta
"""What a page shows: a topic, the safety advice, the site (About), an exercise, a handout, or a
hand-written page's front matter. Lists and the references page show no one record."""

Text = Callable[[Content, Any], str]
"""A title or description, from the content and the record the page shows (None for lists)."""


def _fixed(text: str) -> Text:
    return lambda content, record: text


def _own(name: str) -> Text:
    return lambda content, record: str(getattr(record, name))


def _doc_description(content: Content, meta: DocMeta) -> str:
    return meta.description or content.site.description


def _at(address: str) -> Callable[[str], str]:
    return lambda key: address


MEDICAL = "MedicalWebPage"
"""Every page carries health content, but About."""


@dataclass(frozen=True)
class Kind:
    """One kind of page: where it lives, what makes it, how search engines and readers see it."""

    template: str | None
    """Its template (templates/pages/…); None: not written by the engine (MkDocs reads it from
    docs/, or the preview adds it)."""
    address: Callable[[str], str]
    """The page's `src_uri` from its record's key (an exercise or handout id, a topic's file
    name, a hand-written page's own path)."""
    jsonld_type: str
    title: Text | None
    """None: the page's own text says (a hand-written page)."""
    description: Text

    @property
    def generated(self) -> bool:
        return self.template is not None


KINDS: dict[PageKind, Kind] = {
    "topic": Kind("pages/topic.md.jinja", lambda key: f"{key}.md", MEDICAL,
                  _own("title"), _own("description")),
    "safety": Kind("pages/warning-signs.md.jinja", _at(urls.WARNING_SIGNS), MEDICAL,
                   _own("title"), _own("description")),
    "exercise-list": Kind(
        "pages/exercise-index.md.jinja", _at(urls.EXERCISES), MEDICAL, _fixed("Exercises"),
        lambda content, record: (
            f"Find an exercise: all {len(content.exercises)} exercises by level, equipment, "
            "type and body position, with steps, dose and safety advice."
        ),
    ),
    "handout-list": Kind(
        "pages/handout-index.md.jinja", _at(urls.HANDOUTS), MEDICAL, _fixed("Printable routines"),
        _fixed("Exercise routines to print or save as PDF, with steps, dose, a weekly log and "
               "safety advice."),
    ),
    "routine-builder": Kind(
        "pages/routine-builder.md.jinja", _at(urls.ROUTINE_BUILDER), MEDICAL,
        _fixed("Make a routine"),
        _fixed("For clinicians: choose exercises, set each dose and a note, then print a handout "
               "with pictures, a tick log and the warning signs, or send its link. Nothing is "
               "sent anywhere."),
    ),
    "tags": Kind("pages/tags.md.jinja", _at(urls.TAGS), MEDICAL, _fixed("Browse exercises by tag"),
                 _fixed("Find exercises by level, type, equipment and the muscles they work.")),
    "about": Kind(
        "pages/about.md.jinja", _at(urls.ABOUT), "AboutPage", _fixed("About this site"),
        lambda content, record: (
            f"Who publishes {content.site.name}, who writes and reviews it, how it is funded "
            "and how to contact us."
        ),
    ),
    "exercise": Kind("pages/exercise.md.jinja", urls.exercise, MEDICAL, _own("name"),
                     lambda content, record: plain_text(record.purpose)),
    "handout": Kind("pages/handout.md.jinja", urls.handout, MEDICAL, _own("title"),
                    _own("description")),
    "references": Kind(
        "pages/references.md.jinja", _at(urls.REFERENCES), MEDICAL, _fixed("References"),
        _fixed("Every study and guideline this site relies on, with links to the source and "
               "the pages that cite it."),
    ),
    # A hand-written page: its title is its own (front matter, else first heading, read from its
    # text by `Catalogue.of`); its description its front matter's, else the site's.
    "page": Kind(None, lambda key: key, MEDICAL, None, _doc_description),
    "authoring": Kind(None, _at(urls.CONTENT_REFERENCE), MEDICAL, _fixed("Content reference"),
                      lambda content, record: content.site.description),
    "authoring-figures": Kind(
        None, _at(f"{urls.AUTHORING_FIGURES}/index.md"), MEDICAL, _fixed("Exercise figures"),
        lambda content, record: content.site.description,
    ),
}  # fmt: skip


def _title(spec: Kind, content: Content, record: Record | None) -> str:
    assert spec.title is not None, "a kind whose pages are made from a record names its title"
    return spec.title(content, record)


@dataclass(frozen=True)
class CataloguePage:
    """One page of the site: the one page type every step reads."""

    src_uri: str
    """Its address as MkDocs knows it, relative to docs/: 'exercises/bird-dog.md'."""
    kind: PageKind
    source: str
    """The content file (or folder, for a list) it is made from, relative to the project root."""
    record: Record | None
    """The record it shows; None for lists and references."""
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
    title: str
    """Its title, from its record (the kind's `title`): templates write it, JSON-LD and the
    references page's index read it."""
    description: str

    @property
    def spec(self) -> Kind:
        return KINDS[self.kind]

    @property
    def url(self) -> str:
        return urls.page_url(self.src_uri)

    @property
    def generated(self) -> bool:
        return self.spec.generated

    def review_info(self, content: Content, today: date) -> ReviewInfo:
        """Who wrote and reviewed the page and when: the review box, JSON-LD and the check
        all take it from here."""
        return review_info(self.review, content.site, today, current=self.current)


@dataclass(frozen=True)
class Catalogue:
    """Every page of the site, in the order pages are generated, then the hand-written pages;
    with the content they show."""

    content: Content = field(repr=False, compare=False)
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

    def text(self, page: CataloguePage) -> str | None:
        """A hand-written page's Markdown, as the loader read it."""
        return self.content.positions.text(page.source)

    @classmethod
    def of(cls, content: Content, *, preview: bool = False) -> Catalogue:
        """Every page of the site; `preview` adds the pages only `mkdocs serve` shows."""
        site, where = content.site, content.sources
        site_file = where["site"]
        site_current = fingerprint(site)

        def shown(
            kind: PageKind, key: str, file: str, record: Record, record_id: str = ""
        ) -> CataloguePage:
            spec = KINDS[kind]
            review: Review = getattr(record, "review")  # noqa: B009 - every shown record has one
            title, description = _title(spec, content, record), spec.description(content, record)
            return CataloguePage(
                spec.address(key), kind, file, record, record_id, review, file, True,
                fingerprint(record), title, description,
            )  # fmt: skip

        def listing(kind: PageKind, source: str) -> CataloguePage:
            spec = KINDS[kind]
            return CataloguePage(
                spec.address(""), kind, source, None, "", site.review, site_file, False,
                site_current, _title(spec, content, None), spec.description(content, None),
            )  # fmt: skip

        pages = [
            shown("topic", "benefits", where["benefits"], content.benefits),
            shown("topic", "causes", where["causes"], content.causes),
            shown("topic", "diet", where["diet"], content.diet),
            shown("safety", "safety", where["safety"], content.safety),
            listing("exercise-list", "content/exercises"),
            listing("handout-list", "content/handouts"),
            listing("routine-builder", "content/exercises"),
            listing("tags", "content/exercises"),
            shown("about", "site", site_file, site),
        ]
        pages += [
            shown("exercise", key, content.exercise_files[key], exercise, key)
            for key, exercise in content.exercises.items()
        ]
        pages += [
            shown("handout", key, content.handout_files[key], handout, key)
            for key, handout in content.handouts.items()
        ]
        pages.append(listing("references", where["references"]))
        for src_uri, meta in content.docs.items():
            file = content.doc_files.get(src_uri)
            if file is None:
                continue
            markdown = content.positions.text(file)
            title = page_title(markdown, src_uri) if markdown is not None else src_uri
            description = _doc_description(content, meta)
            current: str | None = site_current
            if meta.review is None:
                review, review_file, own = site.review, site_file, False
            else:
                review, review_file, own = meta.review, file, True
                current = doc_fingerprint(meta, markdown) if markdown is not None else None
            pages.append(
                CataloguePage(
                    src_uri,
                    "page",
                    file,
                    meta,
                    "",
                    review,
                    review_file,
                    own,
                    current,
                    title,
                    description,
                )
            )
        if preview:
            pages.append(listing("authoring", "content/README.md"))
            # The list of each exercise's figures, large (figures.authoring), for authors.
            pages.append(listing("authoring-figures", "content/exercises"))
        return cls(content, tuple(pages))


def page_title(markdown: str, fallback: str) -> str:
    """Title of a hand-written page: front-matter title, else its first heading."""
    front = FRONT_MATTER.match(markdown)
    title = re.search(r"^title:\s*(.+?)\s*$", front.group(1) or "", re.MULTILINE) if front else None
    if title:
        return title.group(1).strip("\"'")
    heading = re.search(r"^#\s+(.+?)\s*$", markdown, re.MULTILINE)
    return heading.group(1) if heading else fallback
