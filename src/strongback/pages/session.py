"""How long one session of an exercise, or of a routine, takes: estimated from the dose alone.

One place, so the exercise finder's cards, the exercise page and the routine's "at a glance"
agree, and the method the pages describe (`METHOD`) is the method used here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from strongback.model import Dose

REP_SECONDS = 3
"""One repetition when the dose gives no speed: a slow, controlled movement."""

CARRY_METRES_PER_SECOND = 1.0
"""Walking pace while carrying weights: slower than a normal walk (about 1.3 m/s)."""

BREATH_SECONDS = 5
"""One slow breath, for a dose counted in breaths."""

METHOD = (
    "Minutes are estimated from the dose: about 3 seconds a repetition (or the speed the dose "
    "gives), plus any hold, both sides where it says each side, the rest between sets, and "
    "carries at about 1 metre a second. Rounded up to a whole minute."
)
"""How the estimate is made, in words a reader can check: shown next to the minutes."""

_SECONDS = re.compile(r"(\d+)\s*seconds?\b")


def rep_seconds(dose: Dose) -> int:
    """Seconds for one repetition: the seconds the tempo names ('2 seconds down and 2 seconds
    up' is 4), else `REP_SECONDS`."""
    named = [int(value) for value in _SECONDS.findall(dose.tempo or "")]
    return sum(named) if named else REP_SECONDS


def set_seconds(dose: Dose) -> float:
    """One set on one side."""
    if dose.reps:
        return dose.reps * (rep_seconds(dose) + (dose.hold_seconds or 0))
    if dose.hold_seconds:
        return dose.hold_seconds
    if dose.duration_seconds:
        return dose.duration_seconds
    if dose.distance_metres:
        return dose.distance_metres / CARRY_METRES_PER_SECOND
    return (dose.breaths or 0) * BREATH_SECONDS


def session_seconds(dose: Dose) -> float:
    """Every set, on both sides where the dose says each side, and the rests between sets."""
    sets = dose.sets or 1
    sides = 2 if dose.per_side else 1
    return sets * sides * set_seconds(dose) + (sets - 1) * (dose.rest_seconds or 0)


def minutes(seconds: float) -> int:
    """Whole minutes, rounded up; never less than one."""
    return max(1, math.ceil(seconds / 60))


def session_minutes(dose: Dose) -> int:
    return minutes(session_seconds(dose))


def routine_minutes(doses: Iterable[Dose]) -> int:
    """A routine: the exercises one after another (the seconds added, then rounded up once)."""
    return minutes(sum(session_seconds(dose) for dose in doses))
