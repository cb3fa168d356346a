"""content/handouts/<id>.yml: a routine of exercises, its page and its PDF."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from strongback.model.dose import Dose, Frequency
from strongback.model.fields import (
    KEY_POINTS_DESCRIPTION,
    ExerciseId,
    KeyPoints,
    Markdown,
    PlainText,
    Slug,
    StrictModel,
)
from strongback.model.people import Review
from strongback.model.topics import Claim


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
    key_points: KeyPoints = Field(
        description=KEY_POINTS_DESCRIPTION,
        examples=[["Six gentle moves, about 10 minutes a day.", "Stop if you feel sharp pain."]],
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
