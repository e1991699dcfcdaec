"""The one shape every calculator returns: values, warnings, worked steps and the sources used."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from .fields import Output
from .sources import Source


@dataclass
class Result:
    """Collects a calculation as it happens, so each formula writes its own worked step next to its value."""

    values: dict[str, object] = field(default_factory=dict)
    warnings: list[dict[str, str]] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)

    def warn(self, code: str, message: str, field_key: str | None = None) -> None:
        warning = {"code": code, "message": message}
        if field_key:
            warning["field"] = field_key
        self.warnings.append(warning)

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
        }


def _json_safe(value: object) -> object:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, tuple):
        return list(value)
    return value
