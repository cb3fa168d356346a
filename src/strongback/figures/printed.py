"""How big an exercise's figures print, and whether side by side or one above the other.

A patient copies a position from the printed figure, so every figure prints at about one body
scale: a standing adult is about 30 mm tall beside a routine's steps and about 37 mm on an
exercise's own sheet. Wide figures (lying, kneeling) go one above the other when side by side
would shrink them; a tall one (a pull-up with its bar) is shrunk to the tallest allowed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from strongback.figures.body import HEIGHT_CM
from strongback.figures.drawing import Drawing


@dataclass(frozen=True)
class Layout:
    """The room an exercise's figures get on a printed sheet."""

    width_mm: float
    """The width the figures share."""
    tallest_mm: float
    """No figure prints taller than this."""
    scale: float
    """Millimetres of paper per centimetre of drawing, at most (the body is HEIGHT_CM tall)."""
    stack_mm: float = 0.0
    """Figures one above the other may be this tall together (0: always side by side)."""
    gap_mm: float = 2.0


LAYOUTS = {
    "card": Layout(width_mm=48, tallest_mm=32, scale=0.175, stack_mm=43),
    "sheet": Layout(width_mm=118, tallest_mm=48, scale=0.22, gap_mm=4.0),
}
"""'card': a column beside each exercise's steps in a routine; 'sheet': a row above the steps
on an exercise's own sheet."""
STACK_GAIN = 1.2
"""Stack only when it prints the figures at least this much larger than side by side."""
_VIEW_BOX = re.compile(r'viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"')


@dataclass(frozen=True)
class Printed:
    drawing: Drawing
    width_mm: float
    height_mm: float


@dataclass(frozen=True)
class Placed:
    figures: list[Printed]
    stacked: bool
    """One above the other, rather than side by side."""
    gap_mm: float = 0.0
    """The space between figures side by side."""

    @property
    def row_mm(self) -> float:
        """The width the figures take side by side (the template sets it: a legend under them
        must wrap to this width rather than widen the row)."""
        return sum(f.width_mm for f in self.figures) + self.gap_mm * (len(self.figures) - 1)

    @property
    def body_mm(self) -> float:
        """How tall a standing body would print at this scale."""
        if not self.figures:
            return 0.0
        first = self.figures[0]
        return HEIGHT_CM * first.height_mm / _size(first.drawing)[1]


def _size(drawing: Drawing) -> tuple[float, float]:
    """The drawing's width and height in centimetres (its SVG view box)."""
    found = _VIEW_BOX.search(drawing.svg)
    if found is None:
        raise ValueError(f"{drawing.title}: the SVG has no view box")
    return float(found.group(1)), float(found.group(2))


def place(drawings: list[Drawing], layout: Layout) -> Placed:
    """Each figure's printed size: one scale for all of an exercise's figures."""
    if not drawings:
        return Placed([], stacked=False)
    sizes = [_size(d) for d in drawings]
    width = max(w for w, _ in sizes)
    height = max(h for _, h in sizes)
    count = len(drawings)
    largest = min(layout.scale, layout.tallest_mm / height)
    side = min(largest, (layout.width_mm - layout.gap_mm * (count - 1)) / (count * width))
    stacked = min(largest, layout.width_mm / width, layout.stack_mm / (count * height))
    stack = stacked >= side * STACK_GAIN
    scale = stacked if stack else side
    figures = [Printed(d, w * scale, h * scale) for d, (w, h) in zip(drawings, sizes, strict=True)]
    return Placed(figures, stacked=stack, gap_mm=layout.gap_mm)
