"""Every solved figure as data, for review by people and programs: `strongback figures --json`.

For each exercise and pose: the view and the 2D position of named landmarks in body heights
(y up, the floor at 0), in the coordinates the exercise's figures share (a part that stays put
from one figure to the next has the same position in both), the figure's box in the same
coordinates, and the muscles shaded on it (in plain words; `muscles_behind` are those drawn
dashed, on the far side of the body in that view).
"""

from __future__ import annotations

from typing import Any

from strongback.figures.drawing import captions, frame, solved
from strongback.figures.exercise import drawings, held
from strongback.figures.svg import CM, View
from strongback.model import Content, Exercise

UNITS = (
    "body heights (a standing adult is 1.0 tall); x to the right and y up as drawn, the floor at "
    "y = 0; the figures of one exercise share their coordinates"
)


def _round(value: float) -> float:
    return round(value, 4) + 0.0


def exercise_data(exercise: Exercise) -> dict[str, Any]:
    """One exercise's figures as data (no figures: an empty list)."""
    figures: list[dict[str, Any]] = []
    if exercise.poses is not None:
        items = solved(exercise.poses)
        x0, y0, x1, y1 = frame(items)
        labels = captions(exercise.poses, held(exercise))
        drawn = drawings(exercise)
        for (key, _), (_, figure, shift), caption, drawing in zip(
            exercise.poses.sequence(), items, labels, drawn, strict=True
        ):
            view = View(figure.view)
            points = {}
            for name, point in sorted(figure.joints().items()):
                x, y, _ = view(point)
                points[name] = [_round((x + shift) / CM), _round(y / CM)]
            figures.append(
                {
                    "pose": key,
                    "caption": caption,
                    "view": figure.view,
                    "landmarks": points,
                    "box": [_round(v / CM) for v in (x0, y0, x1, y1)],
                    "shift": _round(shift / CM),
                    "muscles": list(drawing.works),
                    "muscles_behind": list(drawing.behind),
                }
            )
    return {"id": exercise.id, "name": exercise.name, "figures": figures}


def figures_data(content: Content) -> dict[str, Any]:
    """Every exercise's figures as data: the document `strongback figures --json` writes."""
    return {
        "units": UNITS,
        "exercises": [exercise_data(exercise) for exercise in content.exercises.values()],
    }
