"""A solved pose: the body's segments in world coordinates, the props placed, the problems
found, and which segments make up each named body part."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from strongback.figures.geometry import Frame, Vec, add, dot, mean


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


@dataclass(frozen=True)
class Miss:
    """A declared contact (or a flat part) the body does not reach, measured: what the pose
    says, how far off it is (H), and the words for the fix: `part` brought `to` ("to the
    wall", "flat on the floor")."""

    part: str
    to: str
    gap: float


def be(part: str) -> str:
    """'is' or 'are' for a part's name: 'hips are', 'back is', 'left_toes are'."""
    return "are" if part.endswith("s") else "is"


@dataclass
class Figure:
    """A solved pose: segments in world coordinates, floor at Y = 0."""

    view: str
    segments: list[Segment]
    props: list[PropPlace]
    problems: list[str] = field(default_factory=list)
    misses: list[Miss] = field(default_factory=list)
    """The problems that are distances: what a suggested change of angles must close."""
    landmarks: dict[str, Vec] = field(default_factory=dict)
    """Named points of the spine and head (s1, t12, c7, head); the limbs' joints are the ends
    of their segments (see `joints`)."""

    def miss(self, message: str, part: str, to: str, gap: float) -> None:
        """A contact the body does not reach: its message, and the distance left."""
        self.problems.append(message)
        self.misses.append(Miss(part, to, gap))

    def joints(self) -> dict[str, Vec]:
        """Every named landmark: head, c7, t12, s1, and hip, knee, ankle, shoulder, elbow, wrist
        of the right side (the near side in side view) and, with `_far`, of the left."""
        points = dict(self.landmarks)
        ends = {
            "shoulder": ("upper_arm", "a"),
            "elbow": ("upper_arm", "b"),
            "wrist": ("forearm", "b"),
            "hip": ("thigh", "a"),
            "knee": ("thigh", "b"),
            "ankle": ("shin", "b"),
        }
        for seg in self.segments:
            for joint, (name, end) in ends.items():
                if seg.name == name and seg.side != "centre":
                    key = joint if seg.side == "right" else f"{joint}_far"
                    points[key] = seg.a if end == "a" else seg.b
        return points

    def part(self, name: str) -> list[Segment]:
        names, sides = _PART_SEGMENTS[_strip(name)], _sides(name)
        return [seg for seg in self.segments if seg.name in names and seg.side in sides]

    def lowest(self, name: str) -> float:
        return -max(seg.extreme((0.0, -1.0, 0.0)) for seg in self.part(name))

    def centre(self, name: str) -> Vec:
        """The middle of a body part; a shoulder's is its joint, the belly's the front of the
        lower tummy."""
        if name in self.landmarks:
            return self.landmarks[name]
        if _strip(name) == "shoulder":
            return self.part(name)[0].a
        points = [mean([seg.a, seg.b]) for seg in self.part(name)]
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
