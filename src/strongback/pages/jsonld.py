"""Structured data (schema.org JSON-LD) for each page, built from the content models.

Search engines read it to tell who wrote a health page, when it was last reviewed and what it
cites. The hook puts the text into page.meta; overrides/main.html writes it into the page head.

Honesty rules, because this is health content:
- `reviewedBy` names a clinical reviewer from content/site.yml and nothing else. While none has
  signed a page off, the key is left out: naming the publisher there would read as a medical
  review that did not happen. `lastReviewed` is the editorial review date the page itself shows.
- An author whose name is the publisher's (an editorial team) is an `Organization`; any other
  author is a `Person`.
- Exercise doses are the ones the page shows, as schema.org `ExercisePlan` properties; sets, which
  have no property of their own, are in `additionalVariable` with the rest of the dose in words.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from strongback.build.site_build import SiteBuild
from strongback.catalogue import KINDS, PageKind
from strongback.citations import DOI_URL, PMC_URL, PUBMED_URL, citation_keys
from strongback.model import (
    Author,
    Content,
    DocMeta,
    Dose,
    Exercise,
    Handout,
    Reference,
    Reviewer,
)
from strongback.model.review_dates import ReviewInfo
from strongback.pages.dose_words import dose_summary, frequency_summary
from strongback.pages.markdown import CATEGORIES
from strongback.text import plain_text

JSON = dict[str, Any]


@dataclass(frozen=True)
class PageFacts:
    """What structured data needs to know about one page."""

    kind: PageKind
    """'exercise', 'handout', 'topic', 'safety', 'index', 'references', 'about' or 'page'."""
    title: str
    description: str | None
    url: str | None
    """The canonical URL, or None when the site has no site_url."""
    review: ReviewInfo
    cited: list[str] = field(default_factory=list)
    """Reference keys the page cites, in citation order."""
    record_id: str = ""
    """The exercise or handout id, for those pages."""


def page_jsonld(facts: PageFacts, content: Content, site_url: str | None) -> JSON:
    """The schema.org description of one page."""
    site = content.site
    publisher = _drop_empty(
        {
            "@type": "Organization",
            "name": site.publisher.name,
            "url": site.publisher.url or site_url,
        }
    )
    data: JSON = {
        "@context": "https://schema.org",
        "@type": KINDS[facts.kind].jsonld_type,
        "url": facts.url,
        "name": facts.title,
        "description": facts.description,
        "inLanguage": site.language,
        "isPartOf": _drop_empty({"@type": "WebSite", "name": site.name, "url": site_url}),
        "publisher": publisher,
        "author": _author(facts.review.author, site.publisher.name),
        "lastReviewed": facts.review.last_reviewed.isoformat(),
    }
    if facts.review.reviewer is not None:
        data["reviewedBy"] = _reviewer(facts.review.reviewer)
    keys = list(content.references) if facts.kind == "references" else facts.cited
    data["citation"] = [_citation(content.references[key]) for key in dict.fromkeys(keys)]
    if facts.kind == "exercise":
        data["mainEntity"] = exercise_plan(content.exercises[facts.record_id], facts.url)
    elif facts.kind == "handout":
        data["mainEntity"] = routine_plan(content.handouts[facts.record_id], content, facts.url)
    return _drop_empty(data)


def exercise_plan(exercise: Exercise, url: str | None = None) -> JSON:
    """One exercise with the dose its page shows."""
    plan: JSON = {
        "@type": "ExercisePlan",
        "name": exercise.name,
        "alternateName": list(exercise.other_names),
        "url": url,
        "description": plain_text(exercise.purpose),
        "exerciseType": CATEGORIES[exercise.category],
        "activityFrequency": frequency_summary(exercise.frequency),
    }
    return _drop_empty(plan | _dose(exercise.dose))


def routine_plan(handout: Handout, content: Content, url: str | None = None) -> JSON:
    """A printable routine: the plan, with one part per exercise at the routine's own dose."""
    parts = []
    for item in handout.exercises:
        exercise = content.exercises[item.exercise]
        part: JSON = {"@type": "ExercisePlan", "name": exercise.name}
        if not item.blank_dose:
            part |= _dose(item.dose or exercise.dose)
        parts.append(_drop_empty(part))
    return _drop_empty(
        {
            "@type": "ExercisePlan",
            "name": handout.title,
            "url": url,
            "description": handout.description,
            "activityFrequency": frequency_summary(handout.frequency),
            "audience": {"@type": "PeopleAudience", "audienceType": handout.audience},
            "hasPart": parts,
        }
    )


def _dose(dose: Dose) -> JSON:
    rest = dose.rest_seconds
    return {
        "repetitions": dose.reps,
        "activityDuration": _duration(dose.duration_seconds),
        "restPeriods": _duration(rest) if rest else None,
        "intensity": dose.load,
        "additionalVariable": dose_summary(dose),
    }


def _duration(seconds: int | None) -> str | None:
    """ISO 8601, as schema.org's Duration wants it: 'PT45S', 'PT2M'."""
    if not seconds:
        return None
    return f"PT{seconds // 60}M" if seconds % 60 == 0 else f"PT{seconds}S"


def _author(author: Author, publisher_name: str) -> JSON:
    kind = "Organization" if author.name == publisher_name else "Person"
    return _drop_empty({"@type": kind, "name": author.name, "url": author.url})


def _reviewer(reviewer: Reviewer) -> JSON:
    return _drop_empty(
        {
            "@type": "Person",
            "name": reviewer.name,
            "honorificSuffix": reviewer.credentials,
            "jobTitle": reviewer.role,
            "url": reviewer.url,
        }
    )


def _citation(ref: Reference) -> JSON:
    links = _reference_urls(ref)
    identifiers = [
        {"@type": "PropertyValue", "propertyID": name, "value": value}
        for name, value in (("DOI", ref.doi), ("PMID", ref.pmid), ("PMCID", ref.pmcid))
        if value
    ]
    return _drop_empty(
        {
            "@type": "ScholarlyArticle" if ref.journal else "CreativeWork",
            "name": ref.title,
            "author": ", ".join(ref.authors),
            "datePublished": str(ref.year) if ref.year else None,
            "isPartOf": {"@type": "Periodical", "name": ref.journal} if ref.journal else None,
            "publisher": {"@type": "Organization", "name": ref.publisher}
            if ref.publisher
            else None,
            "url": links[0] if links else None,
            "sameAs": links[1:],
            "identifier": identifiers,
        }
    )


def _reference_urls(ref: Reference) -> list[str]:
    candidates = (
        DOI_URL.format(ref.doi) if ref.doi else None,
        ref.url,
        PUBMED_URL.format(ref.pmid) if ref.pmid else None,
        PMC_URL.format(ref.pmcid) if ref.pmcid else None,
    )
    return [url for url in candidates if url]


def _drop_empty(data: JSON) -> JSON:
    """Leave out keys with no value, so the data never claims an empty author or citation."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def script_text(data: JSON) -> str:
    """JSON for a `<script type="application/ld+json">` element: `<` is escaped so no text in it
    can close the element."""
    return json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":")).replace(
        "<", "\\u003c"
    )


def page_facts(
    build: SiteBuild, src_uri: str, markdown: str, *, title: str, url: str | None
) -> PageFacts:
    """The facts for a page from the build; `markdown` is the page before citations are numbered,
    `title` the one the page shows."""
    cited = list(dict.fromkeys(citation_keys(markdown)))
    page = build.catalogue.page(src_uri)
    review = build.review(src_uri)
    if page.generated:
        return PageFacts(
            page.kind, page.title, page.description, url, review, cited, page.record_id
        )
    # A hand-written page: its front matter's title, else the one MkDocs shows.
    meta = page.record if isinstance(page.record, DocMeta) else None
    title = meta.title if meta and meta.title else title
    return PageFacts(page.kind, title, page.description, url, review, cited)
