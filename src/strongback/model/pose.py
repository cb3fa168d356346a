"""The `poses:` block of an exercise file: key positions as joint angles, props and contacts.

Validated like every other field: an angle outside its joint's range, an unknown joint, body
part or prop, a missing start or end, and a declared contact the geometry does not reach are
all errors at the pose's file:line:col. A pose is data here: the contact check is the figures'
(`kinematics.contact_problems`), passed by the loader in the validation context (`POSE_CHECK`).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationInfo,
    field_validator,
    model_validator,
)

from strongback.load.suggest import did_you_mean
from strongback.model.joints import LUMBAR_SHARE, RANGES, spine_problems
from strongback.model.parts import Part

POSE_CHECK = "pose_problems"
"""Validation-context key: a function from a `Pose` to its contact problems, each a message."""
MOVE_CHECK = "pose_moves"
"""Validation-context key: a function (earlier pose, later pose, the earlier one's name) -> the
problems of parts that should stay put between them, each a message."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def _in_range(joint: str) -> AfterValidator:
    allowed = RANGES[joint]

    def check(value: float | None) -> float | None:
        if value is not None and not allowed.low <= value <= allowed.high:
            raise ValueError(f"{joint} angle {value:g}° is outside its range, {allowed.describe()}")
        return value

    return AfterValidator(check)


def _angle(joint: str, description: str, example: float) -> Any:
    allowed = RANGES[joint]
    return Field(
        default=None,
        description=f"{description} Degrees, {allowed.describe()}; source: {allowed.source}.",
        examples=[example],
        json_schema_extra={"minimum": allowed.low, "maximum": allowed.high},
    )


PROP_TYPES = {
    "mat": "an exercise mat on the floor, under the body",
    "wall": "a wall behind the parts that touch it",
    "chair": "a chair whose seat carries the parts that touch it (seat 45 cm high)",
    "bench": "a flat bench under the parts that touch it (45 cm high)",
    "step": "a step or box under the parts that touch it (20 cm high)",
    "kettlebell": "a kettlebell held in the hands that touch it, or on the floor",
    "dumbbell": "a dumbbell held in each hand that touches it",
    "barbell": "a barbell held in the hands that touch it",
    "band": "a resistance band from the parts that hold it to its anchor",
    "bar": "a fixed bar (pull-up bar, or a low bar for rows) held by the hands",
    "cable": "a cable machine's handle or bar, held by the hands, with its cable to a pulley",
    "stick": "a stick or broom handle laid along the back",
    "extension_bench": "a 45-degree back extension bench: hip pad and foot plate",
}


def _known_prop(value: str) -> str:
    if value not in PROP_TYPES:
        raise ValueError(f"unknown prop {value!r}{did_you_mean(value, list(PROP_TYPES))}")
    return value


class Anchor(_Strict):
    """Where a band or cable is fixed, from the middle of the parts that hold it."""

    forward: float = Field(
        default=0,
        ge=-300,
        le=300,
        description="Centimetres in front of the hands (negative: behind).",
        examples=[80],
    )
    up: float = Field(
        default=0,
        ge=-300,
        le=300,
        description="Centimetres above the hands (negative: below).",
        examples=[0],
    )
    to_bar: bool = Field(
        default=False,
        description="The band hangs from the pose's bar instead (assisted pull-up).",
        examples=[True],
    )


class Prop(_Strict):
    """Equipment in the picture, placed from the body parts that touch it."""

    type: Annotated[
        str,
        AfterValidator(_known_prop),
        Field(
            description="What it is: "
            + "; ".join(f"`{name}`, {what}" for name, what in PROP_TYPES.items())
            + ".",
            examples=["kettlebell"],
            json_schema_extra={"enum": list(PROP_TYPES)},
        ),
    ]
    touches: list[Part] = Field(
        default=[],
        description="The body parts that touch it. The prop is drawn where they are, and each "
        "must reach it: a part more than a few centimetres away is an error.",
        examples=[["left_hand", "right_hand"]],
    )
    on_floor: bool = Field(
        default=False,
        description="A weight resting on the floor (before a lift): the hands must reach its "
        "handle.",
        examples=[True],
    )
    height: float | None = Field(
        default=None,
        ge=5,
        le=250,
        description="Height in cm of a chair seat, bench, step or bar top, when it is not the "
        "usual one.",
        examples=[45],
    )
    anchor: Anchor | None = Field(
        default=None,
        description="Band or cable: where it is fixed.",
        examples=[{"forward": 80, "up": 0}],
    )


class Side(_Strict):
    """The joint angles of one arm and one leg. Leave a joint out for 0 (standing straight)."""

    shoulder: Annotated[float | None, _in_range("shoulder")] = _angle(
        "shoulder", "Arm forward (+, flexion) or back (−, extension) from hanging by the side.", 90
    )
    shoulder_abduction: Annotated[float | None, _in_range("shoulder_abduction")] = _angle(
        "shoulder_abduction", "Arm out to the side (+, abduction) from hanging by the side.", 90
    )
    elbow: Annotated[float | None, _in_range("elbow")] = _angle(
        "elbow", "Elbow bend (flexion); 0 is straight.", 90
    )
    hip: Annotated[float | None, _in_range("hip")] = _angle(
        "hip", "Thigh forward (+, flexion) or back (−, extension) from in line with the trunk.", 90
    )
    hip_abduction: Annotated[float | None, _in_range("hip_abduction")] = _angle(
        "hip_abduction", "Leg out to the side (+, abduction) from straight down.", 20
    )
    knee: Annotated[float | None, _in_range("knee")] = _angle(
        "knee", "Knee bend (flexion); 0 is straight.", 90
    )
    ankle: Annotated[float | None, _in_range("ankle")] = _angle(
        "ankle", "Toes up (+, dorsiflexion) or pointed (−, plantarflexion) from a right angle.", 0
    )


VIEW = Literal["side", "front", "top"]


class Pose(_Strict):
    """One key position of the exercise, as joint angles of a standard adult body."""

    view: VIEW = Field(
        default="side",
        description="Where we look from: `side` (the body's right side, facing right), "
        "`front` (facing us, for sideways movements such as the side plank) or `top` (straight "
        "down, head to the left, for movements across the floor such as knee rolls).",
        examples=["side"],
    )
    caption: Annotated[str, Field(min_length=1, max_length=40)] | None = Field(
        default=None,
        description="The caption under the figure; default Start, End (or Hold for a held "
        "end position).",
        examples=["Hold"],
    )
    step: int | None = Field(
        default=None,
        ge=1,
        description="The number of the step this position shows: its text becomes the "
        "figure's description for screen readers (the start uses the starting position).",
        examples=[3],
    )
    arrow: Part | Literal["none", "belly", "pelvis", "forward"] | list[Part] | None = Field(
        default=None,
        description="The body part the movement arrow follows from the previous position "
        "(default: the part that moves most; on the start position, from the next one: the "
        "movement back, for a rocking between two positions); a list for one arrow each "
        "where two limbs move (`[left_hand, right_foot]`: a far-side limb named in an arrow "
        "is drawn in the body's tone, never the pale far one); `belly` for the tummy drawn "
        "in; `pelvis` for the pelvis "
        "tilting (the arrow follows the front of the hips); `forward` for a straight "
        "arrow ahead of the body (walking); or `none` for no arrow.",
        examples=["hips"],
    )
    arrow_both_ways: bool = Field(
        default=False,
        description="A head at each end of the arrow: the movement goes there and back (lower, "
        "then lift).",
        examples=[True],
    )
    belly: Literal["relaxed", "drawn_in"] = Field(
        default="relaxed",
        description="`drawn_in`: the lower tummy drawn gently in (a brace), the back staying "
        "where it is.",
        examples=["drawn_in"],
    )
    lean: Annotated[float | None, _in_range("lean")] = _angle(
        "lean",
        "How the whole body is placed: the trunk's lean from upright, 0 standing, 90 face "
        "down (all fours, lying on your front), -90 lying on your back.",
        90,
    )
    roll: Annotated[float | None, _in_range("roll")] = _angle(
        "roll", "Lying on a side: 90 is on the right side, -90 on the left side.", 90
    )
    off_floor: float | None = Field(
        default=None,
        ge=0,
        le=150,
        description="Centimetres between the lowest point of the body and the floor. Leave "
        "it out to rest on the floor, or to hang from a bar that has a `height`.",
        examples=[30],
    )
    neck: Annotated[float | None, _in_range("neck")] = _angle(
        "neck", "Head bent forward (+) or back (−) from in line with the chest.", 0
    )
    trunk: Annotated[float | None, _in_range("trunk")] = _angle(
        "trunk",
        "The whole spine rounded (+, flexion) or arched (−, extension); 0 is a flat back. "
        f"Spread over the spine: the lumbar spine takes {LUMBAR_SHARE:.0%} of it, the "
        "thoracic spine the rest; `lumbar` and `thoracic` add to their share.",
        20,
    )
    lumbar: Annotated[float | None, _in_range("lumbar")] = _angle(
        "lumbar",
        "The lower back (S1 to T12) rounded (+) or arched (−), added to its share of `trunk`.",
        -15,
    )
    thoracic: Annotated[float | None, _in_range("thoracic")] = _angle(
        "thoracic",
        "The upper back (T12 to C7) rounded (+) or arched (−), added to its share of `trunk`.",
        10,
    )
    pelvis: Annotated[float | None, _in_range("pelvis")] = _angle(
        "pelvis",
        "Pelvis tipped forward (+, anterior tilt: the lower back arches) or tucked under (−, "
        "posterior tilt: the lower back flattens), against the chest: the lumbar spine bends "
        "by as much the other way.",
        -10,
    )
    twist: Annotated[float | None, _in_range("twist")] = _angle(
        "twist", "Hips and legs turned about the spine (+ to the right) against the chest.", 30
    )
    both: Side = Field(
        default=Side(),
        description="Angles for both arms and legs; `left` and `right` override them.",
        examples=[{"shoulder": 90, "hip": 90, "knee": 90}],
    )
    left: Side = Field(
        default=Side(),
        description="Angles of the left arm and leg (the far side in side view).",
        examples=[{"shoulder": 180}],
    )
    right: Side = Field(
        default=Side(),
        description="Angles of the right arm and leg (the near side in side view).",
        examples=[{"hip": 0, "knee": 0}],
    )
    floor: list[Part] = Field(
        default=[],
        description="Body parts resting on the floor (or the mat). Each is checked: a part "
        "more than a few centimetres off the floor is an error.",
        examples=[["hands", "knees"]],
    )
    props: list[Prop] = Field(
        default=[],
        description="Equipment in the picture and the body parts that touch it.",
        examples=[[{"type": "mat"}]],
    )

    def angle(self, side: str, joint: str) -> float:
        """The effective angle of one joint on one side (`left` or `right`)."""
        own = getattr(getattr(self, side), joint)
        value = own if own is not None else getattr(self.both, joint)
        return float(value or 0.0)

    _solved: Any = PrivateAttr(default=None)
    """The figure `figures.kinematics.solved` keeps here (a pose is frozen); never read here."""

    def spine(self) -> tuple[float, float]:
        """The bend of the lumbar and thoracic spine (degrees, + rounding): each one's share of
        `trunk` plus its own angle; the lumbar spine also bends against the pelvis's tilt (an
        anterior tilt arches it)."""
        trunk = self.trunk or 0.0
        return (
            LUMBAR_SHARE * trunk + (self.lumbar or 0.0) - (self.pelvis or 0.0),
            (1 - LUMBAR_SHARE) * trunk + (self.thoracic or 0.0),
        )

    @model_validator(mode="after")
    def _contacts_reached(self, info: ValidationInfo) -> Pose:
        spine = spine_problems(*self.spine())
        if spine:
            raise ValueError("; ".join(spine))
        check = (info.context or {}).get(POSE_CHECK)
        problems = check(self) if check is not None else []
        if problems:
            raise ValueError("; ".join(problems))
        return self


class Poses(_Strict):
    """The exercise's key positions, drawn side by side: start, any in between, end."""

    start: Pose = Field(
        description="The starting position.",
        examples=[{"lean": 90, "both": {"shoulder": 90, "hip": 90, "knee": 90}}],
    )
    between: list[Pose] = Field(
        default=[],
        description="Positions between start and end, where the movement needs them.",
        examples=[[]],
    )
    end: Pose = Field(
        description="The end (or held) position.",
        examples=[{"lean": 90, "left": {"shoulder": 180}, "right": {"hip": 0, "knee": 0}}],
    )

    @field_validator("between", "end")
    @classmethod
    def _stays_put(cls, value: Any, info: ValidationInfo) -> Any:
        """A part planted in a pose and the one before it stays where it is (the figures'
        `plausible.moved_problems`, passed by the loader); the error is at the later pose."""
        check = (info.context or {}).get(MOVE_CHECK)
        if check is None or "start" not in info.data:
            return value
        before: list[tuple[str, Pose]] = [("start", info.data["start"])]
        if info.field_name == "end":
            if "between" not in info.data:
                return value
            before += [(f"between item {i + 1}", p) for i, p in enumerate(info.data["between"])]
            pairs = [(*before[-1], value)]
        else:
            poses = [before[0][1], *value]
            names = ["start"] + [f"between item {i + 1}" for i in range(len(value))]
            pairs = [(names[i], poses[i], poses[i + 1]) for i in range(len(value))]
        problems = [p for name, a, b in pairs for p in check(a, b, name)]
        if problems:
            raise ValueError("; ".join(problems))
        return value

    def sequence(self) -> list[tuple[str, Pose]]:
        """(key, pose) in drawing order."""
        return [
            ("start", self.start),
            *((f"between-{i + 1}", pose) for i, pose in enumerate(self.between)),
            ("end", self.end),
        ]
