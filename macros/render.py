"""HTML for a calculator widget and its docs table, built from `calculators.schema()` and the default result.

Everything the reader needs is in the HTML before any script runs: the form with the default entries, the
default answer (computed natively by `bridge.reply`, never here), the steps and the sources. The runtime only
swaps text and attributes in this markup, so its hooks are data attributes: `data-calculator`, `data-state`,
`data-field`, `data-output`, `data-value`, `data-error-for`, `data-steps`, `data-status`, `data-announce`.
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
            f'<fieldset class="lw-inputs"><legend class="lw-title">{_t(schema["title"])}</legend>',
            toggle,
            f'<div class="lw-fields">{fields}</div>',
            "</fieldset></form>",
            f'<section class="lw-results" aria-labelledby="{dom_id}-results-title">'
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
    """The docs table: one row per input with its unit(s), range, default and help, then the outputs."""
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
            f"<tr><td><code>{_t(field['key'])}</code></td><td>{_t(field['label'])}</td><td>{_t(units)}</td>"
            f"<td>{_t(bounds)}</td><td>{_t(_default_text(schema, field))}</td><td>{_t(field['help'])}</td></tr>"
        )
    outputs = "".join(
        f"<tr><td><code>{_t(output['key'])}</code></td><td>{_t(output['label'])}</td>"
        f"<td>{_t(output.get('unit', ''))}</td><td>{_t(output.get('help', ''))}</td></tr>"
        for output in schema["outputs"]
    )
    return (
        f"{_TABLE_OPEN}<thead><tr><th>Field</th><th>Input</th><th>Units</th><th>Range or options</th>"
        f"<th>Default</th><th>Help</th></tr></thead><tbody>{''.join(rows)}</tbody>{_TABLE_CLOSE}"
        f"{_TABLE_OPEN}<thead><tr><th>Result</th><th>Output</th><th>Unit</th><th>Meaning</th></tr>"
        f"</thead><tbody>{outputs}</tbody>{_TABLE_CLOSE}"
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
    control, grouped = renderer(schema, field, ids, described, imperial_default, system)
    tail = (
        f'<p class="lw-help" id="{ids["help"]}">{_t(field["help"])}</p>'
        f'<p class="lw-error" id="{ids["error"]}" data-error-for="{_a(key)}" hidden></p>'
    )
    attrs = f'class="lw-field lw-{field["kind"]}" data-field="{_a(key)}" data-kind="{field["kind"]}"'
    if grouped:
        return f'<fieldset {attrs}><legend class="lw-label">{_t(field["label"])}</legend>{control}{tail}</fieldset>'
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
) -> tuple[str, bool]:
    default = ", ".join(entry(value) for value in field.get("default") or [])
    return (
        f'<label class="lw-label" for="{ids["control"]}">{_t(field["label"])}'
        f' <span class="lw-unit">({_t(_symbol(schema, field["unit"]))})</span></label>'
        f'<textarea class="lw-input lw-series" id="{ids["control"]}" name="{_a(field["key"])}" rows="2"'
        f' spellcheck="false" data-unit="{_a(field["unit"])}" {described}>{_t(default)}</textarea>'
    ), False


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


def _t(text: Any) -> str:
    return escape(str(text), quote=False)


def _a(text: Any) -> str:
    return escape(str(text), quote=True)
