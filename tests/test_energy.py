"""Energy: Mifflin–St Jeor, revised Harris–Benedict, Katch–McArdle, the goal rule and the lowest typical
weight-loss intake (Jensen 2013)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import compute
from tests import cases

LB = 0.45359237
INCH = 2.54
LIGHT, MODERATE, SEDENTARY = 1.375, 1.55, 1.2


def values(inputs: dict) -> dict:
    return compute("energy", inputs)["values"]


def test_mifflin_1990_issue_example_imperial() -> None:
    """Mifflin et al. 1990, Am J Clin Nutr 51:241: female 140 lb, 64 in, 35 y → BMR ≈ 1,315 kcal."""
    weight, height = 140 * LB, 64 * INCH
    bmr = 10 * weight + 6.25 * height - 5 * 35 - 161
    result = compute("energy", cases.ENERGY_FEMALE_IMPERIAL)
    assert result["values"]["bmr_kcal"] == pytest.approx(bmr, abs=1e-9)
    assert round(result["values"]["bmr_kcal"]) == 1315
    assert result["values"]["maintenance_kcal"] == pytest.approx(bmr * LIGHT)
    assert result["values"]["daily_change_kcal"] == pytest.approx(-500)
    assert result["values"]["target_kcal"] == pytest.approx(bmr * LIGHT - 500)
    assert (
        result["steps"][0]
        == "BMR = 10 × 63.5 kg + 6.25 × 162.6 cm − 5 × 35 − 161 = 1,315 kcal (Mifflin–St Jeor)"
    )
    assert {source["id"] for source in result["sources"]} >= {"mifflin1990", "hall2011"}


def test_metric_and_imperial_agree() -> None:
    imperial, metric = values(cases.ENERGY_FEMALE_IMPERIAL), values(cases.ENERGY_FEMALE_METRIC)
    for key, value in metric.items():
        assert imperial[key] == (value if value is None else pytest.approx(value, rel=1e-12)), key


def test_mifflin_male() -> None:
    """Mifflin 1990, male: 10 × 80 + 6.25 × 180 − 5 × 30 + 5 = 1,780 kcal; moderate × 1.55; gain 1 lb → +500."""
    result = values(cases.ENERGY_MALE_MIFFLIN)
    assert result["bmr_kcal"] == pytest.approx(800 + 1125 - 150 + 5)
    assert result["maintenance_kcal"] == pytest.approx(1780 * MODERATE)
    assert result["target_kcal"] == pytest.approx(1780 * MODERATE + 500)
    assert result["lean_body_mass_kg"] is None


def test_harris_benedict_roza_1984() -> None:
    """Roza & Shizgal 1984, Am J Clin Nutr 40:168, revised Harris–Benedict for both sexes."""
    male = values(cases.ENERGY_MALE_HARRIS)["bmr_kcal"]
    assert male == pytest.approx(88.362 + 13.397 * 80 + 4.799 * 180 - 5.677 * 30)
    female = values(cases.ENERGY_FEMALE_HARRIS)
    bmr = 447.593 + 9.247 * 60 + 3.098 * 165 - 4.330 * 40
    assert female["bmr_kcal"] == pytest.approx(bmr)
    assert female["target_kcal"] == pytest.approx(bmr * SEDENTARY)


def test_katch_mcardle() -> None:
    """Katch–McArdle: LBM = 80 × (1 − 0.20) = 64 kg; BMR = 370 + 21.6 × 64 = 1,752.4 kcal."""
    result = values(cases.ENERGY_KATCH)
    assert result["lean_body_mass_kg"] == pytest.approx(64)
    assert result["bmr_kcal"] == pytest.approx(370 + 21.6 * 64)


def test_a_loss_target_below_the_floor_is_raised_and_the_real_change_reported() -> None:
    """Jensen et al. 2014 (AHA/ACC/TOS 2013): 1,200 kcal/day is the lowest typical weight-loss intake for women.
    Female 35 y, 60 kg, 160 cm, sedentary: BMR = 600 + 1,000 − 175 − 161 = 1,264; maintenance 1,516.8;
    −2 lb/week gives 516.8, raised to 1,200: the real change is −316.8 kcal/day = −0.634 lb/week."""
    result = compute("energy", cases.ENERGY_RAISED_TO_FLOOR)
    v = result["values"]
    assert v["maintenance_kcal"] == pytest.approx(1264 * SEDENTARY)
    assert v["target_kcal"] == 1200
    assert v["daily_change_kcal"] == pytest.approx(1200 - 1264 * SEDENTARY)
    assert v["weekly_change_lb"] == pytest.approx((1200 - 1264 * SEDENTARY) * 7 / 3500)
    assert [w["code"] for w in result["warnings"]] == ["below_floor"]
    assert result["warnings"][0]["field"] == "goal_lb_per_week"
    assert "−0.63 lb a week, not −2" in result["warnings"][0]["message"]


@pytest.mark.parametrize("goal", [0, 0.5, 1, 2])
def test_floor_applies_to_loss_goals_only(goal: float) -> None:
    """formulas.md: maintain and gain goals are never raised. The issue's case: an 80-year-old 45 kg woman choosing
    "Maintain" (maintenance 992 kcal) was raised to 1,200 and told to choose a slower goal."""
    result = compute("energy", {**cases.ENERGY_SMALL_OLDER_MAINTAIN, "goal_lb_per_week": goal})
    v = result["values"]
    maintenance = (10 * 45 + 6.25 * 150 - 5 * 80 - 161) * SEDENTARY
    assert v["target_kcal"] == pytest.approx(maintenance + goal * 500)
    assert v["daily_change_kcal"] == pytest.approx(goal * 500)
    assert v["weekly_change_lb"] is None
    assert [w["code"] for w in result["warnings"]] == ["low_maintenance"], (
        "advice, without changing the number"
    )


def test_the_floor_never_lifts_a_loss_goal_above_maintenance() -> None:
    """Female 70 y, 50 kg, 150 cm, sedentary: maintenance 926.5 × 1.2 = 1,111.8 kcal, itself under 1,200. Losing
    2 lb/week is held at maintenance, never raised to 1,200 (which would mean eating more than maintaining)."""
    result = compute("energy", cases.ENERGY_BELOW_FLOOR)
    v = result["values"]
    maintenance = (10 * 50 + 6.25 * 150 - 5 * 70 - 161) * SEDENTARY
    assert v["target_kcal"] == pytest.approx(maintenance)
    assert v["daily_change_kcal"] == pytest.approx(0)
    assert {w["code"] for w in result["warnings"]} == {"below_floor", "low_maintenance"}


def test_male_floor_is_1500() -> None:
    """Jensen 2014: 1,500 kcal/day for men. Male 35 y, 60 kg, 160 cm, sedentary, −2 lb/week."""
    inputs = {**cases.ENERGY_RAISED_TO_FLOOR, "sex": "male"}
    assert values(inputs)["target_kcal"] == 1500


def test_katch_mcardle_is_cited_to_cunningham_1991() -> None:
    """formulas.md: the equation is Cunningham (1991); cite it under the name readers know."""
    result = compute("energy", cases.ENERGY_KATCH)
    assert "cunningham1991" in {source["id"] for source in result["sources"]}
    assert any("Katch–McArdle" in step for step in result["steps"])


def test_says_resting_energy_not_a_measured_basal_rate() -> None:
    """formulas.md: the three equations estimate resting energy expenditure; the page may say "resting energy
    (BMR)" but must not claim a measured basal rate (Mifflin 1990; Roza 1984; Cunningham 1991)."""
    import calculators

    schema = calculators.schema("energy")
    bmr = next(output for output in schema["outputs"] if output["key"] == "bmr_kcal")
    assert bmr["label"] == "Resting energy (BMR)"
    assert "not a measured basal rate" in bmr["help"]
    assert "basal metabolic rate" not in (schema["title"] + schema["summary"]).lower()


@pytest.mark.parametrize("activity", ["sedentary", "light", "moderate", "very_active", "extra_active"])
def test_steps_name_choices_in_words_not_option_keys(activity: str) -> None:
    """The issue: "(very_active)" leaked into the steps."""
    steps = " ".join(compute("energy", {**cases.ENERGY_MALE_MIFFLIN, "activity": activity})["steps"])
    assert "_" not in steps


@pytest.mark.parametrize("goal", [-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2])
def test_each_widget_goal_is_rate_times_500(goal: float) -> None:
    """3,500 kcal per lb ÷ 7 days: each lb/week is 500 kcal/day."""
    assert values({**cases.ENERGY_MALE_MIFFLIN, "goal_lb_per_week": goal})[
        "daily_change_kcal"
    ] == pytest.approx(goal * 500)  # this man's targets never reach the floor


@given(
    bigger=st.sampled_from([-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2]),
    smaller=st.sampled_from([-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2]),
    weight=st.floats(30, 300),
    sex=st.sampled_from(["female", "male"]),
)
def test_bigger_deficit_never_means_higher_target(
    bigger: float, smaller: float, weight: float, sex: str
) -> None:
    low, high = sorted((bigger, smaller))
    base = {**cases.ENERGY_MALE_MIFFLIN, "weight_kg": weight, "sex": sex}
    assert (
        values({**base, "goal_lb_per_week": low})["target_kcal"]
        <= values({**base, "goal_lb_per_week": high})["target_kcal"]
    )


def test_projection_chart_matches_the_formula_sheets_worked_values() -> None:
    """formulas.md (Hall et al. 2011): over 52 weeks a 500 kcal/day deficit is 52 lb (23.6 kg) by the static rule
    and about 10.4 kg (23 lb) by the rule of thumb ΔW = ΔE ÷ 24 × (1 − 2^(−t / 1 year))."""
    inputs = {**cases.ENERGY_MALE_MIFFLIN, "goal_lb_per_week": -1}
    (chart,) = compute("energy", inputs)["charts"]
    series = {s["id"]: dict((week, weight) for week, weight in s["points"]) for s in chart["series"]}
    start = 80.0
    assert series["static"][52] == pytest.approx(start - 52 * 0.45359237, abs=0.002)
    assert series["hall"][52] == pytest.approx(start - 500 / 24 * 0.5, abs=0.002)
    assert chart["title"] and chart["desc"] and chart["markers"][0]["at"] == start
    imperial = compute("energy", inputs, "imperial")["charts"][0]
    assert imperial["y"]["unit"] == "lb"
    assert imperial["markers"][0]["at"] == pytest.approx(start / 0.45359237, abs=0.001)
