"""Props placed from the body parts that touch them (mat, wall, chair, bar, band, weights,
stick), and every declared contact checked: a part more than the tolerance away is a problem."""

from __future__ import annotations

import math

from strongback.figures import body as B
from strongback.figures.figure import Figure, PropPlace, be
from strongback.figures.geometry import CM, TOLERANCE, Vec, add, mean

DEFAULT_HEIGHT_CM = {"chair": 45.0, "bench": 45.0, "step": 20.0}
WEIGHT_HANDLE_CM = {"kettlebell": 28.0, "dumbbell": 10.0, "barbell": 22.5}
"""Height of the handle above the floor when the weight rests there (a 16–24 kg kettlebell,
a hexagonal dumbbell on its side, a barbell with 45 cm plates)."""


def _gap_2d(a: Vec, b: Vec) -> float:
    """Distance ignoring left-right (Z): two hands on one handle or bar are side by side."""
    return math.hypot(a[0] - b[0], a[1] - b[1])


def place(figure: Figure, kind: str, parts: list[str], prop: object) -> None:
    problems = figure.problems
    height_cm = getattr(prop, "height", None)
    if kind == "mat":
        xs = [x for seg in figure.segments for x in (seg.a[0], seg.b[0])]
        figure.props.append(
            PropPlace(kind, {"from": (min(xs) - 0.06, 0, 0), "to": (max(xs) + 0.06, 0, 0)})
        )
        for part in parts:
            gap = figure.lowest(part)
            if gap > TOLERANCE:
                figure.miss(
                    f"{part} should rest on the mat but {be(part)} {gap / CM:.0f} cm above it",
                    part,
                    "to the mat",
                    gap,
                )
        return
    if not parts:
        problems.append(f"a {kind} needs `touches`: the body parts that touch it")
        return
    if kind == "wall":
        backs = {
            part: min(seg.a[0] - seg.support((-1.0, 0.0, 0.0), "a") for seg in figure.part(part))
            for part in parts
        }
        wall = min(backs.values())
        for part, x in backs.items():
            if x - wall > TOLERANCE:
                figure.miss(
                    f"{part} should touch the wall but {be(part)} {(x - wall) / CM:.0f} cm from it",
                    part,
                    "to the wall",
                    x - wall,
                )
        figure.props.append(PropPlace(kind, {"at": (wall, 0, 0)}))
        return
    if kind in DEFAULT_HEIGHT_CM:
        top = (height_cm or DEFAULT_HEIGHT_CM[kind]) * CM
        xs = [x for part in parts for seg in figure.part(part) for x in (seg.a[0], seg.b[0])]
        for part in parts:
            gap = figure.lowest(part) - top
            if abs(gap) > TOLERANCE:
                where = "above" if gap > 0 else "below"
                figure.miss(
                    f"{part} should rest on the {kind} but {be(part)} {abs(gap) / CM:.0f} cm "
                    f"{where} its top",
                    part,
                    f"onto the {kind}",
                    abs(gap),
                )
        figure.props.append(
            PropPlace(kind, {"from": (min(xs), top, 0), "to": (max(xs), top, 0)}, top)
        )
        return
    centres = [figure.centre(part) for part in parts]
    grip = mean(centres)
    if kind == "stick":
        _stick(figure, parts)
        return
    if kind == "extension_bench":
        figure.props.append(
            PropPlace(
                kind,
                {
                    "pad": add(
                        figure.centre("hips"),
                        figure.part("hips")[0].frame[0],
                        B.TRUNK_HALF_DEPTH["hips"] + 0.02,
                    ),
                    "plate": mean([figure.centre(p) for p in ("left_heel", "right_heel")]),
                },
            )
        )
        return
    on_floor = bool(getattr(prop, "on_floor", False))
    if on_floor and kind in WEIGHT_HANDLE_CM:
        grip = (grip[0], WEIGHT_HANDLE_CM[kind] * CM, grip[2])
    if kind == "bar" and height_cm is not None:
        grip = (grip[0], height_cm * CM, grip[2])
    for part, centre in zip(parts, centres, strict=True):
        gap = _gap_2d(centre, grip)
        if kind == "dumbbell" and not on_floor:
            continue  # one dumbbell in each hand
        if kind == "dumbbell":
            gap = abs(centre[1] - grip[1])
        if kind not in ("band",) and gap > TOLERANCE:
            figure.miss(
                f"{part} should hold the {kind} but {be(part)} {gap / CM:.0f} cm from it",
                part,
                f"to the {kind}",
                gap,
            )
    points: dict[str, Vec] = {"grip": grip}
    if kind == "dumbbell":
        points = {
            f"grip{i}": (c[0], grip[1] if on_floor else c[1], c[2]) for i, c in enumerate(centres)
        }
    anchor = getattr(prop, "anchor", None)
    if kind in ("band", "cable"):
        if anchor is not None and anchor.to_bar:
            bars = [p for p in figure.props if p.type == "bar"]
            if not bars:
                problems.append(
                    "the band is anchored to the bar, but the pose has no bar before it"
                )
                return
            points["anchor"] = bars[0].points["grip"]
        else:
            fwd, up = (
                (anchor.forward, anchor.up)
                if anchor
                else (80.0, 0.0)
                if kind == "band"
                else (0.0, 80.0)
            )
            points["anchor"] = add(grip, (fwd * CM, up * CM, 0.0))
    figure.props.append(PropPlace(kind, points))


def _stick(figure: Figure, parts: list[str]) -> None:
    """A stick along the back: through the back surface of the first and last parts; the
    parts between must touch it too."""
    back = tuple(-c for c in figure.part("back")[0].frame[0])
    direction: Vec = (back[0], back[1], back[2])
    points = []
    for part in parts:
        seg = figure.part(part)[0]
        centre = figure.centre(part)
        points.append(add(centre, direction, seg.support(direction, "a")))
    a, b = points[0], points[-1]
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy) or 1.0
    for part, p in zip(parts[1:-1], points[1:-1], strict=True):
        gap = abs((p[0] - a[0]) * dy - (p[1] - a[1]) * dx) / length
        if gap > TOLERANCE:
            figure.miss(
                f"{part} should touch the stick but {be(part)} {gap / CM:.0f} cm from it",
                part,
                "to the stick",
                gap,
            )
    ux, uy = dx / length, dy / length
    figure.props.append(
        PropPlace(
            "stick",
            {
                "from": (a[0] - ux * 0.06, a[1] - uy * 0.06, 0.0),
                "to": (b[0] + ux * 0.08, b[1] + uy * 0.08, 0.0),
            },
        )
    )
