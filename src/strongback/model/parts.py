"""Body parts by name, as a pose writes them: central parts, each side's parts, both sides at
once (`hands`), and the `Part` type that validates a name."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field

from strongback.load.suggest import did_you_mean

SIDED_PARTS = (
    "shoulder",
    "upper_arm",
    "elbow",
    "forearm",
    "hand",
    "thigh",
    "knee",
    "shin",
    "foot",
    "heel",
    "toes",
)
"""Body parts each side has: write `left_hand`, `right_knee`, or `hands`, `knees` for both."""
CENTRAL_PARTS = ("head", "back", "chest", "lower_back", "hips")
BOTH_SIDES = {
    "shoulders": "shoulder",
    "upper_arms": "upper_arm",
    "elbows": "elbow",
    "forearms": "forearm",
    "hands": "hand",
    "thighs": "thigh",
    "knees": "knee",
    "shins": "shin",
    "feet": "foot",
    "heels": "heel",
    "toes": "toes",
}
PART_NAMES = (
    *CENTRAL_PARTS,
    *(f"{side}_{part}" for side in ("left", "right") for part in SIDED_PARTS),
    *BOTH_SIDES,
)


def expand_parts(names: list[str]) -> list[str]:
    """`hands` -> `left_hand`, `right_hand`; other names as they are."""
    parts: list[str] = []
    for name in names:
        if name in BOTH_SIDES:
            parts += [f"left_{BOTH_SIDES[name]}", f"right_{BOTH_SIDES[name]}"]
        else:
            parts.append(name)
    return list(dict.fromkeys(parts))


def _known_part(value: str) -> str:
    if value not in PART_NAMES:
        raise ValueError(f"unknown body part {value!r}{did_you_mean(value, PART_NAMES)}")
    return value


Part = Annotated[
    str,
    AfterValidator(_known_part),
    Field(
        description="A body part: head, back, chest, lower_back, hips; left_ or right_ with "
        f"{', '.join(SIDED_PARTS)}; or both sides at once: {', '.join(BOTH_SIDES)}.",
        examples=["left_hand", "knees"],
        json_schema_extra={"enum": list(PART_NAMES)},
    ),
]
