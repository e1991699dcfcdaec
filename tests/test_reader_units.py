"""The reader's unit system reaches the answer and the worked steps, with conversions from calculators.units."""

from __future__ import annotations

import re

import pytest

import calculators
from calculators.units import KG_PER_LB, ML_PER_US_FL_OZ
from tests import cases


@pytest.mark.parametrize(("name", "inputs"), cases.PARITY_CASES)
def test_the_system_changes_the_text_never_the_values(name: str, inputs: dict) -> None:
    metric, imperial = (calculators.run(name, inputs, system) for system in ("metric", "imperial"))
    assert metric["ok"] == imperial["ok"]
    if metric["ok"]:
        assert metric["result"]["values"] == imperial["result"]["values"]
        assert len(metric["result"]["steps"]) == len(imperial["result"]["steps"])


def test_imperial_steps_lead_with_pounds_and_fluid_ounces_and_keep_the_metric_to_check() -> None:
    """Before exercise (ACSM) 5–7 mL/kg × 70 kg = 350–490 mL = 11.8–16.6 fl oz; 70 kg = 154.3 lb."""
    steps = " ".join(calculators.compute("hydration", cases.HYDRATION_SESSION, "imperial")["steps"])
    assert f"{70 / KG_PER_LB:.1f} lb (70 kg)" in steps
    assert f"{round(350 / ML_PER_US_FL_OZ)}–{round(490 / ML_PER_US_FL_OZ)} fl oz (350–490 mL)" in steps
    metric_steps = " ".join(calculators.compute("hydration", cases.HYDRATION_SESSION)["steps"])
    assert "fl oz (" not in metric_steps and "lb (" not in metric_steps


@pytest.mark.parametrize("name", calculators.names())
def test_imperial_results_equal_native_conversions(name: str) -> None:
    schema = calculators.schema(name)
    defaults = {f["key"]: f["default"] for f in schema["inputs"] if f["default"] is not None}
    values = calculators.compute(name, defaults)["values"]
    for output in schema["outputs"]:
        value = values[output["key"]]
        if value is None or output["unit"] not in ("ml", "kg", "l", "l_per_h"):
            continue
        text = calculators.value_text(output, value, "imperial")
        number = float(re.match(r"[−\d,.]+", text).group().replace(",", "").replace("−", "-"))
        factor = {"ml": 1 / ML_PER_US_FL_OZ, "kg": 1 / KG_PER_LB, "l": 1000 / ML_PER_US_FL_OZ,
                  "l_per_h": 1000 / ML_PER_US_FL_OZ}[output["unit"]]  # fmt: skip
        assert number == pytest.approx(value * factor, abs=0.51), (output["key"], text)
