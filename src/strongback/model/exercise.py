"""content/exercises/<id>.yml: an exercise, the muscles it works, its image and its poses."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from strongback.model.dose import Dose, Frequency
from strongback.model.equipment import EQUIPMENT, Equipment
from strongback.model.fields import (
    KEY_POINTS_DESCRIPTION,
    ExerciseId,
    HttpUrl,
    KeyPoints,
    Markdown,
    PlainText,
    Slug,
    StrictModel,
)
from strongback.model.people import Review
from strongback.model.pose import Poses
from strongback.model.topics import Claim

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
    key_points: KeyPoints = Field(
        description=KEY_POINTS_DESCRIPTION,
        examples=[
            [
                "Keeps your spine steady while you reach.",
                "Do 2 sets of 6 on each side, 3 days a week.",
            ]
        ],
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
    equipment: Annotated[list[Equipment], Field(min_length=1)] = Field(
        description="What you need, one item each, from the known list: "
        + ", ".join(f"`{item}`" for item in EQUIPMENT)
        + ". Write `None` if nothing. A new kind of equipment is added in one place, "
        "`src/strongback/model/equipment.py`, with the exercise finder's group for it.",
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
