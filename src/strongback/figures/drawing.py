"""An exercise's poses -> its captioned figures (SVG), side by side at one scale.

The poses are lined up so that what stays planted (hands and feet on the floor, a bar) stays
in the same place from one figure to the next, and the movement arrow runs from where the
moving part was to where it is.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from html import escape

from strongback.figures import kinematics
from strongback.figures.arrows import draw_arrow, movement
from strongback.figures.draw_props import draw_prop, near_bar
from strongback.figures.figure import Figure, PropPlace
from strongback.figures.muscles import draw_muscle, region_of
from strongback.figures.svg import CM, SCREEN, Canvas, Palette, View, draw_body, limb
from strongback.model.parts import CENTRAL_PARTS, expand_parts
from strongback.model.pose import Pose, Poses

MARGIN = 8.0
FORWARD = (26.0, 56.0)
"""Where a walking figure's `forward` arrow runs: this many cm ahead of the hips."""


@dataclass(frozen=True)
class Drawing:
    key: str
    """'start', 'between-1', …, 'end'."""
    caption: str
    title: str
    """'Bird dog: start position'."""
    description: str
    svg: str
    """A standalone SVG document, its colours as attributes (PDFs, the contact sheet)."""
    web: str = ""
    """The same figure for a web page: no namespace, and no colours or line ends, which the
    site's stylesheet gives every class (docs/css/figures.css)."""
    works: tuple[str, ...] = ()
    """The muscles shaded on this figure, in plain words (lower case)."""
    behind: tuple[str, ...] = ()
    """Those of them on the far side of the body in this view, drawn dashed."""

    @property
    def wide(self) -> bool:
        """Much wider than tall (lying, kneeling): shown a row each on a narrow screen."""
        found = re.search(r'viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"', self.svg)
        return found is not None and float(found.group(1)) > 2.2 * float(found.group(2))

    @property
    def legend(self) -> str:
        """'Works: back muscles, buttock muscles' (empty when nothing is shaded)."""
        if not self.works:
            return ""
        marked = [f"{m} (dashed: behind)" if m in self.behind else m for m in self.works]
        return "Works: " + ", ".join(marked)


def captions(poses: Poses, held: bool) -> list[str]:
    sequence = poses.sequence()
    out = []
    for index, (key, pose) in enumerate(sequence):
        if pose.caption:
            out.append(pose.caption)
        elif key == "start":
            out.append("Start")
        elif key == "end":
            out.append("Hold" if held else "End")
        else:
            out.append(f"Then ({index + 1})")
    return out


def solved(poses: Poses) -> list[tuple[Pose, Figure, float]]:
    """Each pose solved, with the horizontal shift (cm) that keeps planted parts in place."""
    out: list[tuple[Pose, Figure, float]] = []
    for _, pose in poses.sequence():
        figure = kinematics.solved(pose)
        shift = 0.0
        if out:
            before_pose, before, before_shift = out[-1]
            if before.view == figure.view:
                shift = (
                    before_shift
                    + _anchor_x(before_pose, before, pose)
                    - _anchor_x(pose, figure, before_pose)
                )
        out.append((pose, figure, shift))
    return out


def hanging(pose: Pose) -> bool:
    """Hanging from a bar, nothing on the floor: drawn without the floor."""
    return (
        pose.off_floor is None
        and not pose.floor
        and any(p.type == "bar" and p.height is not None for p in pose.props)
    )


def _planted(pose: Pose) -> list[str]:
    parts = expand_parts(list(pose.floor))
    for prop in pose.props:
        if prop.type in ("bar", "bench", "chair", "step") or (
            prop.type == "kettlebell" and prop.on_floor
        ):
            parts += expand_parts(list(prop.touches))
    return parts


def _anchor_x(pose: Pose, figure: Figure, other: Pose | None = None) -> float:
    """Mean drawing x of the parts planted in both poses (or the hips)."""
    view = View(figure.view)
    parts = _planted(pose)
    if other is not None:
        parts = [p for p in parts if p in _planted(other)]
    # Lying or sitting, the trunk stays put: line the figures up on it rather than the limbs.
    parts = [p for p in parts if p in CENTRAL_PARTS] or parts or ["hips"]
    return sum(view(figure.centre(p))[0] for p in parts) / len(parts)


def _kept_in_place(items: list[tuple[Pose, Figure, float]], index: int) -> list[PropPlace]:
    """The figure's props, a band's or cable's anchor kept where the first figure (in the same
    side view) fixed it: the anchor does not move while the hands pull."""
    _, figure, shift = items[index]
    props = list(figure.props)
    if figure.view != "side":
        return props
    for _, first, first_shift in items[:index]:
        if first.view != "side":
            continue
        for i, prop in enumerate(props):
            same = [p for p in first.props if p.type == prop.type and "anchor" in p.points]
            if prop.type in ("band", "cable") and same and not near_bar(prop):
                ax, ay, az = same[0].points["anchor"]
                moved = (ax + (first_shift - shift) / CM, ay, az)
                props[i] = replace(prop, points={**prop.points, "anchor": moved})
        break
    return props


def _extent(figure: Figure, view: View, shift: float) -> tuple[float, float, float, float]:
    xs, ys = [], []
    for seg in figure.segments:
        for p in (seg.a, seg.b):
            x, y, _ = view(p)
            r = max(seg.ra, seg.rb) * CM
            xs += [x + shift - r, x + shift + r]
            ys += [y - r, y + r]
    for prop in figure.props:
        for p in prop.points.values():
            x, y, _ = view(p)
            pad = 34.0 if prop.type == "barbell" else 14.0
            xs += [x + shift - pad, x + shift + pad]
            ys += [y - pad, y + pad]
        if prop.type == "wall":
            ys.append(215)
        if prop.type == "bar" and view(prop.points["grip"])[1] > 150:
            ys.append(view(prop.points["grip"])[1] + 12)
    return min(xs), min(ys), max(xs), max(ys)


def frame(items: list[tuple[Pose, Figure, float]]) -> tuple[float, float, float, float]:
    """The drawing area every figure of an exercise shares (cm, y up, shifted): x0, y0, x1, y1;
    figure i's view box is this one moved left by its shift."""
    boxes = [_extent(fig, View(fig.view), shift) for _, fig, shift in items]
    x0 = min(b[0] for b in boxes) - MARGIN
    x1 = max(b[2] for b in boxes) + MARGIN
    for pose, fig, shift in items:
        if pose.arrow == "forward":  # the walking arrow, ahead of the hips
            x1 = max(x1, View(fig.view)(fig.centre("hips"))[0] + shift + FORWARD[1] + 4)
    if all(hanging(pose) for pose, _, _ in items):  # no floor in the picture: crop to the body
        y0 = min(b[1] for b in boxes) - MARGIN
    else:
        y0 = min(0.0, *(b[1] for b in boxes)) - 3
    y1 = max(b[3] for b in boxes) + MARGIN
    return x0, y0, x1, y1


def render(
    name: str,
    poses: Poses,
    descriptions: list[str],
    *,
    held: bool,
    palette: Palette = SCREEN,
    muscles: Sequence[tuple[str, str]] = (),
) -> list[Drawing]:
    """Every figure of one exercise, as standalone SVG documents; the last one (the hold or
    end position) shades the `muscles` given as (plain, medical) names."""
    items = solved(poses)
    labels = captions(poses, held)
    working = working_limbs(poses)
    x0, y0, x1, y1 = frame(items)
    drawings = []
    for index, ((key, _), (pose, figure, shift), caption) in enumerate(
        zip(poses.sequence(), items, labels, strict=True)
    ):
        view = View(figure.view)
        canvas = Canvas(view)
        if figure.view != "top" and not hanging(pose):
            canvas.line("floor", [(x0, -0.6), (x1, -0.6)], 1.2, -50)
        for prop in _kept_in_place(items, index):
            draw_prop(canvas, prop, figure.view == "top")
        draw_body(canvas, figure, working)
        chest = next(s for s in figure.segments if s.name == "chest")
        centre = view(chest.a)[:2]
        if pose.arrow == "forward":
            hip = view(figure.centre("hips"))
            ahead = ((hip[0] + FORWARD[0], hip[1]), (hip[0] + FORWARD[1], hip[1]))
            draw_arrow(canvas, *ahead, (hip[0], -999.0))
        else:
            # From the figure before; the first figure only when it names its own arrow: the
            # movement back into it from the next one (a tilt between two positions).
            other = index - 1 if index > 0 else (1 if pose.arrow and len(items) > 1 else None)
            if other is not None and items[other][1].view == figure.view:
                _, before, before_shift = items[other]
                parts = pose.arrow if isinstance(pose.arrow, list) else [pose.arrow]
                for part in parts:
                    moved = movement(before, figure, view, (before_shift - shift, 0.0), part)
                    if moved:
                        draw_arrow(canvas, *moved, centre, pose.arrow_both_ways)
        works: list[str] = []
        behind: list[str] = []
        if index == len(items) - 1:
            for plain, medical in muscles:
                region = region_of(plain, medical)
                if region is not None:
                    works.append(plain.lower())
                    if not draw_muscle(canvas, figure, region):
                        behind.append(plain.lower())
        title = f"{name}: {caption[0].lower() + caption[1:]} position"
        description = descriptions[index]
        if works:
            description += f" Shaded, the muscles it works: {_words(works)}"
            description += f" ({_words(behind)} drawn dashed, on the far side)." if behind else "."
        box = (x0 - shift, -y1, x1 - x0, y1 - y0)
        svg = _document(canvas, palette, box, title, description)
        web = _document(canvas, None, box, title, description)
        drawings.append(
            Drawing(key, caption, title, description, svg, web, tuple(works), tuple(behind))
        )
    return drawings


def working_limbs(poses: Poses) -> frozenset[tuple[str, str]]:
    """The limbs that do the work, as (side, segment name) pairs: every one-sided part an arrow
    of the exercise follows (`arrow: [right_hand, left_foot]`: the right arm, the left leg)."""
    out: set[tuple[str, str]] = set()
    for _, pose in poses.sequence():
        parts = pose.arrow if isinstance(pose.arrow, list) else [pose.arrow or ""]
        for part in parts:
            found = limb(part)
            if found:
                out |= {(found[0], name) for name in found[1]}
    return frozenset(out)


def _words(names: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _document(
    canvas: Canvas,
    palette: Palette | None,
    box: tuple[float, float, float, float],
    title: str,
    description: str,
) -> str:
    x, y, w, h = (math.floor(box[0]), math.floor(box[1]), math.ceil(box[2]), math.ceil(box[3]))
    body = "".join(canvas.elements(palette))
    # Inline in HTML (no palette: a web page) the SVG namespace is implied.
    space = "" if palette is None else ' xmlns="http://www.w3.org/2000/svg"'
    return (
        f'<svg{space} viewBox="{x} {y} {w} {h}" '
        f'class="sb-figure-svg" role="img"><title>{escape(title)}</title>'
        f"<desc>{escape(description)}</desc>{body}</svg>"
    )
