"""Between two figures in a row: what must stay where it is (an error at the later figure,
like a contact the body does not reach).

A wall stays where it is: two figures in a row are lined up on the parts planted in both (on
the floor, a bench, a chair, a step or a bar), as they are drawn, and a wall that then moves
more than `MOVE_CM` between them is an error (the feet stood at the wall in one and a step
forward in the other). Planted parts themselves are measured (`planted_moved`) but not yet an
error: five shipped exercises were re-posed to keep them within `MOVE_CM` (cat-camel, glute
bridge, single-leg bridge, hip-flexor stretch, inverted row); press-up on elbows still moves its
elbows and hands 19 cm (its start draws the arms overhead while its words put the elbows under
the shoulders; no small change of angles found keeps them in place with the forehead down).
"""

from __future__ import annotations

import math

from strongback.figures import fit
from strongback.figures.drawing import _anchor_x, _planted
from strongback.figures.kinematics import solved
from strongback.figures.svg import View
from strongback.model.pose import Pose

MOVE_CM = 5.0
"""How far a wall may move between two figures in a row."""


def moved_problems(before: Pose, after: Pose, name: str) -> list[str]:
    """A wall that moves more than `MOVE_CM` between two figures in a row (`name`: the earlier
    one, 'start') once they are lined up as they are drawn, on the parts planted in both (the
    feet), with the change of the earlier pose that keeps it in place. Figures seen from
    different sides are not compared."""
    moved = wall_moved(before, after)
    if moved is None or moved <= MOVE_CM:
        return []
    return [
        f"the wall moves {moved:.0f} cm between {name} and here: the parts that rest in place "
        "(the feet) stand further from it in one of them; keep them the same distance from it "
        f"({_fix(before, after, name)})"
    ]


def wall_moved(before: Pose, after: Pose) -> float | None:
    """How far (cm) the wall moves between the two figures lined up as they are drawn; None
    when there is no wall in both, they are seen from different sides, or either has an error
    of its own."""
    first, second = solved(before), solved(after)
    if first.view != second.view or first.problems or second.problems:
        return None
    view = View(first.view)
    shift = _anchor_x(before, first, after) - _anchor_x(after, second, before)
    walls = [
        (view(a.points["at"])[0], view(b.points["at"])[0])
        for a in first.props
        for b in second.props
        if a.type == b.type == "wall"
    ]
    return abs(walls[0][1] + shift - walls[0][0]) if walls else None


def _wall_kept(before: Pose, after: Pose) -> bool:
    moved = wall_moved(before, after)
    return moved is not None and moved <= MOVE_CM


def _fix(before: Pose, after: Pose, name: str) -> str:
    """The smallest change of the earlier pose's angles (and its legs') that keeps the wall in
    place, in words."""
    own = fit.angles(before)
    names = own + [
        ("both", joint) for joint in ("hip", "knee", "ankle") if ("both", joint) not in own
    ]
    change = fit.smallest_change(before, names, lambda moved: _wall_kept(moved, after))
    if change is None:
        return f"no small change of {name}'s angles does"
    return f"in {name}, set {fit.settings(change)}"


def planted_moved(before: Pose, after: Pose) -> list[tuple[str, float]]:
    """Each part planted in both figures (on the floor, a bench, a chair, a step or a bar) with
    how far (cm) it moves between them once they are lined up as they are drawn; empty when
    they are seen from different sides or either has an error of its own."""
    first, second = solved(before), solved(after)
    if first.view != second.view or first.problems or second.problems:
        return []
    view = View(first.view)
    shift = _anchor_x(before, first, after) - _anchor_x(after, second, before)
    out: list[tuple[str, float]] = []
    for part in [p for p in _planted(before) if p in _planted(after)]:
        x0, y0, _ = view(first.centre(part))
        x1, y1, _ = view(second.centre(part))
        out.append((part, math.hypot(x1 + shift - x0, y1 - y0)))
    return out
