"""The one shape every calculator returns: values, warnings, worked steps and the sources used."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .fields import Output
from .formatting import span
from .sources import Source
from .units import UNITS, convert


@dataclass
class Result:
    """Collects a calculation as it happens, so each formula writes its own worked step next to its value."""

    system: str = "metric"  # the reader's unit system: steps show their quantities in it
    values: dict[str, object] = field(default_factory=dict)
    warnings: list[dict[str, str]] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    charts: list[dict] = field(
        default_factory=list
    )  # chart data (views/chart.py draws it), in the reader's units

    def warn(self, code: str, message: str, field_key: str | None = None) -> None:
        warning = {"code": code, "message": message}
        if field_key:
            warning["field"] = field_key
        self.warnings.append(warning)

    def amount(self, value: float, unit: str, decimals: int = 1) -> str:
        """A quantity for a step, in the reader's system: `70 kg`, or `154.3 lb (70 kg)` for an imperial reader,
        so the arithmetic on the published metric constants stays checkable."""
        return self.amounts((value, value), unit, decimals)

    def amounts(self, pair: tuple[float, float], unit: str, decimals: int = 1) -> str:
        """A range for a step, in the reader's system: `350–490 mL`, or `12–17 fl oz (350–490 mL)`."""
        metric = span(pair, UNITS[unit].symbol, decimals)
        target = UNITS[unit].imperial if self.system == "imperial" else None
        if target is None:
            return metric
        target = "in" if target == "ft_in" else target
        shown = tuple(convert(value, unit, target) for value in pair)
        return f"{span(shown, UNITS[target].symbol, UNITS[target].decimals)} ({metric})"

    def reader_unit(self, unit: str) -> str:
        """The unit a chart shows a metric quantity in for this reader (kg → lb, mL → fl oz, cm → in)."""
        target = UNITS[unit].imperial if self.system == "imperial" else None
        return unit if target is None else ("in" if target == "ft_in" else target)

    def in_reader_unit(self, value: float, unit: str) -> float:
        """A metric quantity in `reader_unit(unit)`, with the exact factors of `units` (rounded for the page)."""
        return round(convert(value, unit, self.reader_unit(unit)), 3)

    def chart(self, data: dict) -> None:
        self.charts.append(data)

    def step(self, text: str) -> None:
        self.steps.append(text)

    def cite(self, *sources: Source) -> None:
        for source in sources:
            if source not in self.sources:
                self.sources.append(source)

    def to_dict(self, outputs: tuple[Output, ...]) -> dict:
        """JSON-ready dict: every declared output present (None when it does not apply), in declared order."""
        values = {output.key: _json_safe(self.values.get(output.key)) for output in outputs}
        undeclared = set(self.values) - set(values)
        if undeclared:
            raise KeyError(f"undeclared outputs: {sorted(undeclared)}")
        return {
            "values": values,
            "warnings": [dict(warning) for warning in self.warnings],
            "steps": list(self.steps),
            "sources": [source.to_dict() for source in self.sources],
            "charts": [dict(chart) for chart in self.charts],
        }


def _json_safe(value: object) -> object:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, tuple):
        return list(value)
    return value
