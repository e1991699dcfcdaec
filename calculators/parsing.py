"""Turn JSON-like reader input into typed calculator inputs, or say exactly what is wrong with each field.

Everything a reader can type arrives here raw (strings from a form, numbers from JSON, `key=value` from the
CLI): decimal commas, unit suffixes and stray spaces are understood; anything else gets a message that names
the field's label, the accepted range in the reader's own unit, the options or the accepted units.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from typing import Any

from .errors import InvalidInput
from .fields import Choice, Field, Flag, Quantity, Series
from .formatting import number
from .units import ALIASES, UNITS, convert, symbol

_NUMBER = r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d+)?"
_NUMBER_WITH_UNIT = re.compile(rf"^({_NUMBER})\s*(.*)$")
_FEET_INCHES = re.compile(
    rf"^({_NUMBER})\s*(?:ft|feet|foot|'|′)\s*(?:({_NUMBER})\s*(?:in|inch|inches|\"|″|''|′′)?)?$",
    re.IGNORECASE,
)
# Days are separated by a comma, a semicolon or a new line (spaces around it allowed), or by spaces alone; two
# separators in a row leave an empty day, which is reported rather than silently dropped.
_SERIES_SEPARATOR = re.compile(r"\s*[,;\n]\s*|\s+")
_DECIMAL_COMMA = re.compile(r"\d,\d")
_PRODUCT = re.compile(r"\s*[x×*]\s*", re.IGNORECASE)
_PRODUCT_SPACING = re.compile(r"\s*([x×*+])\s*", re.IGNORECASE)
_TRUE = {"true", "yes", "on", "1", "y"}
_FALSE = {"false", "no", "off", "0", "n"}
_ECHO_LIMIT = 24


class FieldError(ValueError):
    """A message about one field, collected by `parse_inputs` into `InvalidInput`."""


def parse_inputs(fields: Mapping[str, Field], raw: Any) -> dict[str, Any]:
    """Parse every field of `raw`; raise `InvalidInput` listing every field that is wrong."""
    if not isinstance(raw, Mapping):
        raise InvalidInput({"inputs": f"Inputs must be an object of field values, not {_type_name(raw)}."})
    errors: dict[str, str] = {}
    for key in raw:
        if key not in fields:
            errors[str(key)[:40]] = f"Unknown field {_echo(key)}. Fields: {', '.join(fields)}."
    values: dict[str, Any] = {}
    for key, field in fields.items():
        try:
            values[key] = parse_field(field, raw.get(key))
        except FieldError as error:
            errors[key] = str(error)
    if errors:
        raise InvalidInput(errors)
    return values


def parse_field(field: Field, raw: Any) -> Any:
    """One field's value in its canonical form (None when absent and not required)."""
    if _is_blank(raw):
        if field.required:
            raise FieldError(f"{field.label} {'are' if isinstance(field, Series) else 'is'} required.")
        return field.default
    parser = _PARSERS[field.kind]
    return parser(field, raw)


# ---------------------------------------------------------------------------------------------------------


def _parse_quantity(field: Quantity, raw: Any) -> float:
    value, unit = _split_quantity(field, raw)
    if unit not in field.accepted_units:
        accepted = ", ".join(field.accepted_units)
        raise FieldError(f"{field.label} accepts the units {accepted} (got {_echo(unit)}).")
    if unit == "ft_in":
        canonical = convert(_feet_inches_to_inches(field, value), "in", field.unit)
    else:
        amount = _to_number(field.label, value)
        canonical = convert(amount, unit, field.unit)
    if not (field.min <= canonical <= field.max):
        raise FieldError(f"{field.label} must be between {_range_text(field, unit)}.")
    return canonical


def _split_quantity(field: Quantity, raw: Any) -> tuple[Any, str]:
    """(value, unit key) from a plain value, a `"64 in"` string or a `{"value": …, "unit": …}` object."""
    if isinstance(raw, Mapping):
        if set(raw) - {"value", "unit"} or "value" not in raw:
            raise FieldError(f'{field.label} must be a number or {{"value": number, "unit": unit}}.')
        unit = raw.get("unit")
        if unit is None or unit == "":
            unit = field.unit
        if not isinstance(unit, str):
            raise FieldError(f"{field.label} has a unit that is not text ({_type_name(unit)}).")
        unit_key = ALIASES.get(unit.strip().lower(), unit) if unit not in UNITS else unit
        if _is_blank(raw["value"]):
            raise FieldError(f"{field.label} is required.")
        return raw["value"], unit_key
    if isinstance(raw, str):
        text = _clean(raw)
        if "ft_in" in field.accepted_units and _FEET_INCHES.match(text):
            return text, "ft_in"
        match = _NUMBER_WITH_UNIT.match(text)
        if match and match.group(2):
            suffix = match.group(2).strip().lower()
            return match.group(1), ALIASES.get(suffix, suffix)
    return raw, field.unit


def _feet_inches_to_inches(field: Quantity, value: Any) -> float:
    if isinstance(value, str):
        match = _FEET_INCHES.match(_clean(value))
        if not match:
            raise FieldError(
                f"{field.label} in feet and inches must look like 5 ft 4 in (got {_echo(value)})."
            )
        feet, inches = match.group(1), match.group(2) or 0
    elif isinstance(value, Mapping) and set(value) <= {"ft", "in"}:
        feet, inches = value.get("ft"), value.get("in")
        if _is_blank(feet) and _is_blank(inches):
            raise FieldError(f"{field.label} is required.")
    else:
        raise FieldError(f'{field.label} in feet and inches must be {{"ft": number, "in": number}}.')
    feet_number = 0.0 if _is_blank(feet) else _to_number(f"{field.label} (feet)", feet)
    inch_number = 0.0 if _is_blank(inches) else _to_number(f"{field.label} (inches)", inches)
    if feet_number < 0 or inch_number < 0:
        raise FieldError(f"{field.label} cannot be negative.")
    return 12 * feet_number + inch_number


def _parse_choice(field: Choice, raw: Any) -> Any:
    if isinstance(raw, str):
        wanted = _clean(raw).lower()
        for value, label in field.options:
            if wanted in (str(value).lower(), label.lower()):
                return value
    options = [value for value, _ in field.options]
    if all(isinstance(value, int | float) for value in options) and not isinstance(raw, bool):
        try:
            candidate = _to_number(field.label, raw)
        except FieldError:
            candidate = None
        if candidate in options:
            return options[options.index(candidate)]
    listed = ", ".join(number(v) if isinstance(v, float | int) else str(v) for v in options)
    raise FieldError(f"{field.label} must be one of: {listed} (got {_echo(raw)}).")


def _parse_flag(field: Flag, raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int | float) and raw in (0, 1):
        return bool(raw)
    if isinstance(raw, str):
        text = _clean(raw).lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
    raise FieldError(f"{field.label} must be yes or no (true/false), not {_echo(raw)}.")


def _parse_series(field: Series, raw: Any) -> tuple[float, ...]:
    if isinstance(raw, str):
        text = _clean(raw).rstrip(",;").rstrip()
        if field.factors:  # "6 x 45 + 4 x 30" is one day: spaces around its operators do not separate days
            text = _PRODUCT_SPACING.sub(r"\1", text)
        items: list[Any] = _SERIES_SEPARATOR.split(text) if text else []
    elif isinstance(raw, list | tuple):
        items = list(raw)
    else:
        raise FieldError(f"{field.label} must be a list of numbers, not {_type_name(raw)}.")
    if not field.min_length <= len(items) <= field.max_length:
        hint = ""
        if isinstance(raw, str) and _DECIMAL_COMMA.search(raw):
            hint = " Commas separate days: write decimals with a point (72.5)."
        raise FieldError(
            f"{field.label}: enter {field.min_length} to {field.max_length} values (got {len(items)}).{hint}"
        )
    values = []
    unit = symbol(field.unit)
    for index, item in enumerate(items, start=1):
        day = _value_name(field, index, len(items))
        if _is_blank(item):
            raise FieldError(f"{field.label}: {day} is empty (use 0 for a rest day).")
        try:
            if field.factors and isinstance(item, str) and _PRODUCT.search(item):
                value = _sum_of_products(field, day, item)
            else:
                value = _to_number(day, item)
        except FieldError as error:
            raise FieldError(f"{field.label}: {_lower_first(str(error))}") from None
        if not field.min <= value <= field.max:
            raise FieldError(
                f"{field.label}: {day} ({number(value)} {unit}) must be between "
                f"{number(field.min)} and {number(field.max)} {unit}."
            )
        values.append(value)
    return tuple(values)


def _value_name(field: Series, index: int, count: int) -> str:
    """How a message names the `index`-th of `count` values: "value 3", or, for days laid out in weeks, its week
    and day as the page's grid shows it ("week 2, day 3"). The grid ends with the latest day (the last value), so
    a shorter series fills its last weeks: of 10 values, the first is week 3, day 5."""
    if not field.week_days:
        return f"value {index}"
    week, day = divmod(field.max_length - count + index - 1, field.week_days)
    return f"week {week + 1}, day {day + 1}"


def _sum_of_products(field: Series, day: str, text: str) -> float:
    """ "6x45+4x30" → 6 × 45 + 4 × 30, each factor checked against its range (RPE 0–10, minutes 0–1,440); a term
    that is one number is a load as it stands ("300+6x30": a load typed, then a session added to the day)."""
    total = 0.0
    for term in text.split("+"):
        parts = _PRODUCT.split(term)
        if len(parts) == 1:
            total += _to_number(day, term)
            continue
        if len(parts) != len(field.factors):
            words = " × ".join(label for label, _, _ in field.factors)
            raise FieldError(f"{day} ({_echo(text)}) must be numbers or {words} terms joined by +.")
        product = 1.0
        for part, (label, low, high) in zip(parts, field.factors, strict=True):
            factor = _to_number(f"{day}'s {label}", part)
            if not low <= factor <= high:
                raise FieldError(
                    f"{day}: {label} {number(factor)} must be between {number(low)} and {number(high)}."
                )
            product *= factor
        total += product
    return total


_PARSERS = {
    "number": _parse_quantity,
    "choice": _parse_choice,
    "boolean": _parse_flag,
    "series": _parse_series,
}


def read_number(raw: Any) -> float | None:
    """A finite number read the way every field reads one ("72,5" is 72.5), or None when it is not one."""
    try:
        return _to_number("value", raw)
    except FieldError:
        return None


def _to_number(label: str, raw: Any) -> float:
    """A finite float from a number or numeric text ("72,5" is 72.5); a clear message otherwise."""
    if isinstance(raw, bool) or not isinstance(raw, int | float | str):
        raise FieldError(f"{_capital(label)} must be a number, not {_type_name(raw)}.")
    if isinstance(raw, str):
        text = _clean(raw)
        if not re.fullmatch(_NUMBER, text):
            raise FieldError(f"{_capital(label)} must be a number (got {_echo(raw)}).")
        if text.count(",") == 1 and "." not in text:
            text = text.replace(",", ".")
        elif "," in text:
            raise FieldError(f"{_capital(label)} must be a number (got {_echo(raw)}).")
        raw = text
    try:
        value = float(raw)
    except OverflowError:
        value = math.inf
    if not math.isfinite(value):
        raise FieldError(f"{_capital(label)} must be a finite number (got {_echo(raw)}).")
    return value


def _range_text(field: Quantity, unit: str) -> str:
    """The field's range in the reader's unit: `66.1 and 661.4 lb`, or `3 ft 3 in and 8 ft 2 in`."""
    if unit != "ft_in":
        low, high = (convert(bound, field.unit, unit) for bound in (field.min, field.max))
        return f"{number(low)} and {number(high)} {symbol(unit)}"
    bounds = (divmod(round(convert(bound, field.unit, "in")), 12) for bound in (field.min, field.max))
    return " and ".join(f"{feet} ft {inches} in" for feet, inches in bounds)


def _clean(text: str) -> str:
    return text.strip().replace("\u2212", "-").replace("\u00a0", " ")


def _is_blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _echo(raw: Any) -> str:
    """A short, safe rendering of what the reader gave (10,000 pasted characters are cut).

    JSON escaping, not `repr`: `repr` escapes by the running Python's Unicode tables, so CPython 3.11 and
    Pyodide's 3.14 would word the same message differently; JSON escapes only quotes and control characters.
    """
    text = raw if isinstance(raw, str) else json.dumps(raw, ensure_ascii=False, default=repr)
    if len(text) > _ECHO_LIMIT:
        text = text[:_ECHO_LIMIT] + "…"
    return "'" + json.dumps(text, ensure_ascii=False)[1:-1] + "'"


def _type_name(raw: Any) -> str:
    names = {bool: "yes/no", list: "a list", tuple: "a list", dict: "an object", type(None): "empty"}
    for kind, name in names.items():
        if isinstance(raw, kind):
            return name
    return "text" if isinstance(raw, str) else type(raw).__name__
