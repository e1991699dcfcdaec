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
    ("minutes", "advice", "during", "pre_per_kg"),
    [
        (30, "none", None, None),
        (44.9, "none", None, None),
        (45, "small", None, None),
        (59.9, "small", None, None),
        (60, "per_hour", (30, 60), (1, 4)),
        (61, "per_hour", (30, 60), (1, 4)),
        (150, "per_hour", (30, 60), (1, 4)),
        (150.1, "per_hour_mixed", (60, 90), (1, 4)),
        (150.5, "per_hour_mixed", (60, 90), (1, 4)),
        (240, "per_hour_mixed", (60, 90), (1, 4)),
    ],
)
def test_duration_bands_and_tie_breaks(minutes: float, advice: str, during: tuple | None, pre_per_kg) -> None:
    """Thomas 2016, our cut-offs: < 45 none; 45–< 60 small amounts or a mouth rinse (words); 60–150 inclusive
    30–60 g/h; > 150 60–90 g/h; 1–4 g/kg before from 60 min on."""
    result = compute("fueling", cases.FUELING_BANDS[minutes])
    v = result["values"]
    assert v["during_advice"] == advice
    assert (v["during_g_per_h_min"], v["during_g_per_h_max"]) == (during or (None, None))
    expected_pre = tuple(60 * g for g in pre_per_kg) if pre_per_kg else (None, None)
    assert (v["pre_exercise_g_min"], v["pre_exercise_g_max"]) == (
        pytest.approx(expected_pre) if pre_per_kg else expected_pre
    )
    assert (v["daily_g_min"], v["daily_g_max"]) == pytest.approx((3 * 60, 5 * 60))


@pytest.mark.parametrize("minutes", [59.9, 60, 60.1])
def test_the_sixty_minute_edge_is_one_rule_for_every_output(minutes: float) -> None:
    """formulas.md: the issue found 30–60 g/h during a 60-min session beside "no specific carbohydrate load for
    60 min or less" before it. Now carbohydrate during, a load before and the glycogen warning agree."""
    result = compute("fueling", {"weight_kg": 60, "duration_min": minutes, "training_level": "light"})
    v = result["values"]
    long_session = minutes >= 60
    assert (v["during_g_per_h_min"] is not None) is long_session
    assert (v["pre_exercise_g_min"] is not None) is long_session
    assert any(w["code"] == "glycogen_risk" for w in result["warnings"]) is long_session
    assert not any("or less" in step for step in result["steps"])


def test_short_sessions_read_as_words_never_zero_ranges() -> None:
    """The issue: 45–60 min showed "0–0 g/h". Now the advice is words and no g/h figure applies."""
    result = compute("fueling", cases.FUELING_BANDS[45])
    assert result["values"]["during_advice"] == "small"
    assert not any("0–0" in step or " 0 g/h" in step for step in result["steps"])
    layout = __import__("calculators").laid_out(
        __import__("calculators").schema("fueling"), result["values"], "metric"
    )
    assert layout["headline"]["text"] == "Small amounts, or a carbohydrate mouth rinse"


def test_fast_recovery_only_when_the_next_session_is_soon() -> None:
    """Thomas 2016: 1.0–1.2 g/kg/h for 4 h applies when less than 8 h separate two sessions. The issue found
    "Fast recovery 68–82 g/h" after a 50-minute light session."""
    later = compute("fueling", {"weight_kg": 70, "duration_min": 50, "training_level": "light"})["values"]
    soon = compute(
        "fueling", {"weight_kg": 70, "duration_min": 50, "training_level": "light", "next_session_soon": True}
    )["values"]
    assert later["recovery_g_per_h_min"] is None and later["recovery_g_per_h_max"] is None
    assert (soon["recovery_g_per_h_min"], soon["recovery_g_per_h_max"]) == pytest.approx((70, 84))


def test_pounds_and_hours() -> None:
    """176.3698 lb = 80.0 kg; 3 h = 180 min; very high load 8–12 g/kg/day."""
    v = values(cases.FUELING_VERY_HIGH_LB)
    kg = 176.3698 * 0.45359237
    assert (v["daily_g_min"], v["daily_g_max"]) == pytest.approx((8 * kg, 12 * kg))
    assert (v["during_total_g_min"], v["during_total_g_max"]) == pytest.approx((60 * 3, 90 * 3))
