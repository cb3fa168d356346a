"""The exercise finder: one card per exercise and the filters it offers (level, equipment, type,
body position), derived from the exercise data. `pages.py` hands the cards to the
exercise index template; `docs/js/finder.js` filters them in the browser by their data-* values.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from strongback.model import Exercise
from strongback.model.equipment import EQUIPMENT, GROUPS
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
    """The finder's group of a known item of equipment (`model.equipment`)."""
    group = EQUIPMENT[item]
    return Option(group, GROUPS[group])


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
    levels = {c.exercise.level for c in items}
    types = {c.exercise.category for c in items}
    equipment = {option.value for c in items for option in c.equipment}
    positions = {c.position for c in items if c.position}
    return [
        Filter("level", "Level", [Option(k, v) for k, v in LEVELS.items() if k in levels]),
        Filter(
            "equipment", "Equipment", [Option(k, v) for k, v in GROUPS.items() if k in equipment]
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
