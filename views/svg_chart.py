"""Charts as plain SVG, drawn from the chart data a calculator's `compute()` returns (`result["charts"]`).

The same code draws at build time (CPython) and in the browser's worker (Pyodide), so the chart is in the static
page and is redrawn on every input without JavaScript computing or scaling anything. Strict-CSP clean: no
`<script>`, no `<style>`, no `style=`; colours come from CSS classes (`lw-chart__series--primary`, ...), so both
palettes and print work. Each chart carries `<title>` and `<desc>` (its takeaway in words) and its numbers as a
table beside it.

The data (plain JSON):
- `{"kind": "xy", "title", "desc", "x": {"label", "unit", "min"?, "max"?}, "y": {...}, "series": [{"id", "label",
  "type": "line" | "step" | "bars", "role", "points": [[x, y], ...]}], "bands"?: [{"axis": "x" | "y", "from", "to",
  "label", "role"}], "markers"?: [{"axis", "at", "label", "role"}], "caption"?}`
- `{"kind": "bars", "title", "desc", "categories": [...], "y": {...}, "series": [{"id", "label", "role",
  "values": [...]}], "markers"?: [...], "caption"?}`
"""

from __future__ import annotations

import math
from html import escape
from typing import Any

from calculators.formatting import number

WIDTH, HEIGHT = 640.0, 300.0
LEFT, RIGHT, TOP, BOTTOM = 64.0, 16.0, 28.0, 46.0
TABLE_ROWS = 14  # a long series shows about this many rows in its table (and always its last point)


def render_svg(chart: dict) -> str:
    """The chart as an accessible inline SVG (`role="img"`, its `<title>` and `<desc>` first)."""
    body = _xy(chart) if chart.get("kind") == "xy" else _bars(chart)
    return (
        f'<svg class="lw-chart" viewBox="0 0 {_f(WIDTH)} {_f(HEIGHT)}" role="img" '
        f'preserveAspectRatio="xMidYMid meet" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{_t(chart.get('title', ''))}</title><desc>{_t(chart.get('desc', ''))}</desc>{body}</svg>"
    )


def render_table(chart: dict) -> str:
    """The chart's numbers as a table, for screen readers and for readers who would rather read than look."""
    y_unit = chart.get("y", {}).get("unit", "")
    if chart.get("kind") == "bars":
        head = "".join(f'<th scope="col">{_t(_with_unit(s["label"], y_unit))}</th>' for s in chart["series"])
        rows = "".join(
            f'<tr><th scope="row">{_t(category)}</th>'
            + "".join(f"<td>{_n(series['values'][index])}</td>" for series in chart["series"])
            + "</tr>"
            for index, category in enumerate(chart["categories"])
        )
        first = _t(chart.get("x", {}).get("label") or "Measure")
    else:
        x_axis = chart.get("x", {})
        xs = sorted({point[0] for series in chart["series"] for point in series["points"]})
        xs = _sampled(xs)
        lookup = [{point[0]: point[1] for point in series["points"]} for series in chart["series"]]
        head = "".join(f'<th scope="col">{_t(_with_unit(s["label"], y_unit))}</th>' for s in chart["series"])
        rows = "".join(
            f'<tr><th scope="row">{_n(x)}</th>'
            + "".join(f"<td>{_n(values[x]) if x in values else '—'}</td>" for values in lookup)
            + "</tr>"
            for x in xs
        )
        first = _t(_with_unit(x_axis.get("label", ""), x_axis.get("unit", "")))
    return (
        f'<table class="lw-chart-table"><caption>{_t(chart.get("title", ""))}</caption>'
        f'<thead><tr><th scope="col">{first}</th>{head}</tr></thead><tbody>{rows}</tbody></table>'
    )


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values (1, 2 or 5 × a power of ten) that cover [low, high]."""
    if not (math.isfinite(low) and math.isfinite(high)):
        return [0.0, 1.0]
    if high <= low:  # one value: a small window around it, not an axis from it to twice it
        pad = max(abs(low) * 0.05, 1.0)
        low, high = low - pad, high + pad
    raw = (high - low) / max(count, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    start = math.floor(low / step) * step
    ticks, value = [], start
    while value < high + step * 0.5:
        ticks.append(round(value, 10))
        value += step
    return ticks


class Scale:
    """A linear map from data to the plot's pixels; `invert` maps back (the tests use it)."""

    def __init__(self, low: float, high: float, start: float, end: float) -> None:
        self.low, self.high = low, high if high > low else low + 1.0
        self.start, self.end = start, end

    def __call__(self, value: float) -> float:
        return self.start + (value - self.low) / (self.high - self.low) * (self.end - self.start)

    def invert(self, pixel: float) -> float:
        return self.low + (pixel - self.start) / (self.end - self.start) * (self.high - self.low)


def scales(chart: dict) -> tuple[Scale, Scale]:
    """The x and y scales of an xy chart (the axes' declared min/max, else the data's, widened to nice ticks)."""
    points = [p for s in chart["series"] for p in s["points"] if _finite(p[1])]
    bands = chart.get("bands", [])
    markers = chart.get("markers", [])
    x_axis, y_axis = chart.get("x", {}), chart.get("y", {})
    xs = [p[0] for p in points] + [m["at"] for m in markers if m["axis"] == "x"]
    ys = [p[1] for p in points] + [m["at"] for m in markers if m["axis"] == "y"]
    ys += [b[k] for b in bands if b["axis"] == "y" for k in ("from", "to")]
    x_low = x_axis.get("min", min(xs, default=0.0))
    x_high = x_axis.get("max", max(xs, default=1.0))
    y_ticks = nice_ticks(y_axis.get("min", min(ys, default=0.0)), y_axis.get("max", max(ys, default=1.0)))
    return Scale(x_low, x_high, LEFT, WIDTH - RIGHT), Scale(y_ticks[0], y_ticks[-1], HEIGHT - BOTTOM, TOP)


# ---------------------------------------------------------------------------------------------------------


def _xy(chart: dict) -> str:
    x, y = scales(chart)
    parts = [_bands(chart, x, y), _y_axis(chart, y), _x_axis(chart, x)]
    bar_series = [s for s in chart["series"] if s.get("type") == "bars"]
    slot = (x.end - x.start) / max(1.0, (x.high - x.low)) * 0.7
    for series in bar_series:
        rects = "".join(
            f'<rect x="{_f(x(px) - slot / 2)}" y="{_f(min(y(py), y(max(y.low, 0))))}" width="{_f(slot)}" '
            f'height="{_f(abs(y(max(y.low, 0)) - y(py)))}"/>'
            for px, py in series["points"]
            if _finite(py)
        )
        parts.append(
            f'<g class="lw-chart__series lw-chart__series--{_a(series.get("role", "primary"))}">{rects}</g>'
        )
    for series in chart["series"]:
        if series.get("type") == "bars":
            continue
        coords = " ".join(f"{_f(x(px))},{_f(y(py))}" for px, py in series["points"] if _finite(py))
        if coords:
            parts.append(
                f'<polyline class="lw-chart__series lw-chart__series--{_a(series.get("role", "primary"))} '
                f'lw-chart__line" points="{coords}" fill="none"/>'
            )
    parts.append(_markers(chart, x, y))
    parts.append(_legend(chart["series"]))
    return "".join(parts)


def _bars(chart: dict) -> str:
    categories = chart["categories"]
    values = [v for s in chart["series"] for v in s["values"] if _finite(v)]
    marks = [m["at"] for m in chart.get("markers", []) if m["axis"] == "y"]
    ticks = nice_ticks(min([0.0, *values]), max([*values, *marks, 1.0]))
    y = Scale(ticks[0], ticks[-1], HEIGHT - BOTTOM, TOP)
    x = Scale(0, len(categories), LEFT, WIDTH - RIGHT)
    group = (x.end - x.start) / max(len(categories), 1)
    width = group * 0.6 / max(len(chart["series"]), 1)
    parts = [_y_axis(chart, y)]
    for index, series in enumerate(chart["series"]):
        rects = "".join(
            f'<rect x="{_f(x(position) + group * 0.2 + width * index)}" y="{_f(min(y(value), y(0)))}" '
            f'width="{_f(width)}" height="{_f(abs(y(0) - y(value)))}"/>'
            for position, value in enumerate(series["values"])
            if _finite(value)
        )
        parts.append(
            f'<g class="lw-chart__series lw-chart__series--{_a(series.get("role", "primary"))}">{rects}</g>'
        )
    labels = "".join(
        f'<text class="lw-chart__label" x="{_f(x(position) + group / 2)}" y="{_f(HEIGHT - BOTTOM + 18)}" '
        f'text-anchor="middle">{_t(category)}</text>'
        for position, category in enumerate(categories)
    )
    parts.append(f'<g class="lw-chart__axis">{labels}</g>')
    parts.append(_markers(chart, x, y))
    return "".join(parts)


def _y_axis(chart: dict, y: Scale) -> str:
    axis = chart.get("y", {})
    ticks = nice_ticks(y.low, y.high)
    lines = "".join(
        f'<line class="lw-chart__grid" x1="{_f(LEFT)}" x2="{_f(WIDTH - RIGHT)}" y1="{_f(y(t))}" y2="{_f(y(t))}"/>'
        f'<text class="lw-chart__label" x="{_f(LEFT - 6)}" y="{_f(y(t) + 4)}" text-anchor="end">{_n(t)}</text>'
        for t in ticks
        if y.low <= t <= y.high
    )
    title = f'<text class="lw-chart__label" x="{_f(LEFT)}" y="{_f(TOP - 12)}">{_t(_with_unit(axis.get("label", ""), axis.get("unit", "")))}</text>'
    return f'<g class="lw-chart__axis">{lines}{title}</g>'


def _x_axis(chart: dict, x: Scale) -> str:
    axis = chart.get("x", {})
    ticks = [t for t in nice_ticks(x.low, x.high, 6) if x.low <= t <= x.high]
    labels = "".join(
        f'<text class="lw-chart__label" x="{_f(x(t))}" y="{_f(HEIGHT - BOTTOM + 16)}" text-anchor="middle">{_n(t)}</text>'
        for t in ticks
    )
    base = f'<line class="lw-chart__baseline" x1="{_f(LEFT)}" x2="{_f(WIDTH - RIGHT)}" y1="{_f(HEIGHT - BOTTOM)}" y2="{_f(HEIGHT - BOTTOM)}"/>'
    title = (
        f'<text class="lw-chart__label" x="{_f((LEFT + WIDTH - RIGHT) / 2)}" y="{_f(HEIGHT - 8)}" '
        f'text-anchor="middle">{_t(_with_unit(axis.get("label", ""), axis.get("unit", "")))}</text>'
    )
    return f'<g class="lw-chart__axis">{base}{labels}{title}</g>'


def _bands(chart: dict, x: Scale, y: Scale) -> str:
    parts = []
    for band in chart.get("bands", []):
        role = _a(band.get("role", "neutral"))
        if band["axis"] == "x":
            left, right = x(max(band["from"], x.low)), x(min(band["to"], x.high))
            rect = f'x="{_f(left)}" y="{_f(TOP)}" width="{_f(max(right - left, 0))}" height="{_f(HEIGHT - BOTTOM - TOP)}"'
            label_at = f'x="{_f((left + right) / 2)}" y="{_f(TOP + 12)}" text-anchor="middle"'
        else:
            top, bottom = y(min(band["to"], y.high)), y(max(band["from"], y.low))
            rect = f'x="{_f(LEFT)}" y="{_f(top)}" width="{_f(WIDTH - RIGHT - LEFT)}" height="{_f(max(bottom - top, 0))}"'
            label_at = f'x="{_f(WIDTH - RIGHT - 4)}" y="{_f(top + 12)}" text-anchor="end"'
        parts.append(
            f'<g class="lw-chart__band lw-chart__band--{role}"><rect {rect}/>'
            f'<text class="lw-chart__label" {label_at}>{_t(band.get("label", ""))}</text></g>'
        )
    return "".join(parts)


def _markers(chart: dict, x: Scale, y: Scale) -> str:
    parts = []
    for marker in chart.get("markers", []):
        role = _a(marker.get("role", "reader"))
        if marker["axis"] == "x":
            at = x(marker["at"])
            line = f'x1="{_f(at)}" x2="{_f(at)}" y1="{_f(TOP)}" y2="{_f(HEIGHT - BOTTOM)}"'
            label = f'x="{_f(at + 4)}" y="{_f(TOP + 26)}"'
        else:
            at = y(marker["at"])
            line = f'x1="{_f(LEFT)}" x2="{_f(WIDTH - RIGHT)}" y1="{_f(at)}" y2="{_f(at)}"'
            label = f'x="{_f(LEFT + 4)}" y="{_f(at - 4)}"'
        parts.append(
            f'<g class="lw-chart__marker lw-chart__marker--{role}"><line {line}/>'
            f'<text class="lw-chart__label" {label}>{_t(marker.get("label", ""))}</text></g>'
        )
    return "".join(parts)


def _legend(series: list[dict]) -> str:
    items, at = [], LEFT + 120
    for one in series:
        role = _a(one.get("role", "primary"))
        items.append(
            f'<g class="lw-chart__series lw-chart__series--{role}"><rect x="{_f(at)}" y="{_f(TOP - 22)}" '
            f'width="10" height="10"/></g><text class="lw-chart__label" x="{_f(at + 14)}" y="{_f(TOP - 13)}">'
            f"{_t(one['label'])}</text>"
        )
        at += 20 + 6.2 * len(one["label"])
    return f'<g class="lw-chart__legend">{"".join(items)}</g>'


def _sampled(xs: list[float]) -> list[float]:
    if len(xs) <= TABLE_ROWS:
        return xs
    every = math.ceil(len(xs) / TABLE_ROWS)
    picked = xs[::every]
    return picked if picked[-1] == xs[-1] else [*picked, xs[-1]]


def _finite(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _with_unit(label: str, unit: str) -> str:
    return f"{label} ({unit})" if unit else label


def _n(value: Any) -> str:
    return number(value, 2) if _finite(value) else "—"


def _f(value: float) -> str:
    """A coordinate with at most 2 decimals, so the output is the same bytes in CPython and Pyodide."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _t(text: Any) -> str:
    return escape(str(text), quote=False)


def _a(text: Any) -> str:
    return escape(str(text), quote=True)
