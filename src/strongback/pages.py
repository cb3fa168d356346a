"""Content models -> generated Markdown pages, through the templates in `templates/pages/`.

Pure: no MkDocs here. The hook turns each `GeneratedPage` into a virtual file; tests call
`build_pages` directly and compare the Markdown with golden files.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from pydantic import BaseModel

from strongback import urls
from strongback.citations import citation_keys, number_citations, reference_list
from strongback.finder import POSITIONS, finder_context
from strongback.model import Content, Exercise
from strongback.review import ReviewInfo, record_review_info
from strongback.session import METHOD, routine_minutes, session_minutes
from strongback.templating import render
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
    kind: str
    review: ReviewInfo
    record_id: str = ""


@dataclass(frozen=True)
class HandWrittenPage:
    """A page under docs/ as the engine needs to know it: for the citation index."""

    src_uri: str
    title: str
    markdown: str


@dataclass
class PageSet:
    pages: list[GeneratedPage]
    cited_by: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    """Reference key -> [(src_uri, title)] of every page that cites it."""
    warnings: list[str] = field(default_factory=list)
    _by_src: tuple[int, dict[str, GeneratedPage]] = field(
        default=(-1, {}), init=False, repr=False, compare=False
    )

    def by_src(self) -> dict[str, GeneratedPage]:
        # The hook asks once per page: rebuilding the dict each time made a build O(pages²).
        # Made again if pages were added since (the list is public).
        if self._by_src[0] != len(self.pages):
            self._by_src = (len(self.pages), {page.src_uri: page for page in self.pages})
        return self._by_src[1]


def exercise_tags(exercise: Exercise) -> list[str]:
    """Tags that let readers browse exercises by level, equipment and muscle."""
    tags = [f"Level: {exercise.level.capitalize()}", f"Type: {CATEGORIES[exercise.category]}"]
    tags += [f"Equipment: {item}" for item in exercise.equipment]
    tags += [f"Muscle: {muscle.plain}" for muscle in exercise.muscles.primary]
    return list(dict.fromkeys(tags))


def build_pages(
    content: Content, hand_written: Iterable[HandWrittenPage] = (), *, today: date
) -> PageSet:
    """Every generated page, plus the index of which page cites which reference."""
    site = content.site

    def info(reviewed: BaseModel) -> ReviewInfo:
        return record_review_info(reviewed, site, today)

    def page(
        src_uri: str,
        template: str,
        source: str,
        kind: str,
        reviewed: BaseModel,
        record_id: str = "",
        **context: object,
    ) -> GeneratedPage:
        markdown = render(template, page_src=src_uri, site=site, content=content, **context)
        title = _front_matter_value(markdown, "title")
        description = _front_matter_value(markdown, "description")
        return GeneratedPage(
            src_uri, markdown, source, title, description, kind, info(reviewed), record_id
        )

    sources = content.sources
    pages = [
        page(
            urls.BENEFITS,
            "pages/topic.md.jinja",
            sources["benefits"],
            "topic",
            content.benefits,
            topic=content.benefits,
        ),
        page(
            urls.CAUSES,
            "pages/topic.md.jinja",
            sources["causes"],
            "topic",
            content.causes,
            topic=content.causes,
        ),
        page(
            urls.DIET,
            "pages/topic.md.jinja",
            sources["diet"],
            "topic",
            content.diet,
            topic=content.diet,
        ),
        page(
            urls.WARNING_SIGNS,
            "pages/warning-signs.md.jinja",
            sources["safety"],
            "safety",
            content.safety,
            safety=content.safety,
        ),
        page(
            urls.EXERCISES,
            "pages/exercise-index.md.jinja",
            "content/exercises",
            "index",
            site,
            categories=CATEGORIES,
            **finder_context(content.exercises.values(), CATEGORIES),
        ),
        page(
            urls.HANDOUTS,
            "pages/handout-index.md.jinja",
            "content/handouts",
            "index",
            site,
            handouts=list(content.handouts.values()),
        ),
        page(urls.TAGS, "pages/tags.md.jinja", "content/exercises", "index", site),
        page(urls.ABOUT, "pages/about.md.jinja", sources["site"], "about", site),
    ]
    for exercise in content.exercises.values():
        pages.append(
            page(
                urls.exercise(exercise.id),
                "pages/exercise.md.jinja",
                sources[f"exercise:{exercise.id}"],
                "exercise",
                exercise,
                exercise.id,
                exercise=exercise,
                tags=exercise_tags(exercise),
                safety=content.safety,
                categories=CATEGORIES,
                minutes=session_minutes(exercise.dose),
                position=POSITIONS[exercise.body_position] if exercise.body_position else None,
            )
        )
    for handout in content.handouts.values():
        pages.append(
            page(
                urls.handout(handout.id),
                "pages/handout.md.jinja",
                sources[f"handout:{handout.id}"],
                "handout",
                handout,
                handout.id,
                handout=handout,
                safety=content.safety,
                method=METHOD,
                minutes=routine_minutes(
                    item.dose or content.exercises[item.exercise].dose for item in handout.exercises
                ),
            )
        )

    cited_by: dict[str, list[tuple[str, str]]] = {key: [] for key in content.references}
    citing: list[tuple[str, str, str]] = [(p.src_uri, p.title, p.markdown) for p in pages]
    citing += [(p.src_uri, p.title, p.markdown) for p in hand_written]
    for src_uri, title, markdown in sorted(citing):
        for key in dict.fromkeys(citation_keys(markdown)):
            if key in cited_by:
                cited_by[key].append((src_uri, title))
    pages.append(
        page(
            urls.REFERENCES,
            "pages/references.md.jinja",
            sources["references"],
            "references",
            site,
            references=list(content.references.values()),
            cited_by=cited_by,
        )
    )
    warnings = [
        f"{sources['references']}: reference {key!r} is not cited by any page"
        for key, where in cited_by.items()
        if not where
    ]
    return PageSet(pages, cited_by, warnings)


def finish_page(markdown: str, references: Mapping[str, object]) -> str:
    """Number the citations of a page's Markdown and append its reference list."""
    cited = number_citations(markdown)
    if not cited.keys:
        return markdown
    refs = reference_list(cited.keys, references)  # type: ignore[arg-type]
    return cited.markdown.rstrip("\n") + "\n\n" + render("pages/reference-list.md.jinja", refs=refs)


def _front_matter_value(markdown: str, name: str) -> str:
    """Read back a string the template wrote into front matter (written with `yaml_string`)."""
    front = FRONT_MATTER.match(markdown)
    if front:
        for line in (front.group(1) or "").splitlines():
            if line.startswith(f"{name}: "):
                value: str = json.loads(line[len(name) + 2 :])
                return value
    raise ValueError(f"template did not write {name!r} into the front matter")
