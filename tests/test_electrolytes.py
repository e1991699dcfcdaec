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
    assert v["drink_to_replace_sodium_l"] == pytest.approx(1.25 * 40 * NA / 451)
    assert [w["code"] for w in result["warnings"]] == ["low_sodium_drink"]


def test_formula_sheet_drink_label() -> None:
    """formulas.md: 160 mg sodium per 12 fl oz is about 451 mg/L, 19.6 mmol/L (the default drink)."""
    mg_per_l = 160 / (12 * FL_OZ / 1000)
    assert mg_per_l == pytest.approx(451, abs=0.5)
    assert mg_per_l / NA == pytest.approx(19.6, abs=0.05)
    defaults = {f["key"]: f["default"] for f in __import__("calculators").schema("electrolytes")["inputs"]}
    assert defaults["drink_sodium_mg_per_l"] == 451


def test_no_reason_means_no_drink() -> None:
    v = compute("electrolytes", cases.ELECTROLYTES_SHORT_COOL)["values"]
    assert v["recommend_drink"] is False and v["reasons"] == []


def test_each_reason_is_enough_and_units_convert() -> None:
    result = compute("electrolytes", cases.ELECTROLYTES_HOT)
    v = result["values"]
    assert v["recommend_drink"] is True and v["reasons"] == ["hot_climate", "high_intensity"]
    hours = 40 / 60
    assert v["sodium_loss_mg"] == pytest.approx(1.5 * hours * 60 * NA)
    assert v["potassium_loss_mg"] == pytest.approx(1.5 * hours * 6 * K)
    assert v["drink_to_replace_sodium_l"] == pytest.approx(1.5 * hours * 60 * NA / 800)
    assert result["warnings"] == []


@pytest.mark.parametrize("minutes", [60, 61])
def test_more_than_sixty_minutes_is_strict(minutes: int) -> None:
    assert compute("electrolytes", {"duration_min": minutes})["values"]["recommend_drink"] is (minutes > 60)
