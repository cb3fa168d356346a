"""The standard adult body the figures are drawn from: proportions, thicknesses, joint ranges.

Segment lengths are fractions of standing height H from Drillis & Contini (1966), as reproduced
in Figure 4.1 of D. A. Winter, *Biomechanics and Motor Control of Human Movement* (4th ed.,
Wiley, 2009) and worked through in the BMClab "Body segment parameters" notebook
(https://github.com/BMClab/BMC). Joint ranges are the AAOS normal values listed by C. C. Norkin
and D. J. White, *Measurement of Joint Motion: A Guide to Goniometry*; see `RANGES`.
"""

from __future__ import annotations

from dataclasses import dataclass

HEIGHT_CM = 170.0
"""One standard adult, 170 cm tall: every figure is drawn from the same body."""

# --- Drillis & Contini fractions of height (Winter, Fig. 4.1) ------------------------------------
UPPER_ARM = 0.186
FOREARM = 0.146
HAND = 0.108
THIGH = 0.245
SHANK = 0.246
ANKLE_HEIGHT = 0.039
FOOT_LENGTH = 0.152
SHOULDER_HEIGHT = 0.818
HIP_HEIGHT = 0.530
CHIN_HEIGHT = 0.870
SHOULDER_WIDTH = 0.259
HIP_WIDTH = 0.191

TRUNK = SHOULDER_HEIGHT - HIP_HEIGHT
"""Hip joint to shoulder joint, 0.288 H, along the trunk's axis: split into the pelvis, the
lumbar spine and the thoracic spine (our own drawing split, keeping the Drillis & Contini hip and
shoulder heights): the pelvis from the hip joints to the level of S1, the lumbar spine from S1
to T12 (about 17 cm in a 170 cm adult) and the thoracic spine from T12 to the shoulder line,
where C7 (the base of the neck) sits at the back."""
PELVIS = 0.06
LUMBAR = 0.10
THORACIC = TRUNK - PELVIS - LUMBAR
LUMBAR_PIECES = 3
THORACIC_PIECES = 4
"""Each spinal segment bends evenly over this many pieces, so the back is drawn as a curve."""
LUMBAR_SHARE = 0.6
"""How a pose's whole-spine `trunk` angle is spread: the lumbar spine takes 60% of it, the
thoracic spine the rest (the lumbar spine takes most of flexion and extension)."""
SPINE_BEHIND = 0.045
"""S1, T12 and C7 (the spinous processes, felt under the skin of the back) lie this far behind
the trunk's axis, so a flat back puts them on a straight line."""
NECK_TO_HEAD = (1.0 + CHIN_HEIGHT) / 2 - SHOULDER_HEIGHT
"""Shoulder line to the centre of the head (halfway between chin and crown), 0.117 H."""
HEAD_RADIUS = (1.0 - CHIN_HEIGHT) / 2 + 0.006
"""Half the chin-to-crown height (0.130 H), a little more for the skull behind the face."""

SHOULDER_JOINTS = SHOULDER_WIDTH / 2 - 0.028
"""Half the distance between the shoulder joint centres: inside the shoulder breadth by the
thickness of the upper arm."""
HIP_JOINTS = HIP_WIDTH / 2 - 0.04
"""Half the distance between the hip joint centres, inside the hip breadth."""
GRIP = 0.2 * HAND
"""Wrist to the centre of the hand as drawn (a rounded mitt): where it grips a bar or handle
and, flat on the floor, what it rests on."""

# --- half thicknesses (drawing and contact), fractions of H -------------------------------------
# Drawn widths, not from the table: chosen so the figure reads as an adult at 3 cm wide.
# Trunk segments have two half-widths: side to side, and front to back.
TRUNK_HALF_WIDTH = {"hips": 0.085, "waist": 0.07, "chest": 0.1}
TRUNK_HALF_DEPTH = {"hips": 0.06, "waist": 0.052, "chest": 0.062}
UPPER_ARM_RADIUS = (0.03, 0.024)
FOREARM_RADIUS = (0.024, 0.019)
HAND_RADIUS = 0.026
THIGH_RADIUS = (0.05, 0.035)
SHANK_RADIUS = (0.035, 0.024)
FOOT_RADIUS = 0.02
NECK_RADIUS = 0.026


@dataclass(frozen=True)
class Range:
    """The angles a joint may take in a pose, in degrees: `low` (the negative direction, e.g.
    extension) to `high` (the positive direction, e.g. flexion)."""

    joint: str
    low: float
    high: float
    negative: str
    positive: str
    source: str

    def describe(self) -> str:
        return f"{self.low:g}° ({self.negative}) to {self.high:g}° ({self.positive})"


_AAOS = "AAOS normal values (Norkin & White)"
RANGES: dict[str, Range] = {
    # Limbs: AAOS normal values as listed by Norkin & White.
    "shoulder": Range("shoulder", -60, 180, "extension", "flexion", _AAOS),
    "shoulder_abduction": Range(
        "shoulder_abduction", -30, 180, "adduction across the body", "abduction", _AAOS
    ),
    "elbow": Range("elbow", 0, 150, "straight", "flexion", _AAOS),
    "hip": Range("hip", -30, 120, "extension", "flexion", _AAOS),
    "hip_abduction": Range("hip_abduction", -30, 45, "adduction", "abduction", _AAOS),
    "knee": Range("knee", 0, 135, "straight", "flexion", _AAOS),
    "ankle": Range("ankle", -50, 20, "plantarflexion", "dorsiflexion", _AAOS),
    # Spine and neck: AAOS thoracolumbar flexion 80°, extension 25°, rotation 45°; cervical
    # flexion and extension 45° (Norkin & White). `trunk` is the whole thoracolumbar spine
    # (lumbar + thoracic, however a pose writes them): 10° past the normal value, a generous
    # finite limit for a drawing. The split between the segments is ours (the lumbar spine
    # takes most of flexion and extension, the thoracic spine less): the lumbar spine up to
    # 55° of flexion and 30° of extension, the thoracic spine up to 40° and 15°.
    "trunk": Range("trunk", -35, 90, "extension (arching)", "flexion (rounding)", _AAOS),
    "lumbar": Range(
        "lumbar", -30, 55, "extension (arching)", "flexion (rounding)", _AAOS + ", our split"
    ),
    "thoracic": Range(
        "thoracic", -15, 40, "extension (arching)", "flexion (rounding)", _AAOS + ", our split"
    ),
    "twist": Range("twist", -55, 55, "rotation to the left", "rotation to the right", _AAOS),
    "neck": Range("neck", -55, 55, "extension (looking up)", "flexion (chin down)", _AAOS),
    # Pelvic tilt has no AAOS value; about 15° each way is typical of voluntary tilt in
    # adults. A generous finite limit, our own choice.
    "pelvis": Range(
        "pelvis",
        -25,
        25,
        "posterior tilt (flattening)",
        "anterior tilt (arching)",
        "our own generous limit; voluntary tilt is about 15° each way",
    ),
    # Placement of the whole body: not joints.
    "lean": Range("lean", -180, 180, "backwards", "forwards", "any orientation"),
    "roll": Range("roll", -90, 90, "onto the left side", "onto the right side", "lying on a side"),
}

CONTACT_TOLERANCE_CM = 3.0
"""A declared contact may be this far off and still count as touching."""


def spine_problems(lumbar: float, thoracic: float) -> list[str]:
    """A spine bent past its ranges: the lumbar bend (its share of `trunk`, `lumbar` and the
    pelvis's tilt), the thoracic bend and the two together (see Pose.spine)."""
    problems = []
    for joint, value, made_of in (
        ("lumbar", lumbar, "its share of trunk, lumbar and the pelvis's tilt"),
        ("thoracic", thoracic, "its share of trunk and thoracic"),
    ):
        allowed = RANGES[joint]
        if not allowed.low <= value <= allowed.high:
            problems.append(
                f"the {joint} spine bends {value:g}° ({made_of}), outside its range, "
                f"{allowed.describe()}"
            )
    whole = RANGES["trunk"]
    if not whole.low <= lumbar + thoracic <= whole.high:
        problems.append(
            f"the whole spine bends {lumbar + thoracic:g}° (lumbar and thoracic together), "
            f"outside its range, {whole.describe()}"
        )
    return problems
