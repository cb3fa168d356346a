"""How a dose reads to a person: one place, so the web page, the offline copy and the PDF agree."""

from __future__ import annotations

from strongback.model import Dose, Frequency


def _seconds(value: int) -> str:
    if value >= 60 and value % 60 == 0:
        minutes = value // 60
        return f"{minutes} minute{'s' if minutes != 1 else ''}"
    return f"{value} seconds"


def dose_rows(dose: Dose) -> list[tuple[str, str]]:
    """(label, value) rows for a dose table, in the order a person does them."""
    side = " each side" if dose.per_side else ""
    rows: list[tuple[str, str]] = []
    if dose.sets:
        rows.append(("Sets", str(dose.sets)))
    if dose.reps:
        rows.append(("Repetitions", f"{dose.reps}{side}"))
    if dose.hold_seconds:
        rows.append(("Hold", f"{_seconds(dose.hold_seconds)}{side if not dose.reps else ''}"))
    if dose.duration_seconds:
        rows.append(("Time", f"{_seconds(dose.duration_seconds)}{side if not dose.reps else ''}"))
    if dose.distance_metres:
        rows.append(("Distance", f"{dose.distance_metres} metres{side if not dose.reps else ''}"))
    if dose.breaths:
        rows.append(("Breathing", f"{dose.breaths} slow breaths"))
    if dose.tempo:
        rows.append(("Speed", dose.tempo))
    if dose.load:
        rows.append(("Weight", dose.load))
    if dose.rest_seconds is not None:
        rows.append(("Rest between sets", _seconds(dose.rest_seconds)))
    return rows


def dose_summary(dose: Dose) -> str:
    """'2 sets of 8 each side, hold 5 seconds': the amount, without the weight."""
    side = " each side" if dose.per_side else ""
    parts: list[str] = []
    amount = ""
    if dose.reps:
        amount = f"{dose.reps}{side}"
    elif dose.hold_seconds:
        amount = f"{_seconds(dose.hold_seconds)} hold{side}"
    elif dose.duration_seconds:
        amount = f"{_seconds(dose.duration_seconds)}{side}"
    elif dose.distance_metres:
        amount = f"{dose.distance_metres} metres{side}"
    if dose.sets:
        parts.append(f"{dose.sets} set{'s' if dose.sets > 1 else ''} of {amount}")
    else:
        parts.append(f"{dose.reps} repetitions{side}" if dose.reps else amount)
    if dose.reps and dose.hold_seconds:
        parts.append(f"hold {_seconds(dose.hold_seconds)}")
    return ", ".join(parts)


def _full_stop(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def dose_sentence(dose: Dose) -> str:
    """The dose as a sentence, with the weight: '2 sets of 8. Weight: start light.'"""
    sentence = _full_stop(dose_summary(dose))
    return f"{sentence} Weight: {_full_stop(dose.load)}" if dose.load else sentence


def dose_details(dose: Dose) -> str:
    """What the amount leaves out, as short sentences: 'Rest 45 seconds between sets. Speed: …'
    Empty, or ending with a space, so a template can run on after it."""
    parts: list[str] = []
    if dose.breaths:
        parts.append(f"Take {dose.breaths} slow breaths.")
    if dose.rest_seconds and (dose.sets or 1) > 1:
        parts.append(f"Rest {_seconds(dose.rest_seconds)} between sets.")
    if dose.tempo:
        parts.append(f"Speed: {_full_stop(dose.tempo)}")
    if dose.load:
        parts.append(f"Weight: {_full_stop(dose.load)}")
    return "".join(part + " " for part in parts)


def frequency_summary(frequency: Frequency) -> str:
    days = frequency.days_per_week
    text = "every day" if days == 7 else f"{days} day{'s' if days != 1 else ''} a week"
    if frequency.weeks:
        text += f" for {frequency.weeks} week{'s' if frequency.weeks != 1 else ''}"
    return text


WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
"""The columns of a tick log for a plan of every day."""

UNTIMED_LOG_WEEKS = 4
"""Rows of a tick log when the plan names no number of weeks."""


def log_weeks(frequency: Frequency) -> int:
    """Rows of a tick log: one for each week of the plan, so the log lasts as long as it does."""
    return frequency.weeks or UNTIMED_LOG_WEEKS


def log_days(frequency: Frequency) -> tuple[str, ...]:
    """Columns of a tick log, the same on the web and on paper: one box for each day of the
    plan's week ("Day 1" to "Day 3" for 3 days a week), or the weekdays for a plan of every day.
    A week's row is done when its boxes are ticked."""
    days = frequency.days_per_week
    return WEEKDAYS if days == len(WEEKDAYS) else tuple(f"Day {n}" for n in range(1, days + 1))
