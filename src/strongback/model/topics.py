"""Graded claims, and the topic and warning-signs pages made of them."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from strongback.model.fields import (
    KEY_POINTS_DESCRIPTION,
    KeyPoints,
    Markdown,
    PlainText,
    Slug,
    StrictModel,
)
from strongback.model.people import Review

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
    key_points: KeyPoints = Field(
        description=KEY_POINTS_DESCRIPTION,
        examples=[
            [
                "Regular exercise eases long-term back pain a little.",
                "Pick exercises you will keep doing.",
            ]
        ],
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
    key_points: KeyPoints = Field(
        description=KEY_POINTS_DESCRIPTION,
        examples=[
            ["Most back pain is not serious.", "A few signs need help the same day, or now."]
        ],
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
