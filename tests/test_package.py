"""The calculators package's house rules: no import cycle, calculators found by themselves, declarations checked
when a calculator is made, and every citation in one registry that is cited and exists."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import pytest
from mkdocs.exceptions import PluginError

import calculators
import macros
from calculators.calculator import Calculator
from calculators.catalog import catalogue
from calculators.fields import Output, Quantity
from calculators.result import Result
from calculators.sources import SOURCES
from macros import guideline_notes, red_flags

REPO_ROOT = Path(__file__).resolve().parents[1]
PACKAGE = REPO_ROOT / "calculators"


def _imports(path: Path) -> set[str]:
    """The sibling modules a module imports at its top level or anywhere in it (`from .x import`, `from . import x`)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                names.add(node.module.split(".")[0])
            else:
                names.update(alias.name for alias in node.names if (PACKAGE / f"{alias.name}.py").exists())
                names.add("__init__")
        elif isinstance(node, ast.ImportFrom | ast.Import):
            module = node.module if isinstance(node, ast.ImportFrom) else None
            for name in [module] if module else [alias.name for alias in node.names]:
                if name and name.startswith("calculators"):
                    parts = name.split(".")
                    names.add(parts[1] if len(parts) > 1 else "__init__")
    return names


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle in `graph` as a path, or None (depth-first search with a stack of the open path)."""
    state: dict[str, str] = {}

    def visit(node: str, path: list[str]) -> list[str] | None:
        state[node] = "open"
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                return [*path[path.index(nxt) :], nxt] if nxt in path else [node, nxt]
            if nxt not in state and (found := visit(nxt, [*path, nxt])):
                return found
        state[node] = "done"
        return None

    for start in sorted(graph):
        if start not in state and (found := visit(start, [start])):
            return found
    return None


def test_no_import_cycle_in_the_package() -> None:
    graph = {path.stem: _imports(path) - {path.stem} for path in PACKAGE.glob("*.py")}
    assert _cycle(graph) is None, " → ".join(_cycle(graph) or [])


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_no_calculator_imports_another() -> None:
    modules = {calculator.formula.__module__.rsplit(".", 1)[1] for calculator in catalogue().values()}
    for module in modules:
        assert not (_imports(PACKAGE / f"{module}.py") & (modules - {module})), module


def _defines_calculator(path: Path) -> bool:
    """A module-level `CALCULATOR = ...` assignment (read from the syntax tree, not from text in strings)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return any(
        isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "CALCULATOR" for t in node.targets)
        for node in tree.body
    )


def test_every_calculator_module_is_found_without_a_list() -> None:
    defining = {path.stem for path in PACKAGE.glob("*.py") if _defines_calculator(path)}
    assert {
        calculator.formula.__module__.rsplit(".", 1)[1] for calculator in catalogue().values()
    } == defining
    orders = [calculator.order for calculator in catalogue().values()]
    assert orders == sorted(orders)


def _calculator_with(field_key: str, field: Quantity) -> Calculator:
    inputs = dataclass(frozen=True, kw_only=True)(
        type("Inputs", (), {"__annotations__": {field_key: Annotated[float, field]}})
    )
    return Calculator(
        name="probe",
        title="Probe",
        summary="A calculator made only to test declarations.",
        order=999,
        inputs=inputs,
        outputs=(Output(key="x", label="X"),),
        sources=(),
        formula=lambda _inputs: Result(),
    )


def test_a_unit_not_in_units_fails_when_the_calculator_is_made() -> None:
    field = Quantity(unit="reps", label="Repetitions", help="How many.", min=0, max=100, step=1)
    with pytest.raises(TypeError, match=r"field 'count_reps' uses the unit 'reps'.*calculators/units.py"):
        _calculator_with("count_reps", field)


def test_a_key_that_does_not_end_in_its_unit_fails_when_the_calculator_is_made() -> None:
    field = Quantity(unit="kg", label="Weight", help="Body weight.", min=1, max=300, step=0.1)
    with pytest.raises(TypeError, match=r"field 'weight' .* must end in '_kg'"):
        _calculator_with("weight", field)
    assert _calculator_with("weight_kg", field).fields["weight_kg"] is field


def _cited_in_docs() -> set[str]:
    pattern = re.compile(r"\{\{\s*(?:cite|source_list)\(([^)]*)\)\s*\}\}")
    ids = set()
    for page in (REPO_ROOT / "docs").rglob("*.md"):
        for arguments in pattern.findall(page.read_text(encoding="utf-8")):
            ids.update(re.findall(r'"([^"]+)"', arguments))
    ids.update(source.id for source in red_flags.cited_sources(REPO_ROOT / "docs"))  # cited by id in YAML
    ids.update(guideline_notes.cited_ids(REPO_ROOT / "docs"))
    return ids


def test_every_source_id_cited_in_docs_exists() -> None:
    cited = _cited_in_docs()
    assert cited, "the docs cite through {{ cite(...) }}"
    assert cited <= set(SOURCES), sorted(cited - set(SOURCES))


def test_every_source_is_cited_somewhere() -> None:
    by_calculators = {
        source["id"] for name in calculators.names() for source in calculators.schema(name)["sources"]
    }
    assert set(SOURCES) - by_calculators - _cited_in_docs() == set()


def test_no_citation_text_is_typed_in_docs() -> None:
    footnote_definition = re.compile(r"^\[\^[^\]]+\]:", re.M)
    for page in (REPO_ROOT / "docs").rglob("*.md"):
        assert not footnote_definition.search(page.read_text(encoding="utf-8")), page


def test_citing_an_unknown_source_stops_the_build_naming_the_page() -> None:
    macros._Page.src_uri = "water-loss.md"
    with pytest.raises(PluginError, match=r"water-loss.md: cite\('nobody1999'\): no such source"):
        macros.cite("nobody1999")
