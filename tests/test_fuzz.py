"""Hypothesis feeds compute arbitrary JSON-like input: only InvalidInput may escape, results stay JSON."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators import InvalidInput, compute, names, schema

SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)
JSON_LIKE = st.recursive(
    SCALARS,
    lambda children: (
        st.lists(children, max_size=30) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=40,
)
READER_TEXT = st.from_regex(
    r"\s?[+-−]?\d{0,5}([.,]\d{0,4})?\s?(kg|lb|cm|in|ft|ml|fl oz|h|min|%|)\s?", fullmatch=True
)


def field_values(name: str):
    description = schema(name)
    keys = [field["key"] for field in description["inputs"]]
    unit_objects = st.fixed_dictionaries(
        {
            "value": JSON_LIKE | READER_TEXT,
            "unit": st.sampled_from([*description["units"], "stone", ""]) | JSON_LIKE,
        }
    )
    value = JSON_LIKE | READER_TEXT | unit_objects
    return st.dictionaries(st.sampled_from(keys) | st.text(max_size=6), value, max_size=len(keys) + 1)


def check(name: str, inputs: object) -> None:
    try:
        result = compute(name, inputs)
    except InvalidInput as error:
        assert error.errors and all(isinstance(m, str) and m for m in error.errors.values())
        return
    json.dumps(result, allow_nan=False)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(names()), data=st.data())
def test_arbitrary_field_values(name: str, data: st.DataObject) -> None:
    check(name, data.draw(field_values(name)))


@settings(max_examples=100)
@given(name=st.sampled_from(names()), inputs=JSON_LIKE)
def test_arbitrary_json(name: str, inputs: object) -> None:
    check(name, inputs)


@settings(max_examples=200)
@given(name=st.sampled_from(names()), data=st.data())
def test_near_valid_inputs(name: str, data: st.DataObject) -> None:
    """Start from the defaults and break one field: the error must name that field."""
    description = schema(name)
    defaults = {f["key"]: f["default"] for f in description["inputs"] if f["default"] is not None}
    key = data.draw(st.sampled_from([f["key"] for f in description["inputs"]]))
    inputs = {**defaults, key: data.draw(JSON_LIKE | READER_TEXT)}
    try:
        compute(name, inputs)
    except InvalidInput as error:
        assert key in error.errors or set(error.errors) <= {f["key"] for f in description["inputs"]}
