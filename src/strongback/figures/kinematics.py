"""Forward kinematics: joint angles -> 3D body segments of the standard adult (body.py), the
body set down so its lowest point rests on the floor, props placed from the parts that touch
them, and every declared contact checked.

Coordinates are in units of body height H, world axes: X forward (the way a standing figure
faces), Y up, Z to the figure's right (towards us in side view). Each body segment carries a
frame (forward, up, right); a joint angle turns the frame of the next segment.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from strongback.figures import body as B

if TYPE_CHECKING:
    from strongback.figures.pose import Pose

Vec = tuple[float, float, float]
Frame = tuple[Vec, Vec, Vec]
"""(forward, up, right) unit vectors."""

WORLD: Frame = ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0))
CM = 1 / B.HEIGHT_CM
TOLERANCE = B.CONTACT_TOLERANCE_CM * CM


def add(a: Vec, b: Vec, k: float = 1.0) -> Vec:
    return (a[0] + k * b[0], a[1] + k * b[1], a[2] + k * b[2])


def dot(a: Vec, b: Vec) -> float:
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]


def _mix(a: Vec, b: Vec, ka: float, kb: float) -> Vec:
    return (ka * a[0] + kb * b[0], ka * a[1] + kb * b[1], ka * a[2] + kb * b[2])


def flex(frame: Frame, degrees: float) -> Frame:
    """Turn about the right axis: positive tips `up` towards `forward`."""
    f, u, r = frame
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return (_mix(f, u, c, -s), _mix(u, f, c, s), r)


def side(frame: Frame, degrees: float) -> Frame:
    """Turn about the forward axis: positive tips `up` towards `right`."""
    f, u, r = frame
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return (f, _mix(u, r, c, s), _mix(r, u, c, -s))


def turn(frame: Frame, degrees: float) -> Frame:
    """Turn about the up axis: positive turns `forward` towards `right`."""
    f, u, r = frame
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return (_mix(f, r, c, s), u, _mix(r, f, c, -s))


@dataclass
class Segment:
    """One rounded body shape from `a` to `b`: a tapered capsule (or a ball when a == b)."""

    name: str
    side: str
    """'left', 'right' or 'centre'."""
    a: Vec
    b: Vec
    ra: float
    rb: float
    frame: Frame
    depth_ratio: float = 1.0
    """Trunk segments are wider than deep: radius along `forward` is ra * depth_ratio."""

    def support(self, direction: Vec, end: str) -> float:
        """How far the surface reaches beyond the end's centre in `direction` (unit)."""
        radius = self.ra if end == "a" else self.rb
        if self.depth_ratio == 1.0:
            return radius
        f, u, r = self.frame
        along = dot(direction, u)
        across = math.sqrt(max(0.0, 1 - along * along)) or 1.0
        return radius * math.hypot(dot(direction, r), self.depth_ratio * dot(direction, f)) / across

    def extreme(self, direction: Vec) -> float:
        """The furthest the shape reaches along `direction`."""
        return max(
            dot(self.a, direction) + self.support(direction, "a"),
            dot(self.b, direction) + self.support(direction, "b"),
        )

    def moved(self, offset: Vec) -> Segment:
        return Segment(
            self.name,
            self.side,
            add(self.a, offset),
            add(self.b, offset),
            self.ra,
            self.rb,
            self.frame,
            self.depth_ratio,
        )


@dataclass
class PropPlace:
    """A prop where the body puts it: named points in world coordinates."""

    type: str
    points: dict[str, Vec]
    height: float = 0.0


@dataclass
class Figure:
    """A solved pose: segments in world coordinates, floor at Y = 0."""

    view: str
    segments: list[Segment]
    props: list[PropPlace]
    problems: list[str] = field(default_factory=list)

    def part(self, name: str) -> list[Segment]:
        return [
            seg
            for seg in self.segments
            if seg.name in _PART_SEGMENTS[_strip(name)] and seg.side in _sides(name)
        ]

    def lowest(self, name: str) -> float:
        return -max(seg.extreme((0.0, -1.0, 0.0)) for seg in self.part(name))

    def centre(self, name: str) -> Vec:
        points = [_mean([seg.a, seg.b]) for seg in self.part(name)]
        n = len(points)
        return (
            sum(p[0] for p in points) / n,
            sum(p[1] for p in points) / n,
            sum(p[2] for p in points) / n,
        )


# Which segments make up a body part (named as in pose.PART_NAMES without left_/right_).
_PART_SEGMENTS: dict[str, set[str]] = {
    "head": {"head"},
    "back": {"chest"},
    "chest": {"chest"},
    "lower_back": {"lower_back"},
    "hips": {"hips"},
    "shoulder": {"upper_arm"},
    "upper_arm": {"upper_arm"},
    "elbow": {"elbow"},
    "forearm": {"forearm"},
    "hand": {"hand"},
    "thigh": {"thigh"},
    "knee": {"knee"},
    "shin": {"shin"},
    "foot": {"foot"},
    "heel": {"heel"},
    "toes": {"toes"},
}


def _strip(name: str) -> str:
    return name.removeprefix("left_").removeprefix("right_")


def _sides(name: str) -> set[str]:
    if name.startswith("left_"):
        return {"left"}
    if name.startswith("right_"):
        return {"right"}
    return {"centre"}


def solve(pose: Pose) -> Figure:
    """Joint angles -> a figure on the floor, props placed, contacts checked."""
    from strongback.figures.pose import expand_parts

    segments = _body(pose)
    low = min(-seg.extreme((0.0, -1.0, 0.0)) for seg in segments)
    offset = (0.0, (pose.off_floor or 0) * CM - low, 0.0)
    hanging = [p for p in pose.props if p.type == "bar" and p.height is not None]
    if pose.off_floor is None and hanging and hanging[0].height is not None and not pose.floor:
        # Hanging from a bar: the hands that hold it are at its height.
        hands = [
            s
            for s in segments
            if s.name == "hand" and f"{s.side}_hand" in expand_parts(list(hanging[0].touches))
        ]
        if hands:
            offset = (0.0, hanging[0].height * CM - _mean([s.a for s in hands])[1], 0.0)
    figure = Figure(pose.view, [seg.moved(offset) for seg in segments], [])
    for part in expand_parts(list(pose.floor)):
        gap = figure.lowest(part)
        if gap > TOLERANCE:
            figure.problems.append(
                f"{part} should rest on the floor but is {gap / CM:.0f} cm above it"
            )
    for prop in pose.props:
        _place(figure, prop.type, expand_parts(list(prop.touches)), prop)
    return figure


def _body(pose: Pose) -> list[Segment]:
    root = side(flex(WORLD, pose.lean or 0), pose.roll or 0)
    trunk, pelvis = pose.trunk or 0, pose.pelvis or 0
    lower = flex(root, -trunk / 2 + pelvis)
    chest = flex(root, trunk / 2)
    head = flex(chest, pose.neck or 0)
    origin: Vec = (0.0, 0.0, 0.0)
    waist = add(origin, lower[1], B.LOWER_BACK)
    top = add(waist, chest[1], B.CHEST)
    w, d = B.TRUNK_HALF_WIDTH, B.TRUNK_HALF_DEPTH
    segs = [
        Segment(
            "hips", "centre", origin, origin, w["hips"], w["hips"], lower, d["hips"] / w["hips"]
        ),
        Segment(
            "lower_back",
            "centre",
            origin,
            waist,
            w["hips"],
            w["waist"],
            lower,
            d["waist"] / w["waist"],
        ),
        Segment(
            "chest",
            "centre",
            waist,
            add(top, chest[1], -0.03),
            w["waist"],
            w["chest"],
            chest,
            d["chest"] / w["chest"],
        ),
        Segment(
            "neck",
            "centre",
            add(top, chest[1], -0.03),
            add(top, head[1], 0.06),
            B.NECK_RADIUS,
            B.NECK_RADIUS,
            head,
        ),
        Segment(
            "head",
            "centre",
            *(2 * (add(add(top, head[1], B.NECK_TO_HEAD), head[0], 0.012),)),
            B.HEAD_RADIUS,
            B.HEAD_RADIUS,
            head,
        ),
    ]
    legs = turn(root, pose.twist or 0)
    for name, sign in (("right", 1.0), ("left", -1.0)):
        segs += _arm(
            pose,
            name,
            sign,
            chest,
            add(top, chest[2], sign * B.SHOULDER_JOINTS),
        )
        segs += _leg(pose, name, sign, legs, add(origin, legs[2], sign * B.HIP_JOINTS))
    return segs


def _arm(pose: Pose, name: str, sign: float, chest: Frame, shoulder: Vec) -> list[Segment]:
    upper = side(
        flex(chest, -pose.angle(name, "shoulder")), -sign * pose.angle(name, "shoulder_abduction")
    )
    elbow = add(shoulder, upper[1], -B.UPPER_ARM)
    fore = flex(upper, -pose.angle(name, "elbow"))
    wrist = add(elbow, fore[1], -B.FOREARM)
    hand = add(wrist, fore[1], -B.GRIP)
    ua, fa = B.UPPER_ARM_RADIUS, B.FOREARM_RADIUS
    return [
        Segment("upper_arm", name, shoulder, elbow, ua[0], ua[1], upper),
        Segment("elbow", name, elbow, elbow, ua[1], ua[1], upper),
        Segment("forearm", name, elbow, wrist, fa[0], fa[1], fore),
        Segment("hand", name, hand, hand, B.HAND_RADIUS, B.HAND_RADIUS, fore),
    ]


def _leg(pose: Pose, name: str, sign: float, pelvis: Frame, hip: Vec) -> list[Segment]:
    thigh = side(flex(pelvis, -pose.angle(name, "hip")), -sign * pose.angle(name, "hip_abduction"))
    knee = add(hip, thigh[1], -B.THIGH)
    shank = flex(thigh, pose.angle(name, "knee"))
    ankle = add(knee, shank[1], -B.SHANK)
    foot = flex(shank, -pose.angle(name, "ankle"))
    heel = add(add(ankle, foot[1], -(B.ANKLE_HEIGHT - B.FOOT_RADIUS)), foot[0], -0.03)
    toes = add(add(heel, foot[0], B.FOOT_LENGTH - 2 * B.FOOT_RADIUS), foot[1], -0.004)
    th, sh = B.THIGH_RADIUS, B.SHANK_RADIUS
    return [
        Segment("thigh", name, hip, knee, th[0], th[1], thigh),
        Segment("knee", name, knee, knee, th[1], th[1], thigh),
        Segment("shin", name, knee, ankle, sh[0], sh[1], shank),
        Segment("foot", name, heel, toes, B.FOOT_RADIUS, B.FOOT_RADIUS - 0.004, foot),
        Segment("heel", name, heel, heel, B.FOOT_RADIUS, B.FOOT_RADIUS, foot),
        Segment("toes", name, toes, toes, B.FOOT_RADIUS - 0.004, B.FOOT_RADIUS - 0.004, foot),
    ]


# --- props --------------------------------------------------------------------------------------

DEFAULT_HEIGHT_CM = {"chair": 45.0, "bench": 45.0, "step": 20.0}
WEIGHT_HANDLE_CM = {"kettlebell": 28.0, "dumbbell": 10.0, "barbell": 22.5}
"""Height of the handle above the floor when the weight rests there (a 16–24 kg kettlebell,
a hexagonal dumbbell on its side, a barbell with 45 cm plates)."""


def _mean(points: list[Vec]) -> Vec:
    n = len(points) or 1
    return (
        sum(p[0] for p in points) / n,
        sum(p[1] for p in points) / n,
        sum(p[2] for p in points) / n,
    )


def _gap_2d(a: Vec, b: Vec) -> float:
    """Distance ignoring left-right (Z): two hands on one handle or bar are side by side."""
    return math.hypot(a[0] - b[0], a[1] - b[1])


def _place(figure: Figure, kind: str, parts: list[str], prop: object) -> None:
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
                problems.append(f"{part} should rest on the mat but is {gap / CM:.0f} cm above it")
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
                problems.append(
                    f"{part} should touch the wall but is {(x - wall) / CM:.0f} cm from it"
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
                problems.append(
                    f"{part} should rest on the {kind} but is {abs(gap) / CM:.0f} cm "
                    f"{where} its top"
                )
        figure.props.append(
            PropPlace(kind, {"from": (min(xs), top, 0), "to": (max(xs), top, 0)}, top)
        )
        return
    centres = [figure.centre(part) for part in parts]
    grip = _mean(centres)
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
                    "plate": _mean([figure.centre(p) for p in ("left_heel", "right_heel")]),
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
            problems.append(f"{part} should hold the {kind} but is {gap / CM:.0f} cm from it")
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
            figure.problems.append(
                f"{part} should touch the stick but is {gap / CM:.0f} cm from it"
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
