"""Solved poses -> SVG in the house style (see FIGURES.md): filled, rounded limbs and a head,
the near arm and leg darker than the far ones, neutral props, the floor, one movement arrow.

Every shape has a class the site's stylesheet colours from CSS custom properties (light, dark,
print), and the same colour as a presentation attribute, so the SVG also looks right on its own
and in WeasyPrint. Output is deterministic: coordinates are rounded, order is fixed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import pairwise

from strongback.figures.figure import Figure, Segment
from strongback.figures.geometry import Vec

CM = 170.0
"""Drawing units are centimetres: a body height is 170 units."""


@dataclass(frozen=True)
class Palette:
    near: str
    body: str
    far: str
    prop: str
    edge: str
    floor: str
    arrow: str
    muscle: str


SCREEN = Palette(
    "#0b4f4a", "#2a7a72", "#5e9c94", "#e3e7ea", "#7d8b93", "#7d8b93", "#c2410c", "#f08fc0"
)
"""Fallback colours (the light scheme); the site's CSS custom properties override them."""
PRINT = Palette(
    "#000000", "#3c3c3c", "#8c8c8c", "#ececec", "#5a5a5a", "#000000", "#000000", "#dcdcdc"
)
"""Black and grey only, for PDFs and paper."""

CLASSES = {
    "near": "sbf-n",
    "body": "sbf-b",
    "far": "sbf-f",
    "prop": "sbf-p",
    "floor": "sbf-l",
    "arrow": "sbf-a",
    "muscle": "sbf-m",
    "hidden": "sbf-m sbf-mh",
}


def num(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


@dataclass(frozen=True)
class View:
    """Projects world points (body heights) onto the drawing (cm, y up) with a depth:
    `side` sees the body's right side, `front` its front, `top` looks straight down with the
    body's right side at the bottom of the drawing."""

    name: str

    def __call__(self, p: Vec) -> tuple[float, float, float]:
        x, y, z = p
        if self.name == "front":
            return (-z * CM, y * CM, x)
        if self.name == "top":
            return (x * CM, -z * CM, y)
        return (x * CM, y * CM, z)


def capsule(a: tuple[float, float], b: tuple[float, float], ra: float, rb: float) -> str:
    """A tapered capsule as one path (y down): circles at a and b joined by outer tangents."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy)
    if length <= abs(ra - rb) + 0.3:
        radius, centre = (ra, a) if ra >= rb else (rb, b)
        return (
            f"M{num(centre[0] - radius)} {num(centre[1])}a{num(radius)} {num(radius)} 0 1 0 "
            f"{num(2 * radius)} 0a{num(radius)} {num(radius)} 0 1 0 {num(-2 * radius)} 0z"
        )
    tx, ty = dx / length, dy / length
    nx, ny = -ty, tx
    s = (ra - rb) / length
    c = math.sqrt(1 - s * s)
    e1 = (nx * c + tx * s, ny * c + ty * s)
    e2 = (-nx * c + tx * s, -ny * c + ty * s)
    p1 = (a[0] + ra * e1[0], a[1] + ra * e1[1])
    p2 = (b[0] + rb * e1[0], b[1] + rb * e1[1])
    p3 = (b[0] + rb * e2[0], b[1] + rb * e2[1])
    p4 = (a[0] + ra * e2[0], a[1] + ra * e2[1])
    big_b, big_a = ("0", "1") if s > 0 else ("1", "0")
    return (
        f"M{num(p1[0])} {num(p1[1])}L{num(p2[0])} {num(p2[1])}"
        f"A{num(rb)} {num(rb)} 0 {big_b} 0 {num(p3[0])} {num(p3[1])}"
        f"L{num(p4[0])} {num(p4[1])}A{num(ra)} {num(ra)} 0 {big_a} 0 {num(p1[0])} {num(p1[1])}z"
    )


@dataclass
class Shape:
    depth: float
    role: str
    """near, body, far, prop, floor or arrow."""
    element: str
    """'path d=…' or other element text without the class and fill."""
    stroke: bool = False


class Canvas:
    """Shapes in drawing coordinates (cm, y up), turned into SVG elements (y down)."""

    def __init__(self, view: View) -> None:
        self.view = view
        self.shapes: list[Shape] = []

    def y(self, value: float) -> float:
        return -value

    def path(self, role: str, d: str, depth: float = -9.0) -> None:
        self.shapes.append(Shape(depth, role, f'path d="{d}"'))

    def line(
        self,
        role: str,
        points: list[tuple[float, float]],
        width: float,
        depth: float = -9.0,
        extra: str = "",
    ) -> None:
        d = "M" + "L".join(f"{num(x)} {num(-y)}" for x, y in points)
        self.shapes.append(
            Shape(depth, role, f'path d="{d}" stroke-width="{num(width)}"{extra}', stroke=True)
        )

    def rect(
        self,
        role: str,
        x0: float,
        y0: float,
        x1: float,
        y1: float,
        r: float = 1.0,
        depth: float = -9.0,
    ) -> None:
        self.shapes.append(
            Shape(
                depth,
                role,
                (
                    f'rect x="{num(min(x0, x1))}" y="{num(-max(y0, y1))}" '
                    f'width="{num(abs(x1 - x0))}" height="{num(abs(y1 - y0))}" rx="{num(r)}"'
                ),
            )
        )

    def circle(self, role: str, x: float, y: float, r: float, depth: float = -9.0) -> None:
        self.shapes.append(Shape(depth, role, f'circle cx="{num(x)}" cy="{num(-y)}" r="{num(r)}"'))

    def elements(self, palette: Palette) -> list[str]:
        out = []
        for shape in sorted(self.shapes, key=lambda s: s.depth):
            colour = palette.muscle if shape.role == "hidden" else getattr(palette, shape.role)
            cls = CLASSES[shape.role]
            if shape.stroke and shape.role == "prop":
                colour = palette.edge
            if shape.stroke:
                paint = (
                    f'fill="none" stroke="{colour}" stroke-linecap="round" stroke-linejoin="round"'
                )
                cls += " sbf-s"
            elif shape.role == "prop":
                paint = f'fill="{colour}" stroke="{palette.edge}" stroke-width="0.8"'
            else:
                paint = f'fill="{colour}"'
            out.append(f'<{shape.element} class="{cls}" {paint}/>')
        return out


# --- the body -----------------------------------------------------------------------------------


TRUNK_PIECES = ("hips", "lower_back", "chest")


def draw_body(canvas: Canvas, figure: Figure) -> None:
    view = canvas.view
    pieces = [seg for seg in figure.segments if seg.name in TRUNK_PIECES]
    chest = next(seg for seg in pieces if seg.name == "chest")
    trunk_depth = (view(chest.a)[2] + view(chest.b)[2]) / 2
    canvas.path("body", trunk_outline(pieces, view), trunk_depth)
    for seg in figure.segments:
        if seg.name in ("heel", "toes", "elbow", "knee", *TRUNK_PIECES):
            continue  # points for contacts, or the trunk's pieces: drawn as one outline
        a, b = view(seg.a), view(seg.b)
        depth = (a[2] + b[2]) / 2
        if seg.side == "centre":
            role = "body"
        elif view.name == "side" or abs(depth - trunk_depth) > 0.02:
            role = "near" if depth > trunk_depth else "far"
        else:
            role = "near"
        ra, rb = _projected_radius(seg, view, "a"), _projected_radius(seg, view, "b")
        canvas.path(role, capsule((a[0], -a[1]), (b[0], -b[1]), ra, rb), depth)


def _projected_radius(seg: object, view: View, end: str) -> float:
    from strongback.figures.figure import Segment

    assert isinstance(seg, Segment)
    if seg.depth_ratio == 1.0:
        return (seg.ra if end == "a" else seg.rb) * CM
    # The half-width a trunk segment shows: its surface reach across the drawn axis.
    a, b = view(seg.a), view(seg.b)
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy)
    nx, ny = (-dy / length, dx / length) if length > 1e-6 else (0.0, 1.0)
    across = _unproject(view, nx, ny)
    return seg.support(across, end) * CM


def _unproject(view: View, sx: float, sy: float) -> Vec:
    """A drawing-plane direction as a world direction."""
    if view.name == "front":
        return (0.0, sy, -sx)
    if view.name == "top":
        return (sx, 0.0, -sy)
    return (sx, sy, 0.0)


def trunk_outline(segs: list[Segment], view: View) -> str:
    """The trunk as one smooth shape (y down): a curve along each side of the spine's pieces,
    rounded at the hips and at the shoulders."""
    centres = [view(segs[0].a)[:2]] + [view(seg.b)[:2] for seg in segs]
    radii = [_projected_radius(segs[0], view, "a")]
    radii += [_projected_radius(seg, view, "b") for seg in segs]
    dirs = []
    for (x0, y0), (x1, y1) in pairwise(centres):
        length = math.hypot(x1 - x0, y1 - y0)
        dirs.append(((x1 - x0) / length, (y1 - y0) / length) if length > 1e-6 else (0.0, 1.0))
    left, right = [], []
    for index, ((x, y), r) in enumerate(zip(centres, radii, strict=True)):
        around = dirs[max(0, index - 1) : index + 1]
        tx, ty = sum(d[0] for d in around), sum(d[1] for d in around)
        tl = math.hypot(tx, ty) or 1.0
        nx, ny = -ty / tl, tx / tl
        left.append((x + nx * r, -(y + ny * r)))
        right.append((x - nx * r, -(y - ny * r)))
    down = (-dirs[0][0], dirs[0][1])
    up = (dirs[-1][0], -dirs[-1][1])
    d = f"M{_pt(right[0])}" + _cap(right[0], left[0], down, radii[0])
    d += _smooth(left) + _cap(left[-1], right[-1], up, radii[-1])
    d += _smooth(right[::-1]) + "z"
    return d


def _pt(p: tuple[float, float]) -> str:
    return f"{num(p[0])} {num(p[1])}"


def _control(p: tuple[float, float]) -> str:
    """A Bézier control point of the trunk's outline, to the nearest centimetre: it only pulls
    the curve, and whole numbers keep the page light."""
    return f"{round(p[0]) + 0} {round(p[1]) + 0}"


def _cap(a: tuple[float, float], b: tuple[float, float], out: tuple[float, float], r: float) -> str:
    """A round end from a to b, bulging by r in direction `out` (a cubic semicircle)."""
    k = 4 / 3 * r
    return (
        f"C{_control((a[0] + out[0] * k, a[1] + out[1] * k))} "
        f"{_control((b[0] + out[0] * k, b[1] + out[1] * k))} {_pt(b)}"
    )


def _smooth(points: list[tuple[float, float]]) -> str:
    """A Catmull-Rom curve through the points, as cubic Béziers (the first point is current)."""
    out = ""
    for i in range(len(points) - 1):
        p0 = points[max(0, i - 1)]
        p1, p2 = points[i], points[i + 1]
        p3 = points[min(len(points) - 1, i + 2)]
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        out += f"C{_control(c1)} {_control(c2)} {_pt(p2)}"
    return out
