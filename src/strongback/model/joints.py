"""The angles each joint may take in a pose, with their source: what `poses:` validates against
(model/pose.py) and what the schema and the content reference show for each angle.

Limb ranges are the AAOS normal values listed by C. C. Norkin and D. J. White, *Measurement of
Joint Motion: A Guide to Goniometry*; see `RANGES`.
"""

from __future__ import annotations

from dataclasses import dataclass


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
    # flexion and extension 45° (Norkin & White). Generous finite limits: 10° past the
    # normal value, since a drawing shows a whole-spine curve with two segments.
    "trunk": Range("trunk", -35, 90, "extension (arching)", "flexion (rounding)", _AAOS),
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
