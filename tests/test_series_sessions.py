"""A day of training load may be written as its sessions, "RPE x minutes" joined by "+" (Foster et al. 2001:
session load = session RPE × minutes). The training-load grid sends a day built from sessions this way, so the
multiplication happens in Python, never in the page's JavaScript."""

from __future__ import annotations

import pytest

from calculators import InvalidInput, compute, daily_load_au

THREE_WEEKS = [300, 0, 420, 350, 0, 600, 240] * 3


def _loads(*last_week: object) -> dict:
    return {"daily_loads_au": [*THREE_WEEKS, *last_week]}


@pytest.mark.parametrize("day", ["6x45+4x30", "6 x 45 + 4 x 30", "6×45+4×30", "6*45 + 4*30", "6X45+4X30"])
def test_a_day_written_as_sessions_is_the_sum_of_rpe_times_minutes(day: str) -> None:
    sessions = compute("training_load", _loads(day, 0, 0, 0, 0, 0, 0))
    plain = compute("training_load", _loads(daily_load_au([(6, 45), (4, 30)]), 0, 0, 0, 0, 0, 0))
    assert sessions["values"] == plain["values"]
    assert sessions["values"]["acute_load_au"] == 390


def test_a_load_and_sessions_added_to_it_are_summed() -> None:
    """The grid's session builder appends "+RPExminutes" to whatever the day holds, a typed load included."""
    sessions = compute("training_load", _loads("300+6x30", "0+7x60", 0, 0, 0, 0, 0))
    assert sessions["values"]["acute_load_au"] == 300 + daily_load_au([(6, 30)]) + daily_load_au([(7, 60)])


def test_sessions_inside_a_typed_series_do_not_split_into_days() -> None:
    text = ", ".join(map(str, THREE_WEEKS)) + ", 6 x 45 + 4 x 30, 0, 480, 400, 0, 720, 300"
    assert compute("training_load", {"daily_loads_au": text})["values"]["acute_load_au"] == 390 + 1900


@pytest.mark.parametrize(
    ("day", "message"),
    [
        ("11x30", "week 4, day 1: RPE 11 must be between 0 and 10."),
        ("5x2000", "week 4, day 1: minutes 2,000 must be between 0 and 1,440."),
        ("6x45x2", "week 4, day 1 ('6x45x2') must be numbers or RPE × minutes terms joined by +."),
        ("6xabc", "week 4, day 1's minutes must be a number"),
        ("6x45+abc", "week 4, day 1 must be a number (got 'abc')"),
    ],
)
def test_a_bad_session_names_its_day_and_factor(day: str, message: str) -> None:
    with pytest.raises(InvalidInput) as error:
        compute("training_load", _loads(day, 0, 0, 0, 0, 0, 0))
    assert message in error.value.errors["daily_loads_au"]
