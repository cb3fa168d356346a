"""Solved poses -> SVG in the house style (see FIGURES.md): filled, rounded limbs and a head,
the near arm and leg darker than the far ones, neutral props, the floor, one movement arrow.

Every shape has a class the site's stylesheet colours from CSS custom properties (light, dark,
print), and the same colour as a presentation attribute, so the SVG also looks right on its own
and in WeasyPrint. Output is deterministic: coordinates are rounded, order is fixed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from strongback.figures.figure import Figure, PropPlace
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


SCREEN = Palette("#0b4f4a", "#2a7a72", "#8fc2bb", "#e3e7ea", "#7d8b93", "#7d8b93", "#c2410c")
"""Fallback colours (the light scheme); the site's CSS custom properties override them."""
PRINT = Palette("#000000", "#3c3c3c", "#a0a0a0", "#ececec", "#5a5a5a", "#000000", "#000000")
"""Black and grey only, for PDFs and paper."""

CLASSES = {
    "near": "sbf-n",
    "body": "sbf-b",
    "far": "sbf-f",
    "prop": "sbf-p",
    "floor": "sbf-l",
    "arrow": "sbf-a",
}


def _n(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


ABOVE = 50.0
"""The `above` view looks down at this many degrees, from the body's right side."""
_COS, _SIN = math.cos(math.radians(ABOVE)), math.sin(math.radians(ABOVE))


@dataclass(frozen=True)
class View:
    """Projects world points (body heights) onto the drawing (cm, y up) with a depth."""

    name: str

    def __call__(self, p: Vec) -> tuple[float, float, float]:
        x, y, z = p
        if self.name == "front":
            return (-z * CM, y * CM, x)
        if self.name == "above":
            return (x * CM, (y * _COS - z * _SIN) * CM, y * _SIN + z * _COS)
        return (x * CM, y * CM, z)


def capsule(a: tuple[float, float], b: tuple[float, float], ra: float, rb: float) -> str:
    """A tapered capsule as one path (y down): circles at a and b joined by outer tangents."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy)
    if length <= abs(ra - rb) + 0.3:
        radius, centre = (ra, a) if ra >= rb else (rb, b)
        return (
            f"M{_n(centre[0] - radius)} {_n(centre[1])}a{_n(radius)} {_n(radius)} 0 1 0 "
            f"{_n(2 * radius)} 0a{_n(radius)} {_n(radius)} 0 1 0 {_n(-2 * radius)} 0z"
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
        f"M{_n(p1[0])} {_n(p1[1])}L{_n(p2[0])} {_n(p2[1])}"
        f"A{_n(rb)} {_n(rb)} 0 {big_b} 0 {_n(p3[0])} {_n(p3[1])}"
        f"L{_n(p4[0])} {_n(p4[1])}A{_n(ra)} {_n(ra)} 0 {big_a} 0 {_n(p1[0])} {_n(p1[1])}z"
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
        self, role: str, points: list[tuple[float, float]], width: float, depth: float = -9.0
    ) -> None:
        d = "M" + "L".join(f"{_n(x)} {_n(-y)}" for x, y in points)
        self.shapes.append(
            Shape(depth, role, f'path d="{d}" stroke-width="{_n(width)}"', stroke=True)
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
                    f'rect x="{_n(min(x0, x1))}" y="{_n(-max(y0, y1))}" width="{_n(abs(x1 - x0))}" '
                    f'height="{_n(abs(y1 - y0))}" rx="{_n(r)}"'
                ),
            )
        )

    def circle(self, role: str, x: float, y: float, r: float, depth: float = -9.0) -> None:
        self.shapes.append(Shape(depth, role, f'circle cx="{_n(x)}" cy="{_n(-y)}" r="{_n(r)}"'))

    def elements(self, palette: Palette) -> list[str]:
        out = []
        for shape in sorted(self.shapes, key=lambda s: s.depth):
            colour = getattr(palette, shape.role)
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


def draw_body(canvas: Canvas, figure: Figure) -> None:
    view = canvas.view
    chest = next(seg for seg in figure.segments if seg.name == "chest")
    trunk_depth = (view(chest.a)[2] + view(chest.b)[2]) / 2
    for seg in figure.segments:
        if seg.name in ("heel", "toes", "elbow", "knee"):
            continue  # points for contacts; the capsules draw them
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
    if view.name == "above":
        return (sx, sy * _COS, -sy * _SIN)
    return (sx, sy, 0.0)


# --- props --------------------------------------------------------------------------------------


def draw_prop(canvas: Canvas, prop: PropPlace, top_view: bool) -> None:
    view = canvas.view
    pts = {name: view(p) for name, p in prop.points.items()}
    kind = prop.type
    back = -20.0
    if kind == "mat":
        x0, x1 = sorted((pts["from"][0], pts["to"][0]))
        if top_view:  # the mat seen from above: its width foreshortened
            canvas.rect("prop", x0, -34 * _SIN, x1, 34 * _SIN, 2, back)
        else:
            canvas.rect("prop", x0, 0, x1, 1.5, 0.7, back)
    elif kind == "wall":
        x = pts["at"][0]
        canvas.rect("prop", x - 8, 0, x, 215, 0, back)
    elif kind in ("chair", "bench", "step"):
        x0, x1 = sorted((pts["from"][0], pts["to"][0]))
        top = prop.height * CM
        if kind == "chair":
            mid = (x0 + x1) / 2
            x0, x1 = mid - 22, mid + 22
            canvas.rect("prop", x0 - 3, top, x0 + 1, top + 45, 1, back)
        else:
            x0, x1 = x0 - 10, x1 + 10
        if kind == "step":
            canvas.rect("prop", x0, 0, x1, top, 1.5, back)
            return
        canvas.rect("prop", x0, top - 5, x1, top, 1.5, back)
        for leg in (x0 + 3, x1 - 7):
            canvas.rect("prop", leg, 0, leg + 4, top - 5, 0.5, back)
    elif kind == "kettlebell":
        x, y, depth = pts["grip"]
        canvas.line(
            "prop",
            [(x - 6, y - 8), (x - 6, y + 2), (x + 6, y + 2), (x + 6, y - 8)],
            3,
            depth + 0.001,
        )
        canvas.circle("prop", x, y - 17, 11, depth + 0.001)
    elif kind == "dumbbell":
        for name in sorted(pts):
            x, y, depth = pts[name]
            if view.name == "side":
                canvas.rect("prop", x - 13, y - 1.5, x + 13, y + 1.5, 1, depth + 0.001)
                for end in (x - 15, x + 9):
                    canvas.rect("prop", end, y - 7, end + 6, y + 7, 1.5, depth + 0.001)
            else:
                canvas.rect("prop", x - 7, y - 7, x + 7, y + 7, 2, depth + 0.001)
    elif kind == "barbell":
        x, y, depth = pts["grip"]
        canvas.circle("prop", x, y, 22.5, -0.5)
        canvas.circle("prop", x, y, 3, depth + 0.001)
    elif kind == "bar":
        x, y, _ = pts["grip"]
        if y > 150:
            canvas.line("floor", [(x - 25, y + 22), (x + 25, y + 22)], 2.5, back)
            canvas.line("prop", [(x, y), (x, y + 22)], 2.5, back)
        else:
            canvas.line("prop", [(x, y), (x, 0)], 3, back)
            canvas.rect("prop", x - 12, 0, x + 12, 2, 1, back)
        canvas.circle("prop", x, y, 2.8, 9.0)
    elif kind in ("band", "cable"):
        x, y, depth = pts["grip"]
        ax, ay, _ = pts["anchor"]
        canvas.line("prop", [(x, y), (ax, ay)], 1.6 if kind == "cable" else 3.2, depth - 0.001)
        if kind == "cable":
            canvas.circle("prop", ax, ay, 5, back)
            canvas.rect("prop", x - 2, y - 14, x + 2, y + 14, 1.5, 9.0)
        elif prop.points.get("anchor") and not _near_bar(prop):
            canvas.rect("prop", ax, ay - 5, ax + 6, ay + 5, 1, back)
    elif kind == "stick":
        (x0, y0, _), (x1, y1, _) = pts["from"], pts["to"]
        canvas.line("prop", [(x0, y0), (x1, y1)], 2.6, 0.5)
    elif kind == "extension_bench":
        px, py, _ = pts["pad"]
        fx, fy, _ = pts["plate"]
        canvas.line("prop", [(px, py - 8), (px - 5, 0)], 3, back)
        canvas.line("prop", [(fx - 4, fy - 4), (fx - 10, 0)], 3, back)
        canvas.line("prop", [(fx - 15, 1.5), (px + 5, 1.5)], 3, back)
        canvas.circle("prop", px, py, 7, 9.0)
        canvas.rect("prop", fx - 10, fy - 8, fx + 10, fy - 4, 1, back)


def _near_bar(prop: PropPlace) -> bool:
    return prop.type == "band" and prop.points["anchor"][1] > prop.points["grip"][1] + 0.3


# --- arrow --------------------------------------------------------------------------------------

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
    from strongback.model.pose import expand_parts

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
) -> None:
    """A curved arrow from start to end, bowed away from the body's centre."""
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
    head, half = 7.0, 4.5
    base = (e[0] - tx * head, e[1] - ty * head)
    d = f"M{_n(s[0])} {_n(-s[1])}Q{_n(c[0])} {_n(-c[1])} {_n(base[0])} {_n(-base[1])}"
    canvas.shapes.append(Shape(99, "arrow", f'path d="{d}" stroke-width="2.6"', stroke=True))
    tip = (
        f"M{_n(e[0])} {_n(-e[1])}L{_n(base[0] - ty * half)} {_n(-(base[1] + tx * half))}"
        f"L{_n(base[0] + ty * half)} {_n(-(base[1] - tx * half))}z"
    )
    canvas.path("arrow", tip, 99.5)
