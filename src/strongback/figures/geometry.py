"""Vectors and frames of the figures' 3D world, in units of body height H.

World axes: X forward (the way a standing figure faces), Y up, Z to the figure's right
(towards us in side view). A frame is (forward, up, right); a joint angle turns it.
"""

from __future__ import annotations

import math

from strongback.figures import body as B

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


def mean(points: list[Vec]) -> Vec:
    n = len(points) or 1
    return (
        sum(p[0] for p in points) / n,
        sum(p[1] for p in points) / n,
        sum(p[2] for p in points) / n,
    )
