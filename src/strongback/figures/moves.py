"""Between two figures in a row: what must stay where it is (an error at the later figure,
like a contact the body does not reach).

Two figures in a row are lined up as they are drawn: on the parts planted in both (on the
floor, a bench, a chair, a step or a bar), on the trunk when it is one of them.

- A planted part stays where it is: a hand, knee, foot, elbow or forearm planted in both
  figures that moves more than `MOVE_CM` between them is an error (cat-camel's hands and knees
  slid 12 cm as its back rounded and sagged), with the change of the earlier pose that keeps
  it in place when a small one does.
- A wall stays where it is: a wall that moves more than `MOVE_CM` between them is an error
  (the feet stood at the wall in one and a step forward in the other).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from strongback.figures import fit
from strongback.figures.drawing import _anchor_x, _planted
from strongback.figures.kinematics import solved
from strongback.figures.svg import View
from strongback.model.parts import BOTH_SIDES as BOTH
from strongback.model.pose import Pose

MOVE_CM = 5.0
"""How far a wall may move between two figures in a row."""


def moved_problems(before: Pose, after: Pose, name: str) -> list[str]:
    """What moves more than `MOVE_CM` between two figures in a row (`name`: the earlier one,
    'start') once they are lined up as they are drawn: parts planted in both, then a wall; each
    with the change of the earlier pose that keeps it in place. Figures seen from different
    sides are not compared."""
    return _planted_problems(before, after, name) + _wall_problems(before, after, name)


def _planted_problems(before: Pose, after: Pose, name: str) -> list[str]:
    far = [(part, cm) for part, cm in planted_moved(before, after) if cm > MOVE_CM]
    if not far:
        return []
    by_cm: dict[int, list[str]] = {}
    for part, cm in far:
        by_cm.setdefault(round(cm), []).append(part)
    moves = "; ".join(f"{_they(fit.words(parts))} {cm} cm" for cm, parts in by_cm.items())
    return [
        f"{moves} between {name} and here, though planted in both: keep what rests on the "
        f"floor or a prop in one place ({_fix(before, after, name, _planted_kept)})"
    ]


def _they(words: list[str]) -> str:
    """'the hands move', 'the left hand moves'."""
    plural = len(words) > 1 or words[0].removeprefix("the ").replace(" ", "_") in (*BOTH, "hips")
    return f"{fit.join(words)} {'move' if plural else 'moves'}"


def _wall_problems(before: Pose, after: Pose, name: str) -> list[str]:
    moved = wall_moved(before, after)
    if moved is None or moved <= MOVE_CM:
        return []
    return [
        f"the wall moves {moved:.0f} cm between {name} and here: the parts that rest in place "
        "(the feet) stand further from it in one of them; keep them the same distance from it "
        f"({_fix(before, after, name, _wall_kept)})"
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


def _planted_kept(before: Pose, after: Pose) -> bool:
    moved = planted_moved(before, after)
    return bool(moved) and all(cm <= MOVE_CM for _, cm in moved)


def _fix(before: Pose, after: Pose, name: str, kept: Callable[[Pose, Pose], bool]) -> str:
    """The smallest change of the earlier pose's angles (and its legs') after which `kept`
    holds, in words."""
    own = fit.angles(before)
    names = own + [
        ("both", joint) for joint in ("hip", "knee", "ankle") if ("both", joint) not in own
    ]
    change = fit.smallest_change(before, names, lambda moved: kept(moved, after))
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
