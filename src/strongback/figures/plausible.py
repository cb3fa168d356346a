"""What the body cannot do, though every declared contact holds: errors at the pose, like a
contact the body does not reach.

- A foot, forearm or shin the pose puts on the floor must lie flat on it, both ends down: a
  foot with its heel up is on tiptoe (say so: `floor: [toes]`), one with its toes up rests on
  its heel (`floor: [heels]`).
- A limb must not pass through another limb, through the trunk or the head, or through a wall.
- A planted part and a wall stay where they are between figures: see `moves`.

Not checked: a palm on its edge. The hand is a ball at the end of the forearm (no palm, wrist
angle or forearm rotation), so nothing in the model tells a flat palm from one on its edge.
"""

from __future__ import annotations

import math
from itertools import combinations

from strongback.figures.figure import Figure, Segment
from strongback.figures.geometry import CM, TOLERANCE, Vec, add, dot
from strongback.model.parts import expand_parts
from strongback.model.pose import Pose

FLAT = {"foot": ("heel", "toes"), "forearm": ("elbow", "wrist"), "shin": ("knee", "ankle")}
"""The parts that lie flat on the floor along their length, and the names of their two ends."""

LIMB_SHAPES = ("upper_arm", "forearm", "thigh", "shin", "foot")
"""The limb shapes checked for passing through: hands are left out (they hold and clasp)."""
ATTACHED = {"upper_arm": "chest", "thigh": "hips"}
"""A limb's first shape starts inside the trunk: it is not checked against the trunk."""
TRUNK = ("hips", "lower_back", "chest", "head")


def flat_problems(pose: Pose, figure: Figure) -> None:
    """Each foot, forearm or shin on the floor with one end off it (figure.miss)."""
    for part in expand_parts(list(pose.floor)):
        side, _, name = part.partition("_")
        if name not in FLAT:
            continue
        for seg in figure.part(part):
            heights = [
                end[1] - seg.support((0.0, -1.0, 0.0), key)
                for end, key in ((seg.a, "a"), (seg.b, "b"))
            ]
            low, high = min(heights), max(heights)
            if high - low <= TOLERANCE or low > TOLERANCE:
                continue  # flat, or off the floor altogether (the contact check says so)
            up = FLAT[name][heights.index(high)]
            down = FLAT[name][heights.index(low)]
            hint = _resting_hint(side, name, down)
            figure.miss(
                f"{part} should lie flat on the floor but its {up} end is "
                f"{(high - low) / CM:.0f} cm above it{hint}",
                part,
                "flat on the floor",
                high - low,
            )


def _resting_hint(side: str, name: str, down: str) -> str:
    if name != "foot":
        return ""
    if down == "toes":
        return f" (on tiptoe? write `{side}_toes` in `floor` instead)"
    return f" (resting on the heel? write `{side}_heel` in `floor` instead)"


def through_problems(figure: Figure) -> None:
    """Limbs through each other, the trunk or the head; any part through a wall."""
    limbs = [seg for seg in figure.segments if seg.name in LIMB_SHAPES]
    for one, other in combinations(limbs, 2):
        if one.side == other.side and _same_limb(one, other):
            continue
        depth = _inside(one, other)
        if depth is not None:
            figure.problems.append(
                f"the {_name(one)} passes through the {_name(other)}: its middle is "
                f"{depth / CM:.0f} cm inside it"
            )
    trunk = [seg for seg in figure.segments if seg.name in TRUNK]
    for limb in limbs:
        for seg in trunk:
            if ATTACHED.get(limb.name) in (seg.name, "chest" if seg.name == "head" else None):
                continue
            if limb.name == "upper_arm" and seg.name == "head":
                continue  # arms overhead frame the head
            depth = _inside(limb, seg)
            if depth is not None:
                figure.problems.append(
                    f"the {_name(limb)} passes through the {_name(seg)}: its middle is "
                    f"{depth / CM:.0f} cm inside it"
                )
                break
    for prop in figure.props:
        if prop.type != "wall":
            continue
        wall = prop.points["at"][0]
        deepest: dict[str, float] = {}  # by body part: the chest's pieces are one chest
        for seg in figure.segments:
            behind = wall - (-seg.extreme((-1.0, 0.0, 0.0)))
            if behind > TOLERANCE:
                deepest[_name(seg)] = max(behind, deepest.get(_name(seg), 0.0))
        for name, behind in deepest.items():
            figure.problems.append(f"the {name} passes through the wall by {behind / CM:.0f} cm")


def _same_limb(one: Segment, other: Segment) -> bool:
    arm = {"upper_arm", "forearm"}
    return (one.name in arm) == (other.name in arm)


def _name(seg: Segment) -> str:
    name = "pelvis" if seg.name == "hips" else seg.name.replace("_", " ")
    return name if seg.side == "centre" else f"{seg.side} {name}"


def _inside(one: Segment, other: Segment) -> float | None:
    """How deep the centre line of one shape runs inside the other (H), or None when it does
    not: two shapes may press together, but one's middle inside the other is through it."""
    if _apart(one, other):
        return None
    p, q = _closest(one.a, one.b, other.a, other.b)
    gap = math.dist(p, q)
    direction = tuple((a - b) / gap for a, b in zip(p, q, strict=True)) if gap > 1e-9 else None
    t = _along(other, q)
    end = "a" if t < 0.5 else "b"
    if direction is None:
        reach = min(other.ra, other.rb)
    else:
        vec: Vec = (direction[0], direction[1], direction[2])
        reach = other.support(vec, end)
    reach = min(reach, (other.ra + other.rb) / 2) if other.depth_ratio == 1.0 else reach
    depth = reach - gap
    return depth if depth > 0.2 * reach else None


def _apart(one: Segment, other: Segment) -> bool:
    """Too far apart for one's centre line to reach inside the other: the closest the two
    centre lines can come (their middles' distance less their half lengths) is beyond the
    furthest the other's surface reaches (its larger radius, times its depth ratio when that is
    over 1). Most pairs of a body are, and this is cheaper than finding the closest points."""
    half_one = math.dist(one.a, one.b) / 2
    half_other = math.dist(other.a, other.b) / 2
    middles = math.dist(
        [(a + b) / 2 for a, b in zip(one.a, one.b, strict=True)],
        [(a + b) / 2 for a, b in zip(other.a, other.b, strict=True)],
    )
    reach = max(other.ra, other.rb) * max(1.0, other.depth_ratio)
    return middles - half_one - half_other > reach


def _along(seg: Segment, point: Vec) -> float:
    axis = add(seg.b, seg.a, -1.0)
    length = dot(axis, axis)
    return 0.0 if length < 1e-12 else dot(add(point, seg.a, -1.0), axis) / length


def _closest(p1: Vec, q1: Vec, p2: Vec, q2: Vec) -> tuple[Vec, Vec]:
    """The closest points of segments p1-q1 and p2-q2 (Ericson, Real-Time Collision Detection,
    5.1.9)."""
    d1, d2, r = add(q1, p1, -1.0), add(q2, p2, -1.0), add(p1, p2, -1.0)
    a, e, f = dot(d1, d1), dot(d2, d2), dot(d2, r)
    if a <= 1e-12 and e <= 1e-12:
        return p1, p2
    if a <= 1e-12:
        s, t = 0.0, min(1.0, max(0.0, f / e))
    else:
        c = dot(d1, r)
        if e <= 1e-12:
            s, t = min(1.0, max(0.0, -c / a)), 0.0
        else:
            b = dot(d1, d2)
            denom = a * e - b * b
            s = min(1.0, max(0.0, (b * f - c * e) / denom)) if denom > 1e-12 else 0.0
            t = (b * s + f) / e
            if t < 0:
                s, t = min(1.0, max(0.0, -c / a)), 0.0
            elif t > 1:
                s, t = min(1.0, max(0.0, (b - c) / a)), 1.0
    return add(p1, d1, s), add(p2, d2, t)
