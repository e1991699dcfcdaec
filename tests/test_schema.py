"""The schema is the single description of each calculator: complete, JSON-ready and consistent with compute."""

from __future__ import annotations

import json

import pytest

import calculators
from calculators import compute, schema

NAMES = calculators.names()


def test_names_in_site_order() -> None:
    """The catalogue orders calculators by their own declared `order`; the shipped article's five come first."""
    from calculators.catalog import catalogue

    orders = [catalogue()[name].order for name in NAMES]
    assert orders == sorted(orders) and len(set(NAMES)) == len(NAMES)
    assert NAMES[:5] == ["energy", "hydration", "fueling", "electrolytes", "training_load"]


@pytest.mark.parametrize("name", NAMES)
def test_schema_is_complete_and_json_ready(name: str) -> None:
    description = schema(name)
    assert json.loads(json.dumps(description)) == description
    keys = [field["key"] for field in description["inputs"]]
    assert keys and len(set(keys)) == len(keys)
    for field in description["inputs"]:
        assert field["kind"] in {"number", "choice", "boolean", "series"}
        assert field["label"] and field["help"]
        if field["kind"] in ("number", "series"):
            assert field["min"] < field["max"] and field["step"] > 0
            assert field["unit"] in field["units"] and all(
                unit in description["units"] for unit in field["units"]
            )
            assert field["key"].endswith("_" + field["unit"]) or field["unit"] in ("pct", "years", "au"), (
                field["key"]
            )
        if field["kind"] == "choice":
            assert field["options"] and all(option["label"] for option in field["options"])
    for output in description["outputs"]:
        assert output["label"] and isinstance(output["precision"], int)
    assert description["sources"] and all(source["citation"] for source in description["sources"])


@pytest.mark.parametrize("name", NAMES)
def test_defaults_compute_and_every_output_is_declared(name: str) -> None:
    description = schema(name)
    defaults = {f["key"]: f["default"] for f in description["inputs"] if f["default"] is not None}
    result = compute(name, defaults)
    assert list(result["values"]) == [output["key"] for output in description["outputs"]]
    assert json.loads(json.dumps(result, allow_nan=False)) == result
    assert result["steps"] and result["sources"]
    cited = {source["id"] for source in result["sources"]}
    assert cited <= {source["id"] for source in description["sources"]}


def test_goal_options_are_the_widgets_nine() -> None:
    goal = next(f for f in schema("energy")["inputs"] if f["key"] == "goal_lb_per_week")
    assert [o["value"] for o in goal["options"]] == [2, 1.5, 1, 0.5, 0, -0.5, -1, -1.5, -2]
    assert goal["options"][0]["label"] == "Gain 2 pounds per week"
    assert goal["options"][-1]["label"] == "Lose 2 pounds per week"


def test_public_names_are_in_a_sorted_all() -> None:
    assert calculators.__all__ == sorted(calculators.__all__)
    public = {
        name
        for name in dir(calculators)
        if not name.startswith("_")
        and getattr(getattr(calculators, name), "__module__", "").startswith("calculators")
    }
    assert public == set(calculators.__all__)
    for name in calculators.__all__:
        assert getattr(calculators, name).__doc__
