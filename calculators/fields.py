"""Field metadata: declared once on each calculator's input dataclass, read by everything else.

The form on the page, the validation, the CLI help and the docs table all come from these objects, through
`calculators.schema()`. Attach them with `typing.Annotated`, e.g.
`weight_kg: Annotated[float, Quantity("kg", label="Body weight", min=20, max=350, ...)]`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .units import UNITS

Scalar = str | float


def _base_schema(field: Any, key: str) -> dict:
    """What every kind of field says about itself: key, kind, label, help, required, default."""
    default = list(field.default) if isinstance(field.default, tuple) else field.default
    return {
        "key": key,
        "kind": field.kind,
        "label": field.label,
        "help": field.help,
        "required": field.required,
        "default": default,
    }


@dataclass(frozen=True, kw_only=True)
class Quantity:
    """A number in a canonical unit (the one its key names), also accepted in `units`."""

    unit: str
    label: str
    help: str
    min: float
    max: float
    step: float
    default: float | None = None
    required: bool = True
    units: tuple[str, ...] = ()
    kind = "number"

    @property
    def accepted_units(self) -> tuple[str, ...]:
        return self.units or (self.unit,)

    def to_dict(self, key: str) -> dict:
        return {
            **_base_schema(self, key),
            "unit": self.unit,
            "units": list(self.accepted_units),
            "min": self.min,
            "max": self.max,
            "step": self.step,
        }


@dataclass(frozen=True, kw_only=True)
class Choice:
    """One of a fixed list of options: `(value, label)` pairs; values are strings or numbers."""

    label: str
    help: str
    options: tuple[tuple[Scalar, str], ...]
    default: Scalar | None = None
    required: bool = True
    kind = "choice"

    def to_dict(self, key: str) -> dict:
        options = [{"value": value, "label": label} for value, label in self.options]
        return {**_base_schema(self, key), "options": options}


@dataclass(frozen=True, kw_only=True)
class Flag:
    """A yes/no question; absent means `default`."""

    label: str
    help: str
    default: bool = False
    required: bool = False
    kind = "boolean"

    def to_dict(self, key: str) -> dict:
        return _base_schema(self, key)


@dataclass(frozen=True, kw_only=True)
class Series:
    """A list of numbers in one unit, with a length range (for example daily training loads)."""

    unit: str
    label: str
    help: str
    min: float
    max: float
    step: float
    min_length: int
    max_length: int
    default: tuple[float, ...] | None = None
    required: bool = True
    #: Each value may also be written as a sum of products, "6x45+4x30": these are the two factors' (label, min,
    #: max), e.g. RPE and minutes for a day's sessions. Empty: plain numbers only.
    factors: tuple[tuple[str, float, float], ...] = ()
    #: The first factor's named points, `(value, words)`, offered as its choices (session RPE's CR-10 words).
    scale: tuple[tuple[int, str], ...] = ()
    #: Days in a week, when the values are days: the page lays them out as a grid of weeks (`max_length` is whole
    #: weeks), the latest value last, and messages name a value by its week and day there ("week 2, day 3").
    #: 0: values are not days.
    week_days: int = 0
    kind = "series"

    def __post_init__(self) -> None:
        if self.week_days and self.max_length % self.week_days:
            raise ValueError(
                f"{self.label}: max_length {self.max_length} is not whole weeks of {self.week_days}"
            )
        if self.scale and not self.factors:
            raise ValueError(f"{self.label}: a scale names points of the first factor, and there is none")

    @property
    def accepted_units(self) -> tuple[str, ...]:
        return (self.unit,)

    def to_dict(self, key: str) -> dict:
        factors = [{"label": label, "min": low, "max": high} for label, low, high in self.factors]
        if self.scale:
            factors[0]["scale"] = [{"value": value, "label": words} for value, words in self.scale]
        return {
            **_base_schema(self, key),
            "unit": self.unit,
            "units": [self.unit],
            "min": self.min,
            "max": self.max,
            "step": self.step,
            "min_length": self.min_length,
            "max_length": self.max_length,
            "factors": factors,
            "week_days": self.week_days,
        }


@dataclass(frozen=True, kw_only=True)
class Output:
    """A result value: how to label it, its unit (a key of `units.UNITS`) and how many decimals to show."""

    key: str
    label: str
    unit: str = ""
    precision: int = 0
    kind: str = "number"  # number, boolean, choice (a code) or list (of codes)
    help: str = ""
    options: tuple[tuple[str, str], ...] = ()

    def to_dict(self) -> dict:
        data = {
            "key": self.key,
            "label": self.label,
            "unit": self.unit,
            "symbol": UNITS[self.unit].symbol if self.unit else "",
            "precision": self.precision,
            "kind": self.kind,
            "help": self.help,
        }
        if self.options:
            data["options"] = [{"value": value, "label": label} for value, label in self.options]
        return data


Field = Quantity | Choice | Flag | Series
