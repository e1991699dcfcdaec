"""The training-load grid in real Chromium (issue 11, item 4): a row a week, a box a day, days typed as loads or
built from sessions, rest days empty, a pasted series spread over it, and the URL keeping it.

Every answer is checked against native `calculators.compute()` for the same series written as plain numbers, so
the page's sums are Python's (the grid only writes text: "6x45+4x30", "0" for an empty day after the first one).
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page

import calculators
from macros.render import series_text
from tests.articles import calculator_urls
from tests.browser.answers import SHOWN_JS
from tests.browser.grid import DAYS, KEY, SERIES, box, boxes, default_days, fill_days, open_paste, text_box
from tests.browser.test_accessibility import assert_focus_ring, focused, press_until
from tests.browser.test_widgets import expect_answer
from tests.browser.visits import SCREENSHOTS, Visit, guarded_visit
from tests.paths import REPO_ROOT

pytestmark = pytest.mark.browser

PAGE = calculator_urls(REPO_ROOT / "docs")["training_load"]
ROOT = '[data-calculator="training_load"]'
DEFAULT = [float(value) for value in SERIES["default"]]


def open_grid(visit: Visit) -> Page:
    page = visit.open(PAGE)
    assert visit.wait_ready() == ["ready"]
    return page


def session_words(page: Page) -> list[str]:
    return page.eval_on_selector_all(
        f"{ROOT} [data-session-rpe] option", "(options) => options.map((o) => o.textContent)"
    )


# ---------------------------------------------------------------------------------------------------------


def test_loads_and_sessions_typed_in_the_grid_give_the_native_answer(visit: Visit) -> None:
    page = open_grid(visit)
    assert boxes(page, ROOT) == default_days()
    assert page.locator(f"{ROOT} [data-session-builder]").is_visible(), (
        "the runtime shows the session builder"
    )
    assert "7 – Very hard" in session_words(page) and "0 – Rest" in session_words(page)

    # A load, a day of two sessions, a rest day left empty.
    fill_days(page, ROOT, {22: "6x45+4x30", 23: "", 28: "500"})
    # One more session on day 26 from the builder: effort 7 ("Very hard"), 60 minutes.
    page.click(box(ROOT, 26))  # the builder's day follows the box last focused
    assert page.input_value(f"{ROOT} [data-session-day]") == "26"
    page.select_option(f"{ROOT} [data-session-rpe]", "7")
    page.fill(f"{ROOT} [data-session-minutes]", "60")
    page.click(f"{ROOT} [data-add-session]")
    assert page.input_value(box(ROOT, 26)) == "0+7x60"  # text only: the page never multiplies or adds

    loads = list(DEFAULT)
    loads[21] = calculators.daily_load_au([(6, 45), (4, 30)])
    loads[22] = 0.0  # an empty day is a rest day
    loads[25] = DEFAULT[25] + calculators.daily_load_au([(7, 60)])
    loads[27] = 500.0
    expect_answer(visit, ROOT, "training_load", {KEY: loads})
    days = boxes(page, ROOT)
    assert page.input_value(text_box(ROOT)) == series_text(days, 7)
    assert "6x45+4x30" in page.input_value(text_box(ROOT)), "the sessions go to Python as typed"


def test_empty_days_before_the_first_entry_are_not_counted(visit: Visit) -> None:
    """Only this week typed: the series is 7 days (no ratio yet, and its unlock line says so), not 28."""
    page = open_grid(visit)
    week = ["300", "", "420", "350", "", "600", "240"]
    fill_days(page, ROOT, {place: "" for place in range(1, 22)})
    fill_days(page, ROOT, {22 + index: text for index, text in enumerate(week)})
    expect_answer(visit, ROOT, "training_load", {KEY: [float(day or 0) for day in week]})
    assert page.input_value(text_box(ROOT)) == "300, 0, 420, 350, 0, 600, 240"


def test_a_bad_day_is_named_next_to_the_grid_and_the_old_answer_is_dimmed(visit: Visit) -> None:
    page = open_grid(visit)
    before = page.evaluate(SHOWN_JS, ROOT)
    page.fill(box(ROOT, 10), "6x45x2")
    days = default_days()
    days[9] = "6x45x2"
    message = calculators.run("training_load", {KEY: series_text(days, 7)})["errors"][KEY]
    assert message.startswith("Daily training loads: week 2, day 3 ")
    error = page.locator(f'{ROOT} [data-error-for="{KEY}"]')
    error.wait_for(state="visible")
    assert error.text_content() == message
    # Beside the grid: inside the same field, right after the grid and its help line.
    assert page.evaluate(
        f"""() => {{
          const grid = document.querySelector('{ROOT} [data-series-grid]');
          const slot = document.querySelector('{ROOT} [data-error-for="{KEY}"]');
          return grid.closest('[data-field]') === slot.closest('[data-field]')
            && Boolean(grid.compareDocumentPosition(slot) & Node.DOCUMENT_POSITION_FOLLOWING);
        }}"""
    )
    day = page.locator(box(ROOT, 10))
    assert day.get_attribute("aria-invalid") == "true"
    assert error.get_attribute("id") in day.get_attribute("aria-describedby").split()
    assert page.get_attribute(f"{ROOT} [data-session-rpe]", "aria-invalid") is None
    assert page.get_attribute(ROOT, "data-invalid") == "true"
    assert page.locator(f"{ROOT} [data-stale-note]").is_visible()
    opacity = page.eval_on_selector(f"{ROOT} [data-results]", "(el) => getComputedStyle(el).opacity")
    assert float(opacity) < 1
    assert page.evaluate(SHOWN_JS, ROOT) == before, "the last good answer stays"
    assert message in page.text_content(f"{ROOT} [data-announce]")

    page.fill(box(ROOT, 10), "6x45")
    loads = list(DEFAULT)
    loads[9] = 270.0
    expect_answer(visit, ROOT, "training_load", {KEY: loads})
    assert error.is_hidden() and day.get_attribute("aria-invalid") is None
    assert page.get_attribute(ROOT, "data-invalid") is None


def test_the_grid_by_keyboard_alone(visit: Visit) -> None:
    """Tab walks the boxes week by week, each labelled and visibly focused; typing updates the answer; the session
    builder works from the keyboard (its day follows the last box, Enter in the minutes adds the session)."""
    page = open_grid(visit)
    first = page.get_attribute(box(ROOT, 1), "id")
    press_until(page, "Tab", ROOT, f"input#{first}")
    names = []
    for place in range(1, DAYS + 1):
        here = focused(page, ROOT)
        assert here["stop"] == f"input#{page.get_attribute(box(ROOT, place), 'id')}", place
        assert_focus_ring(page, here["stop"])
        names.append(page.evaluate("document.activeElement.getAttribute('aria-label')"))
        if place == 17:  # week 3, day 3
            page.keyboard.press("Control+A")
            page.keyboard.type("5x90")
        if place < DAYS:
            page.keyboard.press("Tab")
    assert names[:3] == ["Week 1, day 1 load", "Week 1, day 2 load", "Week 1, day 3 load"]
    assert names[9] == "Week 2, day 3 load" and names[-1] == "Week 4, day 7 load"
    loads = list(DEFAULT)
    loads[16] = 450.0
    expect_answer(visit, ROOT, "training_load", {KEY: loads})

    # On from the last box: the builder's day is week 4, day 7; effort one step up; minutes; Enter adds it.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.sessionDay !== undefined")
    assert page.input_value(f"{ROOT} [data-session-day]") == str(DAYS)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.sessionRpe !== undefined")
    effort = page.input_value(f"{ROOT} [data-session-rpe]")
    page.keyboard.press("ArrowDown")
    assert page.input_value(f"{ROOT} [data-session-rpe]") == str(int(effort) + 1)
    page.keyboard.press("Tab")
    page.keyboard.type("20")
    page.keyboard.press("Enter")
    last = f"{DEFAULT[-1]:g}+{int(effort) + 1}x20"
    assert page.input_value(box(ROOT, DAYS)) == last
    loads[-1] = DEFAULT[-1] + calculators.daily_load_au([(int(effort) + 1, 20)])
    expect_answer(visit, ROOT, "training_load", {KEY: loads})
    page.keyboard.press("Tab")
    assert focused(page, ROOT)["stop"] == f"button#{page.get_attribute(f'{ROOT} [data-add-session]', 'id')}"
    assert_focus_ring(page, "Add session")


def test_a_series_pasted_into_the_first_box_or_the_text_box_fills_the_grid(visit: Visit) -> None:
    page = open_grid(visit)
    pasted = "300\n0\n420\t350 0\n600, 240;6 x 45 + 4 x 30\n0 500"  # 10 days, every kind of separator
    page.focus(box(ROOT, 1))
    page.evaluate(
        """([selector, text]) => {
          const data = new DataTransfer();
          data.setData("text/plain", text);
          const paste = new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true });
          document.querySelector(selector).dispatchEvent(paste);
        }""",
        [box(ROOT, 1), pasted],
    )
    days = ["300", "0", "420", "350", "0", "600", "240", "6x45+4x30", "0", "500"]
    assert boxes(page, ROOT) == [""] * (DAYS - len(days)) + days, "the latest day in the last box"
    assert page.input_value(text_box(ROOT)) == pasted.strip(), "the text goes to Python as pasted"
    native = expect_answer(visit, ROOT, "training_load", {KEY: pasted})
    assert native == expect_answer(
        visit, ROOT, "training_load", {KEY: [300, 0, 420, 350, 0, 600, 240, 390, 0, 500]}
    )

    # The text box itself: 7 days typed there fill week 4; the grid then writes the days back as it holds them.
    open_paste(page, ROOT)
    page.fill(text_box(ROOT), "100 200 300 400 500 600 700")
    assert boxes(page, ROOT) == [""] * (DAYS - 7) + [str(n) for n in range(100, 800, 100)]
    expect_answer(visit, ROOT, "training_load", {KEY: [100, 200, 300, 400, 500, 600, 700]})
    page.fill(box(ROOT, 24), "")
    assert page.input_value(text_box(ROOT)) == "100, 200, 0, 400, 500, 600, 700"
    expect_answer(visit, ROOT, "training_load", {KEY: [100, 200, 0, 400, 500, 600, 700]})


def test_the_grid_round_trips_through_the_url(visit: Visit, browser) -> None:
    page = open_grid(visit)
    fill_days(page, ROOT, {3: "", 12: "7x40+3x20", 28: "650"})
    loads = list(DEFAULT)
    loads[2], loads[11], loads[27] = 0.0, 340.0, 650.0
    expect_answer(visit, ROOT, "training_load", {KEY: loads})
    # "Copy link" copies the page's address once it holds the entries (the clipboard itself: test_keep_and_share).
    page.click(f"{ROOT} [data-copy-link]")
    page.wait_for_function(
        "(key) => new URL(location.href).searchParams.has(key)", arg=f"training_load.{KEY}"
    )
    link = page.url
    (kept,) = parse_qs(urlsplit(link).query)[f"training_load.{KEY}"]
    assert kept == page.input_value(text_box(ROOT)), "the URL holds the field's one entry: the days as text"
    assert "7x40+3x20" in kept
    assert not [key for key in parse_qs(urlsplit(link).query) if "session" in key], (
        "the builder is not an entry"
    )

    # A browser that never saw the site opens the link: the same days in the grid, the same answer.
    with guarded_visit(browser, visit.base_url) as elsewhere:
        shared = elsewhere.page
        shared.goto(link)
        assert elsewhere.wait_ready() == ["ready"]
        expected = list(default_days())
        expected[2], expected[11], expected[27] = "0", "7x40+3x20", "650"  # an empty day comes back as 0
        assert boxes(shared, ROOT) == expected
        expect_answer(elsewhere, ROOT, "training_load", {KEY: loads})


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_the_grid_fits_a_phone_in_both_palettes(visit: Visit, scheme: str) -> None:
    page = visit.page
    page.set_viewport_size({"width": 390, "height": 844})
    page.emulate_media(color_scheme="dark" if scheme == "slate" else "light")
    open_grid(visit)
    if page.evaluate("document.body.dataset.mdColorScheme") != scheme:
        page.click("form[data-md-component=palette] label:not([hidden])")
        page.wait_for_function("(s) => document.body.dataset.mdColorScheme === s", arg=scheme)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow} px at 390 px"
    widget = page.locator(ROOT)
    inside = page.evaluate(
        f"""() => {{
          const root = document.querySelector('{ROOT}').getBoundingClientRect();
          const scroller = document.querySelector('{ROOT} .lw-grid-scroll').getBoundingClientRect();
          return scroller.right <= root.right + 0.5 && scroller.left >= root.left - 0.5;
        }}"""
    )
    assert inside, "the grid stays inside the widget (it scrolls inside its own box)"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.add_style_tag(content=".md-header, .md-tabs { position: static !important; }")
    widget.screenshot(path=SCREENSHOTS / f"training_load-grid-390-{scheme}.png")
