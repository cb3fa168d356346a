"""The standard adult body the figures are drawn from: proportions and thicknesses.

Segment lengths are fractions of standing height H from Drillis & Contini (1966), as reproduced
in Figure 4.1 of D. A. Winter, *Biomechanics and Motor Control of Human Movement* (4th ed.,
Wiley, 2009) and worked through in the BMClab "Body segment parameters" notebook
(https://github.com/BMClab/BMC). The angles each joint may take, how the trunk angle is spread
over the spine and the spine's check are data the content model validates: `model/joints.py`
(`RANGES`, `LUMBAR_SHARE` and `spine_problems` are imported here for the figures).
"""

from __future__ import annotations

from strongback.model.joints import LUMBAR_SHARE as LUMBAR_SHARE
from strongback.model.joints import RANGES as RANGES
from strongback.model.joints import Range as Range
from strongback.model.joints import spine_problems as spine_problems

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


CONTACT_TOLERANCE_CM = 3.0
"""A declared contact may be this far off and still count as touching."""
