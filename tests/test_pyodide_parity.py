"""Pyodide parity: the calculators give the same answers in the browser's Python as in CPython.

Runs the built site's own vendored Pyodide, its calculators wheel (installed through the site's lock
data, as `pyodide.loadPackage` would) and its bridge.py under Node, on every case the native tests use (`tests/cases.py`), and
compares each reply with CPython's `calculators.run()`: numbers within 1e-9, everything else equal. The
display text and `data-value` strings are compared too, since the page shows them as they come.
"""

from __future__ import annotations

import json
import math
import shutil
import subprocess
from pathlib import Path

import pytest

import calculators
from macros import bridge
from tests.cases import PARITY_CASES

pytestmark = pytest.mark.pyodide

RUNNER = Path(__file__).with_name("pyodide_runner.mjs")
TOLERANCE = 1e-9


def run_in_pyodide(site: Path, cases: list[dict], timeout_s: float = 300) -> dict:
    """One Node run of the site's Pyodide over `cases`: `{"python": ..., "bootMs": ..., "replies": [...]}`."""
    node = shutil.which("node")
    assert node, "Node is needed to run the site's Pyodide (make setup installs it in CI)"
    done = subprocess.run(
        [node, str(RUNNER), str(site)],
        input=json.dumps(cases, allow_nan=False),
        capture_output=True,
        text=True,
        timeout=timeout_s,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def pyodide_run(built_site: Path) -> dict:
    """One Pyodide boot for all cases."""
    return run_in_pyodide(built_site, [{"name": name, "inputs": inputs} for name, inputs in PARITY_CASES])


def test_pyodide_runs_the_sites_wheel(pyodide_run: dict) -> None:
    """The calculators come from the wheel installed into Pyodide's site-packages, not from the source tree."""
    assert "site-packages/calculators/__init__.py" in pyodide_run["python"]
    assert len(pyodide_run["replies"]) == len(PARITY_CASES)
    print(f"\nPyodide boot under Node with the calculators wheel: {pyodide_run['bootMs']:.0f} ms")


def test_cases_cover_every_calculator_valid_and_invalid() -> None:
    assert {name for name, _ in PARITY_CASES} == set(calculators.names())
    outcomes = {calculators.run(name, inputs)["ok"] for name, inputs in PARITY_CASES}
    assert outcomes == {True, False}


@pytest.mark.parametrize(
    "index", range(len(PARITY_CASES)), ids=[f"{i}-{name}" for i, (name, _) in enumerate(PARITY_CASES)]
)
def test_same_answer_as_cpython(pyodide_run: dict, index: int) -> None:
    name, inputs = PARITY_CASES[index]
    in_pyodide = dict(pyodide_run["replies"][index])
    assert in_pyodide.pop("id") == index
    native = json.loads(json.dumps(bridge.reply(name, inputs)))
    assert_close(in_pyodide, native)
    plain = {key: in_pyodide[key] for key in ("ok", "result", "errors") if key in in_pyodide}
    assert_close(plain, json.loads(json.dumps(calculators.run(name, inputs))))


def assert_close(actual: object, expected: object, where: str = "reply") -> None:
    """Equal, except that floats may differ by 1e-9 (relative, or absolute near zero)."""
    if isinstance(expected, float) or isinstance(actual, float):
        assert isinstance(actual, int | float) and isinstance(expected, int | float), where
        assert math.isclose(actual, expected, rel_tol=TOLERANCE, abs_tol=TOLERANCE), (where, actual, expected)
    elif isinstance(expected, dict):
        assert isinstance(actual, dict) and actual.keys() == expected.keys(), (where, actual, expected)
        for key in expected:
            assert_close(actual[key], expected[key], f"{where}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list) and len(actual) == len(expected), (where, actual, expected)
        for i, (a, e) in enumerate(zip(actual, expected, strict=True)):
            assert_close(a, e, f"{where}[{i}]")
    else:
        assert actual == expected, (where, actual, expected)
