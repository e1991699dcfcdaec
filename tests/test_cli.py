"""The CLI lists, explains and computes from the schema; bad input exits 2 with one line per field."""

from __future__ import annotations

import json
import subprocess
import sys

from calculators import compute

ISSUE_EXAMPLE = [
    "energy",
    "sex=female",
    "age_years=35",
    "height_cm=64in",
    "weight_kg=140lb",
    "activity=light",
    "goal_lb_per_week=-1",
]


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "calculators", *args], capture_output=True, text=True, check=False
    )


def test_lists_calculators() -> None:
    done = cli()
    assert done.returncode == 0
    for name in ("energy", "hydration", "fueling", "electrolytes", "training_load"):
        assert name in done.stdout


def test_help_lists_fields_from_schema() -> None:
    done = cli("energy", "--help")
    assert done.returncode == 0
    for text in ("age_years", "Body weight", "units kg, lb", "sedentary, light, moderate", "30–300 kg"):
        assert text in done.stdout


def test_table_output() -> None:
    done = cli(*ISSUE_EXAMPLE)
    assert done.returncode == 0, done.stderr
    assert "Resting energy (BMR)" in done.stdout and "1,315 kcal/day" in done.stdout
    assert "Daily calorie target: 1,308 kcal/day" in done.stdout.splitlines()[2], "the headline comes first"
    assert "BMR = 10 × 63.5 kg + 6.25 × 162.6 cm − 5 × 35 − 161 = 1,315 kcal" in done.stdout


def test_json_output_is_compute() -> None:
    done = cli(*ISSUE_EXAMPLE, "--json")
    assert done.returncode == 0
    inputs = dict(arg.split("=", 1) for arg in ISSUE_EXAMPLE[1:])
    assert json.loads(done.stdout) == compute("energy", inputs)


def test_bad_input_exits_2_with_one_line_per_field() -> None:
    done = cli(
        "energy",
        "sex=x",
        "age_years=abc",
        "height_cm=64in",
        "weight_kg=140lb",
        "activity=light",
        "goal_lb_per_week=9",
    )
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("error: sex: ")
    assert "Traceback" not in done.stderr
    assert cli("nope").returncode == 2
    assert cli("energy", "oops").returncode == 2
