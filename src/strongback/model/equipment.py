"""The equipment an exercise may list, each with the finder's group for it: the one place to add
a new kind of equipment.

An exercise's `equipment:` names items from `EQUIPMENT`, spelt as here; anything else is an
error with the nearest known item ("did you mean 'Exercise mat'?"), so a typing slip cannot add
a new filter to the exercise finder. To add a new kind, add one line below: the item as readers
should see it, and the finder group it belongs to (a group of `GROUPS`, or a new group added
there too, which then shows in the finder's equipment menu).
"""

from __future__ import annotations

import difflib
from typing import Annotated

from pydantic import AfterValidator

from strongback.model.fields import PlainText

GROUPS: dict[str, str] = {
    "none": "None",
    "mat": "Mat",
    "weights": "Weights",
    "band": "Resistance band",
    "bar": "Bar",
    "machine": "Gym machine",
    "bench": "Bench",
    "household": "Stick or broom",
    "furniture": "Chair or wall",
}
"""The finder's equipment menu: group value -> label, in menu order."""

EQUIPMENT: dict[str, str] = {
    "None": "none",
    "Exercise mat": "mat",
    "Dumbbell": "weights",
    "Kettlebell": "weights",
    "Barbell": "weights",
    "Weight plate": "weights",
    "Resistance band": "band",
    "Pull-up bar": "bar",
    "Sturdy bar or table": "bar",
    "Cable machine": "machine",
    "Back extension bench": "machine",
    "Bench": "bench",
    "Dowel or broom handle": "household",
    "Sturdy chair": "furniture",
    "Wall": "furniture",
}
"""Every item an exercise may list -> its finder group (a key of `GROUPS`)."""


def known_equipment(item: str) -> str:
    """`item` if it is a known kind; raises ValueError naming the nearest known items."""
    if item in EQUIPMENT:
        return item
    by_case = {name.lower(): name for name in EQUIPMENT}
    if item.lower() in by_case:
        raise ValueError(f"write {by_case[item.lower()]!r}, spelt as in the list of equipment")
    close = difflib.get_close_matches(item, list(EQUIPMENT), n=2, cutoff=0.5)
    if not close:  # 'Yoga mat': a known item with a word in common
        words = set(item.lower().split())
        close = [name for name in EQUIPMENT if words & set(name.lower().split())][:2]
    hint = f" (did you mean {' or '.join(repr(c) for c in close)}?)" if close else ""
    raise ValueError(
        f"unknown equipment {item!r}{hint}. The known items are {', '.join(EQUIPMENT)}. To add "
        "a new kind, add it with its finder group to EQUIPMENT in src/strongback/model/equipment.py"
    )


Equipment = Annotated[PlainText, AfterValidator(known_equipment)]
"""One item of an exercise's `equipment:` list."""
