"""`python -m calculators new NAME`: a working example calculator for an editor to turn into a real one.

It writes the calculator module (one quantity input, one output, one worked step, and a source marked for the
editor to replace), its test with a hand-worked case and a docs page that embeds it, then appends the placeholder source to the one
registry (`calculators/sources.py`) and its reference cases to `tests/cases.py` (the Pyodide parity run repeats
every case there). Nothing else is edited: the catalogue finds the module by itself, and every test that walks calculators finds it too.
"""

from __future__ import annotations

import keyword
import re
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[1]
NAME = re.compile(r"^[a-z][a-z0-9_]{1,30}$")
PLACEHOLDER = "REPLACE"


def new(name: str, project: Path = PROJECT_DIR) -> list[Path]:
    """Write the files for calculator `name`; return them. Raises `ValueError` with what to do instead."""
    _check(name, project)
    files = {
        project / "calculators" / f"{name}.py": _module(name, _next_order()),
        project / "tests" / f"test_{name}.py": _test(name),
        project / "docs" / "calculators" / f"{name.replace('_', '-')}.md": _page(name),
    }
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    appended = {
        project / "calculators" / "sources.py": _source(name),
        project / "tests" / "cases.py": _cases(name),
    }
    for path, text in appended.items():
        with path.open("a", encoding="utf-8") as registry:
            registry.write(text)
    return [*files, *appended]


def _check(name: str, project: Path) -> None:
    if not NAME.match(name) or keyword.iskeyword(name) or name.startswith("test"):
        raise ValueError(
            f"{name!r} is not a calculator name: use 2–31 lowercase letters, digits and underscores, starting "
            "with a letter (for example 'protein_intake')."
        )
    taken = project / "calculators" / f"{name}.py"
    if taken.exists():
        raise ValueError(f"calculators/{name}.py already exists: choose another name or edit that module.")


def _next_order() -> int:
    from .catalog import catalogue

    return max((calculator.order for calculator in catalogue().values()), default=0) + 10


def _constant(name: str) -> str:
    return f"{name.upper()}_EXAMPLE_ML_PER_KG"


def _module(name: str, order: int) -> str:
    title = name.replace("_", " ").capitalize()
    constant = _constant(name)
    return f'''"""{title}: an example calculator written by `python -m calculators new` — {PLACEHOLDER} it.

It estimates an amount of fluid from body weight with a placeholder rate, so that the form, the answer, the
worked step, the tests and the page all work from the first build. Replace the rate, the source, the labels and
this docstring with the real formula and its publication (author, year, title, DOI).

References
----------
{PLACEHOLDER}: the publication the formula comes from (see `{name.upper()}_SOURCE` in calculators/sources.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from .calculator import Calculator
from .fields import Output
from .formatting import number
from .result import Result
from .shared_fields import BODY_WEIGHT_KG
from .sources import {name.upper()}_SOURCE
from .units import UNITS

{constant} = 30.0  # {PLACEHOLDER}: a published constant, with its source, table and page


@dataclass(frozen=True, kw_only=True)
class {_class(name)}Inputs:
    """What the calculator asks for."""

    weight_kg: Annotated[float, BODY_WEIGHT_KG]


OUTPUTS = (Output(key="amount_ml", label="Example amount", unit="ml"),)


def compute(inputs: {_class(name)}Inputs, result: Result) -> Result:
    """Amount = body weight × rate.

    Notes
    -----
    amount [mL] = weight [kg] × {constant} [mL/kg]
    """
    amount_ml = inputs.weight_kg * {constant}
    result.values["amount_ml"] = amount_ml
    result.step(
        f"Amount = {{result.amount(inputs.weight_kg, 'kg')}} × {{number({constant})}} mL/kg = "
        f"{{result.amount(amount_ml, 'ml', 0)}}"
    )
    result.cite({name.upper()}_SOURCE)
    unit = UNITS[result.reader_unit("ml")].symbol
    shown = result.in_reader_unit(amount_ml, "ml")
    result.chart(
        {{
            "kind": "bars",
            "title": "Example amount ({PLACEHOLDER} this chart)",
            "desc": f"The example amount is {{number(shown, 0)}} {{unit}}.",
            "categories": ["Example amount"],
            "y": {{"label": "Amount", "unit": unit, "min": 0}},
            "series": [{{"id": "amount", "label": unit, "role": "primary", "values": [shown]}}],
        }}
    )
    return result


CALCULATOR = Calculator(
    name="{name}",
    title="{title} ({PLACEHOLDER} this title)",
    summary="An example calculator: {PLACEHOLDER} this summary with one sentence on what it estimates.",
    order={order},
    inputs={_class(name)}Inputs,
    outputs=OUTPUTS,
    sources=({name.upper()}_SOURCE,),
    formula=compute,
)
'''


def _class(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("_"))


def _test(name: str) -> str:
    return f'''"""{name}: hand-worked cases. {PLACEHOLDER} with the publication's own worked values, named after it."""

from __future__ import annotations

import pytest

from calculators import InvalidInput, compute
from tests.cases import {name.upper()}_EXAMPLE_70_KG as EXAMPLE_70_KG


def test_hand_worked_example() -> None:
    """70 kg × 30 mL/kg = 2,100 mL (the example rate: {PLACEHOLDER} with the source's worked value)."""
    result = compute("{name}", EXAMPLE_70_KG)
    assert result["values"]["amount_ml"] == pytest.approx(2100.0)
    assert "= 2,100 mL" in result["steps"][0]


def test_pounds_give_the_same_answer_as_kilograms() -> None:
    pounds = compute("{name}", {{"weight_kg": {{"value": 70 / 0.45359237, "unit": "lb"}}}})
    assert pounds["values"]["amount_ml"] == pytest.approx(2100.0)


def test_a_negative_weight_is_refused_next_to_its_field() -> None:
    with pytest.raises(InvalidInput) as error:
        compute("{name}", {{"weight_kg": -5}})
    assert set(error.value.errors) == {{"weight_kg"}}
'''


def _cases(name: str) -> str:
    return f"""
# {name} (written by `python -m calculators new`): its hand-worked inputs; the Pyodide parity run repeats them.
{name.upper()}_EXAMPLE_70_KG = case("{name}", {{"weight_kg": 70}})
{name.upper()}_EXAMPLE_IN_POUNDS = case("{name}", {{"weight_kg": "154.3 lb"}})
"""


def _page(name: str) -> str:
    title = name.replace("_", " ").capitalize()
    return f"""---
title: {title}
description: An example calculator. {PLACEHOLDER} this description.
tags:
  - calculators
---

# {title}

{PLACEHOLDER} this paragraph: what the calculator estimates, for whom, and what its answer does not tell.

## Calculator

{{{{ calculator("{name}") }}}}

??? info "Fields, units and ranges"

    {{{{ calculator_table("{name}") }}}}

## Sources

{{{{ calculator_sources("{name}") }}}}
"""


def _source(name: str) -> str:
    return f'''

# --- {name} (written by `python -m calculators new`: {PLACEHOLDER} with the real publication) ------------------

{name.upper()}_SOURCE = Source(
    id="{name}_source",
    short="{PLACEHOLDER}: author et al. year",
    authors="{PLACEHOLDER}: the authors",
    title="{PLACEHOLDER}: the title of the publication the formula comes from",
    where="{PLACEHOLDER}: journal, volume and pages",
)
SOURCES[{name.upper()}_SOURCE.id] = {name.upper()}_SOURCE
'''
