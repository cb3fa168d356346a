"""Issue 25, points 1 to 4: one exercise's figures large (`strongback figures <id>` and its page
in the preview), the angle conventions as pictures, plausibility errors and contact errors that
suggest their fix. Each message is checked whole, at its file:line:col, on a wall sit posed
from scratch (tests/fixtures/authoring/wall-sit.yml): a fixture, not a shipped exercise."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from strongback.catalogue import Catalogue
from strongback.cli import main
from strongback.figures import authoring
from strongback.figures import sheet as figures_sheet
from strongback.figures.authoring import (
    PreviewKept,
    conventions,
    figures_preview,
    starter_data,
    starters,
)
from strongback.figures.kinematics import contact_problems
from strongback.load.loader import ContentErrors, load_content
from strongback.model import Content, Exercise
from strongback.model.joints import RANGES
from strongback.model.pose import POSE_CHECK, Pose
from strongback.pages.content_reference import content_reference

from ..conftest import FIXTURES

WALL_SIT = FIXTURES / "authoring" / "wall-sit.yml"
FILE = "content/exercises/wall-sit.yml"
CHECKED = {POSE_CHECK: contact_problems}

GOOD_START = """  start:
    both: {hip: 28, ankle: -28}
    floor: [feet]
    props: [{type: wall, touches: [back, hips]}]
"""
GOOD_END = """  end:
    step: 2
    both: {hip: 90, knee: 90}
    floor: [feet]
    props: [{type: wall, touches: [back, hips]}]
"""


def _project(tmp_path: Path, start: str = GOOD_START, end: str = GOOD_END) -> Path:
    """The minimal fixture with the wall sit, its poses replaced."""
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "minimal", project)
    text = WALL_SIT.read_text(encoding="utf-8")
    poses = text[text.index("poses:\n") : text.index("regressions:")]
    text = text.replace(poses, "poses:\n" + start + end)
    (project / FILE).write_text(text, encoding="utf-8")
    return project


def _errors(project: Path) -> list[str]:
    with pytest.raises(ContentErrors) as raised:
        load_content(project / "content", project / "docs")
    return [str(error) for error in raised.value.errors]


def _line(project: Path, text: str) -> int:
    """The line number of the first line that is `text`."""
    return (project / FILE).read_text(encoding="utf-8").splitlines().index(text) + 1


def test_the_wall_sit_posed_from_scratch_is_clean(tmp_path: Path) -> None:
    project = _project(tmp_path)
    content = load_content(project / "content", project / "docs")
    assert "wall-sit" in content.exercises


# --- point 4: contact errors suggest their fix ------------------------------------------------


def test_the_wall_sit_contact_error_names_the_change_that_fixes_it(tmp_path: Path) -> None:
    # The issue's case: the hold leaning back off the wall. Before: "back should touch the wall
    # but is 4 cm from it; hips should touch the wall but is 12 cm from it" and nothing more.
    end = """  end:
    step: 2
    lean: -10
    both: {hip: 80, knee: 90}
    floor: [feet]
    props: [{type: wall, touches: [head, back, hips]}]
"""
    project = _project(tmp_path, end=end)
    line = _line(project, "    step: 2")
    assert _errors(project) == [
        f"{FILE}:{line}:5: poses.end: back should touch the wall but is 4 cm from it; hips "
        "should touch the wall but are 12 cm from it; set `lean` to 0 and `both.hip` to 85 to "
        "bring the back and the hips to the wall"
    ]


def test_a_contact_no_small_change_reaches_says_so(tmp_path: Path) -> None:
    start = """  start:
    floor: [head]
"""
    project = _project(tmp_path, start=start)
    line = _line(project, "    floor: [head]")
    assert _errors(project) == [
        f"{FILE}:{line}:5: poses.start: head should rest on the floor but is 147 cm above it; "
        "no change of one angle by up to 40°, or two by up to 30° each, of `lean` brings the "
        "head to the floor: check the signs in the content reference's angle pictures, or which "
        "parts the pose says touch"
    ]


def test_a_suggested_change_does_fix_the_pose() -> None:
    # Applying the suggestion of the wall-sit case gives a pose whose contacts hold.
    fixed = {
        "lean": 0,
        "both": {"hip": 85, "knee": 90},
        "floor": ["feet"],
        "props": [{"type": "wall", "touches": ["head", "back", "hips"]}],
    }
    Pose.model_validate(fixed, context=CHECKED)


# --- point 3: what the body cannot do ------------------------------------------------------------


def test_a_foot_on_tiptoe_declared_flat_on_the_floor_is_an_error(tmp_path: Path) -> None:
    start = """  start:
    both: {ankle: -30}
    floor: [feet]
"""
    project = _project(tmp_path, start=start)
    line = _line(project, "    both: {ankle: -30}")
    assert _errors(project) == [
        f"{FILE}:{line}:5: poses.start: left_foot should lie flat on the floor but its heel end "
        "is 9 cm above it (on tiptoe? write `left_toes` in `floor` instead); right_foot should "
        "lie flat on the floor but its heel end is 9 cm above it (on tiptoe? write `right_toes` "
        "in `floor` instead); set `both.ankle` to -5 to bring the feet flat on the floor"
    ]
    # Said so: on tiptoe, the toes rest on the floor.
    Pose.model_validate({"both": {"ankle": -30}, "floor": ["toes"]}, context=CHECKED)


def test_a_foot_on_its_heel_declared_flat_on_the_floor_is_an_error() -> None:
    # The case: `ankle: 20` with `floor: [feet]` drew the foot toes-up, silently.
    with pytest.raises(ValueError) as raised:
        Pose.model_validate({"both": {"ankle": 20}, "floor": ["feet"]}, context=CHECKED)
    assert (
        "left_foot should lie flat on the floor but its toes end is 7 cm above it (resting on "
        "the heel? write `left_heel` in `floor` instead)" in str(raised.value)
    )
    Pose.model_validate({"both": {"ankle": 20}, "floor": ["heels"]}, context=CHECKED)


def test_a_limb_through_another_limb_is_an_error(tmp_path: Path) -> None:
    start = """  start:
    right: {hip: 45, hip_abduction: -30, knee: 90}
    floor: [left_foot]
"""
    project = _project(tmp_path, start=start)
    line = _line(project, "    right: {hip: 45, hip_abduction: -30, knee: 90}")
    assert _errors(project) == [
        f"{FILE}:{line}:5: poses.start: the right shin passes through the left shin: its middle "
        "is 3 cm inside it"
    ]


def test_a_limb_through_the_trunk_is_an_error() -> None:
    with pytest.raises(ValueError) as raised:
        Pose.model_validate(
            {"right": {"shoulder_abduction": -30, "elbow": 90}, "floor": ["feet"]},
            context=CHECKED,
        )
    assert "the right upper arm passes through the lower back: its middle is 7 cm inside it" in (
        str(raised.value)
    )


def test_a_body_through_a_wall_is_an_error(tmp_path: Path) -> None:
    start = """  start:
    lean: -10
    both: {ankle: -10}
    floor: [feet]
    props: [{type: wall, touches: [hips]}]
"""
    project = _project(tmp_path, start=start)
    line = _line(project, "    lean: -10")
    assert _errors(project) == [
        f"{FILE}:{line}:5: poses.start: the lower back passes through the wall by 3 cm; the "
        "chest passes through the wall by 8 cm; the neck passes through the wall by 5 cm; the "
        "head passes through the wall by 12 cm; the right upper arm passes through the wall by "
        "4 cm; the left upper arm passes through the wall by 4 cm"
    ]


def test_a_wall_that_moves_between_figures_is_an_error(tmp_path: Path) -> None:
    # The case: the start's feet stood at the wall, the hold's a step forward.
    start = """  start:
    floor: [feet]
    props: [{type: wall, touches: [back, hips]}]
"""
    project = _project(tmp_path, start=start)
    line = _line(project, "  end:") + 1
    assert _errors(project) == [
        f"{FILE}:{line}:5: poses.end: the wall moves 42 cm between start and here: the parts "
        "that rest in place (the feet) stand further from it in one of them; keep them the "
        "same distance from it (in start, set `both.hip` to 30 and `both.ankle` to -25)"
    ]
    # The change it names keeps the wall in place (the fixture's own start, found by hand
    # before the suggestion existed, is hip 28 and ankle -28).
    fixed = start.replace(
        "    floor: [feet]\n", "    both: {hip: 30, ankle: -25}\n    floor: [feet]\n"
    )
    project = _project(tmp_path / "fixed", start=fixed)
    assert "wall-sit" in load_content(project / "content", project / "docs").exercises


# --- point 1: one exercise's figures, large ------------------------------------------------------


def test_strongback_figures_with_an_id_writes_that_exercises_figures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(tmp_path)
    out = tmp_path / "out"
    assert main(["--root", str(project), "figures", "wall-sit", "--output", str(out)]) == 0
    folder = out / "wall-sit"
    names = sorted(path.name for path in folder.iterdir())
    assert names == [
        "wall-sit-end-angles.svg",
        "wall-sit-end.svg",
        "wall-sit-start-angles.svg",
        "wall-sit-start.svg",
        "wall-sit.html",
        "wall-sit.png",
    ]
    said = capsys.readouterr().out
    assert str(folder / "wall-sit.png") in said
    html = (folder / "wall-sit.html").read_text(encoding="utf-8")
    assert "Slide down the wall until your knees are bent about halfway." in html  # the steps
    labelled = (folder / "wall-sit-end-angles.svg").read_text(encoding="utf-8")
    assert ">hip 90°</text>" in labelled and ">knee 90°</text>" in labelled
    assert "<text" not in (folder / "wall-sit-end.svg").read_text(encoding="utf-8")
    png = (folder / "wall-sit.png").read_bytes()
    width = int.from_bytes(png[16:20], "big")
    height = int.from_bytes(png[20:24], "big")
    assert png.startswith(b"\x89PNG") and (width, height) == (1588, 1123)  # A3 landscape at 96 dpi


def test_strongback_figures_with_an_unknown_id_says_which_it_meant(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(tmp_path)
    assert main(["--root", str(project), "figures", "wall-sitt", "--no-png"]) == 1
    assert "no exercise 'wall-sitt' (did you mean 'wall-sit'?)" in capsys.readouterr().err


def test_the_preview_has_an_authoring_page_per_exercise_and_the_build_none(
    tmp_path: Path,
) -> None:
    project = _project(tmp_path)
    content = load_content(project / "content", project / "docs")
    files = figures_preview(content)
    # A standalone HTML page in its own folder, so MkDocs copies it and `/authoring/figures/
    # wall-sit/` opens it: no Markdown page, no theme, nothing fetched from elsewhere.
    page = files["authoring/figures/wall-sit/index.html"]
    assert "authoring/figures/wall-sit.md" not in files
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<title>Wall sit: figures</title>" in page and "<h1>Wall sit: figures</h1>" in page
    assert "<code>content/exercises/wall-sit.yml</code>" in page
    assert "Save the file and this page redraws." in page
    # Two figures, and the two again with their angles: standalone SVGs, inline.
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg" viewBox="') == 4
    hidden = page[page.index("<details>") : page.index("</details>")]
    assert "<summary>Show the joint angles on the figures</summary>" in hidden
    assert hidden.count("<svg") == 2 and ">hip 28°</text>" in hidden
    assert ">ankle -28°</text>" in hidden and ">hip 28°</text>" not in page.split("<details>")[0]
    assert "<figcaption>Start, angles in degrees</figcaption>" in hidden
    assert (
        "<h2>Start</h2>\n<p>Stand with your back against a wall and your feet a step in front "
        "of you.</p>" in page
    )
    steps = page[page.index("<ol>") : page.index("</ol>")]
    assert steps.count("<li>") == 3
    assert "<li>Slide down the wall until your knees are bent about halfway.</li>" in steps
    assert '<a href="../">' in page
    assert '<a href="../../content-reference/#angles-in-pictures">' in page
    assert 'name="viewport"' in page and "color-scheme: light dark" in page
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//|@import|url\(""", page)
    # The list stays a Markdown page of the preview; it links to each page's file, which MkDocs
    # finds among the site's files and writes as `wall-sit/` (tests/build/test_serve.py).
    listed = files["authoring/figures/index.md"]
    assert "- [Wall sit](wall-sit/index.html): `content/exercises/wall-sit.yml`" in listed
    # In the preview's catalogue (the list only), never in the published one.
    preview = {page.src_uri for page in Catalogue.of(content, preview=True)}
    published = {page.src_uri for page in Catalogue.of(content)}
    assert {uri for uri in preview if uri.startswith("authoring/figures/")} == {
        "authoring/figures/index.md"
    }
    assert not any(uri.startswith("authoring/") for uri in published)


def test_an_exercise_without_poses_has_an_authoring_page_that_says_so(tmp_path: Path) -> None:
    project = _project(tmp_path)
    content = load_content(project / "content", project / "docs")
    page = figures_preview(content)["authoring/figures/bird-dog/index.html"]
    assert content.exercises["bird-dog"].poses is None
    assert "This exercise has no <code>poses:</code> yet" in page and "<svg" not in page
    assert "<details>" not in page and page.count("<li>") == len(
        content.exercises["bird-dog"].steps
    )


def test_the_preview_makes_again_only_the_authoring_page_of_an_exercise_that_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = _project(tmp_path)
    kept = PreviewKept()
    first = figures_preview(load_content(project / "content", project / "docs"), kept)
    made: list[str] = []
    sheets: list[str] = []
    make, sheet = authoring.exercise_page, figures_sheet.sheet_html

    def counted_page(exercise: Exercise, file: str) -> str:
        made.append(exercise.id)
        return make(exercise, file)

    def counted_sheet(content: Content) -> str:
        sheets.append("sheet")
        return sheet(content)

    monkeypatch.setattr(authoring, "exercise_page", counted_page)
    monkeypatch.setattr(authoring, "sheet_html", counted_sheet)
    # The same files: every page and the contact sheet as they were, none made again.
    assert figures_preview(load_content(project / "content", project / "docs"), kept) == first
    assert made == [] and sheets == []
    # One exercise edited: its page and the contact sheet are made again, no other page.
    path = project / FILE
    path.write_text(path.read_text("utf-8").replace("Wall sit", "Wall squat", 1), "utf-8")
    edited = figures_preview(load_content(project / "content", project / "docs"), kept)
    assert made == ["wall-sit"] and sheets == ["sheet"]
    assert "<h1>Wall squat: figures</h1>" in edited["authoring/figures/wall-sit/index.html"]
    assert "- [Wall squat](wall-sit/index.html)" in edited["authoring/figures/index.md"]
    others = [n for n in first if n.endswith("/index.html") and "wall-sit" not in n]
    assert others and all(edited[name] == first[name] for name in others)


# --- point 2: the conventions as pictures ------------------------------------------------------


def test_every_angle_a_pose_can_set_is_drawn_at_zero_plus_and_minus() -> None:
    drawn = {c.name: c for c in conventions()}
    assert set(drawn) == set(RANGES)  # every joint, the spine's segments and the placement
    for name, convention in drawn.items():
        values = [value for value, _ in convention.figures]
        assert values[0] == 0 and values[1] > 0, name
        if RANGES[name].low < 0:
            assert len(values) == 3 and values[2] < 0, name
        else:  # elbow, knee: 0 is straight, there is no negative
            assert len(values) == 2, name
        svgs = [svg for _, svg in convention.figures]
        assert len(set(svgs)) == len(svgs), f"{name}: each value draws a different figure"


def test_the_poses_to_copy_hold_their_contacts() -> None:
    names = [item["name"] for item in starter_data()]
    assert names == [
        "Standing",
        "Sitting on a chair",
        "On all fours",
        "Lying on your back, knees bent",
        "Lying on your side",
        "Hanging from a bar",
        "Back against a wall",
    ]
    for item in starter_data():
        Pose.model_validate(item["pose"], context=CHECKED)
    assert all("<svg" in starter.svg for starter in starters())


def test_the_content_reference_shows_the_pictures_in_the_preview_and_words_in_the_readme() -> None:
    page, readme = content_reference(True), content_reference()
    for text in (page, readme):
        assert "## Angles in pictures" in text and "## Poses to copy" in text
        assert "### Back against a wall" in text
        assert "- **`pelvis`** (`pelvis: 30`)" in text
    assert page.count("<svg") == sum(len(c.figures) for c in conventions()) + len(starters())
    assert "<svg" not in readme
    assert "authoring/content-reference/#angles-in-pictures" in readme


def test_a_planted_part_that_moves_between_figures_is_an_error(tmp_path: Path) -> None:
    # Cat-camel as shipped before it was re-posed: hands and knees on the floor in both
    # figures, yet they slid 12 cm apart as the back went from rounded to sagging.
    start = """  start:
    lean: 72
    neck: 35
    trunk: 40
    pelvis: -10
    both: {shoulder: 94, hip: 69, knee: 90, ankle: -45}
    floor: [hands, knees]
"""
    end = """  end:
    step: 2
    lean: 73
    neck: -25
    trunk: -25
    pelvis: 10
    both: {shoulder: 80, hip: 70, knee: 90, ankle: -45}
    floor: [hands, knees]
"""
    project = _project(tmp_path, start=start, end=end)
    line = _line(project, "  end:") + 1
    assert _errors(project) == [
        f"{FILE}:{line}:5: poses.end: the hands and the knees move 12 cm between start and "
        "here, though planted in both: keep what rests on the floor or a prop in one place (in "
        "start, set `both.hip` to 49)"
    ]
    # The change it names keeps them in place (the shipped cat-camel takes it, with the
    # shoulders and knees set so the arms stay upright and the shins flat).
    fixed = start.replace("hip: 69", "hip: 49")
    project = _project(tmp_path / "fixed", start=fixed, end=end)
    assert "wall-sit" in load_content(project / "content", project / "docs").exercises


def test_planted_parts_named_by_side_and_no_fix_found(tmp_path: Path) -> None:
    # The hip-flexor stretch as shipped before it was re-posed: the back knee and the front
    # foot slid 14 cm as the hips moved forward.
    start = """  start:
    both: {shoulder: 30, elbow: 30}
    left: {hip: 92, knee: 90, ankle: 0}
    right: {hip: 0, knee: 96, ankle: -45}
    floor: [right_knee, left_foot]
"""
    end = """  end:
    step: 2
    both: {shoulder: 30, elbow: 30}
    left: {hip: 91, knee: 66, ankle: -20}
    right: {hip: -17, knee: 80, ankle: -45}
    floor: [right_knee, left_foot]
"""
    project = _project(tmp_path, start=start, end=end)
    line = _line(project, "  end:") + 1
    assert _errors(project) == [
        f"{FILE}:{line}:5: poses.end: the right knee and the left foot move 14 cm between "
        "start and here, though planted in both: keep what rests on the floor or a prop in one "
        "place (no small change of start's angles does)"
    ]
