"""Exercise figures: kinematics, contacts, pose validation at file:line:col, golden SVG.

Set STRONGBACK_UPDATE_GOLDEN=1 to rewrite tests/fixtures/figures/ after an intended change to
the drawing, then look at the new SVG before committing it.
"""

from __future__ import annotations

import math
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from strongback.catalogue import Catalogue
from strongback.figures import body
from strongback.figures.drawing import render
from strongback.figures.exercise import drawings
from strongback.figures.kinematics import contact_problems, solve, solved
from strongback.load.loader import ContentErrors, load_content
from strongback.model.pose import POSE_CHECK, Pose, Poses

from ..conftest import FIXTURES

ROOT = Path(__file__).resolve().parents[2]
H = body.HEIGHT_CM


def _point(pose: Pose, name: str) -> tuple[float, float, float]:
    """A joint centre in cm: x forward, y up (floor at 0), z to the right."""
    x, y, z = solve(pose).centre(name)
    return (x * H, y * H, z * H)


def _joint(pose: Pose, segment: str, side: str, end: str = "b") -> tuple[float, float]:
    seg = next(s for s in solve(pose).segments if s.name == segment and s.side == side)
    x, y, _ = seg.a if end == "a" else seg.b
    return (x * H, y * H)


def test_standing_joints_are_at_the_drillis_contini_heights() -> None:
    standing = Pose()
    # Hip joint at 0.530 H, shoulder at 0.818 H, knee at 0.285 H, ankle at 0.039 H (Winter,
    # Fig. 4.1): the legs reach exactly from the floor to the hip.
    assert _joint(standing, "thigh", "right", "a")[1] == pytest.approx(0.530 * H, abs=0.1)
    assert _joint(standing, "thigh", "right", "b")[1] == pytest.approx(0.285 * H, abs=0.1)
    assert _joint(standing, "shin", "right", "b")[1] == pytest.approx(0.039 * H, abs=0.1)
    assert _joint(standing, "upper_arm", "right", "a")[1] == pytest.approx(0.818 * H, abs=0.1)
    # Arms hang straight down: elbow one upper arm, wrist one forearm below the shoulder.
    assert _joint(standing, "upper_arm", "right", "b")[1] == pytest.approx(
        (0.818 - 0.186) * H, abs=0.1
    )
    assert _joint(standing, "forearm", "left", "b")[1] == pytest.approx(
        (0.818 - 0.186 - 0.146) * H, abs=0.1
    )


def test_known_angles_give_known_joint_positions() -> None:
    # Arms forward at 90°: the wrist is level with the shoulder, an arm's length in front.
    reach = Pose(both={"shoulder": 90})
    shoulder = _joint(reach, "upper_arm", "right", "a")
    wrist = _joint(reach, "forearm", "right", "b")
    assert wrist[1] == pytest.approx(shoulder[1], abs=0.1)
    assert wrist[0] - shoulder[0] == pytest.approx((0.186 + 0.146) * H, abs=0.1)
    # Elbow bent 90° with the arm hanging: the forearm points forward, level with the elbow.
    curl = Pose(right={"elbow": 90})
    elbow = _joint(curl, "upper_arm", "right", "b")
    wrist = _joint(curl, "forearm", "right", "b")
    assert wrist[1] == pytest.approx(elbow[1], abs=0.1)
    assert wrist[0] - elbow[0] == pytest.approx(0.146 * H, abs=0.1)
    # A 60° forward lean with hips flexed 60°: thighs stay vertical, the trunk tips 60°.
    hinge = Pose(lean=60, both={"hip": 60})
    hip = _joint(hinge, "thigh", "right", "a")
    knee = _joint(hinge, "thigh", "right", "b")
    shoulder = _joint(hinge, "upper_arm", "right", "a")
    assert knee[0] == pytest.approx(hip[0], abs=0.1)
    angle = math.degrees(math.atan2(shoulder[0] - hip[0], shoulder[1] - hip[1]))
    assert angle == pytest.approx(60, abs=0.5)
    assert math.dist(hip, shoulder) == pytest.approx((0.818 - 0.530) * H, abs=0.1)
    # Knee bent 90° behind a vertical thigh: the shin points straight back.
    kneel = Pose(right={"knee": 90})
    ankle = _joint(kneel, "shin", "right", "b")
    knee = _joint(kneel, "thigh", "right", "b")
    assert ankle[1] == pytest.approx(knee[1], abs=0.1)
    assert knee[0] - ankle[0] == pytest.approx(0.246 * H, abs=0.1)


def test_the_lowest_point_rests_on_the_floor() -> None:
    for pose in (Pose(), Pose(lean=-90), Pose(lean=70, both={"hip": 70, "knee": 90})):
        figure = solve(pose)
        lowest = min(-s.extreme((0.0, -1.0, 0.0)) for s in figure.segments)
        assert lowest == pytest.approx(0.0, abs=1e-9)


CHECKED = {POSE_CHECK: contact_problems}
"""The validation context the loader passes: the model validates a pose's data, the figures'
kinematics whether the body reaches what the pose says it touches."""


def test_a_floating_floor_contact_fails_with_its_message() -> None:
    with pytest.raises(ValueError) as raised:
        Pose.model_validate({"both": {"shoulder": 90}, "floor": ["hands", "feet"]}, context=CHECKED)
    message = str(raised.value)
    assert re.search(r"left_hand should rest on the floor but is 1\d\d cm above it", message)
    assert "right_hand should rest on the floor" in message
    assert "foot" not in message  # standing: the feet do touch


def test_a_prop_the_body_does_not_reach_is_an_error() -> None:
    with pytest.raises(ValueError, match=r"left_hand should hold the kettlebell but is \d+ cm"):
        Pose.model_validate(
            {"props": [{"type": "kettlebell", "touches": ["hands"], "on_floor": True}]},
            context=CHECKED,
        )
    # Reaching it: a deep hinge puts the hands at the handle (the feet flat: the shins lean
    # forward over them).
    Pose.model_validate(
        {
            "lean": 83,
            "both": {"shoulder": 79, "hip": 110, "knee": 50, "ankle": 15},
            "floor": ["feet"],
            "props": [{"type": "kettlebell", "touches": ["hands"], "on_floor": True}],
        },
        context=CHECKED,
    )


def test_the_model_validates_a_pose_as_data_and_the_figures_solve_it() -> None:
    # Without the figures' check the model takes the floating hands as data (ranges and names
    # are still checked); the check, and drawing, solve the pose once and keep the figure.
    data = {"both": {"shoulder": 90}, "floor": ["hands", "feet"]}
    pose = Pose.model_validate(data)
    with pytest.raises(ValueError, match="outside its range"):
        Pose.model_validate({"both": {"shoulder": 200}})
    figure = solved(pose)
    assert solved(pose) is figure
    assert [problem.split(" should")[0] for problem in figure.problems] == [
        "left_hand",
        "right_hand",
    ]


POSE_ERRORS = {
    # case: (text replacing the bird dog's end pose lines, expected message)
    "angle out of range": (
        "    left: {shoulder: 200}\n",
        "content/exercises/bird-dog.yml:{line}:22: poses.end.left.shoulder: shoulder angle 200° "
        "is outside its range, -60° (extension) to 180° (flexion)",
    ),
    "unknown joint": (
        "    left: {sholder: 100}\n",
        "content/exercises/bird-dog.yml:{line}:12: poses.end.left.sholder: unknown field "
        "'sholder' (did you mean 'shoulder'?)",
    ),
    "unknown prop": (
        "    props: [{type: kettlebel, touches: [hands]}]\n",
        "content/exercises/bird-dog.yml:{line}:20: poses.end, props item 1, type: unknown prop "
        "'kettlebel' (did you mean 'kettlebell'?)",
    ),
    "unknown body part": (
        "    floor: [hnads]\n",
        "content/exercises/bird-dog.yml:{line}:13: poses.end, floor item 1: unknown body part "
        "'hnads' (did you mean 'hands'?)",
    ),
    "lumbar spine out of range": (
        "    lumbar: 60\n",
        "content/exercises/bird-dog.yml:{line}:13: poses.end.lumbar: lumbar angle 60° is outside "
        "its range, -30° (extension (arching)) to 55° (flexion (rounding))",
    ),
    "floating contact": (
        "    floor: [hands, toes]\n",
        "content/exercises/bird-dog.yml:{pose}:5: poses.end: left_hand should rest on the floor "
        "but is 37 cm above it; right_hand should rest on the floor but is 37 cm above it; "
        "set `both.elbow` to 20 and `lean` to 90 to bring the hands to the floor",
    ),
}


def _project_with(tmp_path: Path, end_lines: str | None) -> Path:
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "minimal", project)
    path = project / "content" / "exercises" / "bird-dog.yml"
    poses = "poses:\n  start:\n    lean: 70\n  end:\n    lean: 70\n"
    if end_lines is not None:
        poses += end_lines
    else:
        poses = "poses:\n  start:\n    lean: 70\n"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("\nprogressions:", "\n" + poses + "progressions:", 1), encoding="utf-8"
    )
    return project


@pytest.mark.parametrize("case", sorted(POSE_ERRORS))
def test_each_pose_error_names_file_line_and_column(case: str, tmp_path: Path) -> None:
    lines, expected = POSE_ERRORS[case]
    project = _project_with(tmp_path, lines)
    text = (project / "content" / "exercises" / "bird-dog.yml").read_text(encoding="utf-8")
    numbered = text.splitlines()
    pose_line = numbered.index("  end:") + 2  # the pose's first line
    line = numbered.index(lines.rstrip("\n")) + 1
    with pytest.raises(ContentErrors) as raised:
        load_content(project / "content", project / "docs")
    assert [str(e) for e in raised.value.errors] == [expected.format(line=line, pose=pose_line)]


def test_a_spine_bent_past_its_range_by_trunk_and_segment_together_is_refused(
    tmp_path: Path,
) -> None:
    # Each angle is in its own range, but the lumbar spine would bend 36 + 30 = 66° and the whole
    # spine 36 + 30 + 24 + 20 = 110°: refused at the pose, before anything is solved.
    project = _project_with(tmp_path, "    trunk: 60\n    lumbar: 30\n    thoracic: 20\n")
    numbered = (project / "content" / "exercises" / "bird-dog.yml").read_text().splitlines()
    pose_line = numbered.index("  end:") + 2
    with pytest.raises(ContentErrors) as raised:
        load_content(project / "content", project / "docs")
    assert [str(e) for e in raised.value.errors] == [
        f"content/exercises/bird-dog.yml:{pose_line}:5: poses.end: the lumbar spine bends 66° "
        "(its share of trunk, lumbar and the pelvis's tilt), outside its range, -30° "
        "(extension (arching)) to 55° (flexion (rounding)); the thoracic spine bends 44° (its "
        "share of trunk and thoracic), outside its range, -15° (extension (arching)) to 40° "
        "(flexion (rounding)); the whole spine bends 110° (lumbar "
        "and thoracic together), outside its range, -35° (extension (arching)) to 90° "
        "(flexion (rounding))"
    ]


def test_the_spine_bends_as_one_curve_and_the_pelvis_tilts_against_the_chest() -> None:
    def bend(pose: Pose) -> float:
        points = solve(pose).landmarks
        s1, t12, c7 = points["s1"], points["t12"], points["c7"]
        lower = (t12[0] - s1[0], t12[1] - s1[1])
        upper = (c7[0] - t12[0], c7[1] - t12[1])
        cross = lower[0] * upper[1] - lower[1] * upper[0]
        return -math.degrees(math.atan2(cross, lower[0] * upper[0] + lower[1] * upper[1]))

    # Standing with a flat back: s1, t12 and c7 in a vertical line behind the hip joints.
    assert bend(Pose()) == pytest.approx(0, abs=1e-6)
    # Rounding and arching bend the back at t12 (about half the bend, spread over the pieces),
    # while the line from the hips to the shoulders keeps the pose's lean.
    assert bend(Pose(trunk=40)) == pytest.approx(20, abs=1)
    assert bend(Pose(trunk=-30)) == pytest.approx(-15, abs=1)
    assert bend(Pose(thoracic=30)) > bend(Pose(lumbar=10)) > 0
    rounded = solve(Pose(trunk=40))
    shoulder = next(s for s in rounded.segments if s.name == "upper_arm").a
    assert math.degrees(math.atan2(shoulder[0], shoulder[1] - 0.53)) == pytest.approx(0, abs=0.5)

    # Tilting the pelvis turns the s1-hip line and bends the lumbar spine the other way.
    def pelvis_angle(pose: Pose) -> float:
        s1 = solve(pose).landmarks["s1"]
        return math.degrees(math.atan2(s1[0], s1[1] - 0.53))

    assert pelvis_angle(Pose(pelvis=15)) - pelvis_angle(Pose()) == pytest.approx(15, abs=0.5)
    assert bend(Pose(pelvis=15)) < -5 < 5 < bend(Pose(pelvis=-15))
    assert Pose(trunk=50, pelvis=-10).spine() == (40, 20)


def test_a_missing_end_position_is_an_error(tmp_path: Path) -> None:
    project = _project_with(tmp_path, None)
    numbered = (project / "content" / "exercises" / "bird-dog.yml").read_text().splitlines()
    line = numbered.index("poses:") + 2
    with pytest.raises(ContentErrors) as raised:
        load_content(project / "content", project / "docs")
    assert [str(e) for e in raised.value.errors] == [
        f"content/exercises/bird-dog.yml:{line}:3: poses.end: missing required field 'end'"
    ]


def test_every_exercise_is_illustrated_from_start_to_end() -> None:
    content = load_content(ROOT / "content", ROOT / "docs")
    assert len(content.exercises) == 28
    for exercise in content.exercises.values():
        found = drawings(exercise)
        assert found[0].key == "start" and found[-1].key == "end", exercise.id
        for drawing in found:
            assert drawing.svg.startswith("<svg ") and 'role="img"' in drawing.svg
            assert f"<title>{exercise.name}: " in drawing.svg.replace("&#x27;", "'")
            assert "<desc>" in drawing.svg and drawing.description


def test_golden_svg_for_the_bird_dog() -> None:
    content = load_content(ROOT / "content", ROOT / "docs")
    found = drawings(content.exercises["bird-dog"])
    for drawing in found:
        golden = FIXTURES / "figures" / f"bird-dog-{drawing.key}.svg"
        if os.environ.get("STRONGBACK_UPDATE_GOLDEN"):
            golden.write_text(drawing.svg + "\n", encoding="utf-8")
        assert drawing.svg + "\n" == golden.read_text(encoding="utf-8"), drawing.key
    assert found[0].title == "Bird dog: start position"
    assert found[0].description.startswith("Kneel on all fours.")


def test_drawing_is_deterministic_and_follows_the_scheme() -> None:
    poses = Poses.model_validate({"start": {}, "end": {"both": {"shoulder": 90}}})
    first = render("Reach", poses, ["Stand.", "Reach."], held=False)
    second = render("Reach", poses, ["Stand.", "Reach."], held=False)
    assert [d.svg for d in first] == [d.svg for d in second]
    svg = first[1].svg
    # Near limbs, far limbs and the trunk each have a class the stylesheet colours.
    for cls in ("sbf-n", "sbf-f", "sbf-b", "sbf-l", "sbf-a"):
        assert f'class="{cls}' in svg, cls
    assert "<title>Reach: end position</title><desc>Reach.</desc>" in svg


def _figure_alts(data: bytes) -> list[str]:
    """The text alternatives of the tagged PDF's Figure elements, in reading order."""
    import io

    import pypdf

    found: list[str] = []

    def walk(node: Any) -> None:
        node = node.get_object()
        if not isinstance(node, dict):
            return
        if node.get("/S") == "/Figure" and node.get("/Alt"):
            found.append(str(node["/Alt"]))
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            if hasattr(kid, "get_object"):
                walk(kid)

    catalog: Any = pypdf.PdfReader(io.BytesIO(data)).trailer["/Root"]
    walk(catalog["/StructTreeRoot"])
    return found


@pytest.mark.parametrize(
    ("kind", "record"), [("exercise", "bird-dog"), ("handout", "gentle-start")]
)
def test_pdfs_show_the_figures_with_text_alternatives(kind: str, record: str) -> None:
    from datetime import date

    from strongback import pdf

    content = load_content(ROOT / "content", ROOT / "docs")
    spec = next(
        s
        for s in pdf.pdf_specs(content, "https://strongback.example/", Catalogue.of(content))
        if s.kind == kind and s.record_id == record and s.paper == "a4"
    )
    size = 10.5
    html = pdf.render_html(spec, content, today=date(2026, 11, 29), type_size=size)
    result = pdf.render_pdf(pdf.PdfJob(((size, html),), "0" * 32, 2))
    assert result.data is not None
    alts = [alt for alt in _figure_alts(result.data) if not alt.startswith("QR code")]
    if kind == "exercise":
        assert alts == [
            "Bird dog: start position. Kneel on all fours. Put your hands under your shoulders "
            "and your knees under your hips.",
            "Bird dog: hold position. At the same time, reach the opposite arm forward to "
            "shoulder height. Shaded, the muscles it works: back muscles and buttock muscles.",
        ]
    else:
        names = [
            content.exercises[item.exercise].name for item in content.handouts[record].exercises
        ]
        assert len(alts) == 2 * len(names)
        for name in names:  # each exercise's two positions, named after it
            assert sum(alt.startswith(f"{name}: ") for alt in alts) == 2, name


def test_strongback_figures_writes_the_contact_sheet(tmp_path: Path) -> None:
    from strongback.cli import main
    from strongback.figures.authoring import figures_preview

    assert main(["--root", str(ROOT), "figures", "--output", str(tmp_path)]) == 0
    html = (tmp_path / "contact-sheet.html").read_text(encoding="utf-8")
    svg = (tmp_path / "contact-sheet.svg").read_text(encoding="utf-8")
    png = (tmp_path / "contact-sheet.png").read_bytes()
    assert html.count('<div class="row">') == 28 and "Bird dog: start position" in html
    assert svg.count("<title>") == 1 + 2 * 28 + svg.count("between position")
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 50_000
    # The preview (`mkdocs serve`) publishes the same sheet.
    content = load_content(ROOT / "content", ROOT / "docs")
    assert figures_preview(content)["figures/contact-sheet.html"] == html


def test_a_pose_naming_a_step_that_does_not_exist_is_an_error(tmp_path: Path) -> None:
    project = _project_with(tmp_path, "    step: 9\n")
    numbered = (project / "content" / "exercises" / "bird-dog.yml").read_text().splitlines()
    line = numbered.index("poses:") + 2
    with pytest.raises(ContentErrors) as raised:
        load_content(project / "content", project / "docs")
    assert [str(e) for e in raised.value.errors] == [
        f"content/exercises/bird-dog.yml:{line}:3: poses: the end pose shows step 9, but this "
        "exercise has 3 steps"
    ]


def test_page_markdown_has_slots_and_the_finished_page_gets_the_figures() -> None:
    from strongback.build.site_build import SiteBuild
    from strongback.figures.web import exercise_figures, fill_figure_slots

    build = SiteBuild.load(ROOT, ROOT / "docs")
    exercises = build.content.exercises
    page = build.pages.markdown["exercises/bird-dog.md"]
    assert "<svg" not in page
    assert '<div data-sb-figures="bird-dog"></div>\n\n' in page
    index = build.pages.markdown["exercises/index.md"]
    assert "<svg" not in index and index.count(" data-sb-figure=") == 28

    block = str(exercise_figures(exercises["bird-dog"]))
    # Kneeling, the bird dog's figures are wide: a row each on a phone.
    assert block.startswith('<div class="sb-figures sb-figures--wide" data-sb-animate role="group"')
    assert fill_figure_slots('<p>a</p><div data-sb-figures="bird-dog"></div>', exercises) == (
        "<p>a</p>" + block
    )
    thumb = fill_figure_slots(
        '<div class="sb-card__figure" aria-hidden="true" data-sb-figure="bird-dog"></div>',
        exercises,
    )
    assert thumb.startswith('<div class="sb-card__figure" aria-hidden="true"><svg ')
    assert "<title>Bird dog: hold position</title>" in thumb and thumb.endswith("</svg></div>")
    # Attributes after the slot's (md_in_html sorts them by name) stay too.
    sorted_attributes = '<div class="a" data-sb-figure="bird-dog" id="b"></div>'
    assert fill_figure_slots(sorted_attributes, exercises).startswith('<div class="a" id="b"><svg ')
    # A slot naming no exercise stays empty; text without slots is returned as it is.
    assert fill_figure_slots('<div class="x" data-sb-figure="no-such"></div>', exercises) == (
        '<div class="x"></div>'
    )
    assert fill_figure_slots('<div data-sb-figures="no-such"></div>', exercises) == ""
    assert fill_figure_slots("<p>data-sb-figure</p>", exercises) == "<p>data-sb-figure</p>"


LANDMARKS = {"head", "c7", "t12", "s1", "belly", "pelvis"} | {
    f"{joint}{far}"
    for joint in ("hip", "knee", "ankle", "shoulder", "elbow", "wrist")
    for far in ("", "_far")
}


@pytest.fixture(scope="module")
def figures_json(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    import json

    from strongback.cli import main

    path = tmp_path_factory.mktemp("json") / "figures.json"
    assert main(["--root", str(ROOT), "figures", "--json", str(path)]) == 0
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return {exercise["id"]: exercise for exercise in data["exercises"]}


def test_figures_json_matches_the_drawing(figures_json: dict[str, Any]) -> None:
    content = load_content(ROOT / "content", ROOT / "docs")
    assert set(figures_json) == set(content.exercises)
    radius = body.HEAD_RADIUS * H
    head_circle = re.compile(
        rf'<path d="M(-?[\d.]+) ?(-?[\d.]+)a{radius:.1f} {radius:.1f} 0 1 0 ?[\d.]+ 0a[^"]*z" '
        'class="sbf-b"'
    )
    for exercise_id, exercise in figures_json.items():
        found = drawings(content.exercises[exercise_id])
        assert [f["pose"] for f in exercise["figures"]] == [d.key for d in found]
        for figure, drawing in zip(exercise["figures"], found, strict=True):
            assert figure["view"] in ("side", "front", "top")
            assert set(figure["landmarks"]) == LANDMARKS, exercise_id
            assert figure["caption"] == drawing.caption
            # The head the JSON names is the head drawn: its circle's centre, in the drawing's
            # own coordinates (y down), is the landmark moved back by the figure's shift.
            match = head_circle.search(drawing.svg)
            assert match, (exercise_id, figure["pose"])
            x, y = float(match.group(1)) + radius, float(match.group(2))
            hx, hy = figure["landmarks"]["head"]
            assert (hx - figure["shift"]) * H == pytest.approx(x, abs=0.15)
            assert -hy * H == pytest.approx(y, abs=0.15)
            # The view box is the shared box moved by the same shift.
            box = re.search(r'viewBox="(-?\d+) (-?\d+) (\d+) (\d+)"', drawing.svg)
            assert box
            x0, _, _, y1 = figure["box"]
            assert int(box.group(1)) == pytest.approx((x0 - figure["shift"]) * H, abs=1.05)
            assert int(box.group(2)) == pytest.approx(-y1 * H, abs=1.05)


def _bend(figure: dict[str, Any]) -> float:
    """The back's bend at t12, from the JSON (degrees; + rounding, - arching, 0 straight)."""
    s1, t12, c7 = (figure["landmarks"][name] for name in ("s1", "t12", "c7"))
    lower = (t12[0] - s1[0], t12[1] - s1[1])
    upper = (c7[0] - t12[0], c7[1] - t12[1])
    cross = lower[0] * upper[1] - lower[1] * upper[0]
    return -math.degrees(math.atan2(cross, lower[0] * upper[0] + lower[1] * upper[1]))


def _direction(figure: dict[str, Any], a: str, b: str) -> float:
    (ax, ay), (bx, by) = figure["landmarks"][a], figure["landmarks"][b]
    return math.degrees(math.atan2(by - ay, bx - ax))


def test_the_figures_show_the_back_move(figures_json: dict[str, Any]) -> None:
    # Cat-camel: rounded up, then sagging, at least 25° apart and on either side of straight.
    round_up, sag = figures_json["cat-camel"]["figures"]
    assert _bend(round_up) > 0 > _bend(sag)
    assert _bend(round_up) - _bend(sag) >= 25
    # Pelvic tilt: the pelvis (the line from s1 to the hip joint) turns by at least 8°.
    flatten, arch = figures_json["pelvic-tilt"]["figures"]
    assert abs(_direction(arch, "s1", "hip") - _direction(flatten, "s1", "hip")) >= 8
    # Press-up on elbows: the back extends by at least 15° from the start.
    start, hold = figures_json["press-up-on-elbows"]["figures"]
    assert _bend(start) - _bend(hold) >= 15
    # Knee rolls, from above: the knees go at least 0.12 body heights sideways, the shoulders
    # stay within 0.02.
    start, end = figures_json["knee-rolls"]["figures"]
    assert start["view"] == end["view"] == "top"
    for side in ("", "_far"):
        knee = start["landmarks"][f"knee{side}"], end["landmarks"][f"knee{side}"]
        assert abs(knee[1][1] - knee[0][1]) >= 0.12
        shoulder = start["landmarks"][f"shoulder{side}"], end["landmarks"][f"shoulder{side}"]
        assert math.dist(*shoulder) <= 0.02


def test_a_hold_shows_its_action_and_two_limbs_get_two_arrows(
    figures_json: dict[str, Any],
) -> None:
    content = load_content(ROOT / "content", ROOT / "docs")
    # Deep tummy tightening: the tummy is drawn in (about 4 cm), the back stays on the floor,
    # and an arrow shows it: the two figures differ.
    start, hold = figures_json["deep-tummy-tightening"]["figures"]
    belly = start["landmarks"]["belly"], hold["landmarks"]["belly"]
    assert math.dist(*belly) * H >= 3
    for name in ("s1", "t12", "c7"):
        assert math.dist(start["landmarks"][name], hold["landmarks"][name]) * H < 0.5
    first, second = drawings(content.exercises["deep-tummy-tightening"])
    assert first.svg.count('class="sbf-a') == 0 < second.svg.count('class="sbf-a')
    shapes = [re.sub(r"<title>.*</desc>|sbf-a[^>]*>", "", d.svg) for d in (first, second)]
    assert shapes[0] != shapes[1]
    # Bird dog and dead bug move an arm and a leg: two arrows (a line and a head each).
    for exercise_id in ("bird-dog", "dead-bug"):
        end = drawings(content.exercises[exercise_id])[-1]
        assert end.svg.count('class="sbf-a') == 4, exercise_id


def test_the_working_limb_is_never_the_pale_one() -> None:
    # Opposite arm and leg: one of them is on the far side in side view. The far working limb
    # (named in the arrows) is drawn in the body's tone in every figure; the far limbs that
    # only hold stay pale. Each limb is three capsules: upper arm, forearm, hand; thigh, shin,
    # foot.
    content = load_content(ROOT / "content", ROOT / "docs")
    for exercise_id in ("dead-bug", "bird-dog"):
        for drawing in drawings(content.exercises[exercise_id]):
            assert drawing.svg.count('class="sbf-f"') == 3, (exercise_id, drawing.key)
    poses = Poses.model_validate(
        {"start": {}, "end": {"arrow": ["left_hand"], "left": {"shoulder": 90}}}
    )
    pale = render("Reach", Poses.model_validate({"start": {}, "end": {}}), ["a", "b"], held=False)
    working = render("Reach", poses, ["a", "b"], held=False)
    # Standing still, both far limbs are pale; reaching with the far arm, only the far leg.
    assert pale[0].svg.count('class="sbf-f"') == 6
    assert working[0].svg.count('class="sbf-f"') == working[1].svg.count('class="sbf-f"') == 3


def test_a_rocking_shows_each_way_with_its_own_arrow() -> None:
    # Pelvic tilt's start (flatten) names its arrow: the movement back into it from the arch,
    # the opposite way to the arch's own arrow; no limb lies over the lower back.
    content = load_content(ROOT / "content", ROOT / "docs")
    flatten, arch = drawings(content.exercises["pelvic-tilt"])
    heads = []
    for drawing in (flatten, arch):
        line = re.search(
            r'<path d="M(-?[\d.]+)[- ]?[\d.]+q[^"]*" [^>]*class="sbf-a sbf-s"', drawing.svg
        )
        tip = re.search(r'<path d="M(-?[\d.]+)[- ]?[\d.]+l[^"]*z" class="sbf-a"', drawing.svg)
        assert line and tip, drawing.key
        heads.append(float(tip.group(1)) - float(line.group(1)))
    assert heads[0] < 0 < heads[1]  # flatten: towards the head (left); arch: towards the feet
    # A figure with no arrow of its own on the start keeps none there.
    first = drawings(content.exercises["cat-camel"])[0]
    assert 'class="sbf-a' not in first.svg


def test_every_exercise_shades_its_primary_muscles_on_one_figure(
    figures_json: dict[str, Any],
) -> None:
    from strongback.figures.web import exercise_figures

    content = load_content(ROOT / "content", ROOT / "docs")
    for exercise_id, exercise in content.exercises.items():
        primary = [m.plain.lower() for m in exercise.muscles.primary]
        figures = figures_json[exercise_id]["figures"]
        # The last figure (the hold or end position) shades exactly the primary muscles; the
        # others shade none.
        assert figures[-1]["muscles"] == primary, exercise_id
        assert all(f["muscles"] == [] for f in figures[:-1]), exercise_id
        found = drawings(content.exercises[exercise_id])
        last = found[-1]
        regions = last.svg.count('class="sbf-m sbf-s"') + last.svg.count('class="sbf-m sbf-mh')
        assert regions == len(primary), exercise_id
        assert all("sbf-m" not in d.svg for d in found[:-1]), exercise_id
        # The legend and the description say the same words.
        assert last.legend.startswith("Works: ")
        for name in primary:
            assert name in last.legend and name in last.description, (exercise_id, name)
        assert last.legend in str(exercise_figures(exercise)).replace("&#39;", "'")
    # Seen from above, the back muscles of someone lying on their back are drawn dashed.
    knee_rolls = figures_json["knee-rolls"]["figures"][-1]
    assert knee_rolls["muscles_behind"] == ["lower back muscles"]
    assert "(dashed: behind)" in drawings(content.exercises["knee-rolls"])[-1].legend
