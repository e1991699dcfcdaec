"""The `Calculator` type: a calculator's typed inputs, declared outputs, sources and formula, and one path from
raw input to a result.

Its own module so that calculator modules import it without importing the registry (`catalog`), which imports
them. A calculator checks its declaration when it is made, so a wrong unit or key fails at import time with a
message that names the field, not later in a reader's browser.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from .errors import InvalidInput
from .fields import Field, Output
from .parsing import parse_inputs
from .presentation import Presentation, default_presentation
from .result import Result
from .sources import Source
from .units import UNITS


def _no_cross_checks(values: dict[str, Any]) -> dict[str, str]:
    return {}


@dataclass(frozen=True, kw_only=True)
class Calculator:
    """One calculator. `order` places it on the site (lower first); `formula(inputs, result)` fills the
    `Result` it is given (made in the reader's unit system) and returns it."""

    name: str
    title: str
    summary: str
    order: int
    inputs: type
    outputs: tuple[Output, ...]
    sources: tuple[Source, ...]
    formula: Callable[[Any, Result], Result]
    cross_checks: Callable[[dict[str, Any]], dict[str, str]] = _no_cross_checks
    presentation: Presentation | None = None

    def __post_init__(self) -> None:
        problems = list(_declaration_problems(self.fields))
        problems += [
            f"output {output.key!r} uses the unit {output.unit!r}, which calculators/units.py does not define."
            for output in self.outputs
            if output.unit and output.unit not in UNITS
        ]
        problems += self.layout.problems(self.outputs)
        if problems:
            raise TypeError(f"calculator {self.name!r}: " + " ".join(problems))

    @cached_property
    def fields(self) -> dict[str, Field]:
        """Field metadata by key, in declaration order, read from the input dataclass's annotations."""
        hints = typing.get_type_hints(self.inputs, include_extras=True)
        return {item.name: hints[item.name].__metadata__[0] for item in dataclasses.fields(self.inputs)}

    @property
    def layout(self) -> Presentation:
        """The declared presentation, or the default one (first output first, `_min`/`_max` pairs as ranges)."""
        return self.presentation or default_presentation(self.outputs)

    def schema(self) -> dict:
        used_units = {unit for field in self.fields.values() for unit in getattr(field, "accepted_units", ())}
        return {
            "name": self.name,
            "title": self.title,
            "summary": self.summary,
            "inputs": [field.to_dict(key) for key, field in self.fields.items()],
            "outputs": [output.to_dict() for output in self.outputs],
            "presentation": self.layout.to_dict(self.outputs),
            "units": {key: UNITS[key].to_dict() for key in sorted(used_units)},
            "sources": [source.to_dict() for source in self.sources],
        }

    def compute(self, raw: Any, system: str = "metric") -> dict:
        """Values stay metric (canonical); the worked steps show quantities in the reader's `system`."""
        values = parse_inputs(self.fields, raw)
        problems = self.cross_checks(values)
        if problems:
            raise InvalidInput(problems)
        result = Result(system="imperial" if system == "imperial" else "metric")
        return self.formula(self.inputs(**values), result).to_dict(self.outputs)


def _declaration_problems(fields: dict[str, Field]) -> typing.Iterator[str]:
    """The rules every field's declaration follows, said as what to do about each breach."""
    for key, field in fields.items():
        unit = getattr(field, "unit", None)
        if unit is None:
            continue
        for accepted in getattr(field, "accepted_units", ()):
            if accepted not in UNITS:
                yield (
                    f"field {key!r} uses the unit {accepted!r}, which calculators/units.py does not define: "
                    "add it to UNITS there (symbol, label, dimension, factor) or use a defined unit."
                )
        if not key.endswith("_" + unit):
            yield (
                f"field {key!r} holds a quantity in {unit!r}, so its key must end in '_{unit}' "
                f"(for example '{key.rsplit('_', 1)[0]}_{unit}')."
            )
