"""The calculators, how each is described (schema) and the single path from raw input to a result."""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from .errors import InvalidInput, UnknownCalculator
from .fields import Field, Output, Quantity, Series, Source
from .parsing import parse_inputs
from .result import Result
from .units import UNITS


def _no_cross_checks(values: dict[str, Any]) -> dict[str, str]:
    return {}


@dataclass(frozen=True, kw_only=True)
class Calculator:
    """One calculator: its typed inputs (with field metadata), declared outputs, sources and formula."""

    name: str
    title: str
    summary: str
    inputs: type
    outputs: tuple[Output, ...]
    sources: tuple[Source, ...]
    formula: Callable[[Any], Result]
    cross_checks: Callable[[dict[str, Any]], dict[str, str]] = _no_cross_checks

    @cached_property
    def fields(self) -> dict[str, Field]:
        """Field metadata by key, in declaration order, read from the input dataclass's annotations."""
        hints = typing.get_type_hints(self.inputs, include_extras=True)
        return {item.name: hints[item.name].__metadata__[0] for item in dataclasses.fields(self.inputs)}

    def schema(self) -> dict:
        used_units = {unit for field in self.fields.values() for unit in getattr(field, "accepted_units", ())}
        return {
            "name": self.name,
            "title": self.title,
            "summary": self.summary,
            "inputs": [_field_schema(key, field) for key, field in self.fields.items()],
            "outputs": [output.to_dict() for output in self.outputs],
            "units": {
                key: {"symbol": UNITS[key].symbol, "label": UNITS[key].label, "system": UNITS[key].system}
                for key in sorted(used_units)
            },
            "sources": [source.to_dict() for source in self.sources],
        }

    def compute(self, raw: Any) -> dict:
        values = parse_inputs(self.fields, raw)
        problems = self.cross_checks(values)
        if problems:
            raise InvalidInput(problems)
        return self.formula(self.inputs(**values)).to_dict(self.outputs)


def _field_schema(key: str, field: Field) -> dict:
    data: dict[str, Any] = {
        "key": key,
        "kind": field.kind,
        "label": field.label,
        "help": field.help,
        "required": field.required,
        "default": list(field.default) if isinstance(field.default, tuple) else field.default,
    }
    if isinstance(field, Quantity | Series):
        data.update(unit=field.unit, units=list(field.accepted_units), min=field.min, max=field.max)
        data["step"] = field.step
    if isinstance(field, Series):
        data.update(min_length=field.min_length, max_length=field.max_length)
    options = getattr(field, "options", None)
    if options:
        data["options"] = [{"value": value, "label": label} for value, label in options]
    return data


def _catalogue() -> dict[str, Calculator]:
    from . import electrolytes, energy, fueling, hydration, training_load

    modules = (energy, hydration, fueling, electrolytes, training_load)
    return {module.CALCULATOR.name: module.CALCULATOR for module in modules}


CATALOGUE = _catalogue()


def get(name: Any) -> Calculator:
    """The calculator called `name`; `UnknownCalculator` lists the valid names otherwise."""
    if not isinstance(name, str) or name not in CATALOGUE:
        raise UnknownCalculator(f"Unknown calculator {name!r}. Choose one of: {', '.join(CATALOGUE)}.")
    return CATALOGUE[name]
