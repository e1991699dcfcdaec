"""An answer laid out for a reader: the presentation declared in the schema, filled with the result's values
as text in the reader's unit system. The page's HTML and the CLI's table are both drawn from this one model.

An output that does not apply (its value is None) is left out; when the presentation says what would unlock it,
that hint is kept instead, once.
"""

from __future__ import annotations

import math
from typing import Any

from .formatting import NOT_APPLICABLE, fixed, output_text
from .unit_system import in_system
from .units import UNITS


def laid_out(schema: dict, values: dict, system: str = "metric") -> dict:
    """`{"headline": row | None, "groups": [{"label", "rows"}], "hints": [text]}`; a row is
    `{"type", "label", "text", "keys"}` (and `"sides"` for a comparison: two rows, article then guideline)."""
    outputs = {output["key"]: output for output in schema["outputs"]}
    layout = schema["presentation"]
    hints: list[str] = []

    def row(item: dict) -> dict | None:
        built = _row(item, outputs, values, system)
        if built is None:
            hint = _hint(item, layout["unlock"])
            if hint and hint not in hints:
                hints.append(hint)
        return built

    headline = row(layout["headline"])
    groups = []
    for group in layout["groups"]:
        rows = [built for item in group["items"] if (built := row(item))]
        if rows:
            groups.append({"label": group["label"], "rows": rows})
    return {"headline": headline, "groups": groups, "hints": hints}


def value_text(output: dict, value: Any, system: str = "metric") -> str:
    """One output's value with its unit, in the reader's system: `8 fl oz`, `1,315 kcal/day`, `Yes`."""
    if not _applies(value):
        return NOT_APPLICABLE
    if output.get("kind", "number") != "number" or not output.get("unit"):
        return output_text(output, value)
    shown, unit, decimals = in_system(float(value), output["unit"], system)
    text = fixed(shown, int(output.get("precision") or 0) if decimals is None else decimals)
    return f"{text} {UNITS[unit].symbol}"


def range_text(low_output: dict, low: Any, high_output: dict, high: Any, system: str = "metric") -> str:
    """`350–490 mL`: one phrase, the unit once; one number when both ends read the same."""
    low_text, high_text = value_text(low_output, low, system), value_text(high_output, high, system)
    low_number, _, unit = low_text.partition(" ")
    high_number = high_text.partition(" ")[0]
    if low_number == high_number:
        return low_text
    return f"{low_number}–{high_number} {unit}".rstrip()


def _row(item: dict, outputs: dict, values: dict, system: str) -> dict | None:
    kind = item["type"]
    if kind == "value":
        key = item["key"]
        if not _applies(values.get(key)):
            return None
        text = value_text(outputs[key], values[key], system)
        kind = outputs[key].get("kind", "number")
        return {"type": "value", "label": item["label"], "text": text, "keys": [key], "kind": kind}
    if kind == "range":
        low, high = values.get(item["min"]), values.get(item["max"])
        if not (_applies(low) and _applies(high)):
            return None
        text = range_text(outputs[item["min"]], low, outputs[item["max"]], high, system)
        return {"type": "range", "label": item["label"], "text": text, "keys": [item["min"], item["max"]]}
    sides = [_row(item[side], outputs, values, system) for side in ("article", "guideline")]
    if any(side is None for side in sides):
        return None
    keys = [key for side in sides for key in side["keys"]]
    return {"type": "compare", "label": item["label"], "text": "", "keys": keys, "sides": sides}


def _hint(item: dict, unlock: dict[str, str]) -> str | None:
    names = [item.get("key"), item.get("min", "").removesuffix("_min") or None]
    if item["type"] == "compare":
        names += [item["article"].get("key"), item["guideline"].get("key")]
        names += [item[side].get("min", "").removesuffix("_min") or None for side in ("article", "guideline")]
    return next((unlock[name] for name in names if name and name in unlock), None)


def _applies(value: Any) -> bool:
    return value is not None and not (isinstance(value, float) and not math.isfinite(value))
