"""Legwork's calculators: typed, cited, standard-library-only Python that runs natively and in Pyodide.

Each calculator declares its inputs once (label, unit, bounds, default, help) next to its formulas; the page
form, the validation, the CLI and the docs table are generated from `schema(name)`.
"""

from __future__ import annotations

from typing import Any as _Any

from .answer import laid_out, value_text
from .catalog import catalogue as _catalogue
from .catalog import get as _get
from .errors import InvalidInput, UnknownCalculator
from .formatting import output_text
from .training_load import daily_load_au, session_load_au
from .unit_system import convert_entry, imperial_defaults, unit_pair

__all__ = [
    "InvalidInput",
    "UnknownCalculator",
    "compute",
    "convert_entry",
    "daily_load_au",
    "imperial_defaults",
    "laid_out",
    "names",
    "output_text",
    "run",
    "schema",
    "session_load_au",
    "unit_pair",
    "value_text",
]

__version__ = "0.1.0"


def names() -> list[str]:
    """The calculators' names, in the order the site presents them."""
    return list(_catalogue())


def schema(name: str) -> dict:
    """JSON-ready description of a calculator's inputs, outputs, units and sources."""
    return _get(name).schema()


def compute(name: str, inputs: _Any, system: str = "metric") -> dict:
    """`{"values", "warnings", "steps", "sources"}` for JSON-like `inputs`, steps in the reader's `system`
    ("metric" or "imperial"); raises `InvalidInput`."""
    return _get(name).compute(inputs, system)


def run(name: str, inputs: _Any, system: str = "metric") -> dict:
    """The worker boundary: `{"ok": True, "result": …}` or `{"ok": False, "errors": {field: message}}`."""
    try:
        return {"ok": True, "result": compute(name, inputs, system)}
    except InvalidInput as error:
        return {"ok": False, "errors": error.errors}
    except UnknownCalculator as error:
        return {"ok": False, "errors": {"calculator": str(error)}}
