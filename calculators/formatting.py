"""The one place numbers become text: for readers (steps, messages, results: thousands separators, a true minus
sign, no trailing zeros), for input boxes (`entry`: plain ASCII a reader can type back), with units and as ranges.

The page, the CLI and the build all format through here, so a number reads the same wherever it appears.
"""

from __future__ import annotations

import math
from typing import Any

NOT_APPLICABLE = "—"


def number(value: float, decimals: int = 1) -> str:
    """`1315.03` → `1,315`; `-0.5` → `−0.5`; keeps up to `decimals` places, dropping trailing zeros."""
    text = f"{value:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", "−0"):
        text = "0"
    return text.replace("-", "\u2212")


def fixed(value: float, decimals: int = 0) -> str:
    """A number with exactly `decimals` places (for results shown at a declared precision)."""
    text = f"{value:,.{decimals}f}"
    if float(text.replace(",", "")) == 0:
        text = text.lstrip("-")
    return text.replace("-", "\u2212")


def entry(value: float, decimals: int = 10) -> str:
    """A number as typed in a box or on a command line: `63.5`, `70` (never `70.0`), `-0.5`, no separators."""
    text = f"{round(value, decimals):.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def quantity(value: float, unit: str, decimals: int = 0) -> str:
    """`1,315 kcal`: a reader's number with its unit symbol."""
    return f"{number(value, decimals)} {unit}".rstrip()


def span(pair: tuple[float, float], unit: str = "", decimals: int = 1) -> str:
    """`(5.0, 7.0), "mL/kg"` → `5–7 mL/kg`: a range as one phrase (one number when both ends agree)."""
    low, high = (number(value, decimals) for value in pair)
    text = low if low == high else f"{low}–{high}"
    return f"{text} {unit}".rstrip()


def output_text(output: dict, value: Any) -> str:
    """An output's value as a reader sees it (page and CLI alike): its declared precision, option labels for
    codes, Yes/No, and a dash when the value does not apply. `output` is the schema's output entry."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return NOT_APPLICABLE
    labels = {str(option["value"]): option["label"] for option in output.get("options", [])}
    if output.get("kind") == "boolean" or isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list):
        return ", ".join(labels.get(str(code), str(code)) for code in value) or "None"
    if isinstance(value, int | float):
        return fixed(value, int(output.get("precision") or 0))
    return labels.get(str(value), str(value))
