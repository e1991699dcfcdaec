"""Every kind of bad input gets one clear message on the field that caused it, and nothing else escapes."""

from __future__ import annotations

import math

import pytest

from calculators import InvalidInput, UnknownCalculator, compute, run, schema
from tests import cases

MALE = cases.ENERGY_MALE_MIFFLIN


def errors_for(name: str, inputs: object) -> dict[str, str]:
    with pytest.raises(InvalidInput) as caught:
        compute(name, inputs)
    assert caught.value.to_dict() == {"errors": caught.value.errors}
    return caught.value.errors


def test_missing_fields_each_named() -> None:
    errors = errors_for("energy", {})
    assert set(errors) == {"sex", "age_years", "height_cm", "weight_kg", "activity", "goal_lb_per_week"}
    assert errors["weight_kg"] == "Body weight is required."
    assert errors_for("energy", {**MALE, "age_years": "   "}) == {"age_years": "Age is required."}


@pytest.mark.parametrize("bad", [[40], {"a": 1}, True])
def test_wrong_type(bad: object) -> None:
    message = errors_for("energy", {**MALE, "age_years": bad})["age_years"]
    assert message.startswith("Age must be a number")


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf, "1e309", "inf"])
def test_nan_and_infinite(bad: object) -> None:
    message = errors_for("energy", {**MALE, "height_cm": bad})["height_cm"]
    assert "finite number" in message or "must be a number" in message


def test_out_of_range_in_the_readers_unit() -> None:
    assert errors_for("energy", {**MALE, "weight_kg": {"value": 10, "unit": "lb"}}) == {
        "weight_kg": "Body weight must be between 66.1 and 661.4 lb."
    }
    assert errors_for("energy", {**MALE, "weight_kg": 20}) == {
        "weight_kg": "Body weight must be between 30 and 300 kg."
    }
    assert errors_for("hydration", {"weight_kg": -5}) == {
        "weight_kg": "Body weight must be between 20 and 300 kg."
    }
    assert errors_for("energy", {**MALE, "height_cm": "2 ft"}) == {
        "height_cm": "Height must be between 3 ft 3 in and 8 ft 2 in."
    }


def test_unknown_choice_lists_options() -> None:
    errors = errors_for("energy", {**MALE, "sex": "other", "activity": "couch"})
    assert errors["sex"] == "Sex must be one of: female, male (got 'other')."
    assert "sedentary, light, moderate, very_active, extra_active" in errors["activity"]
    goal = errors_for("energy", {**MALE, "goal_lb_per_week": -3})["goal_lb_per_week"]
    assert "2, 1.5, 1, 0.5, 0, −0.5, −1, −1.5, −2" in goal


def test_unknown_unit_lists_accepted() -> None:
    errors = errors_for("energy", {**MALE, "weight_kg": {"value": 80, "unit": "stone"}})
    assert errors == {"weight_kg": "Body weight accepts the units kg, lb (got 'stone')."}
    assert (
        "accepts the units cm, in, ft_in"
        in errors_for("energy", {**MALE, "height_cm": "170 furlongs"})["height_cm"]
    )


def test_inconsistent_and_conditional_fields() -> None:
    assert set(
        errors_for("hydration", {"weight_kg": 70, "post_exercise_weight_kg": 68, "duration_min": 30})
    ) == {"pre_exercise_weight_kg"}
    assert errors_for("energy", {**MALE, "formula": "katch_mcardle"}) == {
        "body_fat_pct": "Body fat is required for the Katch–McArdle equation."
    }


def test_series_length_and_items() -> None:
    assert errors_for("training_load", {"daily_loads_au": [1] * 5}) == {
        "daily_loads_au": "Daily training loads: enter 7 to 28 values (got 5)."
    }
    # Days are named as the page's four-week grid shows them, the latest last: of 7 days, the 7th is week 4, day 7.
    assert errors_for("training_load", {"daily_loads_au": [1] * 6 + ["a"]}) == {
        "daily_loads_au": "Daily training loads: week 4, day 7 must be a number (got 'a')."
    }
    assert (
        "week 1, day 2 "
        in errors_for("training_load", {"daily_loads_au": [1, "a"] + [1] * 26})["daily_loads_au"]
    )
    assert (
        "between 0 and 14,400 AU"
        in errors_for("training_load", {"daily_loads_au": [1] * 6 + [-1]})["daily_loads_au"]
    )
    assert "list of numbers" in errors_for("training_load", {"daily_loads_au": 5})["daily_loads_au"]


def test_typed_series_reports_empty_days_and_decimal_commas() -> None:
    """A blank day between two commas is reported, not dropped; a decimal comma gets a hint."""
    errors = errors_for("training_load", {"daily_loads_au": "300, , 420, 350, 0, 600, 240, 100"})
    assert errors == {
        "daily_loads_au": "Daily training loads: week 4, day 1 is empty (use 0 for a rest day)."
    }
    assert (
        "write decimals with a point"
        in errors_for("training_load", {"daily_loads_au": "72,5"})["daily_loads_au"]
    )
    assert errors_for("training_load", {"daily_loads_au": " "}) == {
        "daily_loads_au": "Daily training loads are required."
    }
    trailing = compute("training_load", {"daily_loads_au": "300, 0, 420, 350, 0, 600, 240,"})
    assert trailing["values"]["acute_load_au"] == 1910


def test_session_only_fields_without_weights_are_flagged_where_typed() -> None:
    errors = errors_for("hydration", {"weight_kg": 70, "fluid_drunk_ml": 300, "urine_ml": 100})
    assert set(errors) == {"fluid_drunk_ml", "urine_ml"}
    assert "weighed session" in errors["fluid_drunk_ml"]


def test_reader_typing_is_understood() -> None:
    """Decimal comma, spaces, unit suffixes, unicode minus and yes/no all parse the way a reader means them."""
    a = compute("energy", {**MALE, "weight_kg": " 72,5 ", "goal_lb_per_week": "\u22121"})["values"]
    b = compute("energy", {**MALE, "weight_kg": 72.5, "goal_lb_per_week": -1})["values"]
    assert a == b
    assert compute("electrolytes", {"duration_min": "1 h", "hot_climate": "on"})["values"]["reasons"] == [
        "hot_climate"
    ]


def test_unknown_field_and_non_object_inputs() -> None:
    assert "Unknown field 'weight'" in errors_for("energy", {**MALE, "weight": 80})["weight"]
    assert set(errors_for("energy", [1, 2])) == {"inputs"}
    assert set(errors_for("energy", None)) == {"inputs"}


def test_long_pasted_text_is_not_echoed_whole() -> None:
    message = errors_for("energy", {**MALE, "age_years": "x" * 10_000})["age_years"]
    assert len(message) < 120


def test_run_never_raises_for_reader_input() -> None:
    assert run("energy", {**MALE, "sex": "x"}) == {
        "ok": False,
        "errors": {"sex": "Sex must be one of: female, male (got 'x')."},
    }
    assert run("energy", MALE)["ok"] is True
    assert run("nope", {})["ok"] is False
    with pytest.raises(UnknownCalculator):
        schema("nope")


def test_the_issues_new_inputs_answer_bad_entries_per_field() -> None:
    """Issue 10 added an optional sex to hydration (IOM 2004 figures) and a next-session flag to fueling (Thomas
    2016's fast recovery): each bad entry gets its own message, and leaving sex unset is not an error."""
    assert run("hydration", {"weight_kg": 70, "sex": "other"})["errors"] == {
        "sex": "Sex must be one of: female, male (got 'other')."
    }
    fueling = {"weight_kg": 70, "duration_min": 50, "training_level": "light", "next_session_soon": "maybe"}
    assert run("fueling", fueling)["errors"] == {
        "next_session_soon": "Next session less than 8 hours away must be yes or no (true/false), not 'maybe'."
    }
    assert run("hydration", {"weight_kg": 70})["ok"] is True


@pytest.mark.parametrize(("name", "inputs"), cases.INVALID)
def test_every_invalid_case_is_invalid_input(name: str, inputs: dict) -> None:
    result = run(name, inputs)
    assert result["ok"] is False and result["errors"]
    assert all(isinstance(message, str) and message.endswith(".") for message in result["errors"].values())
