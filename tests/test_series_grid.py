"""The training-load grid's build side and its text rules (issue 11, item 4).

The grid is plain inputs in the static HTML: 28 boxes, a row a week, each labelled by its week and day, holding
the default series with the latest day last. Its days reach Python as text: `macros/render.py`'s `series_text`
writes the default, `series-grid.mjs`'s `seriesText` writes what the reader typed, and both follow one rule,
checked here under Node against the Python: from the first day given on, an empty day is a rest day, written 0
(Python refuses an empty value: "use 0 for a rest day"); empty days before it are not sent. A pasted series is
spread over the boxes where Python splits it (`seriesDays` against parsing.py's own separators).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import lxml.html
import pytest

import calculators
from calculators import parsing
from macros.render import series_text
from tests.articles import calculator_urls
from tests.paths import REPO_ROOT

SERIES = next(f for f in calculators.schema("training_load")["inputs"] if f["key"] == "daily_loads_au")
GRID_MODULE = REPO_ROOT / "macros" / "runtime" / "series-grid.mjs"

GRIDS = [
    ["300", "0", "420", "350", "0", "600", "240"] * 4,
    [""] * 21 + ["300", "", "420", "350", "", "600", "240"],  # only this week, two rest days left empty
    [""] * 18 + ["100", " 6x45+4x30 ", "", "", "", "", "", "", "", "5"],  # starts mid-week
    [""] * 28,
    ["", "7x60", *[""] * 26],
]
TEXTS = [
    "300, 0, 420, 350, 0, 600, 240",
    "300\n0\n420\t350 0\n600, 240;6 x 45 + 4 x 30\n0 500",
    "  1,2,3,4,5,6,7,,; ",
    "1,,2",
    "6 X 45 + 4×30 * 2, 5 * 20",
    "72,5",
    "",
    "   ",
]


def _node(script: str) -> object:
    node = shutil.which("node")
    assert node, "Node runs the grid's module as the browser does"
    run = subprocess.run(
        [node, "--input-type=module", "-e", script], capture_output=True, text=True, check=True, cwd=REPO_ROOT
    )
    return json.loads(run.stdout)


def test_the_grid_writes_days_as_the_python_does() -> None:
    script = (
        f"import {{ seriesText }} from {json.dumps(GRID_MODULE.as_uri())};"
        f"console.log(JSON.stringify({json.dumps(GRIDS)}.map((days) => seriesText(days, 7))));"
    )
    assert _node(script) == [series_text(days, 7) for days in GRIDS]


def test_the_rest_day_rule() -> None:
    only_this_week = series_text(GRIDS[1], 7)
    assert only_this_week == "300, 0, 420, 350, 0, 600, 240", "empty days after the first one given are 0"
    assert calculators.compute("training_load", {"daily_loads_au": only_this_week})["values"]["acwr"] is None
    assert series_text(GRIDS[2], 7) == "100, 6x45+4x30, 0\n0, 0, 0, 0, 0, 0, 5", "weeks on their own lines"
    assert series_text(GRIDS[3], 7) == "", (
        "an empty grid is an empty entry: Python says the loads are required"
    )
    with pytest.raises(calculators.InvalidInput) as refused:
        calculators.compute("training_load", {"daily_loads_au": "300, , 420, 350, 0, 600, 240"})
    assert "use 0 for a rest day" in refused.value.errors["daily_loads_au"], "why the grid writes 0"


def test_a_pasted_series_is_split_where_python_splits_it() -> None:
    script = (
        f"import {{ seriesDays }} from {json.dumps(GRID_MODULE.as_uri())};"
        f"console.log(JSON.stringify({json.dumps(TEXTS)}.map((text) => seriesDays(text, true))));"
    )
    for text, days in zip(TEXTS, _node(script), strict=True):
        cleaned = parsing._clean(text).rstrip(",;").rstrip()
        cleaned = parsing._PRODUCT_SPACING.sub(r"\1", cleaned)
        assert days == (parsing._SERIES_SEPARATOR.split(cleaned) if cleaned else []), text


def test_the_static_page_holds_the_grid_prefilled_with_the_default_series(built_site: Path) -> None:
    page = built_site / calculator_urls(REPO_ROOT / "docs")["training_load"] / "index.html"
    root = lxml.html.parse(str(page)).getroot()
    (widget,) = root.xpath('//*[@data-calculator="training_load"]')
    (grid,) = widget.xpath(".//table[@data-series-grid]")
    boxes = grid.xpath(".//input[@data-series-day]")
    assert len(boxes) == SERIES["max_length"] == 28
    defaults = [f"{value:g}" for value in SERIES["default"]]
    assert [box.get("value") for box in boxes] == [""] * (28 - len(defaults)) + defaults
    labels = [box.get("aria-label") for box in boxes]
    assert labels == [f"Week {w}, day {d} load" for w in range(1, 5) for d in range(1, 8)]
    assert [int(box.get("data-series-day")) for box in boxes] == list(range(1, 29)), "Tab goes week by week"
    for box in boxes:
        assert box.get("name") is None, "the days are not entries: the field's text box is"
        described = box.get("aria-describedby").split()
        assert {f"{widget.get('id')}-daily_loads_au-help", f"{widget.get('id')}-daily_loads_au-error"} <= set(
            described
        )
    rows = [" ".join(th.text_content().split()) for th in grid.xpath(".//tbody/tr/th")]
    assert rows == ["Week 1 (oldest)", "Week 2", "Week 3", "Week 4 (this week)"]
    assert [th.text_content() for th in grid.xpath(".//thead//th")] == [f"Day {d}" for d in range(1, 8)]
    (text,) = widget.xpath('.//textarea[@name="daily_loads_au"]')
    assert text.text_content() == series_text(defaults, 7)
    assert text.xpath("ancestor::details[1]/summary")[0].text_content() == "Paste a series as text"
    (builder,) = widget.xpath(".//*[@data-session-builder]")
    assert builder.get("hidden") is not None, (
        "the session builder needs the runtime: hidden in the static page"
    )
    words = [option.text_content() for option in builder.xpath(".//select[@data-session-rpe]/option")]
    assert words[0] == "0 – Rest" and words[7] == "7 – Very hard" and words[10] == "10 – Maximal"
    assert not root.xpath("//*[@style]"), "strict CSP: no style attributes"
