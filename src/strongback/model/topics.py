"""Graded claims, and the topic and warning-signs pages made of them."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from strongback.model.fields import (
    KEY_POINTS_DESCRIPTION,
    ExerciseId,
    KeyPoints,
    Markdown,
    PlainText,
    RoutineId,
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
            "trials), `moderate` or `limited` (few or small studies, or expert advice). "
            "`strong` needs a cited guideline or systematic review of trials; a claim resting "
            "only on narrative reviews, single trials, observational studies, lab studies, "
            "expert opinion or web pages is at most `moderate` (`strongback check` says so)."
        ),
        examples=["moderate"],
    )
    unknowns: Markdown | None = Field(
        None,
        description="What we don't know yet. Expected whenever the evidence is `limited`.",
        examples=["The study was in 8 healthy men. It did not test whether this eases pain."],
    )


class FrequencyChart(StrictModel):
    """A natural frequency drawn as icons: `count` of every `out_of` things (falls, people)."""

    count: Annotated[int, Field(ge=0)] = Field(
        description="How many of the icons to mark: the 'about 23' of 'about 23 in every 100'.",
        examples=[23],
    )
    out_of: Literal[10, 100] = Field(
        100,
        description="How many icons to draw: 100 (a 10 by 10 grid) or 10 (one row).",
        examples=[100],
    )
    icon: Literal["person", "fall"] = Field(
        "person",
        description="What each icon stands for: `person`, or `fall` (one fall).",
        examples=["fall"],
    )
    caption: Markdown = Field(
        description=(
            "What the picture shows, in words: its title and its text alternative. Cite the "
            "source as `[@key]`."
        ),
        examples=["For every 100 falls, about 23 fewer with balance exercise [@sherrington2019]."],
    )

    @model_validator(mode="after")
    def _count_fits(self) -> FrequencyChart:
        if self.count > self.out_of:
            raise ValueError(f"count {self.count} is more than out_of {self.out_of}")
        return self


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
    chart: FrequencyChart | None = Field(
        None,
        description=(
            "A natural frequency from the claims, drawn as icons under them (optional): "
            "'about 23 in every 100' as 100 icons with 23 marked."
        ),
        examples=[{"count": 23, "out_of": 100, "icon": "fall", "caption": "…"}],
    )
    exercise_links: list[ExerciseId] = Field(
        [],
        description="Ids of exercises that serve this benefit: linked, with a small figure.",
        examples=[["bird-dog", "side-plank-knees"]],
    )
    routine_links: list[RoutineId] = Field(
        [],
        description="Ids of routines (content/handouts/) that serve this benefit: linked.",
        examples=[["home-strength"]],
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
    plan: list[Markdown] = Field(
        [],
        description=(
            "A short weekly plan to tick off, one step per item, at the end of the page with "
            "links to the routines and the exercise finder (optional)."
        ),
        examples=[["Do strength exercises on 2 or more days this week [@who2020-activity]."]],
    )
    review: Review = Field(
        description="Who wrote this page, who checked it, and when.",
        examples=[{"author": "editorial-team", "last_reviewed": "2026-11-20"}],
    )


class WhatToDo(StrictModel):
    """What to do at each level of the warning signs, drawn as the "what to do" chart."""

    emergency: Markdown = Field(
        description="What to do now for an emergency sign, in a few words.",
        examples=["Call your emergency number or go to A&E now."],
    )
    urgent_soon: Markdown = Field(
        description="What to do for an urgent sign.",
        examples=["Get a GP appointment the same day, or call your urgent advice line."],
    )
    see_doctor: Markdown = Field(
        description="What to do when pain is not settling.",
        examples=["See a GP or physiotherapist soon."],
    )
    keep_moving: Markdown = Field(
        description="What to do with mild, settling aches: the everyday case.",
        examples=["Keep moving and build up slowly."],
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
    what_to_do: WhatToDo = Field(
        description=(
            "What to do at each level, from emergency to keep moving: the words of the "
            "colour-coded chart at the top of the warning-signs page and of its printable card."
        ),
        examples=[
            {
                "emergency": "Call your emergency number now.",
                "urgent_soon": "Get advice the same day.",
                "see_doctor": "See a GP soon.",
                "keep_moving": "Keep moving.",
            }
        ],
    )
    review: Review = Field(
        description="Who wrote this page, who checked it, and when.",
        examples=[{"author": "editorial-team", "last_reviewed": "2026-11-20"}],
    )
