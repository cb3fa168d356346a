"""The trunk as an articulated spine: the pelvis, the lumbar spine and the thoracic spine, each
bending evenly over a few pieces so the back is one smooth curve (body.py has the lengths and
ranges).

Angles are orientations against the pose's placement (`lean`, `roll`), positive tipping forward.
The thorax keeps the placement's direction: with the pelvis untilted, the line from the hip
joints to the shoulder line is the pose's `lean`, whatever the spine's bend. Tilting the pelvis
turns it about the hip joints against the chest, and the lumbar spine bends the other way (an
anterior tilt arches the lower back), as it does when you tilt your pelvis lying on your back.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import pairwise

from strongback.figures import body as B
from strongback.figures.figure import Segment
from strongback.figures.geometry import Frame, Vec, add, flex, turn


@dataclass(frozen=True)
class Trunk:
    segments: list[Segment]
    """Pelvis (`hips`), lumbar pieces (`lower_back`), thoracic pieces (`chest`), in order
    from the hips up: the drawing joins them into one outline."""
    top: Vec
    """The middle of the shoulder line."""
    hips: Vec
    """The middle of the hip joints."""
    chest: Frame
    """The frame at the top of the thoracic spine: the arms and the neck hang from it."""
    landmarks: dict[str, Vec]
    """s1, t12 and c7 on the back surface."""


def _pieces(lumbar: float, thoracic: float, chest: float) -> list[float]:
    """Orientation (degrees) of each piece, from the pelvis up, given the thorax's base and the
    lumbar spine's bend (the pelvis's tilt counted in it)."""
    n, m = B.LUMBAR_PIECES, B.THORACIC_PIECES
    start = chest - lumbar
    lower = [start + (k + 0.5) / n * (chest - start) for k in range(n)]
    upper = [chest + (k + 0.5) / m * thoracic for k in range(m)]
    return [start, *lower, *upper]


def _lengths() -> list[float]:
    n, m = B.LUMBAR_PIECES, B.THORACIC_PIECES
    return [B.PELVIS] + [B.LUMBAR / n] * n + [B.THORACIC / m] * m


def _chord(angles: list[float]) -> float:
    """The forward angle of the line from the hip joints to the shoulder line."""
    x = sum(L * math.sin(math.radians(a)) for L, a in zip(_lengths(), angles, strict=True))
    y = sum(L * math.cos(math.radians(a)) for L, a in zip(_lengths(), angles, strict=True))
    return math.degrees(math.atan2(x, y))


def widths(level: float) -> tuple[float, float]:
    """Half width and half depth of the trunk at `level` (H above the hip joints, on its axis)."""
    w, d = B.TRUNK_HALF_WIDTH, B.TRUNK_HALF_DEPTH
    waist = B.PELVIS + B.LUMBAR
    chest = waist + 0.6 * B.THORACIC
    if level <= 0:
        return w["hips"], d["hips"]
    points = [
        (0.0, w["hips"], d["hips"]),
        (B.PELVIS, 0.5 * (w["hips"] + w["waist"]) + 0.004, 0.5 * (d["hips"] + d["waist"])),
        (waist, w["waist"], d["waist"]),
        (chest, w["chest"], d["chest"]),
        (B.TRUNK, w["chest"], d["chest"]),
    ]
    for (l0, w0, d0), (l1, w1, d1) in pairwise(points):
        if level <= l1:
            t = (level - l0) / (l1 - l0)
            return w0 + t * (w1 - w0), d0 + t * (d1 - d0)
    return w["chest"], d["chest"]


TOP_INSET = 0.03
"""The drawn chest stops this far below the shoulder line: its rounded top is the shoulders."""


def trunk(
    root: Frame,
    pelvis: float,
    lumbar: float,
    thoracic: float,
    twist: float,
    drawn_in: bool = False,
) -> Trunk:
    """The trunk's pieces for a pose: spine angles in degrees (see Pose.spine; `lumbar` counts
    the pelvis's tilt)."""
    base = _pieces(lumbar + pelvis, thoracic, 0.0)
    chest = -_chord(base)
    angles = _pieces(lumbar, thoracic, chest)
    lengths = _lengths()
    n = B.LUMBAR_PIECES
    turns = [twist] + [twist * (1 - (k + 0.5) / n) for k in range(n)]
    turns += [0.0] * B.THORACIC_PIECES
    names = ["hips"] + ["lower_back"] * n + ["chest"] * B.THORACIC_PIECES
    # Turned (knees rolled to one side), the pelvis rolls over the hip joint of that side: the
    # other hip joint rises, and the lumbar spine takes it up, the thorax staying down.
    legs = turn(root, twist)
    pivot = math.copysign(B.HIP_JOINTS, twist)
    hips = add(add((0.0, 0.0, 0.0), root[2], pivot), legs[2], -pivot)
    point: Vec = (0.0, 0.0, 0.0)
    level = 0.0
    segments = []
    landmarks: dict[str, Vec] = {}
    last = len(angles) - 1
    for index, (name, angle, length, twisted) in enumerate(
        zip(names, angles, lengths, turns, strict=True)
    ):
        frame = turn(flex(root, angle), twisted)
        end = add(point, frame[1], length)
        drawn = add(point, frame[1], length - TOP_INSET) if index == last else end
        wa, da = widths(level)
        wb, db = widths(level + length - (TOP_INSET if index == last else 0))
        # A piece's depth ratio is its middle's; the drawing reads each end's own depth.
        ka, kb = _lifted(level), _lifted(level + length)
        a, b = add(point, hips, ka), add(drawn, hips, kb)
        if drawn_in:  # the front of the tummy comes in, the back stays
            ia, ib = _drawn_in(level), _drawn_in(level + length)
            a, b = add(a, frame[0], -ia / 2), add(b, frame[0], -ib / 2)
            da, db = da - ia / 2, db - ib / 2
        segments.append(Segment(name, "centre", a, b, wa, wb, frame, (da + db) / (wa + wb)))
        if level < BELLY <= level + length:
            t = (BELLY - level) / length
            middle = add(a, add(b, a, -1.0), t)
            landmarks["belly"] = add(middle, frame[0], da + t * (db - da))
        if index == 0:
            landmarks["s1"] = add(add(end, frame[0], -B.SPINE_BEHIND), hips, kb)
            # The front of the pelvis (the bony points at the front of the hips): it shows the
            # pelvis tilting.
            landmarks["pelvis"] = add(b, frame[0], db)
        elif index == n:
            landmarks["t12"] = add(end, frame[0], -B.SPINE_BEHIND)
        point, level = end, level + length
    top_frame = flex(root, chest + thoracic)
    landmarks["c7"] = add(point, top_frame[0], -B.SPINE_BEHIND)
    return Trunk(segments, point, hips, top_frame, landmarks)


BELLY = B.PELVIS + 0.4 * B.LUMBAR
"""The level of the lower tummy (above the hip joints): where a brace draws it in most."""
DRAWN_IN = 0.024
"""How far a brace draws the lower tummy in (about 4 cm)."""


def _drawn_in(level: float) -> float:
    """How far the front of the trunk comes in at `level` when the tummy is drawn in."""
    return DRAWN_IN * max(0.0, 1 - abs(level - BELLY) / (0.7 * B.LUMBAR))


def _lifted(level: float) -> float:
    """How much of the pelvis's move a point of the spine at `level` takes: all of it up to
    S1, none from T12 up."""
    return min(1.0, max(0.0, (B.PELVIS + B.LUMBAR - level) / B.LUMBAR))
