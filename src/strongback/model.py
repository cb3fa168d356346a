"""The content model: one pydantic model per content kind, extra keys forbidden.

Cross-file rules (citation keys, exercise ids, people) are checked here too, through the
validation context that `load.py` passes in, so every error keeps its field path and position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_validator,
)

from strongback.citations import citation_keys
from strongback.figures.pose import Poses
from strongback.suggest import did_you_mean

# --- text ---------------------------------------------------------------------------------------

_RAW_HTML = re.compile(r"<\s*/?\s*[A-Za-z][^>]*>")
_AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^>\s]+>")
_MD_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_SAFE_SCHEMES = {"http", "https", "mailto"}


def _reject_html(text: str) -> str:
    found = _RAW_HTML.search(_AUTOLINK.sub("", text))
    if found:
        raise ValueError(f"raw HTML is not allowed in text, found {found.group(0)!r}")
    for target in _MD_LINK.findall(text):
        scheme = _SCHEME.match(target)
        if scheme and scheme.group(1).lower() not in _SAFE_SCHEMES:
            raise ValueError(f"links must use http(s), found a '{scheme.group(1)}:' link")
    return text


def _check_citations(text: str, info: ValidationInfo) -> str:
    known = (info.context or {}).get("reference_keys")
    if known is None:
        return text
    for key in citation_keys(text):
        if key not in known:
            raise ValueError(f"unknown citation key {key!r}{did_you_mean(key, known)}")
    return text


PlainText = Annotated[str, Field(min_length=1), AfterValidator(_reject_html)]
"""One line or paragraph of plain text: no HTML, no citations."""

Markdown = Annotated[
    str, Field(min_length=1), AfterValidator(_reject_html), AfterValidator(_check_citations)
]
"""Markdown text that may cite references as `[@key]`; raw HTML is rejected."""

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]


def _known(kind: str, context_key: str) -> Any:
    def check(value: str, info: ValidationInfo) -> str:
        known = (info.context or {}).get(context_key)
        if known is not None and value not in known:
            raise ValueError(f"unknown {kind} {value!r}{did_you_mean(value, known)}")
        return value

    return AfterValidator(check)


ExerciseId = Annotated[Slug, _known("exercise", "exercise_ids")]
AuthorId = Annotated[Slug, _known("author", "author_ids")]
ReviewerId = Annotated[Slug, _known("reviewer", "reviewer_ids")]
ReferenceKey = Annotated[str, _known("reference", "reference_keys")]


def _number_to_text(value: Any) -> Any:
    # YAML reads `pmid: 29573870` as a number; identifiers are text.
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


Doi = Annotated[str, Field(pattern=r"^10\.\d{4,9}/\S+$")]
Pmid = Annotated[str, BeforeValidator(_number_to_text), Field(pattern=r"^[1-9]\d{0,8}$")]
Pmcid = Annotated[str, Field(pattern=r"^PMC\d{3,9}$")]
HttpUrl = Annotated[str, Field(pattern=r"^https?://[^\s/$.?#][^\s]*$")]


class StrictModel(BaseModel):
    """Every content model forbids unknown keys, so a typo is an error, not a silent default."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


# --- people and review --------------------------------------------------------------------------


class Author(StrictModel):
    id: Slug
    name: PlainText
    role: PlainText
    url: HttpUrl | None = None


class Reviewer(StrictModel):
    """A real clinical reviewer. Never invent one: leave `reviewers` empty until one signs off."""

    id: Slug
    name: PlainText
    credentials: PlainText
    role: PlainText
    url: HttpUrl | None = None


class Review(StrictModel):
    author: AuthorId
    reviewer: ReviewerId | None = None
    """A clinical reviewer from site.yml; absent means clinical review is pending."""
    last_reviewed: date


# --- site settings ------------------------------------------------------------------------------


class Publisher(StrictModel):
    name: PlainText
    description: Markdown
    url: HttpUrl | None = None


class Disclosure(StrictModel):
    funding: Markdown
    advertising: Markdown
    conflicts: Markdown
    editorial_policy: Markdown


class Contact(StrictModel):
    email: Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")] | None = None
    feedback_url: HttpUrl | None = None
    note: Markdown | None = None

    @model_validator(mode="after")
    def _needs_a_channel(self) -> Contact:
        if self.email is None and self.feedback_url is None:
            raise ValueError("give at least one of 'email' or 'feedback_url'")
        return self


class Site(StrictModel):
    name: PlainText
    tagline: PlainText
    description: PlainText
    language: Annotated[str, Field(pattern=r"^[a-z]{2}(-[A-Z]{2})?$")] = "en"
    publisher: Publisher
    authors: Annotated[list[Author], Field(min_length=1)]
    reviewers: list[Reviewer] = []
    review_cycle_months: Annotated[int, Field(ge=1, le=36)]
    review_grace_months: Annotated[int, Field(ge=0, le=24)] = 6
    disclosure: Disclosure
    contact: Contact
    review: Review
    """Review of the site-wide pages (home, about, indexes, references)."""


# --- claims and topic pages ---------------------------------------------------------------------

Evidence = Literal["strong", "moderate", "limited"]


class Claim(StrictModel):
    text: Markdown
    evidence: Evidence
    unknowns: Markdown | None = None
    """What we don't know: required in spirit where the evidence is limited."""


class Section(StrictModel):
    id: Slug
    title: PlainText
    claims: Annotated[list[Claim], Field(min_length=1)]
    advice: list[Markdown] = []


class Topic(StrictModel):
    """A page of graded claims: benefits, causes, and diet and lifestyle."""

    title: PlainText
    description: Annotated[PlainText, Field(max_length=200)]
    intro: Markdown
    sections: Annotated[list[Section], Field(min_length=1)]
    review: Review


class Safety(StrictModel):
    """When to stop, when to see a doctor, urgent red flags: one source for every page."""

    title: PlainText
    description: Annotated[PlainText, Field(max_length=200)]
    intro: Markdown
    when_to_stop: Annotated[list[Markdown], Field(min_length=1)]
    see_doctor: Annotated[list[Markdown], Field(min_length=1)]
    urgent_soon: Annotated[list[Markdown], Field(min_length=1)]
    emergency: Annotated[list[Markdown], Field(min_length=1)]
    review: Review


# --- exercises ----------------------------------------------------------------------------------

Category = Literal["mobility", "core", "strength"]
Level = Literal["beginner", "intermediate", "advanced"]


class Muscle(StrictModel):
    plain: PlainText
    medical: PlainText


class Muscles(StrictModel):
    primary: Annotated[list[Muscle], Field(min_length=1)]
    secondary: list[Muscle] = []


class Dose(StrictModel):
    sets: Annotated[int, Field(ge=1, le=10)] | None = None
    reps: Annotated[int, Field(ge=1, le=100)] | None = None
    hold_seconds: Annotated[int, Field(ge=1, le=300)] | None = None
    duration_seconds: Annotated[int, Field(ge=1, le=1800)] | None = None
    distance_metres: Annotated[int, Field(ge=1, le=1000)] | None = None
    breaths: Annotated[int, Field(ge=1, le=30)] | None = None
    per_side: bool = False
    rest_seconds: Annotated[int, Field(ge=0, le=600)] | None = None
    tempo: PlainText | None = None
    load: PlainText | None = None

    @model_validator(mode="after")
    def _has_an_amount(self) -> Dose:
        if not any((self.reps, self.hold_seconds, self.duration_seconds, self.distance_metres)):
            raise ValueError(
                "give at least one of 'reps', 'hold_seconds', 'duration_seconds' "
                "or 'distance_metres'"
            )
        return self


class Frequency(StrictModel):
    days_per_week: Annotated[int, Field(ge=1, le=7)]
    weeks: Annotated[int, Field(ge=1, le=52)] | None = None
    note: Markdown | None = None


class Image(StrictModel):
    src: Annotated[str, Field(pattern=r"^[A-Za-z0-9_./-]+\.(png|jpe?g|svg|webp)$")]
    alt: PlainText
    licence: PlainText
    author: PlainText
    source: HttpUrl


class Exercise(StrictModel):
    id: Slug
    name: PlainText
    other_names: list[PlainText] = []
    purpose: Markdown
    category: Category
    level: Level
    equipment: Annotated[list[PlainText], Field(min_length=1)]
    muscles: Muscles
    start_position: Markdown
    steps: Annotated[list[Markdown], Field(min_length=2)]
    dose: Dose
    frequency: Frequency
    poses: Poses | None = Field(
        default=None,
        description="Key positions drawn as figures (start, end, any between): joint angles of "
        "a standard adult, props and contacts. See the README's 'Exercise figures'.",
        examples=[{"start": {"lean": 72}, "end": {"lean": 72, "left": {"shoulder": 160}}}],
    )
    regressions: list[ExerciseId] = []
    progressions: list[ExerciseId] = []
    cautions: Annotated[list[Markdown], Field(min_length=1)]
    normal: Annotated[list[Markdown], Field(min_length=1)]
    stop_if: Annotated[list[Markdown], Field(min_length=1)]
    claims: Annotated[list[Claim], Field(min_length=1)]
    image: Image | None = None
    review: Review

    @field_validator("poses")
    @classmethod
    def _pose_steps_exist(cls, poses: Poses | None, info: ValidationInfo) -> Poses | None:
        steps = info.data.get("steps")
        if poses is not None and steps is not None:
            for key, pose in poses.sequence():
                if pose.step is not None and pose.step > len(steps):
                    raise ValueError(
                        f"the {key} pose shows step {pose.step}, but this exercise has "
                        f"{len(steps)} steps"
                    )
        return poses

    @model_validator(mode="after")
    def _not_its_own_step(self) -> Exercise:
        if self.id in self.regressions or self.id in self.progressions:
            raise ValueError(f"exercise {self.id!r} cannot be its own regression or progression")
        return self


# --- handouts -----------------------------------------------------------------------------------


class HandoutItem(StrictModel):
    exercise: ExerciseId
    dose: Dose | None = None
    """Overrides the exercise's own dose; leave out to use it."""
    blank_dose: bool = False
    """Print blank lines for a clinician to fill in instead of a dose."""
    note: Markdown | None = None


class Handout(StrictModel):
    id: Slug
    title: PlainText
    description: Annotated[PlainText, Field(max_length=200)]
    purpose: Markdown
    audience: PlainText
    frequency: Frequency
    exercises: Annotated[list[HandoutItem], Field(min_length=1, max_length=10)]
    notes: list[Markdown] = []
    supervision: Markdown | None = None
    claims: list[Claim] = []
    review: Review


# --- references ---------------------------------------------------------------------------------

ReferenceType = Literal[
    "guideline",
    "systematic_review",
    "systematic_analysis",
    "rct",
    "cohort",
    "cross_sectional",
    "narrative_review",
    "expert_opinion",
    "experimental",
    "web_page",
]

OBSERVATIONAL_TYPES = frozenset({"cohort", "cross_sectional", "systematic_analysis"})


class Reference(StrictModel):
    key: Annotated[str, Field(pattern=r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$")]
    type: ReferenceType
    observational: bool = False
    """True for a review that pools observational studies: it supports 'linked with' only."""
    authors: Annotated[list[PlainText], Field(min_length=1)]
    title: PlainText
    journal: PlainText | None = None
    publisher: PlainText | None = None
    year: Annotated[int, Field(ge=1900, le=2100)] | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    doi: Doi | None = None
    pmid: Pmid | None = None
    pmcid: Pmcid | None = None
    url: HttpUrl | None = None
    isbn: str | None = None
    updated: date | None = None
    checked: Literal["full", "partial", "unverified"]
    supports: PlainText

    @model_validator(mode="after")
    def _has_an_identifier(self) -> Reference:
        if not any((self.doi, self.pmid, self.pmcid, self.url)):
            raise ValueError("a reference needs at least one of 'doi', 'pmid', 'pmcid' or 'url'")
        return self

    @property
    def is_observational(self) -> bool:
        return self.observational or self.type in OBSERVATIONAL_TYPES


class References(StrictModel):
    references: Annotated[list[Reference], Field(min_length=1)]


# --- hand-written pages -------------------------------------------------------------------------


class DocMeta(StrictModel):
    """Front matter of a hand-written page under docs/."""

    title: PlainText | None = None
    description: Annotated[PlainText, Field(max_length=200)] | None = None
    review: Review | None = None
    hide: list[Literal["navigation", "toc", "footer", "path", "tags", "feedback"]] = []
    search: dict[str, Any] | None = None
    template: str | None = None
    icon: str | None = None
    tags: list[PlainText] = []


# --- the whole library --------------------------------------------------------------------------


@dataclass(frozen=True)
class Content:
    """Everything under content/ (and the front matter of docs/), validated and cross-checked."""

    site: Site
    benefits: Topic
    causes: Topic
    diet: Topic
    safety: Safety
    exercises: dict[str, Exercise]
    """By id, in file-name order."""
    handouts: dict[str, Handout]
    references: dict[str, Reference]
    """By key, in file order."""
    sources: dict[str, str] = field(default_factory=dict)
    """Record key ('site', 'benefits', 'exercise:bird-dog', 'handout:x', 'references',
    'doc:index.md') -> the file it came from, relative to the project root."""
    docs: dict[str, DocMeta] = field(default_factory=dict)
    """Hand-written page src_uri (relative to docs/) -> its validated front matter."""
