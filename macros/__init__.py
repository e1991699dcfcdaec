"""mkdocs-macros module: the `calculator()` and `calculator_table()` macros and the build-time assets hook.

Thin on purpose: the HTML comes from `render`, the numbers from `calculators` (through `bridge`), and the
files the browser needs (Pyodide, the calculators wheel, the runtime) from `assets`.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import calculators

from . import assets, bridge, render

PROJECT_DIR = Path(__file__).resolve().parents[1]  # where pyproject.toml, calculators/ and node_modules/ are
_instances: Counter[str] = Counter()  # widgets rendered so far on the current page, by calculator name


def define_env(env) -> None:
    """Register the macros (mkdocs-macros calls this once per build)."""
    env.macro(calculator)
    env.macro(calculator_table)
    env.macro(calculator_sources)


def on_pre_page_macros(env) -> None:
    """Each page numbers its widgets from 1, so ids and URL parameters are stable from build to build."""
    _instances.clear()


def on_post_build(env) -> None:
    """Copy Pyodide's core files, the freshly built wheel, its lock file and the runtime into the site."""
    assets.install(PROJECT_DIR, Path(env.conf["site_dir"]))


def calculator(name: str) -> str:
    """The widget for calculator `name`, with its default answer computed now, natively."""
    schema = calculators.schema(name)
    defaults = {
        field["key"]: field["default"] for field in schema["inputs"] if field.get("default") is not None
    }
    answer = bridge.reply(name, defaults)
    if not answer["ok"]:
        raise ValueError(f"calculator {name!r}: its defaults are not valid input: {answer['errors']}")
    _instances[name] += 1
    count = _instances[name]
    namespace = name if count == 1 else f"{name}-{count}"
    return render.calculator_html(schema, answer, dom_id=f"lw-{namespace}", namespace=namespace)


def calculator_table(name: str) -> str:
    """The docs table of a calculator's inputs and outputs, from its schema."""
    return render.fields_table_html(calculators.schema(name))


def calculator_sources(name: str) -> str:
    """The calculator's citations as a Markdown list, from the same `Source` objects its results cite."""
    return render.sources_markdown(calculators.schema(name))
