"""Fields several calculators ask for, declared once; a calculator adapts one with `dataclasses.replace`."""

from __future__ import annotations

from .fields import Quantity

BODY_WEIGHT_KG = Quantity(
    unit="kg",
    units=("kg", "lb"),
    label="Body weight",
    help="Current body weight.",
    min=20,
    max=300,
    step=0.1,
    default=70,
)
SESSION_DURATION_MIN = Quantity(
    unit="min",
    units=("min", "h"),
    label="Session duration",
    help="How long the exercise session lasts.",
    min=1,
    max=1440,
    step=1,
    default=90,
)
