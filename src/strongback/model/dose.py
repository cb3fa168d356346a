"""How much and how often: the dose and frequency of an exercise or a routine."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from strongback.model.fields import Markdown, PlainText, StrictModel


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
