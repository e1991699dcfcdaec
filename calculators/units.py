"""Units the calculators accept, with the exact definitions from the project's formula sheet.

A field names its canonical unit in its key (`weight_kg`); readers may give a value in any unit of the same
dimension that the field lists. Conversion goes through one base unit per dimension, with exact factors.
"""

from __future__ import annotations

from dataclasses import dataclass

KG_PER_LB = 0.45359237  # exact, international avoirdupois pound (1959)
CM_PER_IN = 2.54  # exact, international inch (1959)
ML_PER_US_FL_OZ = 29.5735295625  # exact, US customary fluid ounce
MG_PER_MMOL_SODIUM = 22.98977  # standard atomic weight of Na
MG_PER_MMOL_POTASSIUM = 39.0983  # standard atomic weight of K


@dataclass(frozen=True)
class Unit:
    """A unit: its key, how to show it, its dimension and size in the dimension's base unit."""

    key: str
    symbol: str
    label: str
    dimension: str
    factor: float
    system: str = "metric"  # "metric", "imperial" or "both" (units the two systems share)
    imperial: str | None = None  # the unit a metric quantity is shown in for an imperial reader
    decimals: int = 1  # decimals worth showing when a result is converted into this unit

    def to_dict(self) -> dict:
        return {"symbol": self.symbol, "label": self.label, "system": self.system}


UNITS: dict[str, Unit] = {
    unit.key: unit
    for unit in (
        Unit("kg", "kg", "kilograms", "mass", 1.0, imperial="lb"),
        Unit("g", "g", "grams", "mass", 0.001, "both"),
        Unit("mg", "mg", "milligrams", "mass", 0.000001, "both"),
        Unit("lb", "lb", "pounds", "mass", KG_PER_LB, "imperial"),
        Unit("cm", "cm", "centimetres", "length", 1.0, imperial="ft_in"),
        Unit("in", "in", "inches", "length", CM_PER_IN, "imperial"),
        Unit("ft", "ft", "feet", "length", 12 * CM_PER_IN, "imperial"),
        Unit("ft_in", "ft + in", "feet and inches", "length", CM_PER_IN, "imperial"),
        Unit("ml", "mL", "millilitres", "volume", 1.0, imperial="fl_oz", decimals=0),
        Unit("l", "L", "litres", "volume", 1000.0, imperial="fl_oz"),
        Unit("fl_oz", "fl oz", "US fluid ounces", "volume", ML_PER_US_FL_OZ, "imperial", decimals=0),
        Unit("l_per_h", "L/h", "litres per hour", "flow", 1.0, imperial="fl_oz_per_h"),
        Unit("ml_per_h", "mL/h", "millilitres per hour", "flow", 0.001, imperial="fl_oz_per_h"),
        Unit(
            "fl_oz_per_h",
            "fl oz/h",
            "US fluid ounces per hour",
            "flow",
            ML_PER_US_FL_OZ / 1000,
            "imperial",
            decimals=0,
        ),
        Unit("min", "min", "minutes", "time", 1.0, "both"),
        Unit("h", "h", "hours", "time", 60.0, "both"),
        Unit("years", "years", "years", "age", 1.0, "both"),
        Unit("pct", "%", "percent", "fraction", 1.0, "both"),
        Unit("mmol_per_l", "mmol/L", "millimoles per litre", "concentration", 1.0, "both"),
        Unit("mg_per_l", "mg/L", "milligrams per litre", "mass_concentration", 1.0, "both"),
        Unit("au", "AU", "arbitrary units (RPE × minutes)", "load", 1.0, "both"),
        Unit("rpe", "RPE", "rating of perceived exertion (CR-10)", "effort", 1.0, "both"),
        Unit("lb_per_week", "lb/week", "pounds per week", "rate", 1.0, "both"),
        Unit("kcal", "kcal", "kilocalories", "energy", 1.0, "both"),
        Unit("kcal_per_day", "kcal/day", "kilocalories per day", "energy_rate", 1.0, "both"),
        Unit("g_per_h", "g/h", "grams per hour", "intake_rate", 1.0, "both"),
        Unit("g_per_day", "g/day", "grams per day", "daily_intake", 1.0, "both"),
    )
}

#: Spellings a reader may type after a number ("140lb", "64 in", "5 ft"), mapped to unit keys.
ALIASES: dict[str, str] = {
    "kg": "kg", "kgs": "kg", "kilo": "kg", "kilos": "kg", "kilogram": "kg", "kilograms": "kg",
    "lb": "lb", "lbs": "lb", "pound": "lb", "pounds": "lb", "#": "lb",
    "cm": "cm", "centimeter": "cm", "centimeters": "cm", "centimetre": "cm", "centimetres": "cm",
    "in": "in", "inch": "in", "inches": "in", '"': "in", "″": "in",
    "ft": "ft", "foot": "ft", "feet": "ft", "'": "ft", "′": "ft",
    "ml": "ml", "milliliter": "ml", "milliliters": "ml", "millilitre": "ml", "millilitres": "ml",
    "l": "l", "liter": "l", "liters": "l", "litre": "l", "litres": "l",
    "floz": "fl_oz", "fl oz": "fl_oz", "fl_oz": "fl_oz", "fl. oz": "fl_oz", "fl. oz.": "fl_oz", "oz": "fl_oz",
    "l/h": "l_per_h", "l_per_h": "l_per_h", "ml/h": "ml_per_h", "ml_per_h": "ml_per_h",
    "fl oz/h": "fl_oz_per_h", "fl_oz_per_h": "fl_oz_per_h", "oz/h": "fl_oz_per_h",
    "min": "min", "mins": "min", "minute": "min", "minutes": "min",
    "h": "h", "hr": "h", "hrs": "h", "hour": "h", "hours": "h",
    "y": "years", "yr": "years", "yrs": "years", "year": "years", "years": "years",
    "%": "pct", "pct": "pct", "percent": "pct",
    "mmol/l": "mmol_per_l", "mmol_per_l": "mmol_per_l", "mg/l": "mg_per_l", "mg_per_l": "mg_per_l",
    "au": "au", "rpe": "rpe", "lb/week": "lb_per_week",
}  # fmt: skip


def convert(value: float, from_unit: str, to_unit: str) -> float:
    """Convert between two units of one dimension with exact factors (identity when the units match)."""
    if from_unit == to_unit:
        return value
    source, target = UNITS[from_unit], UNITS[to_unit]
    if source.dimension != target.dimension:
        raise ValueError(f"cannot convert {source.symbol} to {target.symbol}")
    return value * source.factor / target.factor


def symbol(unit_key: str) -> str:
    """How a unit is written next to a number."""
    return UNITS[unit_key].symbol
