"""Forward kinematics: joint angles -> 3D body segments of the standard adult (body.py), the
body set down so its lowest point rests on the floor, then its props placed and every declared
contact checked (props.py).
"""

from __future__ import annotations

from strongback.figures import body as B
from strongback.figures.figure import Figure, Segment, be
from strongback.figures.fit import suggestion
from strongback.figures.geometry import (
    CM,
    TOLERANCE,
    WORLD,
    Frame,
    Vec,
    add,
    flex,
    mean,
    side,
    turn,
)
from strongback.figures.plausible import flat_problems, through_problems
from strongback.figures.props import place
from strongback.figures.spine import TOP_INSET, trunk
from strongback.model.parts import expand_parts
from strongback.model.pose import Pose


def solved(pose: Pose) -> Figure:
    """The pose as a figure: solved once (when the loader checks the pose) and kept on the pose
    for drawing it (a pose is frozen, so the figure stays true to it)."""
    if pose._solved is None:
        pose._solved = solve(pose)
    figure: Figure = pose._solved
    return figure


def contact_problems(pose: Pose) -> list[str]:
    """The geometry check of a pose (`model.pose.POSE_CHECK`, passed by the loader): each
    declared contact the body does not reach, and what the body cannot do (`plausible`), as
    a message; after a contact error, the change of angles that fixes it (`fit`)."""
    figure = solved(pose)
    fix = suggestion(pose, figure, solve)
    return figure.problems + ([fix] if fix else [])


def solve(pose: Pose) -> Figure:
    """Joint angles -> a figure on the floor, props placed, contacts checked."""
    segments, landmarks = _body(pose)
    low = min(-seg.extreme((0.0, -1.0, 0.0)) for seg in segments)
    offset = (0.0, (pose.off_floor or 0) * CM - low, 0.0)
    hanging = [p for p in pose.props if p.type == "bar" and p.height is not None]
    if pose.off_floor is None and hanging and hanging[0].height is not None and not pose.floor:
        # Hanging from a bar: the hands that hold it are at its height.
        hands = [
            s
            for s in segments
            if s.name == "hand" and f"{s.side}_hand" in expand_parts(list(hanging[0].touches))
        ]
        if hands:
            offset = (0.0, hanging[0].height * CM - mean([s.a for s in hands])[1], 0.0)
    figure = Figure(
        pose.view,
        [seg.moved(offset) for seg in segments],
        [],
        landmarks={name: add(point, offset) for name, point in landmarks.items()},
    )
    for part in expand_parts(list(pose.floor)):
        gap = figure.lowest(part)
        if gap > TOLERANCE:
            figure.miss(
                f"{part} should rest on the floor but {be(part)} {gap / CM:.0f} cm above it",
                part,
                "to the floor",
                gap,
            )
    flat_problems(pose, figure)
    for prop in pose.props:
        place(figure, prop.type, expand_parts(list(prop.touches)), prop)
    through_problems(figure)
    return figure


def _body(pose: Pose) -> tuple[list[Segment], dict[str, Vec]]:
    root = side(flex(WORLD, pose.lean or 0), pose.roll or 0)
    lumbar, thoracic = pose.spine()
    spine = trunk(
        root, pose.pelvis or 0, lumbar, thoracic, pose.twist or 0, pose.belly == "drawn_in"
    )
    chest, top = spine.chest, spine.top
    head = flex(chest, pose.neck or 0)
    neck_base = add(top, chest[1], -TOP_INSET)
    head_centre = add(add(top, head[1], B.NECK_TO_HEAD), head[0], 0.012)
    segs = [
        *spine.segments,
        Segment(
            "neck",
            "centre",
            neck_base,
            add(top, head[1], 0.06),
            B.NECK_RADIUS,
            B.NECK_RADIUS,
            head,
        ),
        Segment("head", "centre", head_centre, head_centre, B.HEAD_RADIUS, B.HEAD_RADIUS, head),
    ]
    landmarks = dict(spine.landmarks)
    landmarks["head"] = head_centre
    legs = turn(root, pose.twist or 0)
    for name, sign in (("right", 1.0), ("left", -1.0)):
        segs += _arm(pose, name, sign, chest, add(top, chest[2], sign * B.SHOULDER_JOINTS))
        segs += _leg(pose, name, sign, legs, add(spine.hips, legs[2], sign * B.HIP_JOINTS))
    return segs, landmarks


def _arm(pose: Pose, name: str, sign: float, chest: Frame, shoulder: Vec) -> list[Segment]:
    upper = side(
        flex(chest, -pose.angle(name, "shoulder")), -sign * pose.angle(name, "shoulder_abduction")
    )
    elbow = add(shoulder, upper[1], -B.UPPER_ARM)
    fore = flex(upper, -pose.angle(name, "elbow"))
    wrist = add(elbow, fore[1], -B.FOREARM)
    hand = add(wrist, fore[1], -B.GRIP)
    ua, fa = B.UPPER_ARM_RADIUS, B.FOREARM_RADIUS
    return [
        Segment("upper_arm", name, shoulder, elbow, ua[0], ua[1], upper),
        Segment("elbow", name, elbow, elbow, ua[1], ua[1], upper),
        Segment("forearm", name, elbow, wrist, fa[0], fa[1], fore),
        Segment("hand", name, hand, hand, B.HAND_RADIUS, B.HAND_RADIUS, fore),
    ]


def _leg(pose: Pose, name: str, sign: float, pelvis: Frame, hip: Vec) -> list[Segment]:
    thigh = side(flex(pelvis, -pose.angle(name, "hip")), -sign * pose.angle(name, "hip_abduction"))
    knee = add(hip, thigh[1], -B.THIGH)
    shank = flex(thigh, pose.angle(name, "knee"))
    ankle = add(knee, shank[1], -B.SHANK)
    foot = flex(shank, -pose.angle(name, "ankle"))
    heel = add(add(ankle, foot[1], -(B.ANKLE_HEIGHT - B.FOOT_RADIUS)), foot[0], -0.03)
    toes = add(add(heel, foot[0], B.FOOT_LENGTH - 2 * B.FOOT_RADIUS), foot[1], -0.004)
    th, sh = B.THIGH_RADIUS, B.SHANK_RADIUS
    return [
        Segment("thigh", name, hip, knee, th[0], th[1], thigh),
        Segment("knee", name, knee, knee, th[1], th[1], thigh),
        Segment("shin", name, knee, ankle, sh[0], sh[1], shank),
        Segment("foot", name, heel, toes, B.FOOT_RADIUS, B.FOOT_RADIUS - 0.004, foot),
        Segment("heel", name, heel, heel, B.FOOT_RADIUS, B.FOOT_RADIUS, foot),
        Segment("toes", name, toes, toes, B.FOOT_RADIUS - 0.004, B.FOOT_RADIUS - 0.004, foot),
    ]
