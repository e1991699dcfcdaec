"""Every number a step, a warning or a chart shows that comes from a published constant is written from it.

Each literature constant of each calculator module is changed in turn (monkeypatch), every reference case of
that calculator is computed again, and the worked text (steps and warnings) must change with it: a step that
typed "5–7 mL/kg" by hand beside `SAWKA_2007_PRE_ML_PER_KG` would stay the same and fail here.
"""

from __future__ import annotations

import importlib
import json
from numbers import Real

import pytest

import calculators
from calculators.catalog import catalogue
from tests.cases import PARITY_CASES

# Constants that never reach a step, each with the reason; everything else must show in the worked text.
NOT_SHOWN = {
    ("training_load", "EXAMPLE_FOUR_WEEKS"): "the form's example data, not a published value",
    ("training_load", "MAX_DAILY_LOAD_AU"): "an input bound (RPE 10 for 24 h), reported by validation",
    ("energy", "GOAL_OPTIONS"): "the widget's nine goals, shown as the form's options",
    ("training_load", "SESSION_RPE_SCALE"): "CR-10's words, shown as the session builder's efforts",
}


def _is_number(value: object) -> bool:
    return isinstance(value, Real) and not isinstance(value, bool)


def _perturbed(value: object) -> object | None:
    """The constant with every number in it changed, so any honest step must read differently; None when it
    holds no number (labels, option lists of words)."""
    if isinstance(value, bool | str):
        return None
    if isinstance(value, int):
        return value + 1  # counts (days in a week) stay whole: they index lists
    if _is_number(value):
        return value * 1.5 + 0.7
    if isinstance(value, tuple | dict):
        changed = {key: _perturbed(item) for key, item in items_of(value)}
        if all(item is None for item in changed.values()):
            return None
        merged = {key: item if changed[key] is None else changed[key] for key, item in items_of(value)}
        return merged if isinstance(value, dict) else tuple(merged.values())
    return None


def items_of(value: tuple | dict):
    return value.items() if isinstance(value, dict) else enumerate(value)


def _literature_constants() -> list[tuple[str, str]]:
    found = []
    for name, calculator in catalogue().items():
        module = importlib.import_module(calculator.formula.__module__)
        for constant, value in vars(module).items():
            if constant.isupper() and _perturbed(value) is not None and (name, constant) not in NOT_SHOWN:
                found.append((name, constant))
    return found


def _worked_text(name: str) -> str:
    texts = []
    for case_name, inputs in PARITY_CASES:
        if case_name != name:
            continue
        answer = calculators.run(name, inputs)
        if answer["ok"]:
            result = answer["result"]
            texts.append(
                json.dumps([result["steps"], [w["message"] for w in result["warnings"]], result["charts"]])
            )
    return "\n".join(texts)


@pytest.mark.parametrize(("name", "constant"), _literature_constants())
def test_worked_text_changes_with_the_constant(name: str, constant: str, monkeypatch) -> None:
    module = importlib.import_module(catalogue()[name].formula.__module__)
    before = _worked_text(name)
    monkeypatch.setattr(module, constant, _perturbed(getattr(module, constant)))
    assert _worked_text(name) != before, f"{name}: no step or warning shows {constant}"


def test_every_calculator_has_constants_under_test() -> None:
    covered = {name for name, _ in _literature_constants()}
    assert covered == set(calculators.names())
