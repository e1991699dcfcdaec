"""Training load: session RPE (Foster 2001), monotony and strain (Foster 1998), ACWR (Gabbett 2016)."""

from __future__ import annotations

import math

import pytest

from calculators import compute, daily_load_au, session_load_au
from tests import cases


def test_foster_2001_session_and_daily_load() -> None:
    """Foster 2001: session load = RPE × minutes; RPE 5 for 60 min = 300 AU; a day sums its sessions."""
    assert session_load_au(5, 60) == 300
    assert daily_load_au([(5, 60), (3, 30)]) == 390
    assert daily_load_au([]) == 0
    with pytest.raises(ValueError, match="RPE"):
        session_load_au(11, 30)


def test_foster_1998_monotony_and_strain() -> None:
    """Foster 1998: monotony = mean ÷ population SD of the week; strain = weekly load × monotony."""
    week = cases.STEADY_WEEK
    mean = sum(week) / 7
    sd = math.sqrt(sum((x - mean) ** 2 for x in week) / 7)
    result = compute("training_load", cases.TRAINING_ONE_WEEK)
    v = result["values"]
    assert v["acute_load_au"] == 1910
    assert v["monotony"] == pytest.approx(mean / sd)
    assert v["strain_au"] == pytest.approx(1910 * mean / sd)
    assert v["acwr"] is None and v["chronic_load_au"] is None and v["acwr_zone"] is None


def test_identical_days_give_null_monotony_with_warning() -> None:
    result = compute("training_load", cases.TRAINING_FLAT_WEEK)
    assert result["values"]["monotony"] is None and result["values"]["strain_au"] is None
    assert result["values"]["acute_load_au"] == 2100
    assert [w["code"] for w in result["warnings"]] == ["monotony_undefined"]


@pytest.mark.parametrize(
    ("label", "chronic_day", "acute_day", "zone"),
    [
        ("low", 100, 50, "low"),
        ("edge_0.8", 100, 75, "sweet_spot"),
        ("edge_1.3", 90, 130, "sweet_spot"),
        ("caution", 100, 150, "caution"),
        ("edge_1.5", 100, 180, "danger"),
        ("danger", 100, 300, "danger"),
    ],
)
def test_gabbett_2016_coupled_acwr_zones(label: str, chronic_day: float, acute_day: float, zone: str) -> None:
    """Gabbett 2016: acute = last 7 days; chronic = 28-day load ÷ 4; < 0.8 low, 0.8–1.3, > 1.3–< 1.5, ≥ 1.5."""
    v = compute("training_load", cases.TRAINING_ACWR[label])["values"]
    acute = 7 * acute_day
    chronic = (21 * chronic_day + 7 * acute_day) / 4
    assert v["acute_load_au"] == acute
    assert v["chronic_load_au"] == pytest.approx(chronic)
    assert v["acwr"] == pytest.approx(acute / chronic)
    assert v["acwr_zone"] == zone


def test_text_series_and_all_zero_month() -> None:
    assert (
        compute("training_load", cases.TRAINING_TEXT)["values"]["acute_load_au"]
        == 0 + 420 + 350 + 0 + 600 + 240 + 300
    )
    zero = compute("training_load", cases.TRAINING_ZERO)
    assert zero["values"]["acwr"] is None
    assert {w["code"] for w in zero["warnings"]} == {"monotony_undefined", "acwr_undefined"}


def test_the_shown_chronic_load_has_the_steps_precision() -> None:
    """The issue: the output showed 1,998 where the step said 1,997.5 (the default four weeks)."""
    import calculators

    schema = calculators.schema("training_load")
    defaults = {f["key"]: f["default"] for f in schema["inputs"] if f["default"] is not None}
    result = compute("training_load", defaults)
    shown = calculators.laid_out(schema, result["values"], "metric")
    rows = {row["keys"][0]: row["text"] for group in shown["groups"] for row in group["rows"]}
    assert rows["chronic_load_au"] == "1,997.5 AU"
    assert any("= 1,997.5 AU" in step for step in result["steps"])


def test_the_shown_acute_load_has_the_steps_precision() -> None:
    """Same finding for the week's load: a half-point session (RPE 6.5 × 37 min = 240.5 AU, Foster 2001) made the
    step say 1,910.5 AU while the output showed 1,910."""
    import calculators

    schema = calculators.schema("training_load")
    result = compute("training_load", cases.TRAINING_HALF_POINT_WEEK)
    shown = calculators.laid_out(schema, result["values"], "metric")
    rows = {row["keys"][0]: row["text"] for group in shown["groups"] for row in group["rows"]}
    assert rows["acute_load_au"] == "1,910.5 AU"
    assert any(step.endswith("= 1,910.5 AU") for step in result["steps"])


def test_no_title_or_label_diagnoses_overtraining() -> None:
    """formulas.md (Meeusen 2013): a load ratio describes a change of load; overtraining is a diagnosis of
    exclusion. Gabbett's zone names are quoted as his, beside the critiques (Lolli 2019; Impellizzeri 2020)."""
    import calculators

    schema = calculators.schema("training_load")
    words = " ".join([schema["title"], schema["summary"], *(o["label"] for o in schema["outputs"])]).lower()
    assert "warning sign" not in words and "over-training" not in words
    zone = next(o for o in schema["outputs"] if o["key"] == "acwr_zone")
    assert all(option["label"].startswith("Gabbett's “") for option in zone["options"])
    result = compute("training_load", {"daily_loads_au": [100] * 21 + [400] * 7})
    assert result["values"]["acwr_zone"] == "danger"
    message = next(w["message"] for w in result["warnings"] if w["code"] == "acwr_danger")
    assert "Lolli 2019" in message and "Impellizzeri 2020" in message
    assert any("does not diagnose overtraining" in step for step in result["steps"])
