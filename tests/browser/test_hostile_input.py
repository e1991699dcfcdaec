"""Hostile input in the page (issue 6, item 3), in real Chromium on the built site.

Every typed field of every calculator gets the entries a reader can throw at it: nothing, a negative, zero,
`1e309`, letters, 10,000 pasted characters, a decimal comma and stray spaces. Whatever Python makes of the raw
text natively (`macros.bridge.reply`, i.e. `calculators.run()` plus the display text) is what the widget must
show: the message at its field with `aria-invalid`, or the same answer. Then the default goes back in and the
widget must recover. One page load per calculator; every entry after that is one round trip in the same page.
The `visit` fixture fails the test on any console error or request leaving 127.0.0.1.

Then a real hang: with the `legwork-debug` flag in the page URL the worker accepts a `debug-busy` message (a
Python busy loop); the client must stop it after its time limit, restart Python and keep the page responsive.
"""

from __future__ import annotations

import math
import time
from pathlib import Path
from typing import NamedTuple

import pytest
from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

import calculators
from macros import bridge
from macros.render import series_text
from tests.articles import calculator_urls
from tests.browser.answers import SHOWN_JS, shown
from tests.browser.test_widgets import defaults, expect_answer, page_of
from tests.browser.visits import Visit
from tests.paths import REPO_ROOT

pytestmark = pytest.mark.browser

PAGES = calculator_urls(REPO_ROOT / "docs")  # each calculator's first page, found from the pages themselves
PASTED_TEXT = ("Weight 72,5 kg after the long run; drank 500 ml. " * 250)[:10_000]
HOSTILE = {
    "empty": "",
    "negative": "-1",
    "zero": "0",
    "huge": "1e309",
    "letters": "abc",
    "pasted text": PASTED_TEXT,
    "pasted digits": "9" * 10_000,
    "decimal comma": "72,5",
}
assert len(PASTED_TEXT) == 10_000
READY = "Ready: results update as you type."
RESTARTING = "The calculation took too long and was stopped; Python is restarting…"
RESTARTED = "Python restarted. The answer shown is for earlier entries; change an entry to calculate again."
REPLY_TIMEOUT_MS = 10_000

# What the reader sees in one widget: visible field messages, fields holding an aria-invalid control, outputs.
VIEW = """(root) => {
  const r = document.querySelector(root);
  const errors = {};
  for (const slot of r.querySelectorAll("[data-error-for]")) {
    if (!slot.hidden) errors[slot.dataset.errorFor] = slot.textContent;
  }
  const fields = [...r.querySelectorAll("[data-field]")];
  return {
    errors,
    invalid: fields.filter((f) => f.querySelector('[aria-invalid="true"]')).map((f) => f.dataset.field),
    values: Object.fromEntries([...r.querySelectorAll("[data-results] output[data-value]")].map((o) => [o.dataset.output, o.dataset.value])),
    display: Object.fromEntries([...r.querySelectorAll("[data-results] output[data-output]")].map((o) => [o.dataset.output, o.textContent])),
    status: r.querySelector("[data-status]").textContent,
    state: r.dataset.state,
  };
}"""
SHOWS = """([root, want]) => {
  const view = (VIEW)(root);
  const same = (a, e) => {
    if (a === e) return true;
    const x = Number(a), y = Number(e);
    return a !== "" && e !== "" && Number.isFinite(x) && Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(y));
  };
  return JSON.stringify(view.errors) === JSON.stringify(want.errors)
    && JSON.stringify(view.invalid) === JSON.stringify(want.invalid)
    && Object.keys(want.values).every((key) => same(view.values[key], want.values[key]))
    && JSON.stringify(Object.entries(view.display).sort()) === JSON.stringify(Object.entries(want.display).sort());
}""".replace("VIEW", VIEW)


def in_range(field: dict) -> float:
    """A value inside the field's range with a decimal part: x.5 around the middle."""
    return math.floor((field["min"] + field["max"]) / 2) + 0.5


def typed_fields(name: str) -> list[dict]:
    return [field for field in calculators.schema(name)["inputs"] if field["kind"] in ("number", "series")]


class Typed(NamedTuple):
    """A hostile entry: where it is typed (a selector inside the widget), what is typed, what Python receives."""

    control: str
    text: str
    sent: str


def entries_for(field: dict) -> dict[str, Typed]:
    """The hostile entries for one typed field. A series takes each one in its text box ("Paste a series as
    text") and, in the grid, each one as its first day's box, which the page sends as the grid's days written out
    (`series_text`: what the reader would have typed in the text box)."""
    middle = in_range(field)
    texts = {
        **HOSTILE,
        "decimal comma in range": f"{middle:g}".replace(".", ","),
        "spaces": f"  {middle:g}  ",
    }
    named = f'[name="{field["key"]}"]'
    if field["kind"] != "series":
        return {label: Typed(named, text, text) for label, text in texts.items()}
    days = [f"{value:g}" for value in field["default"]]
    texts["spaces"] = f"  {', '.join(days)}  "
    entries = {label: Typed(named, text, text) for label, text in texts.items()}
    if field.get("week_days"):
        grid = [""] * (field["max_length"] - len(days)) + days
        first = grid.index(days[0])  # the first day given: week 1, day 1 for a full default
        for label, text in HOSTILE.items():
            typed = [*grid[:first], text, *grid[first + 1 :]]
            entries[f"day 1 {label}"] = Typed(
                f'[data-series-day="{first + 1}"]', text, series_text(typed, field["week_days"])
            )
    else:
        rest = ", ".join(days[1:])
        entries |= {
            f"day 1 {label}": Typed(named, f"{text}, {rest}", f"{text}, {rest}")
            for label, text in HOSTILE.items()
        }
    return entries


def expected_view(name: str, entries: dict, last_answer: dict) -> dict:
    """The view native Python predicts: its messages at their fields (the answer shown stays), or its answer."""
    reply = bridge.reply(name, entries)
    if reply["ok"]:
        answer = shown(reply)
        return {"errors": {}, "invalid": [], "values": answer["data"], "display": answer["display"]}
    placed = {f["key"] for f in calculators.schema(name)["inputs"]}
    errors = reply["errors"]
    assert set(errors) <= placed, f"a message with no field to show it at: {errors}"
    order = [f["key"] for f in calculators.schema(name)["inputs"]]
    return {
        "errors": {key: errors[key] for key in order if key in errors},
        "invalid": [key for key in order if key in errors],
        "values": shown(last_answer)["data"],
        "display": shown(last_answer)["display"],
    }


def assert_shows(page: Page, root: str, want: dict, what: str) -> dict:
    """Wait until the widget shows `want`; on a timeout, fail with the difference instead."""
    try:
        page.wait_for_function(SHOWS, arg=[root, want], timeout=REPLY_TIMEOUT_MS)
    except PlaywrightTimeout:
        pass
    view = page.evaluate(VIEW, root)
    assert view["errors"] == want["errors"], what
    assert view["invalid"] == want["invalid"], what
    assert view["display"] == want["display"], what
    for key, value in want["values"].items():
        shown = view["values"][key]
        if shown != value:
            assert math.isclose(float(shown), float(value), rel_tol=1e-9, abs_tol=1e-9), (what, key)
    assert "Traceback" not in view["status"], what
    if want["errors"]:
        assert view["status"] == "Check the highlighted entries.", what
    else:
        assert view["status"] == READY, what
    assert view["state"] == "ready", what
    return view


def form_entries(name: str) -> dict:
    """What the widget sends with every field at its default (optional numbers with no default: empty)."""
    return {
        f["key"]: ("" if f.get("default") is None else f["default"])
        for f in calculators.schema(name)["inputs"]
    }


# ---------------------------------------------------------------------------------------------------------


def test_the_pages_hold_their_calculators(built_site: Path) -> None:
    assert page_of(built_site) == PAGES


@pytest.mark.parametrize("name", list(PAGES))
def test_hostile_entries_get_native_messages_and_the_widget_recovers(visit: Visit, name: str) -> None:
    page = visit.open(PAGES[name])
    assert visit.wait_ready() == ["ready"]
    root = f'[data-calculator="{name}"]'
    base = form_entries(name)
    default_answer = expect_answer(visit, root, name, defaults(name))
    checked = 0
    page.eval_on_selector_all(f"{root} .lw-paste", "(all) => all.forEach((d) => { d.open = true; })")
    for field in typed_fields(name):
        key = field["key"]
        for label, (where, text, sent) in entries_for(field).items():
            control = f"{root} {where}"
            default_text = page.evaluate(
                "(sel) => { const c = document.querySelector(sel); return c.dataset.default ?? c.defaultValue; }",
                control,
            )
            what = f"{name}.{key} = {label} ({text[:30]!r})"
            page.fill(control, text)
            want = expected_view(name, {**base, key: sent}, default_answer)
            assert page.input_value(control) == text, what
            assert_shows(page, root, want, what)
            if key in want["errors"]:
                assert page.get_attribute(control, "aria-invalid") == "true", what
                assert want["errors"][key] in page.text_content(f"{root} [data-announce]"), what
            else:
                assert page.get_attribute(control, "aria-invalid") is None, what
            if "comma" in label and field["kind"] == "number":
                # "72,5" means 72.5: the page shows native compute() for the number 72.5 (or its range message).
                number = float(text.replace(",", "."))
                assert calculators.run(name, {**base, key: text}) == calculators.run(
                    name, {**base, key: number}
                )
                if not want["errors"]:
                    assert calculators.compute(name, {**base, key: number})["values"]
                    assert_shows(page, root, expected_view(name, {**base, key: number}, default_answer), what)
            # Fixed: the default goes back in, the message and aria-invalid go, the default answer returns.
            page.fill(control, default_text)
            assert_shows(page, root, expected_view(name, base, default_answer), f"{what}, then fixed")
            assert page.get_attribute(control, "aria-invalid") is None, what
            checked += 1
    assert checked == sum(len(entries_for(field)) for field in typed_fields(name))
    check_choices_and_flags(visit, root, name, base, default_answer)


def check_choices_and_flags(visit: Visit, root: str, name: str, base: dict, default_answer: dict) -> None:
    """Choices and yes/no boxes cannot take typed text in the page, so nothing is typed into them. What can
    be checked: the page offers exactly the schema's options (valid by construction), and picking each one
    gives native Python's answer or its message at the field, then the default picked again recovers."""
    page = visit.page
    for field in calculators.schema(name)["inputs"]:
        key, kind = field["key"], field["kind"]
        if kind == "choice":
            offered = page.eval_on_selector_all(
                f'{root} [data-field="{key}"] input[type="radio"], {root} [data-field="{key}"] option',
                "(els) => els.map((e) => JSON.parse(e.dataset.json))",
            )
            options = field["options"]
            if not field["required"] and field["default"] is None:  # "Not given" first, sent as empty
                options = [{"value": "", "label": "Not given"}, *options]
            assert offered == [option["value"] for option in options], key
            default = "" if field["default"] is None else field["default"]
            default_index = [option["value"] for option in options].index(default)
            for index, option in enumerate(options):
                what = f"{name}.{key} = {option['value']!r}"
                pick(page, root, field, index)
                assert_shows(
                    page, root, expected_view(name, {**base, key: option["value"]}, default_answer), what
                )
                pick(page, root, field, default_index)
                assert_shows(
                    page, root, expected_view(name, base, default_answer), f"{what}, then the default"
                )
        elif kind == "boolean":
            box = f'{root} [data-field="{key}"] input'
            assert page.get_attribute(box, "type") == "checkbox", key
            for value in (not field["default"], field["default"]):
                page.set_checked(box, value)
                assert_shows(
                    page, root, expected_view(name, {**base, key: value}, default_answer), f"{key}={value}"
                )


def pick(page: Page, root: str, field: dict, index: int) -> None:
    scope = f'{root} [data-field="{field["key"]}"]'
    if page.locator(f"{scope} select").count():
        page.select_option(f"{scope} select", index=index)
    else:
        page.locator(f"{scope} label.lw-option").nth(index).click()


# ---------------------------------------------------------------------------------------------------------


def test_a_hung_calculation_is_stopped_python_restarts_and_the_page_stays_responsive(visit: Visit) -> None:
    page = visit.open(PAGES["energy"] + "?legwork-debug")
    assert visit.wait_ready() == ["ready"]
    root = '[data-calculator="energy"]'
    assert page.evaluate("window.legworkRuntime.workersStarted") == 1
    # Python busy for 30 s, far past the limit: only terminating the worker can end it sooner.
    page.evaluate(
        """() => {
          window.__hang = { started: performance.now() };
          window.legworkRuntime.debugBusy(30).then(
            () => { window.__hang.outcome = "finished"; },
            (error) => { window.__hang.outcome = error.message; window.__hang.ended = performance.now(); },
          );
        }"""
    )
    # Meanwhile the page answers at once, and typing into a field works: the hang is in the worker.
    time.sleep(0.5)
    for _ in range(3):
        start = time.monotonic()
        lag = page.evaluate(
            "() => new Promise((r) => { const t = performance.now(); setTimeout(() => r(performance.now() - t), 10); })"
        )
        assert time.monotonic() - start < 0.5 and lag < 200
    page.fill(f'{root} [name="age_years"]', "50")  # its compute waits behind the hung one
    assert page.input_value(f'{root} [name="age_years"]') == "50"
    page.fill(f'{root} [name="weight_kg"]', "70")
    assert page.input_value(f'{root} [name="weight_kg"]') == "70"
    assert page.evaluate("window.legworkRuntime.stage") == "ready"
    # The limit stops it: the pending calls fail in words at the widget, and Python boots again.
    page.wait_for_function("window.__hang.outcome !== undefined", timeout=15_000)
    hang = page.evaluate("window.__hang")
    assert hang["outcome"] == RESTARTING
    assert 4_500 <= hang["ended"] - hang["started"] <= 8_000, hang
    assert page.text_content(f"{root} [data-status]") in (RESTARTING, RESTARTED)
    assert RESTARTING in page.text_content(f"{root} [data-announce]")
    assert visit.wait_ready() == ["ready"]
    assert page.evaluate("window.legworkRuntime.workersStarted") == 2
    # The stopped entries are not sent again by themselves; the answer shown is still the default one.
    assert page.text_content(f"{root} [data-status]") == RESTARTED
    assert page.evaluate(SHOWN_JS, root)["data"] == shown(bridge.reply("energy", defaults("energy")))["data"]
    # The next entry computes on the new worker.
    page.fill(f'{root} [name="age_years"]', "51")
    expect_answer(visit, root, "energy", {**defaults("energy"), "age_years": "51", "weight_kg": "70"})
    assert page.text_content(f"{root} [data-status]") == READY


def test_the_debug_hang_needs_the_flag_in_the_page_url(visit: Visit) -> None:
    """Without `legwork-debug` the client offers no hook, and a worker started without the flag ignores the
    message: a run sent right after it is answered at once."""
    page = visit.open(PAGES["fueling"])
    assert visit.wait_ready() == ["ready"]
    assert page.evaluate("typeof window.legworkRuntime.debugBusy") == "undefined"
    reply = page.evaluate(
        """async () => {
          const main = document.querySelector('script[src*="main.mjs"]').src;
          const worker = new Worker(new URL("./worker.mjs", main), { type: "module" });
          const next = () => new Promise((resolve) => { worker.onmessage = ({ data }) => resolve(data); });
          for (let data = await next(); data.stage !== "ready"; data = await next());
          const started = performance.now();
          worker.postMessage({ id: 1, type: "debug-busy", seconds: 20 });
          worker.postMessage({ id: 2, type: "run", name: "fueling", inputs: {} });
          const data = await next();
          worker.terminate();
          return { id: data.id, ms: performance.now() - started };
        }"""
    )
    assert reply["id"] == 2 and reply["ms"] < 2_000, reply
