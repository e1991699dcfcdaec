"""Command line: list the calculators, show a calculator's fields, or compute from `key=value` pairs.

    python -m calculators
    python -m calculators energy --help
    python -m calculators energy sex=female age_years=35 height_cm=64in weight_kg=140lb activity=light \
        goal_lb_per_week=-1 [--json]

Values are passed to the calculator as typed, so units ride along (`64in`, `140lb`, `1.5h`). Bad input exits
with status 2 and one line per field.
"""

from __future__ import annotations

import json
import sys
from typing import TextIO

from . import compute, names, schema
from .answer import laid_out
from .errors import InvalidInput, UnknownCalculator
from .formatting import entry, span

USAGE = (
    "usage: python -m calculators [NAME [--help] [--json] [--imperial] key=value ...]\n"
    "       python -m calculators new NAME   (write an example calculator to start from)"
)
FLAGS = ("--json", "--imperial")


def main(argv: list[str] | None = None, out: TextIO | None = None, err: TextIO | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out, err = out or sys.stdout, err or sys.stderr
    if not args or args[0] in ("-h", "--help"):
        out.write(_listing())
        return 0
    if args[0] == "new":
        return _new(args[1:], out, err)
    name, rest = args[0], args[1:]
    try:
        description = schema(name)
    except UnknownCalculator as error:
        err.write(f"error: {error}\n")
        return 2
    if "-h" in rest or "--help" in rest:
        out.write(_field_help(description))
        return 0
    as_json = "--json" in rest
    system = "imperial" if "--imperial" in rest else "metric"
    inputs, problems = _parse_pairs([arg for arg in rest if arg not in FLAGS])
    if problems:
        err.writelines(f"error: {problem}\n" for problem in problems)
        return 2
    try:
        result = compute(name, inputs, system)
    except InvalidInput as error:
        err.writelines(f"error: {key}: {message}\n" for key, message in error.errors.items())
        return 2
    out.write(
        json.dumps(result, indent=2, ensure_ascii=False) + "\n"
        if as_json
        else _table(description, result, system)
    )
    return 0


def _new(args: list[str], out: TextIO, err: TextIO) -> int:
    """`new NAME`: write a working example calculator, its tests, reference cases and page (see `scaffold`)."""
    from .scaffold import new

    if len(args) != 1:
        err.write("usage: python -m calculators new NAME\n")
        return 2
    try:
        written = new(args[0])
    except ValueError as error:
        err.write(f"error: {error}\n")
        return 2
    out.writelines(f"wrote {path}\n" for path in written)
    out.write("Next: replace every REPLACE in those files, then run `make build` and `make test`.\n")
    return 0


def _parse_pairs(pairs: list[str]) -> tuple[dict[str, str], list[str]]:
    inputs: dict[str, str] = {}
    problems = []
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            problems.append(f"{pair!r} is not key=value ({USAGE})")
        else:
            inputs[key.strip()] = value
    return inputs, problems


def _listing() -> str:
    lines = ["Calculators (python -m calculators NAME --help for the fields):", ""]
    lines += [f"  {name:<15} {schema(name)['title']}" for name in names()]
    return "\n".join([*lines, "", USAGE, ""])


def _field_help(description: dict) -> str:
    lines = [f"{description['title']}: {description['summary']}", "", "Fields (key=value):"]
    for field in description["inputs"]:
        lines.append(f"  {field['key']}  {field['label']}{'' if field['required'] else ' (optional)'}")
        lines.append(f"      {field['help']}")
        details = []
        if "options" in field:
            details.append("one of " + ", ".join(_plain(option["value"]) for option in field["options"]))
        if "unit" in field:
            symbols = [description["units"][unit]["symbol"] for unit in field["units"]]
            details.append(span((field["min"], field["max"]), symbols[0], 3))
            if len(symbols) > 1:
                details.append("units " + ", ".join(field["units"]))
        if field["kind"] == "series":
            details.append(f"{field['min_length']} to {field['max_length']} values, comma-separated")
        if field["default"] is not None:
            details.append("default " + _plain(field["default"]))
        lines.append("      " + "; ".join(details))
    return "\n".join([*lines, ""])


def _table(description: dict, result: dict, system: str) -> str:
    """The answer as the page lays it out: the headline first, then each group; ranges as one phrase."""
    layout = laid_out(description, result["values"], system)
    rows = [row for group in layout["groups"] for row in group["rows"]]
    width = (
        max(
            [len(row["label"]) for row in rows]
            + [len(side["label"]) + 2 for row in rows for side in row.get("sides", [])]
            + [0]
        )
        + 2
    )
    lines = [description["title"], ""]
    headline = layout["headline"]
    if headline:
        lines.append(f"  {headline['label']}: {headline['text']}".rstrip())
        lines += [f"    {side['label']}: {side['text']}" for side in headline.get("sides", [])]
        lines.append("")
    for group in layout["groups"]:
        if group["label"]:
            lines.append(f"  {group['label']}")
        for row in group["rows"]:
            lines.append(f"  {row['label']:<{width}}{row['text']}".rstrip())
            lines += [f"    {side['label']:<{width - 2}}{side['text']}" for side in row.get("sides", [])]
    lines += [f"  ({hint})" for hint in layout["hints"]]
    if result["warnings"]:
        lines += ["", "Warnings:"]
        lines += [f"  ! {warning['message']} [{warning['code']}]" for warning in result["warnings"]]
    lines += ["", "How this was calculated:"]
    lines += [f"  {index}. {step}" for index, step in enumerate(result["steps"], start=1)]
    lines += ["", "Sources:"]
    lines += [f"  - {source['citation']}" for source in result["sources"]]
    return "\n".join([*lines, ""])


def _plain(value: object) -> str:
    """A value as the reader types it back on the command line."""
    if isinstance(value, list):
        return ",".join(_plain(item) for item in value)
    return entry(value) if isinstance(value, int | float) and not isinstance(value, bool) else str(value)
