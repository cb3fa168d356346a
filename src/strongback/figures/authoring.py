"""Figures for authors, never published: one exercise's figures large (`strongback figures
<id>` and its page under `mkdocs serve`), with the joint angles labelled on request; and the
pictures of the angle conventions and the poses to copy in the content reference.

Every picture here is drawn by the same code as the site's figures (`drawing.render`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from html import escape
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from strongback import urls
from strongback.figures.drawing import Drawing, render, solved
from strongback.figures.exercise import _descriptions, held
from strongback.figures.figure import Figure
from strongback.figures.sheet import render_png, sheet_html, sheet_svg
from strongback.figures.svg import View, num
from strongback.files import digest
from strongback.model import Content, Exercise
from strongback.model.joints import RANGES
from strongback.model.pose import Pose, Poses

FOLDER = urls.AUTHORING_FIGURES
"""Where the authoring pages are in the `mkdocs serve` preview: the list (`index.md`) and one
folder per exercise (`<id>/index.html`)."""

JOINTS = ("shoulder", "elbow", "hip", "knee", "ankle")
"""The limb joints labelled on a figure, each at its joint (the near side; the far side too
where it differs)."""

LABEL_ROOM = 40
"""Drawing units added on the right of a labelled figure, for its labels."""

_ENDS = {
    "shoulder": ("upper_arm", "a"),
    "elbow": ("upper_arm", "b"),
    "hip": ("thigh", "a"),
    "knee": ("thigh", "b"),
    "ankle": ("shin", "b"),
}


def labelled(svg: str, pose: Pose, figure: Figure) -> str:
    """The figure (an SVG of `render`: web or standalone) with each angle the pose sets
    written at its joint: `hip 90°` (near side), `left hip 45°` where the far side differs,
    and the placement and spine angles (`lean`, `trunk`, …) beside the chest."""
    view = View(figure.view)
    texts: list[str] = []
    boxes: list[tuple[float, float, float, float]] = []

    def label(x: float, y: float, text: str, anchor: str = "start") -> None:
        # Moved down a line at a time until it overlaps no label already placed.
        width = 3.9 * len(text)
        left = x if anchor == "start" else x - width
        while any(
            left < b[2] and b[0] < left + width and y - 7.5 < b[3] and b[1] < y + 1 for b in boxes
        ):
            y -= 8
        boxes.append((left, y - 2, left + width, y + 6.5))
        # A pale halo under the text (WeasyPrint has no paint-order), then the text.
        at = f'x="{num(x)}" y="{num(-y)}" font-size="7" text-anchor="{anchor}"'
        texts.append(
            f'<text {at} fill="none" stroke="#fff" stroke-width="2" stroke-linejoin="round" '
            f'class="sb-angle-halo">{escape(text)}</text>'
            f'<text {at} fill="#000" class="sb-angle-label">{escape(text)}</text>'
        )

    for joint in JOINTS:
        name, end = _ENDS[joint]
        for side in ("right", "left"):
            value = pose.angle(side, joint)
            other = pose.angle("left" if side == "right" else "right", joint)
            if side == "left" and value == other:
                continue
            if not value and not other:
                continue
            seg = next(s for s in figure.segments if s.name == name and s.side == side)
            x, y, _ = view(seg.a if end == "a" else seg.b)
            words = joint if side == "right" and value == other else f"{side} {joint}"
            label(x + 4, y + (3 if side == "right" else -5), f"{words} {value:g}°")
    placement = [
        f"{name} {getattr(pose, name):g}°"
        for name in ("lean", "roll", "trunk", "lumbar", "thoracic", "pelvis", "twist", "neck")
        if getattr(pose, name)
    ]
    chest = next(s for s in figure.segments if s.name == "chest")
    x, y, _ = view(chest.b)
    for index, text in enumerate(placement):
        label(x - 4, y + 16 - 8 * index, text, "end")
    # Room on the right for the labels of the joints nearest the edge.
    svg = re.sub(
        r'viewBox="(-?[\d.]+) (-?[\d.]+) ([\d.]+) ([\d.]+)"',
        lambda m: f'viewBox="{m[1]} {m[2]} {float(m[3]) + LABEL_ROOM:g} {m[4]}"',
        svg,
        count=1,
    )
    return svg.replace("</svg>", "".join(texts) + "</svg>")


@dataclass(frozen=True)
class Shown:
    """One exercise's figures for an author: each drawing, and the same with its angles."""

    exercise: Exercise
    file: str
    drawings: list[Drawing]
    angles: list[str]
    """The web figures with their angles labelled."""
    angles_svg: list[str]
    """The standalone figures with their angles labelled (files)."""


def shown(exercise: Exercise, file: str) -> Shown:
    if exercise.poses is None:
        return Shown(exercise, file, [], [], [])
    drawings = render(
        exercise.name,
        exercise.poses,
        list(_descriptions(exercise)),
        held=held(exercise),
        muscles=tuple((m.plain, m.medical) for m in exercise.muscles.primary),
    )
    items = solved(exercise.poses)
    pairs = list(zip(drawings, items, strict=True))
    web = [labelled(drawing.web, pose, figure) for drawing, (pose, figure, _) in pairs]
    files = [labelled(drawing.svg, pose, figure) for drawing, (pose, figure, _) in pairs]
    return Shown(exercise, file, drawings, web, files)


def write_exercise(content: Content, key: str, target: Path, *, png: bool = True) -> list[Path]:
    """`strongback figures <id>`: the exercise's figures large, into `target`: each figure as
    SVG (`<id>-start.svg`), the same with its angles (`<id>-start-angles.svg`), and one HTML
    page (and its PNG) with every figure, its angles and the steps beside them."""
    from strongback.pages.templating import environment

    exercise = content.exercises[key]
    item = shown(exercise, content.exercise_files.get(key, ""))
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for drawing, with_angles in zip(item.drawings, item.angles_svg, strict=True):
        for suffix, text in (("", drawing.svg), ("-angles", with_angles)):
            path = target / f"{key}-{drawing.key}{suffix}.svg"
            path.write_text(text, encoding="utf-8")
            written.append(path)
    template = environment(autoescape=True).get_template("figures/exercise-sheet.html.jinja")
    html = template.render(item=item, uri=_data_uri)
    page = target / f"{key}.html"
    page.write_text(html, encoding="utf-8")
    written.append(page)
    if png:
        written.append(render_png(html, target / f"{key}.png", resolution=96))
    return written


def _data_uri(svg: str) -> str:
    from base64 import b64encode

    return "data:image/svg+xml;base64," + b64encode(svg.encode()).decode("ascii")


def exercise_page(exercise: Exercise, file: str) -> str:
    """The authoring page of one exercise: a standalone HTML page with its figures inline, which
    MkDocs copies as it is (no Markdown, no theme, no search entry)."""
    from strongback.pages.templating import environment

    template = environment(autoescape=True).get_template("authoring/figures.html.jinja")
    return template.render(item=shown(exercise, file))


def page_path(key: str) -> str:
    """Where an exercise's authoring page is in the preview's site: a folder's `index.html`, so
    its address is `/authoring/figures/<id>/` like every page's."""
    return f"{FOLDER}/{key}/index.html"


def index_page(content: Content) -> str:
    from strongback.pages.templating import render as render_page

    return render_page(
        "authoring/figures-index.md.jinja",
        exercises=list(content.exercises.values()),
        files=content.exercise_files,
    )


def figures_preview(content: Content, kept: PreviewKept | None = None) -> dict[str, str]:
    """What the preview (`mkdocs serve`) adds for authors, never a published build: the contact
    sheet (`sheet`), the list of exercises (a Markdown page) and an authoring page per exercise
    (standalone HTML): site path -> text. `kept`: what the preview's last rebuild made, reused
    for the exercises whose file did not change."""
    kept = kept if kept is not None else PreviewKept()
    texts = {key: _file_text(content, key) for key in content.exercises}
    everything = digest(*(f"{key}\0{text}" for key, text in texts.items()))
    if kept.sheet is None or kept.sheet[0] != everything:
        kept.sheet = (everything, sheet_html(content), sheet_svg(content))
    return {
        "figures/contact-sheet.html": kept.sheet[1],
        "figures/contact-sheet.svg": kept.sheet[2],
        **preview_pages(content, kept, texts),
    }


@dataclass
class PreviewKept:
    """The authoring pages and the contact sheet of the preview's last rebuild, by the text of
    the files they were made from: an edit to one exercise makes its page again, not a
    thousand (the contact sheet shows every exercise: any edit makes it again)."""

    pages: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Exercise id -> (its file's text, its page's HTML)."""
    sheet: tuple[str, str, str] | None = None
    """(A digest of every exercise file, the sheet as HTML, as SVG.)"""


def _file_text(content: Content, key: str) -> str:
    file = content.exercise_files.get(key)
    return f"{file}\0{content.positions.text(file) or ''}" if file is not None else ""


def preview_pages(
    content: Content, kept: PreviewKept | None = None, texts: dict[str, str] | None = None
) -> dict[str, str]:
    """The authoring pages the preview adds: site path -> text (the list's Markdown, each
    exercise's HTML)."""
    kept = kept if kept is not None else PreviewKept()
    pages = {f"{FOLDER}/index.md": index_page(content)}
    for key, exercise in content.exercises.items():
        text = texts[key] if texts is not None else _file_text(content, key)
        found = kept.pages.get(key)
        if found is None or found[0] != text or not text:
            found = (text, exercise_page(exercise, content.exercise_files.get(key, "")))
            kept.pages[key] = found
        pages[page_path(key)] = found[1]
    for key in set(kept.pages) - set(content.exercises):
        del kept.pages[key]
    return pages


# --- the content reference's pictures ----------------------------------------------------------


@dataclass(frozen=True)
class Convention:
    """One angle a pose can set, drawn at 0°, at a positive and at a negative value."""

    name: str
    where: str
    """How it is written: `lean: 30` or `right: {hip: 30}`."""
    meaning: str
    figures: list[tuple[float, str]]
    """(value, web SVG) pairs."""


SIDE_JOINTS = ("shoulder", "shoulder_abduction", "elbow", "hip", "hip_abduction", "knee", "ankle")
_VIEWS = {"shoulder_abduction": "front", "hip_abduction": "front", "roll": "front", "twist": "top"}
_BASE: dict[str, dict[str, Any]] = {
    "twist": {"lean": -90, "both": {"hip": 45, "knee": 90}},
    "roll": {"lean": 0},
    "ankle": {"both": {"knee": 0}},
}
_SHOWN = {"lean": (45, -45), "roll": (60, -60)}
"""The values drawn, where the joint's own range would be too far to read (defaults: the
range's end, at most 60° either way)."""


def _values(name: str) -> list[float]:
    allowed = RANGES[name]
    if name in _SHOWN:
        plus, minus = _SHOWN[name]
        return [0, plus, minus]
    values = [0.0, float(min(allowed.high, 60))]
    if allowed.low < 0:
        values.append(float(max(allowed.low, -60)))
    return values


def _small(pose: Pose, title: str) -> str:
    drawings = render(title, Poses(start=pose, end=pose), [title, title], held=False)
    return drawings[0].web


@cache
def conventions() -> tuple[Convention, ...]:
    """Every angle a pose can set, in the order of the reference: placement, spine, limbs."""
    found = []
    names = ["lean", "roll", "trunk", "lumbar", "thoracic", "pelvis", "twist", "neck"]
    for name in [*names, *SIDE_JOINTS]:
        allowed = RANGES[name]
        poses = []
        for value in _values(name):
            data: dict[str, Any] = {
                key: dict(v) if isinstance(v, dict) else v for key, v in _BASE.get(name, {}).items()
            }
            data["view"] = _VIEWS.get(name, "side")
            data["arrow"] = "none"
            if name in SIDE_JOINTS:
                data.setdefault("right", {})[name] = value
            else:
                data[name] = value
            poses.append(Pose.model_validate(data))
        # Drawn together, so the three share one scale.
        drawn = render(
            name,
            Poses(start=poses[0], between=poses[1:-1], end=poses[-1]),
            [name] * len(poses),
            held=False,
        )
        figures = [(value, d.web) for value, d in zip(_values(name), drawn, strict=True)]
        where = f"right: {{{name}: 30}}" if name in SIDE_JOINTS else f"{name}: 30"
        found.append(Convention(name, where, allowed.describe(), figures))
    return tuple(found)


@dataclass(frozen=True)
class Starter:
    name: str
    yaml: str
    svg: str


def starter_data() -> list[dict[str, Any]]:
    """The poses to copy (templates/authoring/starter-poses.yml): name and pose data."""
    text = files("strongback").joinpath("templates/authoring/starter-poses.yml").read_text()
    loaded: list[dict[str, Any]] = yaml.safe_load(text)
    return loaded


@cache
def starters() -> tuple[Starter, ...]:
    found = []
    for item in starter_data():
        pose = Pose.model_validate(item["pose"])
        text = yaml.safe_dump(
            {"start": item["pose"]}, default_flow_style=None, sort_keys=False, width=100
        )
        found.append(Starter(item["name"], text.rstrip(), _small(pose, item["name"])))
    return tuple(found)
