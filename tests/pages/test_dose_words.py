"""How doses read: the same words on the web page, the offline copy and the PDF."""

from __future__ import annotations

from strongback.model import Dose, Frequency
from strongback.pages.dose_words import dose_rows, dose_sentence, dose_summary, frequency_summary


def test_reps_with_hold_each_side() -> None:
    dose = Dose(sets=2, reps=6, hold_seconds=5, per_side=True, rest_seconds=30)
    assert dose_summary(dose) == "2 sets of 6 each side, hold 5 seconds"
    assert dose_rows(dose) == [
        ("Sets", "2"),
        ("Repetitions", "6 each side"),
        ("Hold", "5 seconds"),
        ("Rest between sets", "30 seconds"),
    ]


def test_hold_only_and_distance() -> None:
    assert dose_summary(Dose(sets=1, hold_seconds=60, per_side=True)) == (
        "1 set of 1 minute hold each side"
    )
    assert dose_summary(Dose(sets=3, distance_metres=20)) == "3 sets of 20 metres"


def test_weight_becomes_its_own_sentence() -> None:
    dose = Dose(sets=2, reps=8, load="Start light. Stop 3 reps short")
    assert dose_sentence(dose) == "2 sets of 8. Weight: Start light. Stop 3 reps short."
    assert dose_sentence(Dose(reps=10)) == "10 repetitions."


def test_frequency() -> None:
    assert frequency_summary(Frequency(days_per_week=7)) == "every day"
    assert frequency_summary(Frequency(days_per_week=3, weeks=6)) == "3 days a week for 6 weeks"
    assert frequency_summary(Frequency(days_per_week=1, weeks=1)) == "1 day a week for 1 week"
