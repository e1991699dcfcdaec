"""Metric or imperial: which unit a field shows in each system, and a reader's entry re-expressed in the other.

The page's metric/imperial toggle and the build's imperial defaults both come from here, so every conversion a
reader sees uses the exact factors in `units`, never arithmetic of the page's own.
"""

from __future__ import annotations

import math
from typing import Any

from .formatting import entry
from .parsing import read_number
from .units import UNITS, convert

SYSTEMS = ("metric", "imperial")


def unit_pair(schema: dict, field: dict) -> tuple[str, str] | None:
    """(metric unit, imperial unit) for a number field the toggle switches, or None; feet + inches beat inches."""
    accepted = field.get("units") or []
    systems = {unit: schema["units"].get(unit, {}).get("system") for unit in accepted}
    metric = [unit for unit in accepted if systems[unit] == "metric"]
    imperial = [unit for unit in accepted if systems[unit] == "imperial"]
    if field.get("kind") != "number" or not metric or not imperial:
        return None
    preferred_metric = field["unit"] if field["unit"] in metric else metric[0]
    preferred_imperial = "ft_in" if "ft_in" in imperial else imperial[0]
    return preferred_metric, preferred_imperial


def convert_entry(value: Any, from_unit: Any, to_unit: Any, step: Any = None) -> Any:
    """A value typed in `from_unit` shown in `to_unit`, rounded to the field's step; None if unreadable.

    Feet and inches travel as `{"ft": "5", "in": "4"}` both ways, since the form shows them as two boxes.
    """
    if from_unit not in UNITS or to_unit not in UNITS:
        return None
    if from_unit == "ft_in":
        amount = _feet_and_inches(value)
        from_unit = "in"
    else:
        amount = _entry_number(value)
    if amount is None:
        return None
    decimals = _decimals(step)
    if to_unit == "ft_in":
        total = round(convert(amount, from_unit, "in"), decimals)
        feet = int(total // 12)
        return {"ft": str(feet), "in": entry(total - 12 * feet, decimals)}
    return entry(convert(amount, from_unit, to_unit), decimals)


def in_system(value: float, unit: str, system: str) -> tuple[float, str, int | None]:
    """A result in the reader's system: (value, unit key, decimals to show, or None to keep the output's own).

    Metric results are canonical; an imperial reader sees a unit's imperial counterpart (mL → fl oz, kg → lb,
    L/h → fl oz/h), converted with the exact factors. Units both systems share (kcal, g, %) stay as they are.
    """
    target = UNITS[unit].imperial if system == "imperial" and unit in UNITS else None
    if target is None or target == "ft_in":
        return value, unit, None
    return convert(value, unit, target), target, UNITS[target].decimals


def imperial_defaults(schema: dict) -> dict[str, Any]:
    """Each dual-system field's default in its imperial unit, for the build to pre-render."""
    imperial = {}
    for field in schema["inputs"]:
        pair = unit_pair(schema, field)
        if pair and field.get("default") is not None:
            converted = convert_entry(str(field["default"]), field["unit"], pair[1], field.get("step"))
            if converted is not None:
                imperial[field["key"]] = converted
    return imperial


def _feet_and_inches(value: Any) -> float | None:
    """`{"ft": "5", "in": "4"}` → 64 inches; one empty box counts as 0, both empty as no entry."""
    if not isinstance(value, dict) or (value.get("ft") in (None, "") and value.get("in") in (None, "")):
        return None
    feet, inches = _entry_number(value.get("ft"), blank=0.0), _entry_number(value.get("in"), blank=0.0)
    return None if feet is None or inches is None else 12 * feet + inches


def _entry_number(text: Any, blank: float | None = None) -> float | None:
    """An entry read as the calculators read it; `blank` stands for an empty box."""
    if isinstance(text, str) and not text.strip():
        return blank
    return read_number(text)


def _decimals(step: Any) -> int:
    """How many decimals a field's step shows: 0.1 → 1, 0.05 → 2, 1 or more → 0."""
    if not isinstance(step, int | float) or isinstance(step, bool) or step <= 0 or step >= 1:
        return 0 if isinstance(step, int | float) and step >= 1 else 1
    return min(6, max(0, -math.floor(math.log10(step) + 1e-9)))
