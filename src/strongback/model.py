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
from strongback.messages import raw_html, unknown_citation
from strongback.sourcemap import SourceMap
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
        raise ValueError(raw_html(found.group(0)))
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
            raise ValueError(unknown_citation(key, known))
    return text


PlainText = Annotated[str, Field(min_length=1), AfterValidator(_reject_html)]
"""One line or paragraph of plain text: no HTML, no citations."""

Markdown = Annotated[
    str, Field(min_length=1), AfterValidator(_reject_html), AfterValidator(_check_citations)
]
"""Markdown text that may cite references as `[@key]`; raw HTML is rejected."""

Slug = Annotated[str, Field(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]


def _known(kind: str, context_key: str, defined: str) -> Any:
    def check(value: str, info: ValidationInfo) -> str:
        known = (info.context or {}).get(context_key)
        if known is not None and value not in known:
            hint = did_you_mean(value, known) or f"; {defined}"
            raise ValueError(f"unknown {kind} {value!r}{hint}")
        return value

    return AfterValidator(check)


ExerciseId = Annotated[
    Slug,
    _known("exercise", "exercise_ids", "exercise ids are the file names in content/exercises/"),
]
AuthorId = Annotated[Slug, _known("author", "author_ids", "authors are listed in content/site.yml")]
ReviewerId = Annotated[
    Slug, _known("reviewer", "reviewer_ids", "reviewers are listed in content/site.yml")
]
ReferenceKey = Annotated[
    str, _known("reference", "reference_keys", "keys are defined in content/references.yml")
]


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
    """Someone who writes the content: a person or, as shipped, the editorial team."""

    id: Slug = Field(
        description="Short id that files use to name this author in `review: author:`.",
        examples=["editorial-team"],
    )
    name: PlainText = Field(
        description="Name shown on every page this author wrote.",
        examples=["Strong Back editorial team"],
    )
    role: PlainText = Field(
        description="What this author does for the site, shown on the About page.",
        examples=["Writes and updates every page, and checks each claim against its sources"],
    )
    url: HttpUrl | None = Field(
        None,
        description="A web page about the author (optional).",
        examples=["https://strongback.example/about/"],
    )


class Reviewer(StrictModel):
    """A real clinical reviewer. Never invent one: leave `reviewers` empty until one signs off."""

    id: Slug = Field(
        description="Short id that files use to name this reviewer in `review: reviewer:`.",
        examples=["sam-example"],
    )
    name: PlainText = Field(
        description="The reviewer's real name, exactly as they agreed to have it shown.",
        examples=["Sam Example"],
    )
    credentials: PlainText = Field(
        description="Their clinical qualifications, as they would write them.",
        examples=["MCSP, chartered physiotherapist"],
    )
    role: PlainText = Field(
        description="What they checked, shown on the About page.",
        examples=["Checks the exercises and safety advice"],
    )
    url: HttpUrl | None = Field(
        None,
        description="A public page that confirms who they are, such as a professional register.",
        examples=["https://www.hcpc-uk.org/check-the-register/"],
    )


def _known_contributor(value: str, info: ValidationInfo) -> str:
    context = info.context or {}
    authors, reviewers = context.get("author_ids"), context.get("reviewer_ids")
    if authors is None or reviewers is None:
        return value
    known = set(authors) | set(reviewers)
    if value not in known:
        raise ValueError(
            f"unknown contributor {value!r}{did_you_mean(value, known)}; name an author or a "
            "clinical reviewer from site.yml"
        )
    return value


ContributorId = Annotated[Slug, AfterValidator(_known_contributor)]


def _quoted_fingerprint(value: Any) -> Any:
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ValueError(
            f"fingerprint {value} was read as a number: put it in quotes, as "
            "`strongback review` writes it"
        )
    return value


Fingerprint = Annotated[str, BeforeValidator(_quoted_fingerprint), Field(pattern=r"^[0-9a-f]{16}$")]


class Review(StrictModel):
    """Who wrote a page and who checked it, and when it was last reviewed."""

    author: AuthorId = Field(
        description="The id of the author who wrote this page, from `authors:` in site.yml.",
        examples=["editorial-team"],
    )
    reviewer: ReviewerId | None = Field(
        None,
        description=(
            "The id of the clinical reviewer who checked this page, from `reviewers:` in "
            "site.yml. Leave it out while clinical review is pending; never invent one."
        ),
        examples=["sam-example"],
    )
    last_reviewed: date = Field(
        description=(
            "The day the page was last reviewed against its sources, as YYYY-MM-DD: written by "
            "`strongback review`, never in the future or before the file existed. The next "
            "review is due `review_cycle_months` later."
        ),
        examples=["2026-11-29"],
    )
    reviewed_by: ContributorId | None = Field(
        default=None,
        description=(
            "Who made the review dated last_reviewed: an author or clinical reviewer id from "
            "site.yml. Written by `strongback review`."
        ),
        examples=["editorial-team"],
    )
    fingerprint: Fingerprint | None = Field(
        default=None,
        description=(
            "What was reviewed: a hash of the page's reader-facing content (everything but the "
            "review block and figure poses), whitespace-normalised. Written by `strongback "
            "review`; when the content changes, the page shows 'Changed since last review'."
        ),
        examples=["3f9a0c1d2e4b5a69"],
    )

    @model_validator(mode="after")
    def _bound_review(self) -> Review:
        if (self.reviewed_by is None) != (self.fingerprint is None):
            raise ValueError(
                "give both 'reviewed_by' and 'fingerprint', or neither; "
                "`strongback review <file> --by <id>` writes them"
            )
        return self


# --- site settings ------------------------------------------------------------------------------


class Publisher(StrictModel):
    """Who publishes the site."""

    name: PlainText = Field(
        description="The publisher's name, shown in the footer and on the About page.",
        examples=["Strong Back editorial team"],
    )
    description: Markdown = Field(
        description="Who the publisher is and what they do, in a few plain sentences.",
        examples=["Strong Back is written by a small editorial team. We are not your doctor."],
    )
    url: HttpUrl | None = Field(
        None,
        description="The publisher's own web site (optional).",
        examples=["https://strongback.example/"],
    )


class Disclosure(StrictModel):
    """What readers should know about money and editorial choices, shown on the About page."""

    funding: Markdown = Field(
        description="Who pays for the content, or that nobody does.",
        examples=["No sponsor pays for this content."],
    )
    advertising: Markdown = Field(
        description="Whether the site shows adverts or sells anything.",
        examples=["This site has no advertising."],
    )
    conflicts: Markdown = Field(
        description="Any money links the authors have to products or services on the site.",
        examples=["The editorial team has no money links to any product on this site."],
    )
    editorial_policy: Markdown = Field(
        description="How claims are chosen, graded, cited and reviewed.",
        examples=["Every health claim cites at least one source from our reference list."],
    )


class Contact(StrictModel):
    """How readers reach the publisher: give an email address, a feedback page, or both."""

    email: Annotated[str, Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")] | None = Field(
        None,
        description="An address that someone reads. Give this or `feedback_url`.",
        examples=["feedback@strongback.example"],
    )
    feedback_url: HttpUrl | None = Field(
        None,
        description="A web form for feedback. Give this or `email`.",
        examples=["https://strongback.example/feedback/"],
    )
    note: Markdown | None = Field(
        None,
        description="What readers may write about, and what you cannot answer.",
        examples=["Tell us about mistakes. We cannot give personal medical advice."],
    )

    @model_validator(mode="after")
    def _needs_a_channel(self) -> Contact:
        if self.email is None and self.feedback_url is None:
            raise ValueError("give at least one of 'email' or 'feedback_url'")
        return self


class Site(StrictModel):
    """content/site.yml: the site's name, who writes and reviews it, and how often."""

    name: PlainText = Field(
        description="The site's name, shown in the header and the browser tab.",
        examples=["Strong Back"],
    )
    tagline: PlainText = Field(
        description="One short line under the name on the home page.",
        examples=["Plain, sourced guidance for a stronger, more comfortable back"],
    )
    description: PlainText = Field(
        description="One or two sentences for search results and link previews.",
        examples=["Evidence-based back health: exercises, routines and the studies behind them."],
    )
    language: Annotated[str, Field(pattern=r"^[a-z]{2}(-[A-Z]{2})?$")] = Field(
        "en",
        description="The language of the content, as a code like `en` or `en-GB`.",
        examples=["en", "en-GB"],
    )
    publisher: Publisher = Field(
        description="The organisation or team that publishes the site, for the About page.",
        examples=[{"name": "Strong Back editorial team", "description": "A small team."}],
    )
    authors: Annotated[list[Author], Field(min_length=1)] = Field(
        description="Everyone who writes content. Pages name one by its `id`.",
        examples=[
            [
                {
                    "id": "editorial-team",
                    "name": "Strong Back editorial team",
                    "role": "Writes every page",
                }
            ]
        ],
    )
    reviewers: list[Reviewer] = Field(
        [],
        description=(
            "Real clinicians who have agreed to review the content. Leave the list empty "
            "until one has signed off: pages then say clinical review is pending."
        ),
        examples=[[]],
    )
    review_cycle_months: Annotated[int, Field(ge=1, le=36)] = Field(
        description="How many months after `last_reviewed` each page is due for review (1-36).",
        examples=[12],
    )
    review_grace_months: Annotated[int, Field(ge=0, le=24)] = Field(
        6,
        description=(
            "How many months a page may stay overdue before the build fails (0-24). Until "
            "then an overdue page is a warning."
        ),
        examples=[6],
    )
    disclosure: Disclosure = Field(
        description="Funding, advertising, conflicts of interest and the editorial policy.",
        examples=[
            {
                "funding": "No sponsor pays for this content.",
                "advertising": "This site has no advertising.",
                "conflicts": "None.",
                "editorial_policy": "Every claim cites a source.",
            }
        ],
    )
    contact: Contact = Field(
        description="How readers reach you: an email address, a feedback page, or both.",
        examples=[{"email": "feedback@strongback.example"}],
    )
    review: Review = Field(
        description="Review of the site-wide pages (home, about, indexes, references).",
        examples=[{"author": "editorial-team", "last_reviewed": "2026-11-20"}],
    )


# --- claims and topic pages ---------------------------------------------------------------------

Evidence = Literal["strong", "moderate", "limited"]


class Claim(StrictModel):
    """One factual statement, with its citations and how strong the evidence is."""

    text: Markdown = Field(
        description=(
            "The claim in plain words, citing at least one reference as `[@key]`. Say "
            "'linked with' when the evidence is observational."
        ),
        examples=["Exercise programmes modestly ease long-term low back pain [@hayden2021]."],
    )
    evidence: Evidence = Field(
        description=(
            "How strong the evidence is: `strong` (guidelines or consistent reviews of "
            "trials), `moderate` or `limited` (few or small studies, or expert advice)."
        ),
        examples=["moderate"],
    )
    unknowns: Markdown | None = Field(
        None,
        description="What we don't know yet. Expected whenever the evidence is `limited`.",
        examples=["The study was in 8 healthy men. It did not test whether this eases pain."],
    )


class Section(StrictModel):
    """A titled part of a topic page: its claims, then practical advice."""

    id: Slug = Field(
        description="Short id for the section's address on the page (`#id`).",
        examples=["strength-and-pain"],
    )
    title: PlainText = Field(
        description="The section's heading.",
        examples=["Strength and back pain"],
    )
    claims: Annotated[list[Claim], Field(min_length=1)] = Field(
        description="The section's claims, each cited and graded. At least one.",
        examples=[
            [{"text": "Exercise helps back pain a little [@hayden2021].", "evidence": "moderate"}]
        ],
    )
    advice: list[Markdown] = Field(
        [],
        description="Practical tips that follow from the claims, one per item.",
        examples=[["Start gently and build up over a few weeks."]],
    )


class Topic(StrictModel):
    """content/benefits.yml, causes.yml and diet.yml: a page of graded claims each."""

    title: PlainText = Field(
        description="The page's heading and title in the browser tab.",
        examples=["Why strong back muscles matter"],
    )
    description: Annotated[PlainText, Field(max_length=200)] = Field(
        description="One sentence for search results and link previews (at most 200 characters).",
        examples=["What stronger back muscles can and cannot do for you, and the evidence."],
    )
    intro: Markdown = Field(
        description="A short opening paragraph.",
        examples=["Strong muscles help your back. Here is what the studies say."],
    )
    sections: Annotated[list[Section], Field(min_length=1)] = Field(
        description="The page's sections, in order. At least one.",
        examples=[
            [
                {
                    "id": "pain",
                    "title": "Back pain",
                    "claims": [{"text": "Exercise helps [@hayden2021].", "evidence": "moderate"}],
                }
            ]
        ],
    )
    review: Review = Field(
        description="Who wrote this page, who checked it, and when.",
        examples=[{"author": "editorial-team", "last_reviewed": "2026-11-20"}],
    )


class Safety(StrictModel):
    """content/safety.yml: when to stop, when to see a doctor, urgent red flags. Shown on the
    warning-signs page and on every exercise page and handout."""

    title: PlainText = Field(
        description="The warning-signs page's heading.",
        examples=["Warning signs"],
    )
    description: Annotated[PlainText, Field(max_length=200)] = Field(
        description="One sentence for search results (at most 200 characters).",
        examples=["When to stop exercising and when to get medical help for back pain."],
    )
    intro: Markdown = Field(
        description="A short opening paragraph.",
        examples=["Most back pain is not serious. A few signs need a doctor quickly."],
    )
    when_to_stop: Annotated[list[Markdown], Field(min_length=1)] = Field(
        description="Signs to stop an exercise straight away, one per item.",
        examples=[["You feel sharp or shooting pain."]],
    )
    see_doctor: Annotated[list[Markdown], Field(min_length=1)] = Field(
        description="Reasons to see a GP or physiotherapist soon, one per item.",
        examples=[["Your pain is no better after 6 weeks."]],
    )
    urgent_soon: Annotated[list[Markdown], Field(min_length=1)] = Field(
        description="Signs that need urgent advice the same day, one per item.",
        examples=[["You also have a high temperature and feel unwell."]],
    )
    emergency: Annotated[list[Markdown], Field(min_length=1)] = Field(
        description="Red flags that need emergency care now, one per item.",
        examples=[["You cannot control when you pee or poo."]],
    )
    review: Review = Field(
        description="Who wrote this page, who checked it, and when.",
        examples=[{"author": "editorial-team", "last_reviewed": "2026-11-20"}],
    )


# --- exercises ----------------------------------------------------------------------------------

Category = Literal["mobility", "core", "strength"]
Level = Literal["beginner", "intermediate", "advanced"]
BodyPosition = Literal["standing", "sitting", "kneeling", "lying", "hanging", "leaning"]
"""The body's position for most of the exercise: what the exercise finder filters on."""


class Muscle(StrictModel):
    """A muscle, in plain words first, then its medical name."""

    plain: PlainText = Field(
        description="The muscle in everyday words.",
        examples=["Buttock muscles"],
    )
    medical: PlainText = Field(
        description="Its medical name.",
        examples=["gluteus maximus"],
    )


class Muscles(StrictModel):
    """The muscles an exercise works."""

    primary: Annotated[list[Muscle], Field(min_length=1)] = Field(
        description="The muscles that do most of the work. At least one.",
        examples=[[{"plain": "Back muscles", "medical": "erector spinae"}]],
    )
    secondary: list[Muscle] = Field(
        [],
        description="Muscles that help or hold you steady.",
        examples=[[{"plain": "Deep back muscles", "medical": "multifidus"}]],
    )


class Dose(StrictModel):
    """How much to do: give at least one of `reps`, `hold_seconds`, `duration_seconds` or
    `distance_metres`."""

    sets: Annotated[int, Field(ge=1, le=10)] | None = Field(
        None,
        description="How many rounds (1-10).",
        examples=[2],
    )
    reps: Annotated[int, Field(ge=1, le=100)] | None = Field(
        None,
        description="Repetitions in each set (1-100).",
        examples=[8],
    )
    hold_seconds: Annotated[int, Field(ge=1, le=300)] | None = Field(
        None,
        description="How long to hold each repetition or position, in seconds (1-300).",
        examples=[5],
    )
    duration_seconds: Annotated[int, Field(ge=1, le=1800)] | None = Field(
        None,
        description="How long each set lasts, in seconds (1-1800), for timed exercises.",
        examples=[30],
    )
    distance_metres: Annotated[int, Field(ge=1, le=1000)] | None = Field(
        None,
        description="How far to walk or carry, in metres (1-1000).",
        examples=[20],
    )
    breaths: Annotated[int, Field(ge=1, le=30)] | None = Field(
        None,
        description="How many slow breaths to hold a position for (1-30).",
        examples=[5],
    )
    per_side: bool = Field(
        False,
        description="`true` if the dose is for each side (left and right).",
        examples=[True],
    )
    rest_seconds: Annotated[int, Field(ge=0, le=600)] | None = Field(
        None,
        description="Rest between sets, in seconds (0-600).",
        examples=[45],
    )
    tempo: PlainText | None = Field(
        None,
        description="How fast to move, in plain words.",
        examples=["Slowly: 3 seconds down, 1 second up"],
    )
    load: PlainText | None = Field(
        None,
        description="How heavy a weight or band to use, in plain words.",
        examples=["A weight you could lift 12 times, doing 8"],
    )

    @model_validator(mode="after")
    def _has_an_amount(self) -> Dose:
        if not any((self.reps, self.hold_seconds, self.duration_seconds, self.distance_metres)):
            raise ValueError(
                "give at least one of 'reps', 'hold_seconds', 'duration_seconds' "
                "or 'distance_metres'"
            )
        return self


class Frequency(StrictModel):
    """How often, and for how long, to do an exercise or routine."""

    days_per_week: Annotated[int, Field(ge=1, le=7)] = Field(
        description="Sessions a week (1-7).",
        examples=[3],
    )
    weeks: Annotated[int, Field(ge=1, le=52)] | None = Field(
        None,
        description="For how many weeks to keep going (1-52).",
        examples=[8],
    )
    note: Markdown | None = Field(
        None,
        description="A short note on timing, such as rest days.",
        examples=["Leave a day between sessions if your muscles feel tired."],
    )


class Image(StrictModel):
    """A photo or drawing of the exercise, with its alt text and licence."""

    src: Annotated[str, Field(pattern=r"^[A-Za-z0-9_./-]+\.(png|jpe?g|svg|webp)$")] = Field(
        description="The image file under docs/, ending in .png, .jpg, .svg or .webp.",
        examples=["assets/exercises/bird-dog.png"],
    )
    alt: PlainText = Field(
        description="What the image shows, for readers who cannot see it.",
        examples=["A person on all fours reaching one arm forward and the other leg back."],
    )
    licence: PlainText = Field(
        description="The licence the image is used under.",
        examples=["CC BY 4.0"],
    )
    author: PlainText = Field(
        description="Who made the image.",
        examples=["Sam Example"],
    )
    source: HttpUrl = Field(
        description="Where the image came from.",
        examples=["https://commons.wikimedia.org/wiki/File:Example.png"],
    )


class Exercise(StrictModel):
    """content/exercises/<id>.yml: one exercise, its page and its one-page PDF."""

    id: Slug = Field(
        description=(
            "Lower-case words joined by hyphens, the same as the file name. It becomes the "
            "address of the page (/exercises/<id>/) and how routines name the exercise."
        ),
        examples=["bird-dog"],
    )
    name: PlainText = Field(
        description="The exercise's usual name, as the page title.",
        examples=["Bird dog"],
    )
    other_names: list[PlainText] = Field(
        [],
        description="Other names readers may know it by; search finds them too.",
        examples=[["Quadruped arm and leg raise"]],
    )
    purpose: Markdown = Field(
        description="One or two sentences on what the exercise is for.",
        examples=["A kneeling exercise that trains your back and tummy to keep your spine steady."],
    )
    category: Category = Field(
        description="What kind of exercise it is: `mobility`, `core` or `strength`.",
        examples=["core"],
    )
    level: Level = Field(
        description="Who it suits: `beginner`, `intermediate` or `advanced`.",
        examples=["beginner"],
    )
    body_position: BodyPosition | None = Field(
        default=None,
        description=(
            "The body's position for most of the exercise: standing, sitting, kneeling (on all "
            "fours or on one knee), lying (on the back, front or side), hanging (from a bar, or "
            "under one) or leaning (on a pad or support). The exercise finder filters on it."
        ),
        examples=["kneeling"],
    )
    equipment: Annotated[list[PlainText], Field(min_length=1)] = Field(
        description="What you need, one item each; write `None` if nothing.",
        examples=[["Exercise mat"]],
    )
    muscles: Muscles = Field(
        description="The muscles it works: `primary:` and `secondary:` lists.",
        examples=[{"primary": [{"plain": "Back muscles", "medical": "erector spinae"}]}],
    )
    start_position: Markdown = Field(
        description="How to get into the starting position, in one or two short sentences.",
        examples=["Kneel on all fours. Put your hands under your shoulders."],
    )
    steps: Annotated[list[Markdown], Field(min_length=2)] = Field(
        description="What to do, one action per step, in order. At least two.",
        examples=[["Slide one leg back.", "Reach the opposite arm forward."]],
    )
    dose: Dose = Field(
        description="How much to do: sets, reps, holds, rest.",
        examples=[{"sets": 2, "reps": 6, "hold_seconds": 5, "per_side": True}],
    )
    frequency: Frequency = Field(
        description="How often to do it, and for how many weeks.",
        examples=[{"days_per_week": 3, "weeks": 8}],
    )
    poses: Poses | None = Field(
        default=None,
        description="Key positions drawn as figures (start, end, any between): joint angles of "
        "a standard adult, props and contacts. See the README's 'Exercise figures'.",
        examples=[{"start": {"lean": 72}, "end": {"lean": 72, "left": {"shoulder": 160}}}],
    )
    regressions: list[ExerciseId] = Field(
        [],
        description="Ids of easier exercises to try first.",
        examples=[["cat-camel"]],
    )
    progressions: list[ExerciseId] = Field(
        [],
        description="Ids of harder exercises to move on to.",
        examples=[["side-plank"]],
    )
    cautions: Annotated[list[Markdown], Field(min_length=1)] = Field(
        description="Who should take care or ask first, and how to make it easier.",
        examples=[["Check with your doctor first if you have had recent back surgery."]],
    )
    normal: Annotated[list[Markdown], Field(min_length=1)] = Field(
        description="What is normal to feel, so readers are not worried by it.",
        examples=[["Your back and buttock muscles working."]],
    )
    stop_if: Annotated[list[Markdown], Field(min_length=1)] = Field(
        description="Signs to stop straight away.",
        examples=[["You feel sharp or shooting pain in your back."]],
    )
    claims: Annotated[list[Claim], Field(min_length=1)] = Field(
        description="What the evidence says about this exercise, each claim cited and graded.",
        examples=[
            [{"text": "Exercise helps back pain a little [@hayden2021].", "evidence": "moderate"}]
        ],
    )
    image: Image | None = Field(
        None,
        description="A photo or drawing, with alt text, licence, author and source (optional).",
        examples=[
            {
                "src": "assets/exercises/bird-dog.png",
                "alt": "A person on all fours reaching one arm forward.",
                "licence": "CC BY 4.0",
                "author": "Sam Example",
                "source": "https://commons.wikimedia.org/wiki/File:Example.png",
            }
        ],
    )
    review: Review = Field(
        description="Who wrote this page, who checked it, and when.",
        examples=[{"author": "editorial-team", "last_reviewed": "2026-11-20"}],
    )

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
    """One exercise in a routine."""

    exercise: ExerciseId = Field(
        description="The id of an exercise under content/exercises/.",
        examples=["bird-dog"],
    )
    dose: Dose | None = Field(
        None,
        description="A dose for this routine only; leave out to use the exercise's own dose.",
        examples=[{"sets": 1, "reps": 5}],
    )
    blank_dose: bool = Field(
        False,
        description="`true` prints blank lines for a clinician to fill in instead of a dose.",
        examples=[True],
    )
    note: Markdown | None = Field(
        None,
        description="A tip for this exercise in this routine.",
        examples=["Keep breathing normally while you hold."],
    )


class Handout(StrictModel):
    """content/handouts/<id>.yml: a printable routine, its page and its one- or two-page PDF."""

    id: Slug = Field(
        description="Lower-case words joined by hyphens, the same as the file name.",
        examples=["gentle-start"],
    )
    title: PlainText = Field(
        description="The routine's title on the page and the handout.",
        examples=["Gentle start for an aching back"],
    )
    description: Annotated[PlainText, Field(max_length=200)] = Field(
        description="One sentence for search results and the routines list (up to 200 characters).",
        examples=["Six gentle moves to ease a stiff lower back. About 10 to 15 minutes."],
    )
    purpose: Markdown = Field(
        description="What the routine is for and who it may help.",
        examples=["Slow, gentle movements to help a stiff lower back move more freely."],
    )
    audience: PlainText = Field(
        description="Who the routine is written for.",
        examples=["Adults with everyday low back pain or stiffness"],
    )
    frequency: Frequency = Field(
        description="How often to do the routine, and for how many weeks.",
        examples=[{"days_per_week": 3, "weeks": 6}],
    )
    exercises: Annotated[list[HandoutItem], Field(min_length=1, max_length=10)] = Field(
        description="The exercises, in the order to do them (1 to 10).",
        examples=[[{"exercise": "knee-rolls"}, {"exercise": "pelvic-tilt"}]],
    )
    notes: list[Markdown] = Field(
        [],
        description="Tips for the whole routine, one per item.",
        examples=[["Move slowly and stay within a comfortable range."]],
    )
    supervision: Markdown | None = Field(
        None,
        description="When to do this routine only with a professional's guidance.",
        examples=["Learn the lifts from a qualified trainer before adding weight."],
    )
    claims: list[Claim] = Field(
        [],
        description="What the evidence says about this routine, each claim cited and graded.",
        examples=[
            [{"text": "Exercise helps back pain a little [@hayden2021].", "evidence": "moderate"}]
        ],
    )
    review: Review = Field(
        description="Who wrote this routine, who checked it, and when.",
        examples=[{"author": "editorial-team", "last_reviewed": "2026-11-20"}],
    )


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
    """One source. Give at least one of `doi`, `pmid`, `pmcid` or `url`, copied from the
    source itself: never invent an identifier."""

    key: Annotated[str, Field(pattern=r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$")] = Field(
        description="The key that text cites as `[@key]`: lower case, usually author and year.",
        examples=["hayden2021"],
    )
    type: ReferenceType = Field(
        description=(
            "What kind of source it is. Only a `guideline`, `systematic_review` or `rct` may "
            "back words like 'reduces'; `cohort`, `cross_sectional` and `systematic_analysis` "
            "support 'linked with' only."
        ),
        examples=["systematic_review"],
    )
    observational: bool = Field(
        False,
        description=(
            "`true` for a review that pools observational studies: it supports 'linked with' only."
        ),
        examples=[True],
    )
    authors: Annotated[list[PlainText], Field(min_length=1)] = Field(
        description="Authors as in the source (surname and initials), or the organisation.",
        examples=[["Hayden JA", "Ellis J", "Ogilvie R"]],
    )
    title: PlainText = Field(
        description="The title, exactly as published.",
        examples=["Exercise therapy for chronic low back pain"],
    )
    journal: PlainText | None = Field(
        None,
        description="The journal, for articles.",
        examples=["Cochrane Database of Systematic Reviews"],
    )
    publisher: PlainText | None = Field(
        None,
        description="The publisher or organisation, for guidelines, books and web pages.",
        examples=["National Institute for Health and Care Excellence"],
    )
    year: Annotated[int, Field(ge=1900, le=2100)] | None = Field(
        None,
        description="The year of publication.",
        examples=[2021],
    )
    volume: str | None = Field(
        None,
        description="The journal volume, in quotes.",
        examples=["9"],
    )
    issue: str | None = Field(
        None,
        description="The journal issue, in quotes.",
        examples=["4"],
    )
    pages: str | None = Field(
        None,
        description="Page range or article number, in quotes.",
        examples=["CD009790"],
    )
    doi: Doi | None = Field(
        None,
        description="The DOI, starting with 10. (without https://doi.org/).",
        examples=["10.1002/14651858.CD009790.pub2"],
    )
    pmid: Pmid | None = Field(
        None,
        description="The PubMed id: digits only.",
        examples=["34580864"],
    )
    pmcid: Pmcid | None = Field(
        None,
        description="The PubMed Central id, starting with PMC.",
        examples=["PMC8477273"],
    )
    url: HttpUrl | None = Field(
        None,
        description="The web address, for guidelines and web pages.",
        examples=["https://www.nice.org.uk/guidance/ng59"],
    )
    isbn: str | None = Field(
        None,
        description="The ISBN, for books.",
        examples=["978-0-7360-6692-9"],
    )
    updated: date | None = Field(
        None,
        description="When a web page or guideline was last updated, as YYYY-MM-DD.",
        examples=["2020-12-11"],
    )
    checked: Literal["full", "partial", "unverified"] = Field(
        description=(
            "How far the details were checked against the source: `full`, `partial` or "
            "`unverified` (anything you add without checking)."
        ),
        examples=["full"],
    )
    supports: PlainText = Field(
        description="What this source supports, in a sentence or two, for editors.",
        examples=["Exercise therapy modestly reduces pain in chronic low back pain."],
    )

    @model_validator(mode="after")
    def _has_an_identifier(self) -> Reference:
        if not any((self.doi, self.pmid, self.pmcid, self.url)):
            raise ValueError("a reference needs at least one of 'doi', 'pmid', 'pmcid' or 'url'")
        return self

    @property
    def is_observational(self) -> bool:
        return self.observational or self.type in OBSERVATIONAL_TYPES


class References(StrictModel):
    """content/references.yml: the bibliography, the one place citation keys are defined."""

    references: Annotated[list[Reference], Field(min_length=1)] = Field(
        description="Every source the site cites.",
        examples=[
            [
                {
                    "key": "nice-ng59",
                    "type": "guideline",
                    "authors": ["National Institute for Health and Care Excellence"],
                    "title": "Low back pain and sciatica in over 16s",
                    "url": "https://www.nice.org.uk/guidance/ng59",
                    "checked": "full",
                    "supports": "Exercise is recommended for low back pain.",
                }
            ]
        ],
    )


# --- hand-written pages -------------------------------------------------------------------------


class DocMeta(StrictModel):
    """Front matter of a hand-written page under docs/ (between `---` lines at the top)."""

    title: PlainText | None = Field(
        None,
        description="The page title, if it differs from the first heading.",
        examples=["Disclaimer"],
    )
    description: Annotated[PlainText, Field(max_length=200)] | None = Field(
        None,
        description="One sentence for search results (at most 200 characters).",
        examples=["This site is education, not medical advice."],
    )
    review: Review | None = Field(
        None,
        description="Who wrote this page, who checked it, and when; else site.yml's review.",
        examples=[{"author": "editorial-team", "last_reviewed": "2026-11-20"}],
    )
    hide: list[Literal["navigation", "toc", "footer", "path", "tags", "feedback"]] = Field(
        [],
        description="Parts of Material's layout to hide on this page.",
        examples=[["toc"]],
    )
    search: dict[str, Any] | None = Field(
        None,
        description="Material's search settings for this page, such as `exclude: true`.",
        examples=[{"boost": 2}],
    )
    template: str | None = Field(
        None,
        description="A template under overrides/ to render this page with.",
        examples=["home.html"],
    )
    icon: str | None = Field(
        None,
        description="A Material icon shown next to the page title.",
        examples=["material/home"],
    )
    tags: list[PlainText] = Field(
        [],
        description="Tags for this page on the Browse by tag page.",
        examples=[["safety"]],
    )


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
    positions: SourceMap = field(default_factory=SourceMap, compare=False, repr=False)
    """Every file's text and the position of every value, as the loader read them once."""
