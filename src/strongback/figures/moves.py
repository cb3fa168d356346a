"""Between two figures in a row: what must stay where it is (an error at the later figure,
like a contact the body does not reach).

A wall stays where it is: two figures in a row are lined up on the parts planted in both (on
the floor, a bench, a chair, a step or a bar), as they are drawn, and a wall that then moves
more than `MOVE_CM` between them is an error (the feet stood at the wall in one and a step
forward in the other). Planted parts themselves are not compared yet: lined up on the trunk,
six shipped exercises' hands, knees or feet move 7 to 19 cm between their figures.
"""

from __future__ import annotations

from strongback.figures.drawing import _anchor_x
from strongback.figures.kinematics import solved
from strongback.figures.svg import View
from strongback.model.pose import Pose

MOVE_CM = 5.0
"""How far a wall may move between two figures in a row."""


def moved_problems(before: Pose, after: Pose, name: str) -> list[str]:
    """A wall that moves more than `MOVE_CM` between two figures in a row (`name`: the earlier
    one, 'start') once they are lined up as they are drawn, on the parts planted in both (the
    feet). Figures seen from different sides are not compared."""
    first, second = solved(before), solved(after)
    if first.view != second.view or first.problems or second.problems:
        return []
    view = View(first.view)
    shift = _anchor_x(before, first, after) - _anchor_x(after, second, before)
    problems = []
    walls = [
        (view(a.points["at"])[0], view(b.points["at"])[0])
        for a in first.props
        for b in second.props
        if a.type == b.type == "wall"
    ]
    for x0, x1 in walls[:1]:
        moved = abs(x1 + shift - x0)
        if moved > MOVE_CM:
            problems.append(
                f"the wall moves {moved:.0f} cm between {name} and here: the parts that rest in "
                "place (the feet) stand further from it in one of them; keep them the same "
                "distance from it"
            )
    return problems
