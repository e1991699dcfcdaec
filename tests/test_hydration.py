"""Hydration: the article's rules beside ACSM (Sawka 2007) and Thomas et al. 2016; sweat rate (NATA 2017)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import InvalidInput, compute
from tests import cases

LB, FL_OZ = 0.45359237, 29.5735295625


def test_article_rules_and_sawka_2007_before_exercise() -> None:
    """Article (ACE): half of body weight (lb) in fl oz a day, 8 fl oz before; Sawka 2007: 5–7 mL/kg before."""
    result = compute("hydration", {**cases.HYDRATION_DAILY, "sex": "female"})
    v = result["values"]
    assert v["daily_fluid_ml"] == pytest.approx(70 / LB / 2 * FL_OZ)
    assert v["daily_fluid_ml"] == pytest.approx(2281.95, abs=0.01)
    assert v["pre_exercise_article_ml"] == pytest.approx(8 * FL_OZ)
    assert (v["pre_exercise_guideline_ml_min"], v["pre_exercise_guideline_ml_max"]) == pytest.approx(
        (350, 490)
    )
    assert v["sweat_rate_l_per_h"] is None and v["replace_article_ml"] is None
    assert result["warnings"] == []


def test_session_mcdermott_2017_sweat_rate_and_thomas_2016_replacement() -> None:
    """NATA (McDermott 2017): (70 − 68.5 + 0.5 − 0.1) L ÷ 1.5 h; Thomas 2016: 1.25–1.5 L per kg lost."""
    result = compute("hydration", cases.HYDRATION_SESSION)
    v = result["values"]
    assert v["body_mass_loss_kg"] == pytest.approx(1.5)
    assert v["body_mass_loss_pct"] == pytest.approx(1.5 / 70 * 100)
    assert v["sweat_rate_l_per_h"] == pytest.approx((1.5 + 0.5 - 0.1) / 1.5)
    assert v["replace_article_ml"] == pytest.approx(1.5 / LB * 8 * FL_OZ)
    assert (v["replace_guideline_ml_min"], v["replace_guideline_ml_max"]) == pytest.approx((1875, 2250))
    assert [w["code"] for w in result["warnings"]] == ["dehydration_over_2pct"]


def test_formula_sheet_us_units_worked_values() -> None:
    """formulas.md (Thomas 2016): 1.25–1.5 L/kg is about 19–23 fl oz per lb; 8 fl oz/lb replaces about 52 %."""
    v = compute("hydration", cases.HYDRATION_SESSION)["values"]
    lost_lb = 1.5 / LB
    assert v["replace_guideline_ml_min"] / FL_OZ / lost_lb == pytest.approx(19, abs=0.5)
    assert v["replace_guideline_ml_max"] / FL_OZ / lost_lb == pytest.approx(23, abs=0.5)
    assert v["replace_article_ml"] / (1.5 * 1000) == pytest.approx(0.52, abs=0.005)


def test_metric_and_imperial_sessions_agree() -> None:
    metric = compute("hydration", cases.HYDRATION_SESSION)["values"]
    imperial = compute("hydration", cases.HYDRATION_SESSION_IMPERIAL)["values"]
    for key, value in metric.items():
        assert imperial[key] == (None if value is None else pytest.approx(value, rel=1e-9)), key


def test_weighing_more_after_means_no_loss_and_nothing_to_replace() -> None:
    """formulas.md (McDermott 2017): weighing more after than before means more was drunk than lost: no "loss",
    no amount to replace, and a warning of over-drinking. The issue's case: 0.5 kg more gave "Body mass lost
    −0.50 kg" and "Sweat rate −0.07 L/h". The sweat rate is still what the entries say: (−0.4 + 1.5 − 0) L ÷ 1 h."""
    result = compute("hydration", cases.HYDRATION_WEIGHT_GAIN)
    v = result["values"]
    assert [w["code"] for w in result["warnings"]] == ["weight_gain"]
    assert v["body_mass_loss_kg"] is None and v["body_mass_loss_pct"] is None
    assert v["replace_article_ml"] is None and v["replace_guideline_ml_min"] is None
    assert v["sweat_rate_l_per_h"] == pytest.approx(-0.4 + 1.5)


@pytest.mark.parametrize(
    ("post_kg", "drunk_ml", "urine_ml", "field"),
    [
        (70.5, 400, 0, "fluid_drunk_ml"),  # (70 − 70.5) + 0.4 − 0 = −0.1 L: the kind of entry
        (69.8, 0, 300, "urine_ml"),  # (70 − 69.8) + 0 − 0.3 = −0.1 L
        (70, 0, 0, "fluid_drunk_ml"),  # 0 + 0 − 0 = 0 L: no sweat at all
    ],
)
def test_a_sweat_rate_that_is_not_positive_is_never_shown(
    post_kg: float, drunk_ml: float, urine_ml: float, field: str
) -> None:
    """formulas.md (McDermott 2017): a sweat rate of zero or less means the entries do not add up: never show it,
    say which entries to check. The issue: 0.5 kg more after a session, little drunk, gave "Sweat rate −0.07 L/h".
    The session's length cannot make the rate negative, so it is not among the entries named."""
    result = compute("hydration", cases.HYDRATION_NO_SWEAT[post_kg, drunk_ml, urine_ml])
    assert result["values"]["sweat_rate_l_per_h"] is None
    warning = next(w for w in result["warnings"] if w["code"] == "sweat_rate_not_positive")
    assert warning["field"] == field
    assert all(entry in warning["message"] for entry in ("fluid drunk", "urine", "both weights"))
    assert "length" not in warning["message"]
    assert not any(step.endswith("L/h") and "−" in step.split("=")[-1] for step in result["steps"])


def test_no_two_outputs_share_a_label() -> None:
    """The issue: "Body mass lost" labelled both the kg and the % output."""
    from calculators import schema

    for name in __import__("calculators").names():
        labels = [output["label"] for output in schema(name)["outputs"]]
        pairs = {label for label in labels if labels.count(label) > 1}
        ranges = {o["label"] for o in schema(name)["outputs"] if o["key"].endswith(("_min", "_max"))}
        assert pairs <= ranges, (name, pairs)


def test_rapid_recovery_is_labelled_as_such() -> None:
    """formulas.md (Sawka 2007; Thomas 2016): 125–150 % is for a rapid recovery, not what everyone must drink."""
    result = compute("hydration", cases.HYDRATION_SESSION)
    labels = {o["label"] for o in __import__("calculators").schema("hydration")["outputs"]}
    assert "For a fast recovery (guideline)" in labels
    assert any("normal meals and drinks restore water balance" in step for step in result["steps"])


@pytest.mark.parametrize(("sex", "total_l", "drinks_l"), [("female", 2.7, 2.2), ("male", 3.7, 3.0)])
def test_the_daily_rule_is_shown_beside_iom_2004_when_sex_is_known(
    sex: str, total_l: float, drinks_l: float
) -> None:
    """IOM 2004 adequate intake, adults 19–30: total water 2.7 L (women) / 3.7 L (men), ~80 % from drinks."""
    v = compute("hydration", {"weight_kg": 70, "sex": sex})["values"]
    assert v["iom_total_water_ml"] == pytest.approx(total_l * 1000)
    assert v["iom_drinks_ml"] == pytest.approx(drinks_l * 1000)
    assert v["daily_fluid_ml"] is not None


def test_the_daily_rule_is_never_shown_alone() -> None:
    """formulas.md: the article's daily rule is shown only beside the IOM figures; without the reader's sex its
    worked step says it has no scientific source (Valtin 2002) and how to see the IOM 2004 figures."""
    result = compute("hydration", {"weight_kg": 70})
    v = result["values"]
    assert v["daily_fluid_ml"] is None and v["iom_drinks_ml"] is None
    daily = next(step for step in result["steps"] if step.startswith("Daily fluid (article)"))
    assert "Valtin 2002" in daily and "choose your sex to see the IOM 2004" in daily


def test_the_body_mass_lost_step_has_the_outputs_precision() -> None:
    """The step said 2.14 % where the output showed 2.1 % (70 → 68.5 kg: 1.5 ÷ 70 = 2.142… %, Sawka 2007's 2 %
    line)."""
    import calculators

    result = compute("hydration", cases.HYDRATION_SESSION)
    shown = calculators.laid_out(calculators.schema("hydration"), result["values"], "metric")
    rows = {row["keys"][0]: row["text"] for group in shown["groups"] for row in group["rows"]}
    assert rows["body_mass_loss_pct"] == "2.1 %"
    assert any("= 2.1 % of your weight before" in step for step in result["steps"])


def test_post_weight_without_pre_weight_is_inconsistent() -> None:
    with pytest.raises(InvalidInput) as caught:
        compute("hydration", {"weight_kg": 70, "post_exercise_weight_kg": 68, "duration_min": 60})
    assert set(caught.value.errors) == {"pre_exercise_weight_kg"}
    assert "before exercise" in caught.value.errors["pre_exercise_weight_kg"]


def test_session_needs_duration() -> None:
    with pytest.raises(InvalidInput) as caught:
        compute("hydration", {"weight_kg": 70, "pre_exercise_weight_kg": 70, "post_exercise_weight_kg": 69})
    assert set(caught.value.errors) == {"duration_min"}


@given(st.floats(20, 299), st.floats(0, 1))
def test_more_body_weight_never_means_less_water(weight: float, extra: float) -> None:
    lighter = compute("hydration", {"weight_kg": weight, "sex": "male"})["values"]
    heavier = compute("hydration", {"weight_kg": weight + extra, "sex": "male"})["values"]
    for key in ("daily_fluid_ml", "pre_exercise_guideline_ml_min", "pre_exercise_guideline_ml_max"):
        assert heavier[key] >= lighter[key]
