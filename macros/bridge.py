"""The Python half of the worker boundary, run unchanged at build time (CPython) and in the browser (Pyodide).

The build renders the default result through `reply()` and the Web Worker answers every message through
`handle()`, so the page shows exactly the same text before and after JavaScript runs, and the JavaScript
never formats or computes a number itself. Imports only the standard library and `calculators`, because the
worker loads this file as plain source next to the calculators wheel.
"""

from __future__ import annotations

import json
from typing import Any

import calculators
import views


def handle(message_json: str) -> str:
    """One JSON request → one JSON reply; never raises, so a bad message can never show a traceback."""
    message_id = None
    try:
        message = json.loads(message_json)
        message_id = message.get("id")
        body = HANDLERS[message.get("type")](message)
        return json.dumps({"id": message_id, **body}, allow_nan=False)
    except Exception as error:  # the boundary must answer, whatever the message held
        problem = f"Could not handle the request ({type(error).__name__})."
        return json.dumps({"id": message_id, "ok": False, "errors": {"message": problem}})


def reply(name: Any, inputs: Any, system: Any = "metric") -> dict:
    """`calculators.run()`'s answer plus, when it succeeded, the answer as the page shows it in the reader's
    unit system: the results and the worked details as HTML, and each output's text (for the live region)."""
    system = "imperial" if system == "imperial" else "metric"
    answer = calculators.run(name, inputs, system)
    if answer.get("ok"):
        schema, result = calculators.schema(name), answer["result"]
        answer["html"] = {
            "results": views.results_html(schema, result, system),
            "details": views.details_html(result),
            "chart": views.charts_html(result),
        }
        answer["display"] = {
            output["key"]: calculators.value_text(output, result["values"].get(output["key"]), system)
            for output in schema["outputs"]
        }
    return answer


HANDLERS = {
    "run": lambda message: reply(message.get("name"), message.get("inputs"), message.get("system")),
    "convert": lambda message: {"ok": True, "values": convert_all(message.get("fields") or [])},
}


# ---------------------------------------------------------------------------------------------------------
# The metric/imperial toggle: the reader's current entries re-expressed in the other system's units.


def convert_all(fields: list[dict]) -> dict[str, Any]:
    """`[{"key", "value", "from", "to", "step"}]` → `{key: new value}`; unreadable entries are left out."""
    converted = {}
    for field in fields:
        value = calculators.convert_entry(
            field.get("value"), field.get("from"), field.get("to"), field.get("step")
        )
        if value is not None:
            converted[field["key"]] = value
    return converted
