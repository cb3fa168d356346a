"""The angles each joint may take in a pose, with their source: what `poses:` validates against
(model/pose.py) and what the schema and the content reference show for each angle; how a pose's
whole-spine angle is spread over the lumbar and thoracic spine, and the spine's own check.

Limb ranges are the AAOS normal values listed by C. C. Norkin and D. J. White, *Measurement of
Joint Motion: A Guide to Goniometry*; see `RANGES`. Data the content model validates: the
figures (figures/body.py) read the same values.
"""

from __future__ import annotations

from dataclasses import dataclass

LUMBAR_SHARE = 0.6
"""How a pose's whole-spine `trunk` angle is spread: the lumbar spine takes 60% of it, the
thoracic spine the rest (the lumbar spine takes most of flexion and extension)."""


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
