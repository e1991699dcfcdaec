"""The registry: every module in this package that defines a `CALCULATOR` is a calculator, found by itself.

Adding a calculator means adding one module; no list is edited. Discovery runs on first use, not at import, so
the package imports without cycles and a module that fails to import names itself in the error.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from typing import Any

from .calculator import Calculator
from .errors import UnknownCalculator


@cache
def catalogue() -> dict[str, Calculator]:
    """Every calculator by name, in site order (each calculator's own `order`, then name)."""
    package = __package__ or "calculators"
    found = []
    for module_info in pkgutil.iter_modules(importlib.import_module(package).__path__):
        if module_info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{package}.{module_info.name}")
        candidate = getattr(module, "CALCULATOR", None)
        if isinstance(candidate, Calculator):
            found.append(candidate)
    found.sort(key=lambda calculator: (calculator.order, calculator.name))
    return {calculator.name: calculator for calculator in found}


def get(name: Any) -> Calculator:
    """The calculator called `name`; `UnknownCalculator` lists the valid names otherwise."""
    calculators = catalogue()
    if not isinstance(name, str) or name not in calculators:
        raise UnknownCalculator(f"Unknown calculator {name!r}. Choose one of: {', '.join(calculators)}.")
    return calculators[name]
