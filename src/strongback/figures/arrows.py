"""The movement arrow: from where the moving part was to where it is, bowed away from the body."""

from __future__ import annotations

import math

from strongback.figures.figure import Figure
from strongback.figures.svg import Canvas, Shape, View, numbers, offset, relative, tenth_point
from strongback.model.parts import expand_parts

ARROW_POINTS = ("hand", "foot", "knee", "head", "hips", "elbow")
MIN_ARROW = 16.0
"""Shortest arrow drawn (cm): a small movement is shown by an arrow of this length."""


def movement(
    before: Figure,
    after: Figure,
    view: View,
    shift: tuple[float, float] = (0, 0),
    part: str | None = None,
) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """Where the arrow runs (drawing cm): the point that moves most between two figures, or
    the body part the pose names; None when nothing moves (or the pose says `none`)."""

    if part == "none":
        return None
    if part is not None:
        candidates = expand_parts([part])
    else:
        candidates = [
            f"{side}_{name}"
            for name in ARROW_POINTS[:3] + ARROW_POINTS[5:]
            for side in ("right", "left")
        ] + ["head", "hips"]
    best: tuple[float, tuple[float, float], tuple[float, float]] | None = None
    for name in candidates:
        pa, pb = view(before.centre(name)), view(after.centre(name))
        start = (pa[0] + shift[0], pa[1] + shift[1])
        end = (pb[0], pb[1])
        dist = math.hypot(end[0] - start[0], end[1] - start[1])
        # Prefer the near side when both sides move alike.
        score = dist + (0.5 if name.startswith("right_") else 0)
        if dist > (1 if part else 6) and (best is None or score > best[0]):
            best = (score, start, end)
    return None if best is None else (best[1], best[2])


def draw_arrow(
    canvas: Canvas,
    start: tuple[float, float],
    end: tuple[float, float],
    centre: tuple[float, float],
    both_ways: bool = False,
) -> None:
    """A curved arrow from start to end, bowed away from the body's centre (with a head at each
    end when the movement goes there and back)."""
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = math.hypot(dx, dy)
    mx, my = (start[0] + end[0]) / 2, (start[1] + end[1]) / 2
    if length < MIN_ARROW:  # a small movement still gets an arrow you can see
        k = MIN_ARROW / length
        start = (mx - dx * k / 2, my - dy * k / 2)
        end = (mx + dx * k / 2, my + dy * k / 2)
        dx, dy, length = dx * k, dy * k, MIN_ARROW
    nx, ny = -dy / length, dx / length
    if (mx - centre[0]) * nx + (my - centre[1]) * ny < 0:
        nx, ny = -nx, -ny
    gap = 9.0
    if min(start[1], end[1]) + ny * (gap + 10) < 2:  # never below the floor: bow upwards
        nx, ny = -nx, -ny
    s = (start[0] + nx * gap, start[1] + ny * gap)
    e = (end[0] + nx * gap, end[1] + ny * gap)
    bow = min(0.25 * length, 18)
    c = (mx + nx * (gap + bow), my + ny * (gap + bow))
    # Arrow head along the curve's end tangent.
    tx, ty = e[0] - c[0], e[1] - c[1]
    tl = math.hypot(tx, ty) or 1.0
    tx, ty = tx / tl, ty / tl
    base = _head(canvas, e, (tx, ty))
    first = s
    if both_ways:
        bx, by = s[0] - c[0], s[1] - c[1]
        bl = math.hypot(bx, by) or 1.0
        first = _head(canvas, s, (bx / bl, by / bl))
    at, bend, to = (
        tenth_point((first[0], -first[1])),
        tenth_point((c[0], -c[1])),
        tenth_point((base[0], -base[1])),
    )
    d = f"M{numbers(list(at))}q{numbers([*offset(at, bend), *offset(at, to)])}"
    canvas.shapes.append(Shape(99, "arrow", f'path d="{d}" stroke-width="2.6"', stroke=True))


def _head(
    canvas: Canvas, tip: tuple[float, float], along: tuple[float, float]
) -> tuple[float, float]:
    """An arrow head at `tip` pointing `along` (unit); returns the middle of its base."""
    head, half = 7.0, 4.5
    tx, ty = along
    base = (tip[0] - tx * head, tip[1] - ty * head)
    canvas.path(
        "arrow",
        relative(
            [
                (tip[0], -tip[1]),
                (base[0] - ty * half, -(base[1] + tx * half)),
                (base[0] + ty * half, -(base[1] - tx * half)),
            ]
        )
        + "z",
        99.5,
    )
    return base
