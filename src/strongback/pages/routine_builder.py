"""The "Make a routine" page for clinicians: what its template shows and the exercise data its
script reads, both from the catalogue's exercises, so the page, the PDFs and the builder agree.

The data is a small script (`DATA_FILE`) that sets one global, `window.SB_ROUTINE_DATA`: a
classic script works from `file://` (the offline copy), where fetching a JSON file does not.
Only the builder page loads it (front matter `sb_builder: true`, see overrides/main.html). The
page's own script is `docs/js/routine-builder.js`; it fills the dose fields from these defaults
and never changes a dose by itself.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from strongback.model import Content, Dose, Exercise
from strongback.pages.dose_words import dose_details
from strongback.pages.finder import Card, Filter, cards, filters
from strongback.pages.lead_ins import lead_in
from strongback.text import plain_text

DATA_FILE = "js/routine-data.js"
"""Where the data script is published, relative to the site root."""

FORMAT_VERSION = 1
"""The version written at the start of a routine's address (`#r1.`); the script reads it."""


@dataclass(frozen=True)
class Range:
    label: str
    """The field's name on the page and in messages."""
    low: int
    high: int
    unit: str = ""


RANGES: dict[str, Range] = {
    "sets": Range("Sets", 1, 10),
    "reps": Range("Repetitions", 1, 50),
    "hold": Range("Hold", 1, 120, "seconds"),
    "distance": Range("Distance", 1, 100, "metres"),
    "rest": Range("Rest between sets", 0, 300, "seconds"),
    "days": Range("Days a week", 1, 7),
    "weeks": Range("Weeks", 1, 52),
}
"""The values a clinician may enter. An exercise whose own dose is above a range's top keeps
its own value as the top (`exercise_data`), so its default is never refused."""

TEXT_LIMITS = {"title": 80, "clinician": 100, "note": 200}
"""The longest title, clinician line and note, in characters."""

MAX_EXERCISES = 12
"""Most exercises one routine holds; past 6 the page warns that long routines are followed less."""

LONG_ROUTINE = 6


def dose_defaults(dose: Dose) -> dict[str, Any]:
    """The dose fields the builder lets a clinician set, from the exercise's own dose: only the
    amounts the exercise uses (reps, hold or distance), with sets, each side and rest."""
    values: dict[str, Any] = {"sets": dose.sets or 1, "side": dose.per_side}
    if dose.reps:
        values["reps"] = dose.reps
    if dose.hold_seconds or dose.duration_seconds:
        values["hold"] = dose.hold_seconds or dose.duration_seconds
    if dose.distance_metres:
        values["distance"] = dose.distance_metres
    values["rest"] = dose.rest_seconds
    return values


def exercise_data(exercise: Exercise) -> dict[str, Any]:
    """One exercise as the builder's script reads it: plain text only (the script writes every
    text with textContent), the dose defaults, and what the dose says that the clinician does
    not set (speed, weight, breaths)."""
    dose = exercise.dose
    defaults = dose_defaults(dose)
    tops = {
        name: max(RANGES[name].high, value)
        for name, value in defaults.items()
        if name in RANGES and isinstance(value, int) and not isinstance(value, bool)
    }
    # The words the clinician does not set, from dose.py as every page says them, in its order:
    # breaths, (the rest, which the page words), then speed and weight.
    breaths = dose_details(
        dose.model_copy(update={"rest_seconds": None, "tempo": None, "load": None})
    )
    fixed = dose_details(dose.model_copy(update={"breaths": None, "rest_seconds": None}))
    return {
        "name": exercise.name,
        "dose": defaults,
        "top": {name: top for name, top in tops.items() if top != RANGES[name].high},
        "breaths": breaths.strip(),
        "fixed": fixed.strip(),
        "start": plain_text(exercise.start_position),
        "steps": [plain_text(step) for step in exercise.steps],
        "cautions": [plain_text(caution) for caution in exercise.cautions],
        "stop": [plain_text(item) for item in exercise.stop_if],
        "figures": exercise.poses is not None,
    }


def builder_data(content: Content, public_address: str | None) -> dict[str, Any]:
    """Everything the builder's script needs that the page's HTML does not carry."""
    return {
        "version": FORMAT_VERSION,
        "address": public_address,
        "ranges": {
            name: {"label": r.label, "low": r.low, "high": r.high, "unit": r.unit}
            for name, r in RANGES.items()
        },
        "text": TEXT_LIMITS,
        "most": MAX_EXERCISES,
        "long": LONG_ROUTINE,
        "stopLeadIn": lead_in("exercise.stop_if"),
        "exercises": {key: exercise_data(exercise) for key, exercise in content.exercises.items()},
    }


def data_script(content: Content, public_address: str | None) -> str:
    """The data file's text: one assignment of JSON, with `<` escaped so no text can close a
    script element even if the file were ever inlined."""
    text = json.dumps(
        builder_data(content, public_address), ensure_ascii=True, separators=(",", ":")
    )
    text = text.replace("<", "\\u003c")
    return f"window.SB_ROUTINE_DATA={text};\n"


def builder_context(content: Content, categories: dict[str, str]) -> dict[str, Any]:
    """What the page template needs: the exercises as finder cards (easiest first) with the
    finder's menus, the ranges and limits the fields state, and the safety advice to print."""
    items: list[Card] = cards(content.exercises.values())
    menus: list[Filter] = filters(items, categories)
    return {
        "cards": items,
        "filters": menus,
        "ranges": RANGES,
        "text_limits": TEXT_LIMITS,
        "long_routine": LONG_ROUTINE,
        "most": MAX_EXERCISES,
        "safety": content.safety,
        "md": plain_markup,
    }


def plain_markup(markdown: str, inline: bool = False) -> Markup:
    """Markdown as escaped plain text, for the printed sheet's shared parts (the red-flags box
    of handout/_red-flags.html.jinja), which the page shows without citation marks."""
    return Markup.escape(plain_text(markdown))
