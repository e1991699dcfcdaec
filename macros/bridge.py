"""The Python half of the worker boundary, run unchanged at build time (CPython) and in the browser (Pyodide).

The build renders the default result through `reply()` and the Web Worker answers every message through
`handle()`, so the page shows exactly the same text before and after JavaScript runs, and the JavaScript
never formats or computes a number itself. Imports only the standard library and `calculators`, because the
worker loads this file as plain source next to the calculators wheel.
"""

from __future__ import annotations

import json
import math
from typing import Any

import calculators
from calculators import formatting, parsing, units


def handle(message_json: str) -> str:
    """One JSON request → one JSON reply; never raises, so a bad message can never show a traceback."""
    message_id = None
    try:
        message = json.loads(message_json)
        message_id = message.get("id")
        body = HANDLERS[message.get("type")](message)
        return json.dumps({"id": message_id, **body}, allow_nan=False)
    except Exception as error:  # the boundary must answer, whatever the message held
        problem = f"Could not handle the request ({type(error).__name__})."
        return json.dumps({"id": message_id, "ok": False, "errors": {"message": problem}})


def reply(name: Any, inputs: Any) -> dict:
    """`calculators.run()`'s answer plus, when it succeeded, each output as display text."""
    answer = calculators.run(name, inputs)
    if answer.get("ok"):
        answer["display"] = display(calculators.schema(name), answer["result"]["values"])
        answer["data"] = {key: data_value(value) for key, value in answer["result"]["values"].items()}
    return answer


HANDLERS = {
    "run": lambda message: reply(message.get("name"), message.get("inputs")),
    "convert": lambda message: {"ok": True, "values": convert_all(message.get("fields") or [])},
}


def display(schema: dict, values: dict) -> dict[str, str]:
    """Each output's text as the reader sees it: fixed decimals, option labels, yes/no, a dash for null."""
    return {
        output["key"]: formatting.output_text(output, values.get(output["key"]))
        for output in schema["outputs"]
    }


def data_value(value: Any) -> str:
    """The raw value as the `data-value` attribute holds it; the worker writes the same text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(float(value)) if isinstance(value, float) else str(value)
    if isinstance(value, str):
        return value
    return json.dumps(value, separators=(",", ":"))


# ---------------------------------------------------------------------------------------------------------
# The metric/imperial toggle: the reader's current entries re-expressed in the other system's units.


def convert_all(fields: list[dict]) -> dict[str, Any]:
    """`[{"key", "value", "from", "to", "step"}]` → `{key: new value}`; unreadable entries are left out."""
    converted = {}
    for field in fields:
        value = convert_entry(field.get("value"), field.get("from"), field.get("to"), field.get("step"))
        if value is not None:
            converted[field["key"]] = value
    return converted


def convert_entry(value: Any, from_unit: Any, to_unit: Any, step: Any = None) -> Any:
    """A value typed in `from_unit` shown in `to_unit`, rounded to the field's step; None if unreadable.

    Feet and inches travel as `{"ft": "5", "in": "4"}` both ways, since the form shows them as two boxes.
    """
    if from_unit not in units.UNITS or to_unit not in units.UNITS:
        return None
    if from_unit == "ft_in":
        if not isinstance(value, dict):
            return None
        feet, inches = _number(value.get("ft"), blank=0.0), _number(value.get("in"), blank=0.0)
        if (
            feet is None
            or inches is None
            or (value.get("ft") in (None, "") and value.get("in") in (None, ""))
        ):
            return None
        amount, from_unit = 12 * feet + inches, "in"
    else:
        amount = _number(value)
        if amount is None:
            return None
    decimals = _decimals(step)
    if to_unit == "ft_in":
        total = round(units.convert(amount, from_unit, "in"), decimals)
        feet = int(total // 12)
        return {"ft": str(feet), "in": _plain(total - 12 * feet, decimals)}
    return _plain(units.convert(amount, from_unit, to_unit), decimals)


def default_entries(schema: dict) -> dict[str, Any]:
    """Each dual-system field's default in its imperial unit, for the build to pre-render."""
    imperial = {}
    for field in schema["inputs"]:
        pair = unit_pair(schema, field)
        if pair and field.get("default") is not None:
            entry = convert_entry(str(field["default"]), field["unit"], pair[1], field.get("step"))
            if entry is not None:
                imperial[field["key"]] = entry
    return imperial


def unit_pair(schema: dict, field: dict) -> tuple[str, str] | None:
    """(metric unit, imperial unit) for a field the toggle switches, or None; feet + inches beat inches."""
    accepted = field.get("units") or []
    systems = {unit: schema["units"].get(unit, {}).get("system") for unit in accepted}
    metric = [unit for unit in accepted if systems[unit] == "metric"]
    imperial = [unit for unit in accepted if systems[unit] == "imperial"]
    if field.get("kind") != "number" or not metric or not imperial:
        return None
    preferred_metric = field["unit"] if field["unit"] in metric else metric[0]
    preferred_imperial = "ft_in" if "ft_in" in imperial else imperial[0]
    return preferred_metric, preferred_imperial


def _number(text: Any, blank: float | None = None) -> float | None:
    """An entry read as the calculators read it; `blank` stands for an empty box."""
    if isinstance(text, str) and not text.strip():
        return blank
    return parsing.read_number(text)


def _decimals(step: Any) -> int:
    if not isinstance(step, int | float) or isinstance(step, bool) or step <= 0 or step >= 1:
        return 0 if isinstance(step, int | float) and step >= 1 else 1
    return min(6, max(0, -math.floor(math.log10(step) + 1e-9)))


def _plain(amount: float, decimals: int) -> str:
    text = f"{round(amount, decimals):.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
