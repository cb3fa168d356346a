"""The exercise finder's data (cards, menus) and the session-time estimate behind its minutes."""

from __future__ import annotations

import pytest

from strongback.model import Content, Dose
from strongback.pages import finder, session
from strongback.pages.markdown import CATEGORIES


def test_minutes_follow_the_dose_as_the_method_says() -> None:
    # Bird dog: 2 sets x 2 sides x 6 reps x (3 s a rep + 5 s hold) = 192 s, plus 1 rest of 45 s.
    bird_dog = Dose(sets=2, reps=6, hold_seconds=5, per_side=True, rest_seconds=45)
    assert session.session_seconds(bird_dog) == 237
    assert session.session_minutes(bird_dog) == 4
    # The tempo's seconds replace the default: 2 x 10 x (2 + 2) + 90 = 170 s.
    tempo = Dose(sets=2, reps=10, rest_seconds=90, tempo="About 2 seconds down and 2 seconds up")
    assert session.rep_seconds(tempo) == 4
    assert session.session_seconds(tempo) == 170
    # A carry: 3 x 20 m at 1 m/s + 2 rests of 60 s.
    assert session.session_seconds(Dose(sets=3, distance_metres=20, rest_seconds=60)) == 180
    # A single hold, a timed dose; never less than a minute.
    assert session.session_minutes(Dose(hold_seconds=20)) == 1
    assert session.session_minutes(Dose(sets=1, duration_seconds=150)) == 3


def test_routine_minutes_add_the_seconds_then_round_once() -> None:
    thirty = Dose(hold_seconds=30)
    assert session.routine_minutes([thirty, thirty, thirty]) == 2  # 90 s, not 3 x 1 minute


@pytest.mark.parametrize(
    ("item", "group"),
    [
        ("Exercise mat", "mat"),
        ("Kettlebell", "weights"),
        ("Barbell", "weights"),
        ("Pull-up bar", "bar"),
        ("Sturdy bar or table", "bar"),
        ("Cable machine", "machine"),
        ("Back extension bench", "machine"),
        ("Bench", "bench"),
        ("Resistance band", "band"),
        ("Dowel or broom handle", "household"),
        ("None", "none"),
    ],
)
def test_equipment_groups(item: str, group: str) -> None:
    assert finder.equipment_group(item).value == group


def test_every_real_exercise_has_a_body_position_and_a_card(project_content: Content) -> None:
    content = project_content
    missing = [key for key, e in content.exercises.items() if e.body_position is None]
    assert missing == []
    cards = finder.cards(content.exercises.values())
    assert len(cards) == len(content.exercises) == 28
    levels = [card.exercise.level for card in cards]
    assert levels == sorted(levels, key=list(finder.LEVELS).index)  # easiest first
    menus = {
        menu.name: [o.value for o in menu.options] for menu in finder.filters(cards, CATEGORIES)
    }
    assert menus["level"] == ["beginner", "intermediate", "advanced"]
    assert menus["type"] == ["mobility", "core", "strength"]
    assert {"mat", "weights", "machine"} <= set(menus["equipment"])
    assert {"standing", "kneeling", "lying"} <= set(menus["position"])
    by_id = {card.exercise.id: card for card in cards}
    assert by_id["bird-dog"].position == finder.Option("kneeling", "Kneeling")
    assert by_id["one-arm-dumbbell-row"].equipment_values == "weights bench"
    assert by_id["bird-dog"].minutes == 4
