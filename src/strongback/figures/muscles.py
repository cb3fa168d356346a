"""The working muscles, shaded on one figure per exercise (its hold or end position).

Each muscle in an exercise's `muscles.primary` is found by its medical name and drawn as a simple
region on the body shape, in one accent colour: back extensors along the spine, buttocks at the
back of the pelvis, tummy muscles along the front of the trunk, obliques on the side of the waist,
lats under the arm, upper back between the shoulder blades, hamstrings behind the thigh, and so
on. Limb muscles are shaded on the near limb. A region on the side of the body turned away from
us in that view (the back muscles of someone lying on their back, seen from above) is drawn as a
dashed outline rather than filled: the legend says so.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from strongback.figures import body as B
from strongback.figures.figure import Figure, Segment
from strongback.figures.geometry import Vec, add, dot
from strongback.figures.spine import widths
from strongback.figures.svg import CM, Canvas


@dataclass(frozen=True)
class Region:
    """Where a muscle is drawn: along the trunk between two levels (H above the hip joints), or
    along a limb segment between two fractions of its length; `forward` and `right` place it off
    the axis, as fractions of the half depth and half width there (or of the limb's radius)."""

    on: str
    """'trunk', or a limb segment: upper_arm, forearm, thigh."""
    start: float
    end: float
    forward: float
    right: float = 0.0
    width: float = 0.7
    """Thickness, as a fraction of the half depth (trunk) or radius (limb)."""
    surface: bool = False
    """On the outside of the body (buttocks, the side of the hip and waist, under the arm):
    drawn over the near limbs, which would otherwise hide it in side view."""


_TRUNK_TOP = B.TRUNK - 0.02
REGIONS: dict[str, Region] = {
    "back": Region("trunk", 0.04, _TRUNK_TOP, -0.6),
    "lower back": Region("trunk", 0.04, B.PELVIS + B.LUMBAR + 0.01, -0.6),
    "buttocks": Region("trunk", -0.03, 0.045, -0.5, width=1.0, surface=True),
    "tummy": Region("trunk", 0.06, 0.22, 0.6),
    "deep tummy": Region("trunk", 0.03, 0.13, 0.55),
    "side of the waist": Region("trunk", 0.07, 0.19, 0.1, 0.55, width=0.9, surface=True),
    "deep side of the back": Region("trunk", 0.06, 0.15, -0.35, 0.4),
    "under the arm": Region("trunk", 0.13, 0.24, -0.3, 0.6, width=0.9, surface=True),
    "between the shoulder blades": Region("trunk", 0.2, _TRUNK_TOP, -0.6, width=0.8),
    "side of the hip": Region("trunk", 0.0, 0.07, -0.1, 0.65, width=0.8, surface=True),
    "pelvic floor": Region("trunk", -0.04, -0.01, 0.0, width=0.7),
    "front of the hip": Region("thigh", 0.0, 0.3, 0.55),
    "back of the shoulder": Region("upper_arm", 0.0, 0.35, -0.45),
    "front of the arm": Region("upper_arm", 0.2, 0.85, 0.45),
    "forearm": Region("forearm", 0.1, 0.8, 0.3),
    "back of the thigh": Region("thigh", 0.15, 0.9, -0.5),
    "front of the thigh": Region("thigh", 0.1, 0.9, 0.5),
}
"""Regions by where they are, in words."""

MEDICAL: dict[str, str] = {
    "erector spinae": "back",
    "multifidus": "lower back",
    "gluteus maximus": "buttocks",
    "gluteus medius": "side of the hip",
    "rectus abdominis": "tummy",
    "transversus abdominis": "deep tummy",
    "internal and external obliques": "side of the waist",
    "quadratus lumborum": "deep side of the back",
    "latissimus dorsi": "under the arm",
    "rhomboids and trapezius": "between the shoulder blades",
    "rhomboids and lower trapezius": "between the shoulder blades",
    "trapezius and rhomboids": "between the shoulder blades",
    "trapezius": "between the shoulder blades",
    "posterior deltoids": "back of the shoulder",
    "biceps": "front of the arm",
    "forearm flexors": "forearm",
    "hamstrings": "back of the thigh",
    "rectus femoris": "front of the thigh",
    "quadriceps": "front of the thigh",
    "iliopsoas": "front of the hip",
    "levator ani": "pelvic floor",
}
"""Each medical name the content uses, and the region it is drawn as."""


def region_of(plain: str, medical: str) -> Region | None:
    """The region a primary muscle is drawn as (None: not one the drawing knows)."""
    where = MEDICAL.get(medical.strip().lower())
    if where == "back" and plain.lower().startswith("lower"):
        where = "lower back"  # "Lower back muscles": the erector spinae of the lower back
    return REGIONS.get(where) if where else None


_TOWARDS_US = {"side": (0.0, 0.0, 1.0), "front": (1.0, 0.0, 0.0), "top": (0.0, 1.0, 0.0)}


def draw_muscle(canvas: Canvas, figure: Figure, region: Region) -> bool:
    """Shade one region on the figure; False when it is on the far side (drawn dashed)."""
    view = canvas.view
    points, normal, seg, thickness = _place(figure, region)
    hidden = dot(normal, _TOWARDS_US[view.name]) < -0.35
    drawn = [view(p)[:2] for p in points]
    # Just above the body shape it lies on (the trunk, or the near limb), under what is nearer.
    depth = 90.0 if region.surface else (view(seg.a)[2] + view(seg.b)[2]) / 2 + 0.002
    if hidden:  # on the far side of the body: a dashed line where it lies
        canvas.line("hidden", drawn, 2.4, depth, ' stroke-dasharray="4 3"')
    else:
        canvas.line("muscle", drawn, max(2.5, thickness * CM), depth)
    return not hidden


def _place(figure: Figure, region: Region) -> tuple[list[Vec], Vec, Segment, float]:
    """Points along the region (world), its outward direction, the body shape it lies on and
    its thickness."""
    steps = 3
    if region.on == "trunk":
        points, normals = [], []
        half = 0.0
        for i in range(steps + 1):
            level = region.start + (region.end - region.start) * i / steps
            centre, frame = _trunk_at(figure, level)
            w, d = widths(level)
            off = add(
                add((0.0, 0.0, 0.0), frame[0], region.forward * d), frame[2], region.right * w
            )
            points.append(add(centre, off))
            normals.append(off)
            half = max(half, d)
        normal = _unit(normals[len(normals) // 2])
        chest = next(s for s in figure.segments if s.name == "chest")
        return points, normal, chest, region.width * half
    seg = next(s for s in figure.segments if s.name == region.on and s.side == "right")
    f = seg.frame[0]
    points = []
    for i in range(steps + 1):
        t = region.start + (region.end - region.start) * i / steps
        radius = seg.ra + (seg.rb - seg.ra) * t
        axis = add(seg.a, add(seg.b, seg.a, -1.0), t)
        points.append(add(axis, f, region.forward * radius))
    normal = _unit((region.forward * f[0], region.forward * f[1], region.forward * f[2]))
    return points, normal, seg, region.width * seg.ra


def _trunk_at(figure: Figure, level: float) -> tuple[Vec, tuple[Vec, Vec, Vec]]:
    """The trunk's axis point and frame `level` above the hip joints."""
    pieces = [s for s in figure.segments if s.name in ("hips", "lower_back", "chest")]
    lengths = [B.PELVIS] + [B.LUMBAR / B.LUMBAR_PIECES] * B.LUMBAR_PIECES
    lengths += [B.THORACIC / B.THORACIC_PIECES] * B.THORACIC_PIECES
    below = 0.0
    for seg, length in zip(pieces, lengths, strict=True):
        if level <= below + length or seg is pieces[-1]:
            t = (level - below) / length
            return add(seg.a, seg.frame[1], t * length), seg.frame
        below += length
    raise AssertionError("unreachable")


def _unit(v: Vec) -> Vec:
    n = math.sqrt(dot(v, v)) or 1.0
    return (v[0] / n, v[1] / n, v[2] / n)
