"""The trimmed, precompiled standard library (macros/stdlib.py) as shipped: it holds what the site's Python needs.

Runs Pyodide under Node with exactly the built site's files (`tests/shipped_runner.mjs`: site/pyodide/, the
trimmed zip, the wheel of .pyc, shipped.mjs's lock data, bridge.py, the worker's python-start.mjs) and no
fallback, over every reference case, every hostile entry the browser test types and the fuzz corpus, each in both
unit systems, and the unit conversions: no module may be missing and every reply must equal CPython's, from a
freshly started Python and from one restored from the build's snapshot of it (macros/snapshot.py) with the
empty standard library the worker gives it. Then the watch the worker relies on to fall back: a zip that lacks a
module a calculator imports, or a restored Python asked for a module the trimmed zip left out, must be caught,
naming the module.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

import calculators
from macros import assets, bridge, stdlib
from tests.cases import PARITY_CASES
from tests.test_fuzz_boundary import draw_cases, numeric_data
from tests.test_pyodide_parity import assert_close

pytestmark = pytest.mark.pyodide

RUNNER = Path(__file__).with_name("shipped_runner.mjs")
# The entries tests/browser/test_hostile_input.py types into every typed field (kept in step by a test below).
HOSTILE = [
    "",
    "-1",
    "0",
    "1e309",
    "abc",
    "9" * 10_000,
    "72,5",
    "  70  ",
    ("Weight 72,5 kg; drank 500 ml. " * 400),
]


def run_shipped(
    site: Path,
    messages: list[dict],
    stdlib_name: str | None = None,
    *,
    snapshot: bool = False,
    extra: list[str] | None = None,
) -> dict:
    node = shutil.which("node")
    assert node, "Node is needed to run the site's Pyodide"
    command = [node, str(RUNNER), str(site), *([stdlib_name] if stdlib_name else [])]
    command += (["--snapshot"] if snapshot else []) + (extra or [])
    done = subprocess.run(
        command, input=json.dumps(messages), capture_output=True, text=True, timeout=600, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


def hostile_runs() -> list[tuple[str, dict]]:
    """Each calculator's defaults with one typed field replaced by each hostile entry (a series: its first day)."""
    runs = []
    for name in calculators.names():
        fields = calculators.schema(name)["inputs"]
        base = {f["key"]: f["default"] for f in fields if f.get("default") is not None}
        for field in (f for f in fields if f["kind"] in ("number", "series")):
            for text in HOSTILE:
                if field["kind"] == "series":
                    rest = ", ".join(f"{v:g}" for v in field["default"][1:])
                    text = f"{text}, {rest}"
                runs.append((name, {**base, field["key"]: text}))
    return runs


def all_messages() -> list[dict]:
    runs = [*PARITY_CASES, *hostile_runs(), *((c["name"], c["inputs"]) for c in draw_cases())]
    return [
        {"type": "run", "name": name, "inputs": inputs, "system": system}
        for name, inputs in runs
        for system in ("metric", "imperial")
    ]


@pytest.fixture(scope="module")
def messages() -> list[dict]:
    return all_messages()


@pytest.fixture(scope="module")
def shipped_run(built_site: Path, messages: list[dict]) -> dict:
    return run_shipped(built_site, messages)


def test_the_site_boots_from_the_trimmed_zip_with_nothing_missing(
    shipped_run: dict, built_site: Path
) -> None:
    assert shipped_run["stdlib"] == assets.TRIMMED_STDLIB
    assert shipped_run["error"] is None
    assert shipped_run["missed"] == []
    wheel = next((built_site / assets.PYODIDE_DIR).glob("*.whl")).name
    assert shipped_run["python"].endswith(
        f"{wheel}/calculators/__init__.pyc"
    )  # imported from the wheel itself
    print(f"\nPyodide boot under Node from the trimmed zip: {shipped_run['bootMs']:.0f} ms")


def test_every_case_hostile_entry_and_fuzz_input_answers_as_in_cpython(
    shipped_run: dict, messages: list[dict]
) -> None:
    assert_answers_as_cpython(shipped_run["replies"], messages)


@pytest.fixture(scope="module")
def restored_run(built_site: Path, messages: list[dict]) -> dict:
    return run_shipped(built_site, messages, snapshot=True)


def test_a_python_restored_from_the_shipped_snapshot_answers_as_in_cpython(
    restored_run: dict, messages: list[dict]
) -> None:
    """Every visit's Python: restored from the build's snapshot with an empty standard library zip, it answers
    everything from the modules in its memory, with nothing missing."""
    assert (
        restored_run["boot"] == "snapshot" and restored_run["error"] is None and restored_run["missed"] == []
    )
    assert_answers_as_cpython(restored_run["replies"], messages)
    print(f"\nPyodide restored from the shipped snapshot under Node: {restored_run['bootMs']:.0f} ms")


def test_each_restored_python_draws_its_own_random_numbers(built_site: Path, restored_run: dict) -> None:
    """The snapshot froze the generator's state; the worker reseeds it, so two visits never share a sequence."""
    again = run_shipped(built_site, [], snapshot=True)
    assert isinstance(again["random"], float) and again["random"] != restored_run["random"]


def test_a_restored_python_asked_for_a_left_out_module_names_it(built_site: Path) -> None:
    """The restored Python reads no zip: a module the trimmed zip left out (here `wave`) must still be caught by
    the watch, so that the worker falls back to the stock library instead of answering an error."""
    with zipfile.ZipFile(built_site / assets.PYODIDE_DIR / assets.TRIMMED_STDLIB) as archive:
        assert "wave" in archive.read(stdlib.LEFT_OUT_NAME).decode().split()
    done = run_shipped(built_site, [], snapshot=True, extra=["--try-import=wave"])
    assert done["error"] is None and done["missed"] == ["wave"]
    kept = run_shipped(built_site, [], snapshot=True, extra=["--try-import=statistics"])
    assert kept["error"] is None and kept["missed"] == []  # in the trimmed zip, so in the snapshot's memory


def assert_answers_as_cpython(replies: list[dict], messages: list[dict]) -> None:
    assert len(replies) == len(messages) > 2000
    for index, (message, reply) in enumerate(zip(messages, replies, strict=True)):
        native = json.loads(bridge.handle(json.dumps({**message, "id": index})))
        generic = {"message"}  # bridge.handle's catch-all: a missing module would land here
        assert reply["ok"] or set(reply["errors"]) != generic, (message, reply)
        assert_close(
            numeric_data(reply), numeric_data(native), f"message {index} {json.dumps(message)[:200]}"
        )


def test_the_hostile_entries_are_the_browser_tests(messages: list[dict]) -> None:
    from tests.browser.test_hostile_input import HOSTILE as BROWSER_HOSTILE

    typed = set(HOSTILE)
    for text in BROWSER_HOSTILE.values():
        assert text in typed or len(text) == 10_000, text  # the pasted texts: ours is longer still


def test_the_zip_holds_only_precompiled_modules_and_is_smaller_than_stock(built_site: Path) -> None:
    trimmed = built_site / "pyodide" / assets.TRIMMED_STDLIB
    stock = built_site / "pyodide" / assets.STOCK_STDLIB
    with zipfile.ZipFile(trimmed) as archive:
        names = archive.namelist()
        left_out = set(archive.read(stdlib.LEFT_OUT_NAME).decode().split())
        magic = {archive.read(name)[:4] for name in names if name.endswith(".pyc")}
    assert set(names) - {stdlib.LEFT_OUT_NAME} == {n for n in names if n.endswith(".pyc")}
    with zipfile.ZipFile(built_site / "pyodide" / "legwork_calculators-0.1.0-py3-none-any.whl") as wheel:
        assert magic == {wheel.read("calculators/__init__.pyc")[:4]}  # one Pyodide made both
    kept = {stdlib.module_name(name[:-1]) for name in names if name.endswith(".pyc")}
    assert kept | left_out == set(stdlib.module_names(stock)) and not kept & left_out
    assert {"json", "statistics", "dataclasses", "html", "re"} <= kept
    gz = trimmed.with_name(trimmed.name + ".gz")
    assert gz.is_file() and gz.stat().st_size < stock.stat().st_size


def without_module(site: Path, module: str, target: Path) -> str:
    """A copy of the shipped zip with `module` taken out and named as left out, as if the trace missed it."""
    source = site / "pyodide" / assets.TRIMMED_STDLIB
    name = "python_stdlib_missing.zip"
    with zipfile.ZipFile(source) as old:
        assert {f"{module}.pyc", f"{module}/__init__.pyc"} & set(old.namelist()), module
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target / name, "w") as new:
        for info in old.infolist():
            if info.filename == f"{module}.pyc" or info.filename.startswith(f"{module}/"):
                continue  # a package goes whole, as the build would leave it out
            data = old.read(info)
            if info.filename == stdlib.LEFT_OUT_NAME:
                data += f"{module}\n".encode()
            new.writestr(info, data)
    return name


def test_a_left_out_module_is_caught_and_named(built_site: Path, tmp_path: Path) -> None:
    site = Path(shutil.copytree(built_site, tmp_path / "site"))
    name = without_module(site, "statistics", site / "pyodide")
    load = {"type": "run", "name": "training_load", "inputs": {}}
    defaults = {
        f["key"]: f["default"] for f in calculators.schema("training_load")["inputs"] if "default" in f
    }
    done = run_shipped(site, [{**load, "inputs": defaults}], name)
    assert done["missed"] == ["statistics"]
    assert done["replies"][0]["errors"] == {"message": "Could not handle the request (ModuleNotFoundError)."}
