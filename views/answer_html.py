"""HTML of a calculator's answer: the headline, grouped rows, ranges as ranges, the article beside the
guideline, hints for what does not apply yet, warnings, then the worked steps and sources.

Hooks for the runtime and the tests are data attributes: `data-results`, `data-output` (the output keys a row
shows, space-separated), `data-value` (the raw value of a single-output row), `data-warnings`, `data-steps`,
`data-sources`, `data-hints`. Output has no blank lines, so Markdown passes it through as one raw HTML block.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

from calculators.answer import laid_out

from .svg_chart import render_svg, render_table


def results_html(schema: dict, result: dict, system: str) -> str:
    """The answer inside the widget's results section, for a `calculators.compute()` result."""
    layout = laid_out(schema, result["values"], system)
    parts = []
    if layout["headline"]:
        parts.append(_headline(layout["headline"], result["values"]))
    for group in layout["groups"]:
        title = f'<p class="lw-group-title">{_t(group["label"])}</p>' if group["label"] else ""
        rows = "".join(_row(row, result["values"]) for row in group["rows"])
        parts.append(f'<div class="lw-group">{title}<dl class="lw-outputs">{rows}</dl></div>')
    hints = "".join(f"<li>{_t(hint)}</li>" for hint in layout["hints"])
    parts.append(f'<ul class="lw-hints" data-hints{"" if hints else " hidden"}>{hints}</ul>')
    parts.append(warnings_html(result.get("warnings", [])))
    return "".join(parts)


def warnings_html(warnings: list[dict]) -> str:
    items = "".join(f'<li data-code="{_a(w.get("code", ""))}">{_t(w["message"])}</li>' for w in warnings)
    return f'<ul class="lw-warnings" data-warnings{"" if warnings else " hidden"}>{items}</ul>'


def details_html(result: dict) -> str:
    """The body of "How this was calculated" (its <summary> stays in the page): numbered steps, then sources."""
    steps = "".join(f"<li>{_t(step)}</li>" for step in result.get("steps", []))
    sources = "".join(_source(source) for source in result.get("sources", []))
    return (
        f'<ol class="lw-steps" data-steps>{steps}</ol>'
        f'<p class="lw-sources-title">Sources</p><ol class="lw-sources" data-sources>{sources}</ol>'
    )


def charts_html(result: dict) -> str:
    """Each chart the result carries: the SVG, its caption, and its numbers as a table under "The numbers"."""
    figures = []
    for chart in result.get("charts", []):
        caption = f"<figcaption>{_t(chart['caption'])}</figcaption>" if chart.get("caption") else ""
        figures.append(
            f'<figure class="lw-figure">{render_svg(chart)}{caption}'
            f'<details class="lw-chart-numbers"><summary>The numbers</summary>{render_table(chart)}</details>'
            "</figure>"
        )
    return "".join(figures)


def data_value(value: Any) -> str:
    """A raw value as a `data-value` attribute holds it (tests read it back to compare with native results)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, int | str):
        return str(value)
    return json.dumps(value, separators=(",", ":"))


# ---------------------------------------------------------------------------------------------------------


def _headline(row: dict, values: dict) -> str:
    if row["type"] == "compare":  # the article beside the guideline, both large
        sides = "".join(
            f'<div class="lw-side lw-side--{side}"><p class="lw-headline-label">{_t(part["label"])}</p>'
            f'<p class="lw-headline-value">{_output(part, values)}</p></div>'
            for side, part in zip(("article", "guideline"), row["sides"], strict=True)
        )
        return (
            f'<div class="lw-headline" data-headline><p class="lw-headline-title">{_t(row["label"])}</p>'
            f'<div class="lw-sides">{sides}</div></div>'
        )
    return (
        f'<div class="lw-headline" data-headline><p class="lw-headline-label">{_t(row["label"])}</p>'
        f'<p class="lw-headline-value">{_output(row, values)}</p></div>'
    )


def _row(row: dict, values: dict) -> str:
    if row["type"] == "compare":
        sides = "".join(
            f'<div class="lw-side lw-side--{side}"><dt>{_t(part["label"])}</dt><dd>{_output(part, values)}</dd></div>'
            for side, part in zip(("article", "guideline"), row["sides"], strict=True)
        )
        return (
            f'<div class="lw-output lw-compare" data-output-row="{_a(" ".join(row["keys"]))}">'
            f'<dt class="lw-compare-title">{_t(row["label"])}</dt><dd><dl class="lw-sides">{sides}</dl></dd></div>'
        )
    kind = f' data-kind="{_a(row["kind"])}"' if "kind" in row else ""
    return (
        f'<div class="lw-output lw-{row["type"]}" data-output-row="{_a(" ".join(row["keys"]))}"{kind}>'
        f"<dt>{_t(row['label'])}</dt><dd>{_output(row, values)}</dd></div>"
    )


def _output(row: dict, values: dict) -> str:
    keys = row["keys"]
    raw = f' data-value="{_a(data_value(values.get(keys[0])))}"' if len(keys) == 1 else ""
    return f'<output data-output="{_a(" ".join(keys))}"{raw}>{_t(row["text"])}</output>'


def _source(source: dict) -> str:
    link = ""
    if source.get("url"):
        link = f' <a href="{_a(source["url"])}" rel="noopener">{_t(source["url"])}</a>'
    return f'<li data-source="{_a(source.get("id", ""))}">{_t(source["citation"])}{link}</li>'


def _t(text: Any) -> str:
    return escape(str(text), quote=False)


def _a(text: Any) -> str:
    return escape(str(text), quote=True)
