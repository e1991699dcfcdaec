"""Electrolytes: the article's any-one-of-three rule and sweat losses (Lara 2016, Baker 2017)."""

from __future__ import annotations

import pytest

from calculators import compute
from tests import cases

NA, K, FL_OZ = 22.98977, 39.0983, 29.5735295625


def test_defaults_long_session() -> None:
    """75 min at 1 L/h, 40 mmol/L Na (Lara 2016 typical), 5 mmol/L K, drink 451 mg/L."""
    result = compute("electrolytes", cases.ELECTROLYTES_DEFAULTS)
    v = result["values"]
    assert v["recommend_drink"] is True and v["reasons"] == ["long_session"]
    assert v["sweat_loss_l"] == pytest.approx(1.25)
    assert v["sodium_loss_mg"] == pytest.approx(1.25 * 40 * NA)
    assert v["potassium_loss_mg"] == pytest.approx(1.25 * 5 * K)
    assert v["drink_sodium_mg"] == pytest.approx(1.25 * 451)
    assert v["drink_sodium_pct"] == pytest.approx(1.25 * 451 / (1.25 * 40 * NA) * 100)
    assert v["food_sodium_mg"] == pytest.approx(1.25 * 40 * NA - 1.25 * 451)
    assert result["warnings"] == [], "the common sports drink (19.6 → 20 mmol/L) is within Sawka 2007's 20–30"


def test_formula_sheet_drink_label() -> None:
    """formulas.md: 160 mg sodium per 12 fl oz is about 451 mg/L, 19.6 mmol/L (the default drink)."""
    mg_per_l = 160 / (12 * FL_OZ / 1000)
    assert mg_per_l == pytest.approx(451, abs=0.5)
    assert mg_per_l / NA == pytest.approx(19.6, abs=0.05)
    defaults = {f["key"]: f["default"] for f in __import__("calculators").schema("electrolytes")["inputs"]}
    assert defaults["drink_sodium_mg_per_l"] == 451


def test_no_reason_means_no_drink() -> None:
    v = compute("electrolytes", cases.ELECTROLYTES_SHORT_COOL)["values"]
    assert v["recommend_drink"] is False and v["reasons"] is None


def test_each_reason_is_enough_and_units_convert() -> None:
    result = compute("electrolytes", cases.ELECTROLYTES_HOT)
    v = result["values"]
    assert v["recommend_drink"] is True and v["reasons"] == ["hot_climate", "high_intensity"]
    hours = 40 / 60
    assert v["sodium_loss_mg"] == pytest.approx(1.5 * hours * 60 * NA)
    assert v["potassium_loss_mg"] == pytest.approx(1.5 * hours * 6 * K)
    assert v["drink_sodium_mg"] == pytest.approx(1.5 * hours * 800)
    assert result["warnings"] == []


@pytest.mark.parametrize("minutes", [60, 61])
def test_more_than_sixty_minutes_is_strict(minutes: int) -> None:
    assert compute("electrolytes", {"duration_min": minutes})["values"]["recommend_drink"] is (minutes > 60)


@pytest.mark.parametrize(
    ("sweat_rate", "sweat_sodium", "drink_mg_per_l", "minutes"), list(cases.ELECTROLYTES_SWEAT_AND_DRINK)
)
def test_never_advises_drinking_more_than_was_lost(sweat_rate, sweat_sodium, drink_mg_per_l, minutes) -> None:
    """formulas.md (Sawka 2007; Hew-Butler 2015): no drink volume larger than the fluid lost. The issue's own
    cases: 1.5 L of sweat at 40 mmol/L once gave "drink 3.06 L"; a 5 mg/L drink gave 9.2 L for 0.05 L of sweat.
    Now no output is a volume to drink at all, and the sodium a drink gives back is what the fluid lost holds."""
    inputs = cases.ELECTROLYTES_SWEAT_AND_DRINK[sweat_rate, sweat_sodium, drink_mg_per_l, minutes]
    result = compute("electrolytes", inputs)
    v = result["values"]
    lost_l = sweat_rate * minutes / 60
    assert v["sweat_loss_l"] == pytest.approx(lost_l)
    assert v["sodium_loss_mg"] == pytest.approx(lost_l * sweat_sodium * NA)
    assert v["drink_sodium_mg"] == pytest.approx(lost_l * drink_mg_per_l)
    assert v["drink_sodium_pct"] == pytest.approx(drink_mg_per_l / (sweat_sodium * NA) * 100)
    assert v["food_sodium_mg"] == pytest.approx(max(v["sodium_loss_mg"] - lost_l * drink_mg_per_l, 0))
    assert not [key for key in v if key.endswith("_l") and key != "sweat_loss_l"], "no volume to drink"
    assert any("no more than you lost" in step for step in result["steps"])


def test_no_drink_verdict_has_no_drink_amount() -> None:
    """formulas.md: when the verdict is "no electrolyte drink needed", say so without a drink volume or amount."""
    result = compute("electrolytes", cases.ELECTROLYTES_NO_DRINK_NEEDED)
    v = result["values"]
    assert v["recommend_drink"] is False
    assert v["drink_sodium_mg"] is None and v["drink_sodium_pct"] is None and v["food_sodium_mg"] is None
    assert "no electrolyte drink needed" in result["steps"][0]


@pytest.mark.parametrize(("mg_per_l", "flagged"), [(451, False), (449, False), (447, True), (200, True)])
def test_drink_sodium_is_compared_in_whole_mmol(mg_per_l: float, flagged: bool) -> None:
    """formulas.md: compare with Sawka 2007's 20–30 mmol/L after rounding to whole mmol/L, so the common label
    (451 mg/L = 19.6 mmol/L, 449 mg/L = 19.53) is not flagged; 447 mg/L = 19.44 → 19 mmol/L is."""
    result = compute("electrolytes", cases.ELECTROLYTES_DRINK_SODIUM[mg_per_l])
    assert ([w["code"] for w in result["warnings"]] == ["low_sodium_drink"]) is flagged


def test_a_drink_saltier_than_sweat_leaves_nothing_for_meals() -> None:
    """1.5 L of sweat at 40 mmol/L holds 1.5 × 40 × 22.98977 = 1,379 mg of sodium; the same 1.5 L of a 1,500 mg/L
    drink gives back 2,250 mg = 163 %. Still no more fluid than was lost (Sawka 2007; Hew-Butler 2015), and the
    step says meals need not make up any, never "the rest, 0 mg"."""
    result = compute("electrolytes", cases.ELECTROLYTES_SWEAT_AND_DRINK[1.0, 40, 1500, 90])
    v = result["values"]
    assert v["drink_sodium_mg"] == pytest.approx(2250)
    assert v["drink_sodium_pct"] == pytest.approx(2250 / (1.5 * 40 * NA) * 100)
    assert v["food_sodium_mg"] == 0
    step = next(step for step in result["steps"] if step.startswith("Drinking the"))
    assert "= 163 % of the sodium lost; all of it, so meals need not make up any" in step
    assert "the rest" not in step


def test_cramps_are_not_blamed_on_sodium_alone() -> None:
    """formulas.md (Schwellnus 2009): the link between cramps and sweat sodium is contested: say so."""
    result = compute("electrolytes", {"duration_min": 90})
    assert any("Schwellnus 2009" in step for step in result["steps"])
    assert "schwellnus2009" in {source["id"] for source in result["sources"]}
