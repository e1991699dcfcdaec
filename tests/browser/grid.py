"""The training-load grid as a test drives it: a row a week, a box a day (`data-series-day`, 1 = week 1, day 1),
and the field's entry, its text box, under "Paste a series as text" (macros/render.py `_series_grid`)."""

from __future__ import annotations

from playwright.sync_api import Page

import calculators

KEY = "daily_loads_au"
SERIES = next(field for field in calculators.schema("training_load")["inputs"] if field["key"] == KEY)
DAYS = SERIES["max_length"]


def box(root: str, place: int) -> str:
    """The selector of the day at `place` (1 = week 1, day 1; 28 = week 4, day 7, the latest)."""
    return f"{root} [data-series-day='{place}']"


def text_box(root: str) -> str:
    return f'{root} textarea[name="{KEY}"]'


def boxes(page: Page, root: str) -> list[str]:
    """Every day's box, as it reads now, oldest first."""
    return page.eval_on_selector_all(f"{root} [data-series-day]", "(boxes) => boxes.map((b) => b.value)")


def open_paste(page: Page, root: str) -> None:
    """Open "Paste a series as text", where the field's text box is."""
    page.eval_on_selector(f"{root} .lw-paste", "(details) => { details.open = true; }")


def fill_days(page: Page, root: str, days: dict[int, str]) -> None:
    """Type into the boxes at these places, as a reader does (each fill is one input event)."""
    for place, text in days.items():
        page.fill(box(root, place), text)


def default_days() -> list[str]:
    """The grid as the static page shows it: the default series, the latest day in the last box."""
    values = [f"{value:g}" for value in SERIES["default"]]
    return [""] * (DAYS - len(values)) + values
