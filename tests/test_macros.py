"""The build-time half of the widgets, natively: the HTML the macros render and the files the build ships.

The rendered answer must be `calculators.compute()`'s own (the macros never do maths), the markup must carry
the hooks the runtime and the browser tests rely on, and the site must hold exactly the Pyodide files the
browser loads plus a wheel built from the current source, listed with its sha256 in the site's lock file.
"""

from __future__ import annotations

import _imp
import hashlib
import json
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

import calculators
import macros
from macros import assets, bridge, render, snapshot
from views.answer_html import data_value

REPO_ROOT = Path(__file__).resolve().parents[1]


class Elements(HTMLParser):
    """Every start tag with its attributes, in document order."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, dict(attrs)))

    def find(self, tag: str | None = None, **wanted: str) -> list[dict[str, str | None]]:
        return [
            attrs
            for name, attrs in self.tags
            if (tag is None or name == tag)
            and all(attrs.get(k.replace("_", "-")) == v for k, v in wanted.items())
        ]


def defaults(name: str) -> dict:
    return {
        f["key"]: f["default"] for f in calculators.schema(name)["inputs"] if f.get("default") is not None
    }


@pytest.fixture(autouse=True)
def fresh_page() -> None:
    macros.on_pre_page_macros(None)


@pytest.mark.parametrize("name", calculators.names())
def test_widget_shows_the_native_default_answer(name: str) -> None:
    html = macros.calculator(name)
    elements = Elements(html)
    (root,) = elements.find("div", data_calculator=name)
    assert root["data-state"] == "static" and root["data-instance"] == name
    native = calculators.compute(name, defaults(name))
    shown = [attrs["data-output"].split() for attrs in elements.find("output")]
    applying = {key for key, value in native["values"].items() if value is not None}
    assert {key for keys in shown for key in keys} == applying, "every output that applies is shown, no other"
    for attrs in elements.find("output"):
        if "data-value" in attrs:
            value = native["values"][attrs["data-output"]]
            assert attrs["data-value"] == data_value(value)
            if isinstance(value, float):
                assert float(attrs["data-value"]) == value
    for step in native["steps"]:
        assert render._t(step) in html
    assert "\n\n" not in html, "a blank line would end Markdown's raw HTML block"
    assert "<noscript>" in html and "How this was calculated" in html and "<details" in html


@pytest.mark.parametrize("name", calculators.names())
def test_every_input_has_a_named_labelled_described_control(name: str) -> None:
    html = macros.calculator(name)
    elements = Elements(html)
    labelled = {attrs["for"] for attrs in elements.find("label") if attrs.get("for")}
    for field in calculators.schema(name)["inputs"]:
        controls = [
            a
            for tag, a in elements.tags
            if tag in ("input", "select", "textarea") and a.get("name") == field["key"]
        ]
        assert controls, field["key"]
        for control in controls:
            described = control["aria-describedby"].split()
            assert f"{root_id(name)}-{field['key']}-help" in described
            assert f"{root_id(name)}-{field['key']}-error" in described
            in_group = (
                field["kind"] == "choice" or control.get("aria-label") or control.get("type") == "checkbox"
            )
            assert in_group or control["id"] in labelled, field["key"]
        assert elements.find("p", data_error_for=field["key"])


def test_imperial_toggle_and_feet_inches_for_height() -> None:
    elements = Elements(macros.calculator("energy"))
    assert [attrs for tag, attrs in elements.tags if tag == "fieldset" and "data-unit-toggle" in attrs]
    (height,) = elements.find("input", name="height_cm")
    assert height["data-metric-unit"] == "cm" and height["data-imperial-unit"] == "ft_in"
    (feet,) = elements.find("input", name="height_cm.ft")
    (inches,) = elements.find("input", name="height_cm.in")
    cm = calculators.schema("energy")["inputs"][
        [f["key"] for f in calculators.schema("energy")["inputs"]].index("height_cm")
    ]
    entry = calculators.convert_entry(str(cm["default"]), "cm", "ft_in", cm["step"])
    assert (feet["value"], inches["value"]) == (entry["ft"], entry["in"])
    (weight,) = elements.find("input", name="weight_kg")
    assert weight["data-imperial-unit"] == "lb" and weight["data-imperial-default"]


def test_same_calculator_twice_gets_unique_ids_and_namespaces() -> None:
    first, second = macros.calculator("energy"), macros.calculator("energy")
    ids = re.findall(r'\bid="([^"]+)"', first + second)
    assert len(ids) == len(set(ids))
    assert 'data-instance="energy"' in first and 'data-instance="energy-2"' in second
    macros.on_pre_page_macros(None)
    assert macros.calculator("energy") == first, "ids restart on every page, so builds are reproducible"


def test_text_is_escaped() -> None:
    assert render._t("<b>&") == "&lt;b&gt;&amp;"
    assert render._a('"x"') == "&quot;x&quot;"


def test_calculator_table_lists_every_field_and_output() -> None:
    table = macros.calculator_table("energy")
    schema = calculators.schema("energy")
    for field in schema["inputs"]:
        assert f"<code>{field['key']}</code>" in table
    for output in schema["outputs"]:
        assert f"<code>{output['key']}</code>" in table


def test_unknown_calculator_fails_the_build_naming_the_page() -> None:
    macros._Page.src_uri = "calories.md"
    with pytest.raises(PluginError, match=r"^calories.md: Unknown calculator 'nope'\. Choose one of: energy"):
        macros.calculator("nope")


# --- the worker boundary's Python half -------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    ["", "[]", "{}", '{"type": "run"}', '{"type": "run", "name": "energy", "inputs": 5}', '{"type": "x", "id": 3}',
     '{"type": "convert", "fields": [{"key": "a", "value": "zz", "from": "kg", "to": "lb"}]}', "null"],
)  # fmt: skip
def test_bridge_answers_any_message_without_raising(message: str) -> None:
    reply = json.loads(bridge.handle(message))
    assert "ok" in reply and "id" in reply
    assert "Traceback" not in json.dumps(reply)


def test_bridge_run_is_calculators_run_plus_display() -> None:
    inputs = {**defaults("energy"), "age_years": "abc"}
    reply = json.loads(
        bridge.handle(json.dumps({"id": 7, "type": "run", "name": "energy", "inputs": inputs}))
    )
    assert reply == {"id": 7, **calculators.run("energy", inputs)}


@pytest.mark.parametrize(
    ("value", "source", "target", "step", "expected"),
    [
        ("63.5", "kg", "lb", 0.1, "140"),
        ("72,5", "kg", "lb", 0.1, "159.8"),
        ("162.56", "cm", "ft_in", 0.1, {"ft": "5", "in": "4"}),
        ({"ft": "5", "in": "4"}, "ft_in", "cm", 0.1, "162.6"),
        ("182.8", "cm", "ft_in", 0.1, {"ft": "6", "in": "0"}),
        ("abc", "kg", "lb", 0.1, None),
        ({"ft": "", "in": ""}, "ft_in", "cm", 0.1, None),
    ],
)
def test_unit_toggle_conversion(value, source, target, step, expected) -> None:
    assert calculators.convert_entry(value, source, target, step) == expected


# --- what the build ships --------------------------------------------------------------------------------


def test_site_holds_only_the_pyodide_core_and_a_fresh_wheel(built_site: Path) -> None:
    files = {path.name for path in (built_site / assets.PYODIDE_DIR).iterdir()}
    precompressed = {
        name for name in files if name.endswith((".gz", ".br")) and name.rsplit(".", 1)[0] in files
    }
    shipped = sorted(files - precompressed)
    wheel = built_site / assets.PYODIDE_DIR / "legwork_calculators-0.1.0-py3-none-any.whl"
    (made,) = [name for name in shipped if name.endswith(snapshot.SUFFIX)]
    expected = [*assets.PYODIDE_CORE, assets.TRIMMED_STDLIB, wheel.name, made, snapshot.EMPTY_STDLIB]
    assert shipped == sorted(expected)  # lock data: inline
    shipped_module = (built_site / assets.RUNTIME_DIR / assets.SHIPPED_MODULE).read_text(encoding="utf-8")
    named = json.loads(re.search(r"export const SHIPPED = (\{.*\});", shipped_module)[1])
    assert (named["snapshot"], named["empty"]) == (made, snapshot.EMPTY_STDLIB)
    assert not list(built_site.rglob("console*.html")) and not list(built_site.rglob("*.d.ts"))
    for name in assets.PYODIDE_CORE:
        npm_copy = REPO_ROOT / "node_modules" / "pyodide" / name
        assert (built_site / assets.PYODIDE_DIR / name).read_bytes() == npm_copy.read_bytes()
    with zipfile.ZipFile(wheel) as archive:
        packaged = {n: archive.read(n) for n in archive.namelist() if n.startswith("calculators/")}
    source = {
        p.relative_to(REPO_ROOT).as_posix(): p.read_bytes() for p in (REPO_ROOT / "calculators").glob("*.py")
    }
    # Modules the browser imports come precompiled (macros/stdlib.py): a sourceless .pyc whose header holds
    # the hash of the source it was compiled from, keyed by Pyodide's magic number.
    for name in [n for n in packaged if n.endswith(".pyc")]:
        pyc = packaged.pop(name)
        assert int.from_bytes(pyc[4:8], "little") == 1, name  # hash-based, unchecked
        magic = int.from_bytes(pyc[:4], "little")
        assert pyc[8:16] == _imp.source_hash(magic, source[name[:-1]]), (
            f"{name} is not from the current source"
        )
        packaged[name[:-1]] = source[name[:-1]]
    assert packaged == source, "the wheel must be built from the current source"
    assert wheel.stat().st_size < 150_000


def test_lock_file_lists_the_wheel_with_its_hash(built_site: Path) -> None:
    shipped = (built_site / assets.RUNTIME_DIR / assets.SHIPPED_MODULE).read_text(encoding="utf-8")
    lock = json.loads(re.search(r"export const SHIPPED = (\{.*\});", shipped)[1])["lock"]
    upstream = json.loads((REPO_ROOT / "node_modules" / "pyodide" / "pyodide-lock.json").read_text())
    assert lock["info"]["abi_version"] == upstream["info"]["abi_version"]
    (package,) = lock["packages"].values()
    wheel = built_site / assets.PYODIDE_DIR / package["file_name"]
    assert package["name"] == "legwork-calculators" and package["imports"] == ["calculators", "views"]
    assert package["sha256"] == hashlib.sha256(wheel.read_bytes()).hexdigest()


def test_runtime_and_bridge_are_in_the_site(built_site: Path) -> None:
    runtime = built_site / assets.RUNTIME_DIR
    for path in assets.RUNTIME_SOURCE.iterdir():
        if path.name != assets.SHIPPED_MODULE:  # written per build (tests/test_shipped_stdlib.py)
            assert (runtime / path.name).read_bytes() == path.read_bytes()
    assert (runtime / "bridge.py").read_bytes() == assets.BRIDGE_SOURCE.read_bytes()


def test_runtime_requests_nothing_outside_the_site() -> None:
    for path in assets.RUNTIME_SOURCE.glob("*.mjs"):
        assert not re.search(r"https?://", path.read_text()), path.name


def root_id(name: str) -> str:
    return f"lw-{name}"
