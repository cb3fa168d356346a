"""The change of angles that fixes a pose's contact errors: a small neighbourhood of the pose's
own angles is searched for the smallest change after which every declared contact holds, and
the change is named ("set `lean` to 0 and `both.hip` to 80 to bring the back and the hips to
the wall"), or the message says that none was found.

The search tries one angle at a time (up to `SINGLE` degrees either way, in steps of `STEP`),
then two at a time (up to `PAIR` degrees each), cheapest first: the smallest sum of degrees
changed, then the fewest angles. The angles tried are `lean` and every angle the pose sets.
It runs only for a pose with a contact error (a few thousand solves at most, about a second).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import combinations, product

from strongback.figures.figure import Figure, Miss
from strongback.model.joints import RANGES, spine_problems
from strongback.model.parts import BOTH_SIDES, CENTRAL_PARTS
from strongback.model.pose import Pose, Side

STEP = 5
SINGLE = 40
PAIR = 30
PAIRED = 8
"""At most this many angles are tried two at a time (the pose's own first, then `lean`)."""

PLACEMENT = ("lean", "roll", "neck", "trunk", "lumbar", "thoracic", "pelvis", "twist")
SIDES = ("both", "left", "right")

Angle = tuple[str, ...]
"""("lean",) or ("both", "hip"): where an angle is written in the pose."""


LINKED = {"foot": ("ankle",), "heel": ("ankle",), "toes": ("ankle",), "hand": ("elbow",)}
"""A part that misses may need a joint the pose leaves at 0: a foot to lie flat, its ankle."""


def angles(pose: Pose, misses: list[Miss] = ()) -> list[Angle]:  # type: ignore[assignment]
    """The angles the search may change: every one the pose sets, then `lean`, then the joints
    next to the parts that miss (a foot's ankle), on the side that misses or on `both`."""
    found: list[Angle] = [(name,) for name in PLACEMENT if getattr(pose, name) is not None]
    for side in SIDES:
        values: Side = getattr(pose, side)
        found += [
            (side, joint) for joint in Side.model_fields if getattr(values, joint) is not None
        ]
    if ("lean",) not in found:
        found.append(("lean",))
    parts = {miss.part for miss in misses}
    for part in sorted(parts):
        side, _, name = part.partition("_")
        for joint in LINKED.get(name, ()):
            other = f"{'right' if side == 'left' else 'left'}_{name}"
            where = "both" if other in parts else side
            own = getattr(getattr(pose, side), joint) if side in SIDES else None
            if own is None and (where, joint) not in found and ("both", joint) not in found:
                found.insert(0, (where, joint))
    return found


def value(pose: Pose, angle: Angle) -> float:
    if len(angle) == 1:
        return float(getattr(pose, angle[0]) or 0.0)
    return float(getattr(getattr(pose, angle[0]), angle[1]) or 0.0)


def changed(pose: Pose, change: dict[Angle, float]) -> Pose | None:
    """The pose with the angles changed (unvalidated, not solved), or None when a new value is
    outside its joint's range or bends the spine past its own."""
    top: dict[str, object] = {}
    sides: dict[str, dict[str, float]] = {}
    for angle, new in change.items():
        allowed = RANGES[angle[-1]]
        if not allowed.low <= new <= allowed.high:
            return None
        if len(angle) == 1:
            top[angle[0]] = new
        else:
            sides.setdefault(angle[0], {})[angle[1]] = new
    for side, update in sides.items():
        top[side] = getattr(pose, side).model_copy(update=update)
    result = pose.model_copy(update=top)
    result._solved = None
    if spine_problems(*result.spine()):
        return None
    return result


def _candidates(pose: Pose, names: list[Angle]) -> Iterator[dict[Angle, float]]:
    single = [d for d in range(-SINGLE, SINGLE + 1, STEP) if d]
    pair = [d for d in range(-PAIR, PAIR + 1, STEP) if d]
    found: list[tuple[int, int, dict[Angle, float]]] = []
    for angle in names:
        for d in single:
            found.append((abs(d), 1, {angle: value(pose, angle) + d}))
    for a, b in combinations(names[:PAIRED], 2):
        if a[-1] == b[-1] and "both" not in (a[0], b[0]):
            continue  # left.hip and right.hip: two changes for what `both` says once
        for da, db in product(pair, pair):
            found.append((abs(da) + abs(db), 2, {a: value(pose, a) + da, b: value(pose, b) + db}))
    found.sort(key=lambda item: (item[0], item[1]))
    for _, _, change in found:
        yield change


def suggestion(pose: Pose, figure: Figure, solve: Callable[[Pose], Figure]) -> str | None:
    """The sentence that says how to fix the pose's contact errors (`figure`: the pose solved;
    `solve`: the kinematics, for each change tried), or that no small change does; None when
    the pose has no contact error (nothing to suggest)."""
    if not figure.misses:
        return None
    names = angles(pose, figure.misses)
    goal = _goal(figure.misses)
    change = smallest_change(pose, names, lambda candidate: not solve(candidate).problems)
    if change is not None:
        return f"set {settings(change)} to bring {goal}"
    tried = ", ".join(f"`{'.'.join(angle)}`" for angle in names)
    return (
        f"no change of one angle by up to {SINGLE}°, or two by up to {PAIR}° each, of {tried} "
        f"brings {goal}: check the signs in the content reference's angle pictures, or which "
        "parts the pose says touch"
    )


def smallest_change(
    pose: Pose, names: list[Angle], works: Callable[[Pose], bool]
) -> dict[Angle, float] | None:
    """The cheapest change of the `names` angles (see the module) after which `works` holds
    for the changed pose, or None."""
    for change in _candidates(pose, names):
        candidate = changed(pose, change)
        if candidate is not None and works(candidate):
            return change
    return None


def settings(change: dict[Angle, float]) -> str:
    """'`lean` to 0 and `both.hip` to 85'."""
    return " and ".join(f"`{'.'.join(angle)}` to {new:g}" for angle, new in change.items())


def _goal(misses: list[Miss]) -> str:
    """'the back and the hips to the wall and the left foot flat on the floor'."""
    by_target: dict[str, list[str]] = {}
    for miss in misses:
        by_target.setdefault(miss.to, []).append(miss.part)
    return " and ".join(f"{join(words(parts))} {to}" for to, parts in by_target.items())


def words(parts: list[str]) -> list[str]:
    """Body part names in words: left_hand and right_hand together are 'the hands'."""
    plural = {single: both for both, single in BOTH_SIDES.items()}
    out: list[str] = []
    for part in parts:
        side, _, name = part.partition("_")
        if part in CENTRAL_PARTS or side not in ("left", "right"):
            out.append(f"the {part.replace('_', ' ')}")
            continue
        other = f"{'right' if side == 'left' else 'left'}_{name}"
        if other in parts:
            if side == "left":
                out.append(f"the {plural[name].replace('_', ' ')}")
            continue
        out.append(f"the {side} {name.replace('_', ' ')}")
    return out


def join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
