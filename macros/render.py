"""HTML for a calculator widget and its docs table, built from `calculators.schema()` and the default result.

Everything the reader needs is in the HTML before any script runs: the form with the default entries, the
default answer (computed natively by `bridge.reply`, never here), the steps and the sources. The runtime only
swaps text and attributes in this markup, so its hooks are data attributes: `data-calculator`, `data-state`,
`data-field`, `data-output`, `data-value`, `data-error-for`, `data-steps`, `data-status`, `data-announce`
(`macros/runtime/hooks.mjs` lists every one; the training-load grid's are `data-series-grid`, `data-series-day`
and the session builder's).
Output has no blank lines, so Markdown passes it through as one raw HTML block.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

import calculators
from calculators.formatting import entry, span

NOSCRIPT_NOTE = (
    "This answer is for the default values. To calculate with your own numbers, turn on JavaScript: "
    "the calculation then runs in your browser, and nothing you type leaves it."
)
STATIC_STATUS = "Answer for the default values."
STALE_NOTE = (
    "Out of date: this answer is for your last valid entries. Fix the entry marked above to update it."
)
NOT_GIVEN = "Not given"
REST_DAY = "0"  # what an empty day of the grid stands for: Python refuses an empty value, so a rest day is 0
GRID_NOTE = (
    "Week {weeks} is the last {days} days, day {days} the latest. Type each day's load, or its sessions as RPE x "
    "minutes (6x45+4x30). Leave a rest day empty. Empty days before your first entry are not counted, so a week "
    "or two of loads is enough."
)
PASTE_SUMMARY = "Paste a series as text"
PASTE_LABEL = "All days, oldest first: 7 to 28 loads separated by commas, spaces or new lines"
SESSION_LEGEND = "Add a session to a day"
SESSION_BUTTON = "Add session"
SESSION_HELP = "Writes the session into the day's box as RPE x minutes (6x45); the calculator does the sums."
SESSION_RPE_SHOWN = 5  # the effort the session builder starts at
RADIO_LIMIT = 3  # more options than this, or long labels, read better as a drop-down list
RADIO_LABEL_LIMIT = 16


def calculator_html(schema: dict, answer: dict, dom_id: str, namespace: str, system: str = "metric") -> str:
    """The whole widget: form, default answer (as `bridge.reply` wrote it), steps, sources, status line and
    live region."""
    imperial = calculators.imperial_defaults(schema)
    toggle = _unit_toggle(dom_id, system) if imperial else ""
    fields = "".join(
        _field(schema, field, dom_id, imperial.get(field["key"]), system) for field in schema["inputs"]
    )
    return "".join(
        [
            f'<div class="lw-calculator" id="{dom_id}" data-calculator="{_a(schema["name"])}"'
            f' data-instance="{_a(namespace)}" data-state="static" data-units="{_a(system)}">',
            f'<form class="lw-form" id="{dom_id}-form" novalidate autocomplete="off">',
            f'<fieldset class="lw-inputs"><legend class="lw-title" id="{dom_id}-title">{_t(schema["title"])}</legend>',
            toggle,
            f'<div class="lw-fields">{fields}</div>',
            "</fieldset></form>",
            # Named "Result" and the calculator's title, so several on one page (an article's print page) differ.
            f'<section class="lw-results" aria-labelledby="{dom_id}-results-title {dom_id}-title">'
            f'<p class="lw-results-title" id="{dom_id}-results-title">Result</p>'
            f'<p class="lw-stale-note" data-stale-note hidden>{_t(STALE_NOTE)}</p>'
            f'<div class="lw-answer" data-results>{answer["html"]["results"]}</div>'
            f'<div class="lw-charts" data-chart>{answer["html"]["chart"]}</div></section>',
            '<details class="lw-details"><summary>How this was calculated</summary>'
            f'<div class="lw-details-body" data-details>{answer["html"]["details"]}</div></details>',
            '<div class="lw-toolbar" data-toolbar hidden>'
            '<button type="button" class="lw-button" data-copy-link>Copy link</button>'
            '<button type="button" class="lw-button" data-print>Print</button></div>',
            f'<p class="lw-status" id="{dom_id}-status" data-status>{_t(STATIC_STATUS)}</p>',
            '<div class="lw-sr" role="status" aria-live="polite" data-announce></div>',
            f'<noscript><p class="lw-note">{_t(NOSCRIPT_NOTE)}</p></noscript>',
            "</div>",
        ]
    )


# Material styles unclassed tables and scrolls them inside these wrappers, as it does for Markdown tables.
_TABLE_OPEN = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table>'
_TABLE_CLOSE = "</table></div></div>"


def fields_table_html(schema: dict) -> str:
    """The docs tables, by label: each input with its unit(s), range or options, default and help, then each
    result with its unit and meaning. The code key is only in the last column, "CLI key", which the caption marks
    as being for `python -m calculators` (its `key=value` entries and the keys of its `--json` output)."""
    rows = []
    for field in schema["inputs"]:
        units = ", ".join(_symbol(schema, unit) for unit in field.get("units", []))
        bounds = (
            span((field["min"], field["max"]), _symbol(schema, field["unit"]), 3) if "min" in field else ""
        )
        if field["kind"] == "series":
            bounds += f" ({field['min_length']}–{field['max_length']} values)"
        if "options" in field:
            bounds = ", ".join(option["label"] for option in field["options"])
        rows.append(
            f'<tr><th scope="row">{_t(field["label"])}</th><td>{_t(units)}</td><td>{_t(bounds)}</td>'
            f"<td>{_t(_default_text(schema, field))}</td><td>{_t(field['help'])}</td>"
            f"<td><code>{_t(field['key'])}</code></td></tr>"
        )
    outputs = "".join(
        f'<tr><th scope="row">{_t(output["label"])}</th><td>{_t(output.get("symbol") or "")}</td>'
        f"<td>{_t(output.get('help', ''))}</td><td><code>{_t(output['key'])}</code></td></tr>"
        for output in schema["outputs"]
    )
    # The calculator's name stays out of <code>: Markdown's abbreviations would mark a word up even there, as
    # these tables sit in an admonition and are parsed as inline HTML.
    return (
        f"{_TABLE_OPEN}<caption>What you enter. The last column, CLI key, is only for the command line: after "
        f"<code>python -m calculators</code> and this calculator's name, {_t(schema['name'])}, type "
        f'<code>key=value</code>.</caption><thead><tr><th scope="col">Input</th>'
        '<th scope="col">Units</th><th scope="col">Range or options</th><th scope="col">Default</th>'
        f'<th scope="col">Help</th><th scope="col">CLI key</th></tr></thead><tbody>{"".join(rows)}</tbody>'
        f"{_TABLE_CLOSE}"
        f"{_TABLE_OPEN}<caption>What you get. CLI key: the result's key when you add <code>--json</code> on the "
        "command line.</caption><thead>"
        '<tr><th scope="col">Result</th><th scope="col">Unit</th><th scope="col">Meaning</th>'
        f'<th scope="col">CLI key</th></tr></thead><tbody>{outputs}</tbody>{_TABLE_CLOSE}'
    )


def sources_markdown(sources: list[dict]) -> str:
    """One list item per source, in the site's one citation style."""
    return "\n".join(f"- {citation_markdown(source)}" for source in sources)


def citation_markdown(source: dict) -> str:
    """The citation, then its DOI or link and, for a web page, when it was read."""
    link = f" [{_t(source['url'])}]({source['url']})" if source.get("url") else ""
    accessed = f" Accessed {source['accessed']}." if source.get("accessed") else ""
    return f"{_t(source['citation'])}{link}{accessed}"


# ---------------------------------------------------------------------------------------------------------


def _unit_toggle(dom_id: str, system: str) -> str:
    options = "".join(
        f'<label class="lw-segment"><input type="radio" name="lw-unit-system" value="{value}"'
        f"{' checked' if value == system else ''}><span>{label}</span></label>"
        for value, label in (("metric", "Metric"), ("imperial", "Imperial"))
    )
    return (
        f'<fieldset class="lw-unit-toggle" id="{dom_id}-units" data-unit-toggle>'
        f'<legend class="lw-sr">Units</legend>{options}</fieldset>'
    )


def _field(schema: dict, field: dict, dom_id: str, imperial_default: Any, system: str) -> str:
    key = field["key"]
    ids = {"control": f"{dom_id}-{key}", "help": f"{dom_id}-{key}-help", "error": f"{dom_id}-{key}-error"}
    described = f'aria-describedby="{ids["help"]} {ids["error"]}"'
    renderer = _CONTROLS[field["kind"]]
    control, grouped, *after = renderer(schema, field, ids, described, imperial_default, system)
    tail = (
        f'<p class="lw-help" id="{ids["help"]}">{_t(field["help"])}</p>'
        f'<p class="lw-error" id="{ids["error"]}" data-error-for="{_a(key)}" hidden></p>{"".join(after)}'
    )
    kind = field["kind"]
    attrs = f'class="lw-field lw-{kind}" data-field="{_a(key)}" data-kind="{kind}"'
    if grouped:
        unit = (
            f' <span class="lw-unit">({_t(_symbol(schema, field["unit"]))})</span>'
            if kind == "series"
            else ""
        )
        legend = f'<legend class="lw-label">{_t(field["label"])}{unit}</legend>'
        return f"<fieldset {attrs}>{legend}{control}{tail}</fieldset>"
    return f"<div {attrs}>{control}{tail}</div>"


def _number(
    schema: dict, field: dict, ids: dict, described: str, imperial_default: Any, system: str
) -> tuple[str, bool]:
    """A number box with its unit; a field both systems know carries both units, and shows the page's system:
    in imperial, height becomes two boxes (feet, inches) and the single box is hidden and disabled."""
    key, unit = field["key"], field["unit"]
    pair = calculators.unit_pair(schema, field)
    default = "" if field.get("default") is None else entry(field["default"])
    shown_unit, shown_value = unit, default
    if pair and system == "imperial":
        shown_unit = pair[1]
        shown_value = imperial_default if isinstance(imperial_default, str) else ""
    dual = ""
    if pair:
        metric_unit, imperial_unit = pair
        dual = (
            f' data-metric-unit="{_a(metric_unit)}" data-imperial-unit="{_a(imperial_unit)}"'
            f' data-metric-symbol="{_a(_symbol(schema, metric_unit))}"'
            f' data-imperial-symbol="{_a(_symbol(schema, imperial_unit))}"'
        )
        if imperial_unit != "ft_in" and isinstance(imperial_default, str):
            dual += f' data-imperial-default="{_a(imperial_default)}"'
        elif imperial_unit != "ft_in" and field.get("default") is None:
            dual += ' data-imperial-default=""'  # an empty optional box stays empty in imperial
    split = bool(pair) and pair[1] == "ft_in"  # feet + inches: two boxes replace this one in imperial
    in_boxes = split and system == "imperial"
    label = f' aria-label="{_a(field["label"])} in {_a(_unit_label(schema, unit))}"' if split else ""
    main_unit = unit if in_boxes else shown_unit
    main = (
        f'<span class="lw-control" data-main-control{" hidden" if in_boxes else ""}><input class="lw-input"'
        f' type="text" inputmode="decimal" spellcheck="false" id="{ids["control"]}" name="{_a(key)}"'
        f' value="{_a(default if in_boxes else shown_value)}"{label}'
        f' data-default="{_a(default)}" data-unit="{_a(main_unit)}" data-canonical-unit="{_a(unit)}"'
        f' data-step="{_a(entry(field.get("step", 1)))}"{dual} {described}{" disabled" if in_boxes else ""}>'
        f'<span class="lw-unit" data-unit-symbol>{_t(_symbol(schema, main_unit))}</span></span>'
    )
    if not split:
        return f'<label class="lw-label" for="{ids["control"]}">{_t(field["label"])}</label>{main}', False
    feet_inches = imperial_default if isinstance(imperial_default, dict) else {"ft": "", "in": ""}
    boxes = "".join(
        f'<span class="lw-control"><input class="lw-input lw-short" type="text" inputmode="decimal"'
        f' spellcheck="false" id="{ids["control"]}-{part}" name="{_a(key)}.{part}" value="{_a(feet_inches[part])}"'
        f' data-default="{_a(feet_inches[part])}" aria-label="{_a(field["label"])}, {word}" {described}'
        f'{"" if in_boxes else " disabled"}><span class="lw-unit">{part}</span></span>'
        for part, word in (("ft", "feet"), ("in", "inches"))
    )
    hidden = "" if in_boxes else " hidden"
    return f'{main}<span class="lw-feet-inches" data-feet-inches{hidden}>{boxes}</span>', True


def _choice(
    schema: dict, field: dict, ids: dict, described: str, imperial_default: Any, system: str
) -> tuple[str, bool]:
    key, options = field["key"], field.get("options", [])
    if not field["required"] and field.get("default") is None:
        # An optional choice can be left unanswered, by keyboard too: its first option says so (sent as empty).
        options = [{"value": "", "label": NOT_GIVEN}, *options]
        field = {**field, "default": ""}
    if len(options) <= RADIO_LIMIT and all(len(option["label"]) <= RADIO_LABEL_LIMIT for option in options):
        radios = "".join(
            f'<label class="lw-option"><input type="radio" id="{ids["control"]}-{index}" name="{_a(key)}"'
            f' value="{_a(str(option["value"]))}" data-json="{_a(json.dumps(option["value"]))}"'
            f"{_checked(option, field)} {described}><span>{_t(option['label'])}</span></label>"
            for index, option in enumerate(options)
        )
        return f'<span class="lw-options">{radios}</span>', True
    items = "".join(
        f'<option value="{_a(str(option["value"]))}" data-json="{_a(json.dumps(option["value"]))}"'
        f"{_checked(option, field, 'selected')}>{_t(option['label'])}</option>"
        for option in options
    )
    select = (
        f'<label class="lw-label" for="{ids["control"]}">{_t(field["label"])}</label>'
        f'<span class="lw-control"><select class="lw-input" id="{ids["control"]}" name="{_a(key)}" {described}>'
        f"{items}</select></span>"
    )
    return select, False


def _flag(
    schema: dict, field: dict, ids: dict, described: str, imperial_default: Any, system: str
) -> tuple[str, bool]:
    checked = " checked" if field.get("default") else ""
    return (
        f'<label class="lw-check"><input type="checkbox" id="{ids["control"]}" name="{_a(field["key"])}"'
        f' value="true"{checked} {described}><span>{_t(field["label"])}</span></label>'
    ), False


def _series(
    schema: dict, field: dict, ids: dict, described: str, imperial_default: Any, system: str
) -> tuple[str, ...]:
    """A series of days as a grid of weeks (see `_series_grid`); any other series as one text box."""
    if field.get("week_days"):
        return _series_grid(schema, field, ids, described)
    return (
        f'<label class="lw-label" for="{ids["control"]}">{_t(field["label"])}'
        f' <span class="lw-unit">({_t(_symbol(schema, field["unit"]))})</span></label>'
        f"{_series_text(field, ids, described, rows=2)}",
        False,
    )


def _series_text(field: dict, ids: dict, described: str, rows: int) -> str:
    """The series as one text box: the field's entry itself, which the page sends to Python as typed."""
    default = series_text([entry(value) for value in field.get("default") or []], field.get("week_days", 0))
    return (
        f'<textarea class="lw-input lw-series" id="{ids["control"]}" name="{_a(field["key"])}" rows="{rows}"'
        f' spellcheck="false" data-unit="{_a(field["unit"])}" {described}>{_lines(default)}</textarea>'
    )


def _series_grid(schema: dict, field: dict, ids: dict, described: str) -> tuple[str, bool, str]:
    """Days as a grid: a row a week (oldest first), a box a day, the latest day last, each box labelled by its week
    and day. Plain inputs, so the static page shows the default series in it. The field's entry stays the text box
    below (in "Paste a series as text"): `series-grid.mjs` writes the days into it as the reader would have typed
    them, and fills the grid from whatever is pasted there, so Python alone reads, multiplies and sums. The
    session builder (hidden until the runtime can run it) appends "RPExminutes" to a day's text."""
    days, weeks = field["week_days"], field["max_length"] // field["week_days"]
    default = [entry(value) for value in field.get("default") or []]
    boxes = [""] * (days * weeks - len(default)) + default
    head = "".join(f'<th scope="col">Day {day}</th>' for day in range(1, days + 1))
    rows = []
    for week in range(1, weeks + 1):
        cells = []
        for day in range(1, days + 1):
            position = (week - 1) * days + day
            cells.append(
                f'<td><input class="lw-input lw-day" type="text" spellcheck="false"'
                f' id="{ids["control"]}-day-{position}" value="{_a(boxes[position - 1])}"'
                f' aria-label="{_a(day_name(week, day))} load" data-series-day="{position}" {described}></td>'
            )
        rows.append(f'<tr><th scope="row">{_week_label(week, weeks)}</th>{"".join(cells)}</tr>')
    grid = (
        f'<p class="lw-help">{_t(GRID_NOTE.format(weeks=weeks, days=days))}</p>'
        f'<div class="lw-grid-scroll"><table class="lw-grid" data-series-grid="{days}">'
        f'<caption class="lw-sr">{_t(field["label"])}: a row a week, a box a day</caption>'
        f"<thead><tr><td></td>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )
    paste = (
        f'<details class="lw-paste"><summary>{_t(PASTE_SUMMARY)}</summary>'
        f'<label class="lw-label" for="{ids["control"]}">{_t(PASTE_LABEL)}</label>'
        f"{_series_text(field, ids, described, rows=4)}</details>"
    )
    return grid, True, _session_builder(field, ids, weeks) + paste


def _session_builder(field: dict, ids: dict, weeks: int) -> str:
    """Pick a day, an effort and minutes; "Add session" appends "RPExminutes" to that day's box (JavaScript only
    writes the text; Python multiplies). The efforts are the first factor's scale (session RPE's CR-10 words)."""
    factors = field.get("factors") or []
    if len(factors) != 2 or not factors[0].get("scale"):
        return ""
    rating, minutes = factors
    days = field["week_days"]
    last = days * weeks
    day_options = "".join(
        f'<option value="{position}"{" selected" if position == last else ""}>'
        f"{_t(day_name((position - 1) // days + 1, (position - 1) % days + 1))}</option>"
        for position in range(1, last + 1)
    )
    rpe_options = "".join(
        f'<option value="{_a(entry(point["value"]))}"{" selected" if point["value"] == SESSION_RPE_SHOWN else ""}>'
        f"{_t(entry(point['value']))}{_t(' – ' + point['label']) if point['label'] else ''}</option>"
        for point in rating["scale"]
    )
    base = f"{ids['control']}-session"
    return (
        f'<fieldset class="lw-sessions" data-session-builder hidden>'
        f'<legend class="lw-label">{_t(SESSION_LEGEND)}</legend>'
        f'<span class="lw-session-part"><label for="{base}-day">Day</label>'
        f'<select class="lw-input" id="{base}-day" data-session-day>{day_options}</select></span>'
        f'<span class="lw-session-part"><label for="{base}-rpe">Effort (session {_t(rating["label"])})</label>'
        f'<select class="lw-input" id="{base}-rpe" data-session-rpe>{rpe_options}</select></span>'
        f'<span class="lw-session-part"><label for="{base}-minutes">{_t(minutes["label"].capitalize())}</label>'
        f'<input class="lw-input lw-short" type="text" inputmode="decimal" spellcheck="false"'
        f' id="{base}-minutes" data-session-minutes></span>'
        f'<button type="button" class="lw-button" id="{base}-add" data-add-session>{_t(SESSION_BUTTON)}</button>'
        f'<p class="lw-help">{_t(SESSION_HELP)}</p></fieldset>'
    )


def series_text(days: list[str], week_days: int) -> str:
    """A series' days as the reader would type them: days after the first one given, an empty one written as 0
    (a rest day), days joined by ", " and each week on its own line. The grid (`series-grid.mjs`) writes its text
    box the same way; days before the first one given are not sent, so a grid of four weeks holds 7 to 28."""
    first = next((index for index, day in enumerate(days) if day.strip()), len(days))
    lines: list[list[str]] = []
    for index in range(first, len(days)):
        if not lines or (week_days and index % week_days == 0):
            lines.append([])
        lines[-1].append(days[index].strip() or REST_DAY)
    return "\n".join(", ".join(line) for line in lines)


def day_name(week: int, day: int) -> str:
    """A day as the grid and Python's messages name it: "Week 2, day 3"."""
    return f"Week {week}, day {day}"


def _week_label(week: int, weeks: int) -> str:
    when = " (this week)" if week == weeks else " (oldest)" if week == 1 else ""
    return f'Week {week}<span class="lw-week-when">{_t(when)}</span>'


_CONTROLS = {"number": _number, "choice": _choice, "boolean": _flag, "series": _series}


def _checked(option: dict, field: dict, word: str = "checked") -> str:
    return f" {word}" if option["value"] == field.get("default") else ""


def _default_text(schema: dict, field: dict) -> str:
    default = field.get("default")
    if default is None:
        return "—"
    if field["kind"] == "boolean":
        return "Yes" if default else "No"
    if field["kind"] == "series":
        return ", ".join(entry(value) for value in default)
    if field["kind"] == "choice":
        labels = {json.dumps(option["value"]): option["label"] for option in field.get("options", [])}
        return labels.get(json.dumps(default), str(default))
    unit = f" {_symbol(schema, field['unit'])}" if field.get("unit") else ""
    return f"{entry(default)}{unit}"


def _symbol(schema: dict, unit: str) -> str:
    return schema.get("units", {}).get(unit, {}).get("symbol", unit)


def _unit_label(schema: dict, unit: str) -> str:
    return schema.get("units", {}).get(unit, {}).get("label", unit)


def _lines(text: str) -> str:
    """Text for a <textarea>, its line breaks as character references: the page's Markdown may indent every line
    of a macro's output (`| indent(4)` inside an admonition), which would otherwise reach the box's text."""
    return _t(text).replace("\n", "&#10;")


def _t(text: Any) -> str:
    return escape(str(text), quote=False)


def _a(text: Any) -> str:
    return escape(str(text), quote=True)
