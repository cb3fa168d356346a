"""The exercise finder: one card per exercise and the filters it offers (level, equipment, type,
body position), derived from the exercise data. `pages.py` hands the cards to the
exercise index template; `docs/js/finder.js` filters them in the browser by their data-* values.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from strongback.model import Exercise
from strongback.pages.session import METHOD, session_minutes

LEVELS = {"beginner": "Beginner", "intermediate": "Intermediate", "advanced": "Advanced"}

POSITIONS = {
    "standing": "Standing",
    "sitting": "Sitting",
    "kneeling": "Kneeling",
    "lying": "Lying down",
    "hanging": "Hanging from a bar",
    "leaning": "Leaning on a support",
}

EQUIPMENT_GROUPS: list[tuple[str, str, tuple[str, ...]]] = [
    # (value, label, words that put a piece of equipment in the group), in menu order.
    ("none", "None", ("none",)),
    ("mat", "Mat", ("mat",)),
    ("weights", "Weights", ("kettlebell", "dumbbell", "barbell", "weight plate")),
    ("band", "Resistance band", ("band",)),
    ("bar", "Bar", ("bar", "table")),
    ("machine", "Gym machine", ("machine", "back extension bench")),
    ("bench", "Bench", ("bench",)),
    ("household", "Stick or broom", ("dowel", "broom", "stick")),
]
"""Groups are matched in order, first match wins: 'Back extension bench' is a gym machine,
'Pull-up bar' a bar. Equipment no group knows gets a group of its own name."""


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class Card:
    exercise: Exercise
    minutes: int
    equipment: list[Option]
    position: Option | None

    @property
    def equipment_values(self) -> str:
        """Space-separated, for a data-equipment attribute."""
        return " ".join(option.value for option in self.equipment)


@dataclass(frozen=True)
class Filter:
    name: str
    """The data-* attribute and the form field: level, equipment, type, position."""
    label: str
    options: list[Option]


def equipment_group(item: str) -> Option:
    lowered = item.lower()
    for value, label, words in EQUIPMENT_GROUPS:
        if any(word in lowered for word in words):
            return Option(value, label)
    slug = "-".join("".join(c if c.isalnum() else " " for c in lowered).split())
    return Option(slug, item)


def card(exercise: Exercise) -> Card:
    groups = list(dict.fromkeys(equipment_group(item) for item in exercise.equipment))
    position = exercise.body_position
    return Card(
        exercise,
        session_minutes(exercise.dose),
        groups,
        Option(position, POSITIONS[position]) if position else None,
    )


def cards(exercises: Iterable[Exercise]) -> list[Card]:
    """Easiest first, then by name."""
    order = list(LEVELS)
    ranked = sorted(exercises, key=lambda e: (order.index(e.level), e.name.lower()))
    return [card(exercise) for exercise in ranked]


def filters(items: list[Card], categories: dict[str, str]) -> list[Filter]:
    """The menus, offering only values some card has, in a fixed order."""

    def present(options: Iterable[Option]) -> list[Option]:
        return list(dict.fromkeys(options))

    levels = {c.exercise.level for c in items}
    types = {c.exercise.category for c in items}
    equipment = {option for c in items for option in c.equipment}
    known = [Option(value, label) for value, label, _ in EQUIPMENT_GROUPS]
    positions = {c.position for c in items if c.position}
    return [
        Filter("level", "Level", [Option(k, v) for k, v in LEVELS.items() if k in levels]),
        Filter(
            "equipment",
            "Equipment",
            present(
                [o for o in known if o in equipment]
                + sorted((o for o in equipment if o not in known), key=lambda o: o.label)
            ),
        ),
        Filter("type", "Type", [Option(k, v) for k, v in categories.items() if k in types]),
        Filter(
            "position",
            "Body position",
            [Option(k, v) for k, v in POSITIONS.items() if Option(k, v) in positions],
        ),
    ]


def finder_context(exercises: Iterable[Exercise], categories: dict[str, str]) -> dict[str, Any]:
    """What the exercise index template needs: the cards, the menus and the minutes' method."""
    items = cards(exercises)
    return {"cards": items, "filters": filters(items, categories), "method": METHOD}
