"""Content models -> generated Markdown pages, through the templates in `templates/pages/`.

Pure: no MkDocs here. Each catalogue page the engine writes is rendered with the template its
kind names (`catalogue.KINDS`); the title and description come from the catalogue, which takes
them from the record. The engine turns each page into a file of the build; tests call
`build_pages` directly and compare the Markdown with golden files.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date

from strongback.catalogue import Catalogue, CataloguePage, PageKind
from strongback.citations import citation_keys, number_citations, reference_list
from strongback.links import web_links
from strongback.model import Content, Exercise
from strongback.pages.finder import POSITIONS, finder_context
from strongback.pages.routine_builder import builder_context
from strongback.pages.session import METHOD, routine_minutes, session_minutes
from strongback.pages.templating import render

CATEGORIES = {
    "mobility": "Mobility",
    "core": "Gentle core",
    "strength": "Strength",
}


@dataclass(frozen=True)
class PageSet:
    """The generated pages: the catalogue's pages the engine writes, in order, and their
    Markdown (front matter and body; citations still `[@key]`, see `finish_page`)."""

    pages: tuple[CataloguePage, ...]
    markdown: dict[str, str] = field(default_factory=dict)
    """src_uri -> Markdown."""
    cited_by: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    """Reference key -> [(src_uri, title)] of every page that cites it."""
    warnings: list[str] = field(default_factory=list)


def exercise_tags(exercise: Exercise) -> list[str]:
    """Tags that let readers browse exercises by level, equipment and muscle."""
    tags = [f"Level: {exercise.level.capitalize()}", f"Type: {CATEGORIES[exercise.category]}"]
    tags += [f"Equipment: {item}" for item in exercise.equipment]
    tags += [f"Muscle: {muscle.plain}" for muscle in exercise.muscles.primary]
    return list(dict.fromkeys(tags))


def _inputs(entry: CataloguePage, content: Content) -> tuple[str | None, ...] | None:
    """What an exercise's or a routine's page is made from, as text: its file, the files of
    the exercises it shows (a routine) or the names of those it links (an exercise), and the
    glossary, safety and site files. None for other pages (always made again)."""
    text = content.positions.text
    shared = [text(content.sources.get(name, "")) for name in ("glossary", "safety", "site")]
    if entry.kind == "exercise":
        exercise = content.exercises[entry.record_id]
        linked = [*exercise.regressions, *exercise.progressions]
        names = [
            content.exercises[other].name if other in content.exercises else "" for other in linked
        ]
        return (entry.src_uri, text(entry.source), *shared, *linked, *names)
    if entry.kind == "handout":
        listed = [item.exercise for item in content.handouts[entry.record_id].exercises]
        files = [text(content.exercise_files.get(key, "")) for key in listed]
        return (entry.src_uri, text(entry.source), *shared, *listed, *files)
    return None


def build_pages(
    content: Content,
    *,
    today: date,
    catalogue: Catalogue,
    memo: dict[str, tuple[tuple[str | None, ...], str]] | None = None,
) -> PageSet:
    """Every generated page of the catalogue, plus the index of which page cites which
    reference (hand-written pages count as citing pages too). `memo`: under the preview, the
    last build's exercise and routine pages by what they are made from (see `_inputs`); it is
    updated."""
    site = content.site
    kept = dict(memo) if memo is not None else {}
    if memo is not None:
        memo.clear()

    def page(entry: CataloguePage, **context: object) -> str:
        template = entry.spec.template
        assert template is not None, entry.kind
        markdown = render(
            template, page=entry, page_src=entry.src_uri, site=site, content=content, **context
        )
        return web_links(markdown, entry.src_uri)

    pages: list[CataloguePage] = []
    markdown: dict[str, str] = {}
    references: CataloguePage | None = None
    for entry in catalogue:
        if not entry.generated:
            continue
        if entry.kind == "references":
            references = entry  # it lists the pages that cite each reference: made last
            continue
        pages.append(entry)
        inputs = _inputs(entry, content) if memo is not None else None
        last = kept.get(entry.src_uri)
        if inputs is not None and last is not None and last[0] == inputs:
            markdown[entry.src_uri] = last[1]
        else:
            markdown[entry.src_uri] = page(entry, **CONTEXTS[entry.kind](entry, content))
        if memo is not None and inputs is not None:
            memo[entry.src_uri] = (inputs, markdown[entry.src_uri])

    cited_by: dict[str, list[tuple[str, str]]] = {key: [] for key in content.references}
    citing = [(p.src_uri, p.title, markdown[p.src_uri]) for p in pages]
    for entry in catalogue.of_kind("page"):
        text = catalogue.text(entry)
        if text is not None:
            citing.append((entry.src_uri, entry.title, text))
    for src_uri, title, text in sorted(citing):
        for key in dict.fromkeys(citation_keys(text)):
            if key in cited_by:
                cited_by[key].append((src_uri, title))
    if references is None:
        raise ValueError("the catalogue lists no references page")
    pages.append(references)
    markdown[references.src_uri] = page(
        references, references=list(content.references.values()), cited_by=cited_by
    )
    warnings = [
        f"{references.source}: reference {key!r} is not cited by any page"
        for key, where in cited_by.items()
        if not where
    ]
    return PageSet(tuple(pages), markdown, cited_by, warnings)


def _exercise(entry: CataloguePage, content: Content) -> dict[str, object]:
    exercise = content.exercises[entry.record_id]
    return {
        "exercise": exercise,
        "tags": exercise_tags(exercise),
        "safety": content.safety,
        "categories": CATEGORIES,
        "minutes": session_minutes(exercise.dose),
        "position": POSITIONS[exercise.body_position] if exercise.body_position else None,
    }


def _handout(entry: CataloguePage, content: Content) -> dict[str, object]:
    handout = content.handouts[entry.record_id]
    doses = (item.dose or content.exercises[item.exercise].dose for item in handout.exercises)
    return {
        "handout": handout,
        "safety": content.safety,
        "method": METHOD,
        "minutes": routine_minutes(doses),
    }


CONTEXTS: dict[PageKind, Callable[[CataloguePage, Content], dict[str, object]]] = {
    "topic": lambda entry, content: {"topic": entry.record},
    "safety": lambda entry, content: {"safety": entry.record},
    "exercise-list": lambda entry, content: {
        "categories": CATEGORIES,
        **finder_context(content.exercises.values(), CATEGORIES),
    },
    "handout-list": lambda entry, content: {"handouts": list(content.handouts.values())},
    "routine-builder": lambda entry, content: builder_context(content, CATEGORIES),
    "tags": lambda entry, content: {},
    "about": lambda entry, content: {},
    "exercise": _exercise,
    "handout": _handout,
}
"""What each generated kind's template shows, besides the page, the site and the content (its
template is the catalogue's, `catalogue.KINDS`)."""


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
