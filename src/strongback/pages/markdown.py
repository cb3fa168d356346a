"""Content models -> generated Markdown pages, through the templates in `templates/pages/`.

Pure: no MkDocs here. The hook turns each `GeneratedPage` into a virtual file; tests call
`build_pages` directly and compare the Markdown with golden files.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from strongback.catalogue import Catalogue, CataloguePage, PageKind
from strongback.citations import citation_keys, number_citations, reference_list
from strongback.links import web_links
from strongback.model import Content, Exercise
from strongback.model.review_dates import ReviewInfo
from strongback.pages.finder import POSITIONS, finder_context
from strongback.pages.routine_builder import builder_context
from strongback.pages.session import METHOD, routine_minutes, session_minutes
from strongback.pages.templating import render
from strongback.text import FRONT_MATTER

CATEGORIES = {
    "mobility": "Mobility",
    "core": "Gentle core",
    "strength": "Strength",
}


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str
    """Where the page pretends to live in docs/, e.g. 'exercises/bird-dog.md'."""
    markdown: str
    """Front matter and body; citations are still `[@key]` (see `finish_page`)."""
    source: str
    """The content file this page is made from, relative to the project root (edit link)."""
    title: str
    description: str
    kind: PageKind
    review: ReviewInfo
    record_id: str = ""


@dataclass(frozen=True)
class HandWrittenPage:
    """A page under docs/ as the engine needs to know it: for the citation index."""

    src_uri: str
    title: str
    markdown: str


@dataclass(frozen=True)
class PageSet:
    pages: tuple[GeneratedPage, ...]
    cited_by: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    """Reference key -> [(src_uri, title)] of every page that cites it."""
    warnings: list[str] = field(default_factory=list)
    _by_src: dict[str, GeneratedPage] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Indexed once when made: the hook asks once per page, and the pages never change.
        object.__setattr__(self, "_by_src", {page.src_uri: page for page in self.pages})

    def by_src(self) -> dict[str, GeneratedPage]:
        return self._by_src


def exercise_tags(exercise: Exercise) -> list[str]:
    """Tags that let readers browse exercises by level, equipment and muscle."""
    tags = [f"Level: {exercise.level.capitalize()}", f"Type: {CATEGORIES[exercise.category]}"]
    tags += [f"Equipment: {item}" for item in exercise.equipment]
    tags += [f"Muscle: {muscle.plain}" for muscle in exercise.muscles.primary]
    return list(dict.fromkeys(tags))


def build_pages(
    content: Content,
    hand_written: Iterable[HandWrittenPage] = (),
    *,
    today: date,
    catalogue: Catalogue | None = None,
) -> PageSet:
    """Every generated page of the catalogue, plus the index of which page cites which
    reference (`hand_written` pages count as citing pages too)."""
    site = content.site
    listed = catalogue if catalogue is not None else Catalogue.of(content)

    def page(entry: CataloguePage, template: str, **context: object) -> GeneratedPage:
        markdown = render(template, page_src=entry.src_uri, site=site, content=content, **context)
        markdown = web_links(markdown, entry.src_uri)
        title = _front_matter_value(markdown, "title")
        description = _front_matter_value(markdown, "description")
        info = entry.review_info(content, today)
        return GeneratedPage(
            entry.src_uri, markdown, entry.source, title, description, entry.kind, info,
            entry.record_id,
        )  # fmt: skip

    pages: list[GeneratedPage] = []
    references: CataloguePage | None = None
    for entry in listed:
        if not entry.generated:
            continue
        if entry.kind == "references":
            references = entry  # it lists the pages that cite each reference: made last
            continue
        template, context = _template(entry, content)
        pages.append(page(entry, template, **context))

    cited_by: dict[str, list[tuple[str, str]]] = {key: [] for key in content.references}
    citing: list[tuple[str, str, str]] = [(p.src_uri, p.title, p.markdown) for p in pages]
    citing += [(p.src_uri, p.title, p.markdown) for p in hand_written]
    for src_uri, title, markdown in sorted(citing):
        for key in dict.fromkeys(citation_keys(markdown)):
            if key in cited_by:
                cited_by[key].append((src_uri, title))
    if references is None:
        raise ValueError("the catalogue lists no references page")
    pages.append(
        page(
            references,
            "pages/references.md.jinja",
            references=list(content.references.values()),
            cited_by=cited_by,
        )
    )
    warnings = [
        f"{references.source}: reference {key!r} is not cited by any page"
        for key, where in cited_by.items()
        if not where
    ]
    return PageSet(tuple(pages), cited_by, warnings)


def _template(entry: CataloguePage, content: Content) -> tuple[str, dict[str, object]]:
    """The template of a generated page, and what it shows."""
    kind, record = entry.kind, entry.record
    if kind == "topic":
        return "pages/topic.md.jinja", {"topic": record}
    if kind == "safety":
        return "pages/warning-signs.md.jinja", {"safety": record}
    if kind == "exercise-list":
        finder = finder_context(content.exercises.values(), CATEGORIES)
        return "pages/exercise-index.md.jinja", {"categories": CATEGORIES, **finder}
    if kind == "handout-list":
        return "pages/handout-index.md.jinja", {"handouts": list(content.handouts.values())}
    if kind == "routine-builder":
        return "pages/routine-builder.md.jinja", builder_context(content, CATEGORIES)
    if kind == "tags":
        return "pages/tags.md.jinja", {}
    if kind == "about":
        return "pages/about.md.jinja", {}
    if kind == "exercise":
        exercise = content.exercises[entry.record_id]
        return "pages/exercise.md.jinja", {
            "exercise": exercise,
            "tags": exercise_tags(exercise),
            "safety": content.safety,
            "categories": CATEGORIES,
            "minutes": session_minutes(exercise.dose),
            "position": POSITIONS[exercise.body_position] if exercise.body_position else None,
        }
    if kind == "handout":
        handout = content.handouts[entry.record_id]
        doses = (item.dose or content.exercises[item.exercise].dose for item in handout.exercises)
        return "pages/handout.md.jinja", {
            "handout": handout,
            "safety": content.safety,
            "method": METHOD,
            "minutes": routine_minutes(doses),
        }
    raise ValueError(f"no template for a {kind!r} page ({entry.src_uri})")


REFERENCES_SLOT = "<!-- sb-references -->"
"""Where a page's "Sources and evidence" section wants its reference list (see _macros)."""


def finish_page(markdown: str, references: Mapping[str, object]) -> str:
    """Number the citations of a page's Markdown and add its reference list: inside its
    "Sources and evidence" section when it has one, else at the end."""
    cited = number_citations(markdown)
    refs = reference_list(cited.keys, references) if cited.keys else []
    if REFERENCES_SLOT in cited.markdown:
        listed = render("pages/reference-list.md.jinja", refs=refs, level=3) if refs else ""
        return cited.markdown.replace(REFERENCES_SLOT, listed.rstrip("\n"))
    if not refs:
        return markdown
    listed = render("pages/reference-list.md.jinja", refs=refs, level=2)
    return cited.markdown.rstrip("\n") + "\n\n" + listed


def _front_matter_value(markdown: str, name: str) -> str:
    """Read back a string the template wrote into front matter (written with `yaml_string`)."""
    front = FRONT_MATTER.match(markdown)
    if front:
        for line in (front.group(1) or "").splitlines():
            if line.startswith(f"{name}: "):
                value: str = json.loads(line[len(name) + 2 :])
                return value
    raise ValueError(f"template did not write {name!r} into the front matter")
