"""Props drawn where the body puts them (figure.PropPlace): mat, wall, seats, weights, bars,
bands and cables, stick and the back extension bench, in the neutral prop tone."""

from __future__ import annotations

from strongback.figures.figure import PropPlace
from strongback.figures.svg import CM, Canvas


def draw_prop(canvas: Canvas, prop: PropPlace, top_view: bool) -> None:
    view = canvas.view
    pts = {name: view(p) for name, p in prop.points.items()}
    kind = prop.type
    back = -20.0
    if kind == "mat":
        x0, x1 = sorted((pts["from"][0], pts["to"][0]))
        if x1 - x0 < 1:  # lying on a side, seen from the front: the mat is end on, not drawn
            return
        if top_view:  # the mat seen from above: 60 cm wide
            canvas.rect("prop", x0, -30, x1, 30, 2, back)
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
                # Held with the palm facing in, the handle runs across: seen end on, the
                # weight hangs from the hand as its round end plate.
                canvas.circle("prop", x, y, 8, depth - 0.001)
            else:
                canvas.rect("prop", x - 13, y - 1.5, x + 13, y + 1.5, 1, depth + 0.001)
                for end in (x - 15, x + 9):
                    canvas.rect("prop", end, y - 7, end + 6, y + 7, 1.5, depth + 0.001)
    elif kind == "barbell":
        # Seen a little from the side and above, so it reads as a bar with a plate at each end
        # held in both hands, not as one plate: the far plate up and back, the bar between.
        x, y, depth = pts["grip"]
        far = (x - 12, y + 9)
        canvas.circle("prop", *far, 22.5, -0.6)
        canvas.line("prop", [(x, y), far], 3.2, -0.55)
        canvas.circle("prop", x, y, 22.5, -0.5)
        canvas.circle("prop", x, y, 3, depth + 0.001)
    elif kind == "bar":
        # The bar runs across the body, so a true side view would show a dot: drawn a little
        # from above instead, it reads as the bar the hands hold, on its two uprights.
        x, y, _ = pts["grip"]
        if y > 150:
            for post in (x - 24, x + 24):
                canvas.line("prop", [(post, y - 1), (post, y + 10)], 2.5, back)
            canvas.line("floor", [(x - 34, y + 10), (x + 34, y + 10)], 2.5, back)
        else:
            for post in (x - 24, x + 24):
                canvas.line("prop", [(post, y), (post, 0)], 3, back)
        canvas.line("prop", [(x - 27, y + 0.5), (x + 27, y + 0.5)], 3.4, 0.0)
    elif kind in ("band", "cable"):
        x, y, depth = pts["grip"]
        ax, ay, _ = pts["anchor"]
        # A band is drawn in front of the body, so it shows where it crosses it.
        canvas.line(
            "prop",
            [(x, y), (ax, ay)],
            1.6 if kind == "cable" else 3.2,
            depth - 0.001 if kind == "cable" else 50.0,
        )
        # Anchors stand on something: the cable's pulley on the machine's upright, the band
        # on a door frame (or a post) from the floor.
        if kind == "cable":
            canvas.line("prop", [(ax + 6, ay + 4), (ax + 6, 0)], 3, back - 1)
            canvas.circle("prop", ax, ay, 5, back)
            canvas.rect("prop", x - 2, y - 14, x + 2, y + 14, 1.5, 9.0)
        elif prop.points.get("anchor") and not near_bar(prop):
            canvas.rect("prop", ax + 6, 0, ax + 11, max(ay + 40, 200), 0.5, back - 1)
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


def near_bar(prop: PropPlace) -> bool:
    """A band hung from the pose's bar (its anchor above the part that holds it)."""
    return prop.type == "band" and prop.points["anchor"][1] > prop.points["grip"][1] + 0.3
