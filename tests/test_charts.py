"""Every calculator's chart (issue 11): plain SVG drawn by views/svg_chart.py from the data compute() returns —
it parses, carries a title and a takeaway, breaks no CSP rule, and plots exactly compute()'s numbers."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

import calculators
from macros import bridge
from tests.cases import PARITY_CASES
from views.svg_chart import BOTTOM, HEIGHT, nice_ticks, render_svg, render_table, scales

SVG = "{http://www.w3.org/2000/svg}"
VALID = [(name, inputs) for name, inputs in PARITY_CASES if calculators.run(name, inputs)["ok"]]


@pytest.mark.parametrize(("name", "inputs"), VALID)
def test_every_chart_parses_has_title_and_desc_and_no_script_or_style(name: str, inputs: dict) -> None:
    charts = calculators.compute(name, inputs)["charts"]
    assert charts, f"{name} draws no chart"
    for chart in charts:
        svg = render_svg(chart)
        root = ET.fromstring(svg)
        assert root.get("role") == "img"
        assert root[0].tag == f"{SVG}title" and root[0].text
        assert root[1].tag == f"{SVG}desc" and root[1].text
        assert not re.search(r"<script|<style|\sstyle=|\son[a-z]+=", svg)
        ET.fromstring(f"<div>{render_table(chart)}</div>")


@pytest.mark.parametrize("name", calculators.names())
@pytest.mark.parametrize("system", ["metric", "imperial"])
def test_plotted_lines_map_back_to_computes_numbers(name: str, system: str) -> None:
    schema = calculators.schema(name)
    defaults = {f["key"]: f["default"] for f in schema["inputs"] if f["default"] is not None}
    for chart in calculators.compute(name, defaults, system)["charts"]:
        if chart["kind"] != "xy":
            continue
        x, y = scales(chart)
        root = ET.fromstring(render_svg(chart))
        lines = [el for el in root.iter(f"{SVG}polyline")]
        drawn = [s for s in chart["series"] if s["type"] != "bars"]
        assert len(lines) == len(drawn)
        for line, series in zip(lines, drawn, strict=True):
            pixels = [tuple(map(float, pair.split(","))) for pair in line.get("points").split()]
            for (px, py), (dx, dy) in zip(pixels, series["points"], strict=True):
                assert x.invert(px) == pytest.approx(dx, abs=(x.high - x.low) / 5000)
                assert y.invert(py) == pytest.approx(dy, abs=(y.high - y.low) / 5000)


@pytest.mark.parametrize("name", calculators.names())
def test_bars_have_the_heights_of_computes_values(name: str) -> None:
    schema = calculators.schema(name)
    defaults = {f["key"]: f["default"] for f in schema["inputs"] if f["default"] is not None}
    for chart in calculators.compute(name, defaults)["charts"]:
        if chart["kind"] != "bars":
            continue
        root = ET.fromstring(render_svg(chart))
        rects = [r for g in root.iter(f"{SVG}g") if "lw-chart__series" in g.get("class", "") for r in g]
        values = [v for s in chart["series"] for v in s["values"]]
        ticks = nice_ticks(
            min([0.0, *values]), max([*values, *(m["at"] for m in chart.get("markers", [])), 1.0])
        )
        per_unit = (HEIGHT - BOTTOM - 28.0) / (ticks[-1] - ticks[0])
        assert [float(r.get("height")) / per_unit for r in rects] == pytest.approx(
            values, abs=0.02 / per_unit + 0.01
        )


def test_nice_ticks_are_round_and_cover_the_range() -> None:
    assert nice_ticks(0, 2260) == [0, 500, 1000, 1500, 2000, 2500]
    assert nice_ticks(0.0, 1.3) == pytest.approx([0, 0.5, 1.0, 1.5])
    assert nice_ticks(140, 140)[0] < 140 < nice_ticks(140, 140)[-1]
    assert nice_ticks(float("nan"), 1) == [0.0, 1.0]


def test_a_degenerate_chart_still_draws() -> None:
    chart = {"kind": "xy", "title": "t", "desc": "d", "x": {"label": "x", "unit": ""}, "y": {"label": "y", "unit": ""},
             "series": [{"id": "a", "label": "a", "type": "line", "role": "primary", "points": [[1, None], [1, 0]]},
                        {"id": "b", "label": "b", "type": "bars", "role": "muted", "points": []}]}  # fmt: skip
    ET.fromstring(render_svg(chart))
    ET.fromstring(f"<div>{render_table(chart)}</div>")


@pytest.mark.parametrize("name", calculators.names())
def test_the_static_widget_holds_its_chart(name: str) -> None:
    schema = calculators.schema(name)
    defaults = {f["key"]: f["default"] for f in schema["inputs"] if f["default"] is not None}
    html = bridge.reply(name, defaults, "imperial")["html"]["chart"]
    assert html.count("<svg") == len(calculators.compute(name, defaults)["charts"]) >= 1
    assert "<table" in html and "<title>" in html
