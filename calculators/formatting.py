"""How numbers read in steps and messages: thousands separators, a true minus sign, no trailing zeros."""

from __future__ import annotations


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
