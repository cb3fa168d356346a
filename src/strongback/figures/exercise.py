"""An exercise's figures for the web page, the index, handouts and PDFs.

The Jinja globals registered in `templating.py` call these; the HTML around the SVG lives in
`templates/figures/`.
"""

from __future__ import annotations

from markupsafe import Markup

from strongback.figures.drawing import Drawing, render
from strongback.figures.store import DrawingStore
from strongback.figures.svg import PRINT, SCREEN, Palette
from strongback.model import Exercise
from strongback.text import plain_text

PALETTES = {"screen": SCREEN, "print": PRINT}

_DRAWN: dict[
    tuple[str, str, tuple[str, ...], bool, str, tuple[tuple[str, str], ...]], tuple[Drawing, ...]
] = {}
"""Drawings by everything they are made from: the web page, the finder card and the PDFs of
one exercise share them within a build (and `mkdocs serve` across rebuilds)."""


def drawings(
    exercise: Exercise, palette: str = "screen", store: DrawingStore | None = None
) -> list[Drawing]:
    """Every figure of the exercise (none if it has no `poses`). `store`: a published build's
    drawings, kept for the next build (`figures.store`)."""
    if exercise.poses is None:
        return []
    descriptions = _descriptions(exercise)
    is_held = held(exercise)
    muscles = tuple((m.plain, m.medical) for m in exercise.muscles.primary)
    key = (exercise.name, exercise.poses.model_dump_json(), descriptions, is_held, palette, muscles)
    found = _DRAWN.get(key)
    stored = DrawingStore.key(key) if store is not None else ""
    if found is None and store is not None:
        found = store.get(stored)
    if found is None:
        # The poses were validated (contacts solved) when the content was loaded: draw them
        # as they are rather than validating a copy again.
        chosen: Palette = PALETTES[palette]
        found = tuple(
            render(
                exercise.name,
                exercise.poses,
                list(descriptions),
                held=is_held,
                palette=chosen,
                muscles=muscles,
            )
        )
        if len(_DRAWN) >= 4096:  # an exercise has up to 3 (screen, print, changed poses)
            _DRAWN.clear()
        _DRAWN[key] = found
    if store is not None:
        store.put(stored, found)
    return list(found)


def _descriptions(exercise: Exercise) -> tuple[str, ...]:
    assert exercise.poses is not None
    texts = []
    for key, pose in exercise.poses.sequence():
        if pose.step is not None:
            texts.append(plain_text(exercise.steps[pose.step - 1]))
        elif key == "start":
            texts.append(plain_text(exercise.start_position))
        else:
            texts.append(" ".join(plain_text(step) for step in exercise.steps))
    return tuple(texts)


def held(exercise: Exercise) -> bool:
    dose = exercise.dose
    return bool(dose.hold_seconds or dose.duration_seconds) and not dose.distance_metres


def svg_markup(drawing: Drawing) -> Markup:
    """The figure for a web page, safe to put in a template: every text in it is escaped when it
    is made, and the site's stylesheet paints it."""
    return Markup(drawing.web)


def data_uri(drawing: Drawing) -> str:
    """The SVG as a data URI, for <img> in PDFs (WeasyPrint fetches nothing else)."""
    from base64 import b64encode

    return "data:image/svg+xml;base64," + b64encode(drawing.svg.encode()).decode("ascii")
