"""Fueling: Thomas, Erdman & Burke 2016 carbohydrate ranges and our stated tie-breaks."""

from __future__ import annotations

import pytest

from calculators import compute
from tests import cases


def values(inputs: dict) -> dict:
    return compute("fueling", inputs)["values"]


def test_thomas_2016_ninety_minutes_moderate() -> None:
    """Thomas et al. 2016: 60–150 min → 30–60 g/h; before 1–4 g/kg; moderate 5–7 g/kg/day; recovery 1–1.2 g/kg/h."""
    result = compute("fueling", cases.FUELING_90_MIN)
    v = result["values"]
    assert (v["during_g_per_h_min"], v["during_g_per_h_max"]) == (30, 60)
    assert (v["during_total_g_min"], v["during_total_g_max"]) == pytest.approx((30 * 1.5, 60 * 1.5))
    assert (v["pre_exercise_g_min"], v["pre_exercise_g_max"]) == pytest.approx((70, 280))
    assert (v["daily_g_min"], v["daily_g_max"]) == pytest.approx((5 * 70, 7 * 70))
    assert (v["recovery_g_per_h_min"], v["recovery_g_per_h_max"]) == pytest.approx((70, 1.2 * 70))
    assert [w["code"] for w in result["warnings"]] == ["glycogen_risk"]


@pytest.mark.parametrize(
    ("minutes", "during", "pre_per_kg", "risk"),
    [
        (30, (0, 0), (0, 0), False),
        (44.9, (0, 0), (0, 0), False),
        (45, (0, 0), (0, 0), False),
        (59.9, (0, 0), (0, 0), False),
        (60, (30, 60), (0, 0), False),
        (61, (30, 60), (1, 4), True),
        (150, (30, 60), (1, 4), True),
        (150.5, (60, 90), (1, 4), True),
        (240, (60, 90), (1, 4), True),
    ],
)
def test_duration_bands_and_tie_breaks(minutes: float, during: tuple, pre_per_kg: tuple, risk: bool) -> None:
    """Bands: < 45 none; 45–< 60 mouth rinse (0 g/h); 60–150 inclusive 30–60 g/h; > 150 60–90 g/h."""
    result = compute("fueling", cases.FUELING_BANDS[minutes])
    v = result["values"]
    assert (v["during_g_per_h_min"], v["during_g_per_h_max"]) == during
    assert (v["pre_exercise_g_min"], v["pre_exercise_g_max"]) == pytest.approx(
        tuple(60 * g for g in pre_per_kg)
    )
    assert (v["daily_g_min"], v["daily_g_max"]) == pytest.approx((3 * 60, 5 * 60))
    assert any(w["code"] == "glycogen_risk" for w in result["warnings"]) is risk


def test_pounds_and_hours() -> None:
    """176.3698 lb = 80.0 kg; 3 h = 180 min; very high load 8–12 g/kg/day."""
    v = values(cases.FUELING_VERY_HIGH_LB)
    kg = 176.3698 * 0.45359237
    assert (v["daily_g_min"], v["daily_g_max"]) == pytest.approx((8 * kg, 12 * kg))
    assert (v["during_total_g_min"], v["during_total_g_max"]) == pytest.approx((60 * 3, 90 * 3))
