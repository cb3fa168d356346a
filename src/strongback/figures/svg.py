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


def tenths(value: float) -> int:
    """A coordinate in tenths of a unit: the precision every figure is drawn to."""
    return round(value * 10)


def short(tenth: int) -> str:
    """A number of tenths as path data writes it shortest: '12', '-3.4', '.5', '-.5'."""
    sign = "-" if tenth < 0 else ""
    whole, frac = divmod(abs(tenth), 10)
    if not frac:
        return f"{sign}{whole}"
    return f"{sign}{whole if whole else ''}.{frac}"


def numbers(tenths_list: list[int]) -> str:
    """Numbers for path data, separated by a space except before a minus sign."""
    out = ""
    for value in tenths_list:
        text = short(value)
        out += text if not out or text.startswith("-") else " " + text
    return out


def relative(points: list[tuple[float, float]]) -> str:
    """A polyline as path data: the first point absolute, then each step relative ("M…l…"), each
    point rounded to a tenth first so the steps add up exactly."""
    ts = [(tenths(x), tenths(y)) for x, y in points]
    d = "M" + numbers(list(ts[0]))
    if len(ts) > 1:
        d += "l" + numbers([v for a, b in pairwise(ts) for v in (b[0] - a[0], b[1] - a[1])])
    return d


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


def _arc(radius: float, large: str, step: tuple[int, int]) -> str:
    """A relative circular arc (sweep 0) by `step` tenths."""
    r = short(tenths(radius))
    end = numbers(list(step))
    return f"a{r} {r} 0 {large} 0" + (end if end.startswith("-") else " " + end)


def offset(a: tuple[int, int], b: tuple[int, int]) -> tuple[int, int]:
    return (b[0] - a[0], b[1] - a[1])


def tenth_point(p: tuple[float, float]) -> tuple[int, int]:
    return (tenths(p[0]), tenths(p[1]))


def capsule(a: tuple[float, float], b: tuple[float, float], ra: float, rb: float) -> str:
    """A tapered capsule as one path (y down): circles at a and b joined by outer tangents.
    Relative path data to a tenth of a unit: short, so pages stay light."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy)
    if length <= abs(ra - rb) + 0.3:
        radius, centre = (ra, a) if ra >= rb else (rb, b)
        return ball(centre, radius)
    tx, ty = dx / length, dy / length
    nx, ny = -ty, tx
    s = (ra - rb) / length
    c = math.sqrt(1 - s * s)
    e1 = (nx * c + tx * s, ny * c + ty * s)
    e2 = (-nx * c + tx * s, -ny * c + ty * s)
    p1 = tenth_point((a[0] + ra * e1[0], a[1] + ra * e1[1]))
    p2 = tenth_point((b[0] + rb * e1[0], b[1] + rb * e1[1]))
    p3 = tenth_point((b[0] + rb * e2[0], b[1] + rb * e2[1]))
    p4 = tenth_point((a[0] + ra * e2[0], a[1] + ra * e2[1]))
    big_b, big_a = ("0", "1") if s > 0 else ("1", "0")
    return (
        f"M{numbers(list(p1))}l{numbers(list(offset(p1, p2)))}{_arc(rb, big_b, offset(p2, p3))}"
        f"l{numbers(list(offset(p3, p4)))}{_arc(ra, big_a, offset(p4, p1))}z"
    )


def ball(centre: tuple[float, float], radius: float) -> str:
    """A circle as path data (y down)."""
    across = tenths(2 * radius)
    start = tenth_point((centre[0] - radius, centre[1]))
    return (
        f"M{numbers(list(start))}{_arc(radius, '1', (across, 0))}{_arc(radius, '1', (-across, 0))}z"
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
        d = relative([(x, -y) for x, y in points])
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

    def elements(self, palette: Palette | None) -> list[str]:
        """The shapes as SVG elements, back to front. With a palette each carries its colours
        and line ends; without (`None`, inline on a web page) the site's stylesheet paints each
        class (docs/css/figures.css), so only the shape and its line width are written."""
        out = []
        for shape in sorted(self.shapes, key=lambda s: s.depth):
            cls = CLASSES[shape.role] + (" sbf-s" if shape.stroke else "")
            paint = "" if palette is None else " " + _paint(shape, palette)
            out.append(f'<{shape.element} class="{cls}"{paint}/>')
        return out


def _paint(shape: Shape, palette: Palette) -> str:
    colour = palette.muscle if shape.role == "hidden" else getattr(palette, shape.role)
    if shape.stroke:
        if shape.role == "prop":
            colour = palette.edge
        return f'fill="none" stroke="{colour}" stroke-linecap="round" stroke-linejoin="round"'
    if shape.role == "prop":
        return f'fill="{colour}" stroke="{palette.edge}" stroke-width="0.8"'
    return f'fill="{colour}"'


# --- the body -----------------------------------------------------------------------------------


TRUNK_PIECES = ("hips", "lower_back", "chest")


ARM = frozenset({"upper_arm", "elbow", "forearm", "hand"})
LEG = frozenset({"thigh", "knee", "shin", "foot", "heel", "toes"})


def limb(part: str) -> tuple[str, frozenset[str]] | None:
    """The side and the segments of the limb a one-sided body part belongs to
    ('left_foot' -> the left leg); None for a central part ('hips')."""
    side, _, name = part.partition("_")
    if side not in ("left", "right"):
        return None
    if name in ARM or name == "shoulder":
        return side, ARM
    return (side, LEG) if name in LEG else None


def draw_body(
    canvas: Canvas, figure: Figure, working: frozenset[tuple[str, str]] = frozenset()
) -> None:
    """The body: the trunk as one outline, the limbs as tapered capsules, near limbs darker
    than far ones. A far limb that does the work (`working`: (side, segment name) pairs, from
    the exercise's arrows) is drawn in the body's tone, never the pale far one."""
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
        if role == "far" and (seg.side, seg.name) in working:
            role = "body"
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
    rounded at the hips and at the shoulders. The curve passes through the pelvis's ends and
    every other joint of the spine above it (T12 among them): the spine bends evenly within a
    segment, so the joints between add nothing you can see, only weight to the page."""
    centres = [view(segs[0].a)[:2]] + [view(seg.b)[:2] for seg in segs]
    radii = [_projected_radius(segs[0], view, "a")]
    radii += [_projected_radius(seg, view, "b") for seg in segs]
    keep = [0, 1, *range(len(centres) - 1, 1, -2)[::-1]]
    centres, radii = [centres[i] for i in keep], [radii[i] for i in keep]
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
    curves = _cap(right[0], left[0], down, radii[0]) + _smooth(left)
    curves += _cap(left[-1], right[-1], up, radii[-1]) + _smooth(right[::-1])
    return _relative_curves(right[0], curves) + "z"


Curve = tuple[tuple[float, float], tuple[float, float], tuple[float, float]]
"""A cubic Bézier's two control points and its end (the start is the current point)."""


def _relative_curves(start: tuple[float, float], curves: list[Curve]) -> str:
    """Cubic Béziers as relative path data: each end to a tenth, so the steps add up exactly,
    and each control point to the nearest whole unit: it only pulls the curve, and whole numbers
    keep the page light."""
    at = tenth_point(start)
    data: list[int] = []
    for c1, c2, end in curves:
        for control in (c1, c2):
            data += [round(control[0] - at[0] / 10) * 10, round(control[1] - at[1] / 10) * 10]
        new = tenth_point(end)
        data += list(offset(at, new))
        at = new
    return f"M{numbers(list(tenth_point(start)))}c{numbers(data)}"


def _cap(
    a: tuple[float, float], b: tuple[float, float], out: tuple[float, float], r: float
) -> list[Curve]:
    """A round end from a to b, bulging by r in direction `out` (a cubic semicircle)."""
    k = 4 / 3 * r
    return [((a[0] + out[0] * k, a[1] + out[1] * k), (b[0] + out[0] * k, b[1] + out[1] * k), b)]


def _smooth(points: list[tuple[float, float]]) -> list[Curve]:
    """A Catmull-Rom curve through the points, as cubic Béziers (the first point is current)."""
    out = []
    for i in range(len(points) - 1):
        p0 = points[max(0, i - 1)]
        p1, p2 = points[i], points[i + 1]
        p3 = points[min(len(points) - 1, i + 2)]
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        out.append((c1, c2, p2))
    return out
