"""The calculator widgets in real Chromium: the built site, its own Pyodide, no request leaving 127.0.0.1.

Each test checks what a reader sees against CPython: the numbers on the page after an input must be the ones
`calculators.compute()` gives natively for the same raw entries (through `macros.bridge`, which formats them the
same way on both sides). Times to `ready` and from an input to its result are printed (`pytest -s` shows them).
"""

from __future__ import annotations

import json
import re
import statistics
from pathlib import Path
from typing import NamedTuple
from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

import calculators
from macros import bridge
from macros.editorial import PRINT_PAGE
from tests.browser.answers import SHOWN_JS, shown
from tests.browser.visits import SCREENSHOTS, Visit

pytestmark = pytest.mark.browser

CALCULATOR_ATTR = re.compile(r'data-calculator="([a-z_]+)"')
SERIOUS = {"serious", "critical"}
STATIC_HEADER = ".md-header, .md-tabs { position: static !important; }"  # keeps it off element screenshots


def site_pages(site: Path) -> dict[str, list[str]]:
    """Every built page (as a URL path) with the calculators it holds, in page order; the redirect stubs at
    moved pages' old addresses (macros/redirects.py) are not pages."""
    pages = {}
    for html in sorted(site.rglob("index.html")):
        path = html.parent.relative_to(site).as_posix()
        text = html.read_text(encoding="utf-8")
        if '<meta http-equiv="refresh"' not in text:
            pages["" if path == "." else f"{path}/"] = CALCULATOR_ATTR.findall(text)
    return pages


def page_of(site: Path) -> dict[str, str]:
    """Each calculator's first page; an article's print page (macros/editorial.py), which holds all its
    calculators, is not a calculator's page."""
    found: dict[str, str] = {}
    for path, names in site_pages(site).items():
        if path.endswith(f"/{PRINT_PAGE.removesuffix('.md')}/"):
            continue
        for name in names:
            found.setdefault(name, path)
    return found


def defaults(name: str) -> dict:
    return {
        f["key"]: f["default"] for f in calculators.schema(name)["inputs"] if f.get("default") is not None
    }


def expect_answer(visit: Visit, root: str, name: str, inputs: dict) -> dict:
    """Wait until the widget at `root` shows CPython's answer for `inputs`; return that answer."""
    reply = bridge.reply(name, inputs)
    assert reply["ok"], reply
    native = shown(reply)
    try:
        _wait_for_answer(visit, root, native)
    except Exception:
        print("SHOWN", visit.page.evaluate(SHOWN_JS, root), "WANT", native, visit.page.url)
        raise
    assert visit.page.evaluate(SHOWN_JS, root)["display"] == native["display"]
    return {**reply, **native}


def _wait_for_answer(visit: Visit, root: str, native: dict) -> None:
    visit.page.wait_for_function(
        """([root, expected]) => {
          const outputs = [...document.querySelectorAll(`${root} [data-results] output[data-output]`)];
          const keys = outputs.map((o) => o.dataset.output);
          return new Set(keys).size === Object.keys(expected.display).length
            && outputs.every((o) => expected.display[o.dataset.output] === o.textContent)
            && outputs.filter((o) => o.hasAttribute("data-value")).every((o) => {
              const a = o.dataset.value, e = expected.data[o.dataset.output];
              if (a === e) return true;
              const x = Number(a), y = Number(e);
              return a !== "" && e !== "" && Number.isFinite(x) && Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(y));
            });
        }""",
        arg=[root, native],
        timeout=15_000,
    )


def navigate_instantly(visit: Visit, path: str) -> None:
    """Follow a link to `path` the way a reader does, so Material's instant navigation handles it."""
    target = visit.base_url + path
    clicked = visit.page.evaluate(
        """(target) => {
          document.querySelector(".md-content").dataset.lwStale = "";
          const link = [...document.querySelectorAll("a[href]")].find((a) => a.href === target);
          if (link) link.click();
          return Boolean(link);
        }""",
        target,
    )
    assert clicked, f"no link to {target}"
    visit.page.wait_for_url(target)
    visit.page.wait_for_function("!document.querySelector('.md-content[data-lw-stale]')")


class Edit(NamedTuple):
    """One entry a test types: the control (a selector inside the widget), the text, and the inputs it makes."""

    control: str
    typed: str
    entries: dict


def an_edit(name: str) -> Edit:
    """A calculator's first number field changed, else its series' first day changed in the grid (the series is
    then native `compute()`'s list of numbers, so the answer shows the grid's text reached Python as typed)."""
    for field in calculators.schema(name)["inputs"]:
        if field["kind"] == "number" and field.get("default"):
            typed = changed_value(field)
            return Edit(f'[name="{field["key"]}"]', typed, {field["key"]: typed})
    series = next(field for field in calculators.schema(name)["inputs"] if field["kind"] == "series")
    typed = changed_value({**series, "default": series["default"][0]})
    first_day = series["max_length"] - len(series["default"]) + 1
    loads = [float(typed), *series["default"][1:]]
    return Edit(f'[data-series-day="{first_day}"]', typed, {series["key"]: loads})


def changed_value(field: dict) -> str:
    """A valid entry different from the default: ten steps up, or down when that would pass the maximum."""
    step, default = field["step"], field["default"]
    value = default + 10 * step if default + 10 * step <= field["max"] else default - 10 * step
    return f"{round(value, 6):g}"


# ---------------------------------------------------------------------------------------------------------


def test_every_page_loads_and_every_widget_gets_ready(visit: Visit, built_site: Path) -> None:
    """No console error anywhere, every widget `ready`, no serious axe violation, a screenshot per calculator.

    axe runs here on the widgets alone; `test_accessibility.py` runs it on whole pages in both palettes.
    """
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    axe = Axe()
    timings = {}
    for path, names in site_pages(built_site).items():
        page = visit.open(path)
        if names:
            assert visit.wait_ready() == ["ready"] * len(names), path
            timings[path] = page.evaluate("window.legworkRuntime.readyMs")
        else:
            page.wait_for_load_state("load")
        if names:
            found = axe.run(page, context={"include": [[".lw-calculator"]]}).response["violations"]
            violations = [v for v in found if v["impact"] in SERIOUS]
            assert not violations, (path, [(v["id"], v["nodes"][0]["html"][:200]) for v in violations])
        for name in dict.fromkeys(names):
            page.add_style_tag(content=STATIC_HEADER)
            page.locator(f'[data-calculator="{name}"]').first.screenshot(path=SCREENSHOTS / f"{name}.png")
    assert set(page_of(built_site)) == set(calculators.names())
    print(f"\npage load → ready (ms, fresh worker each page): {timings}")
    print(f"median: {statistics.median(timings.values()):.0f} ms")


def test_inputs_give_native_answers_on_every_calculator(visit: Visit, built_site: Path) -> None:
    """One worker for all five pages (instant navigation); each answer equals native `compute()`."""
    pages = page_of(built_site)
    first = True
    for name in calculators.names():
        if first:
            visit.open(pages[name])
            first = False
        else:
            navigate_instantly(visit, pages[name])
        visit.wait_ready()
        root = f'[data-calculator="{name}"]'
        edit = an_edit(name)
        visit.page.fill(f"{root} {edit.control}", edit.typed)
        expect_answer(visit, root, name, {**defaults(name), **edit.entries})
    assert visit.page.evaluate("window.legworkRuntime.workersStarted") == 1


def test_an_entry_typed_before_the_runtime_arrives_is_answered(visit: Visit, built_site: Path) -> None:
    """The widgets' runtime is imported only after the page's first paint (main.mjs): an entry typed before it
    mounts gets Python's answer once Python is ready, the same one as when typed later, not the HTML's answer."""
    page, root = visit.page, '[data-calculator="energy"]'
    shows = f"([root, want]) => JSON.stringify(({SHOWN_JS})(root)) === want"
    compact = {"separators": (",", ":")}  # as JSON.stringify writes it
    held = []
    # The runtime's import waits until the reader has typed.
    page.route("**/mount-all.mjs", lambda route: held.append(route))
    page.goto(visit.base_url + page_of(built_site)["energy"], wait_until="domcontentloaded")
    for _ in range(200):
        if held:
            break
        page.wait_for_timeout(50)
    assert held, "main.mjs never imported the widgets' runtime"
    # The stored unit system is the page's own, so no conversion on mounting marks the form as changed.
    page.evaluate("() => localStorage.setItem('legwork.unitSystem', 'imperial')")
    static = json.dumps(page.evaluate(SHOWN_JS, root), **compact)
    page.fill(f'{root} [name="age_years"]', "51")
    assert page.get_attribute(root, "data-state") == "static"  # nothing mounted yet
    held[0].fallback()
    assert visit.wait_ready() == ["ready"]
    page.wait_for_function(f"(args) => !({shows})(args)", arg=[root, static], timeout=20_000)
    early = json.dumps(page.evaluate(SHOWN_JS, root), **compact)
    # The same entry typed now that Python is ready (by way of another one) gives the same answer.
    page.fill(f'{root} [name="age_years"]', "52")
    page.wait_for_function(f"(args) => !({shows})(args)", arg=[root, early], timeout=20_000)
    page.fill(f'{root} [name="age_years"]', "51")
    page.wait_for_function(shows, arg=[root, early], timeout=20_000)


@pytest.mark.parametrize(("viewport_height", "in_first_screen"), [(900, False), (1600, True)])
def test_a_widget_below_the_first_screen_is_painted_once_the_page_is_parsed(
    visit: Visit, built_site: Path, viewport_height: int, in_first_screen: bool
) -> None:
    """While the page is parsed (here held at Material's bundle, a script at the end of the body), boot.js keeps a
    widget below the first screen out of style, layout and paint, so the article above it paints first; a widget
    in the first screen shows at once. Once the page is parsed, every widget shows and gets ready."""
    page, root = visit.page, '[data-calculator="energy"]'
    page.set_viewport_size({"width": 1280, "height": viewport_height})
    held = []
    page.route("**/assets/javascripts/bundle.*.min.js", lambda route: held.append(route))
    page.goto(visit.base_url + page_of(built_site)["energy"], wait_until="commit")
    page.wait_for_function(f"() => document.querySelector('{root} output[data-output]') !== null")
    assert held, "the parser went past Material's bundle"
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
    parsing = page.evaluate(
        f"""() => ({{parsing: document.documentElement.classList.contains("lw-parsing"),
                   top: document.querySelector('{root}').getBoundingClientRect().top,
                   answerShown: document.querySelector('{root} output[data-output]').checkVisibility()}})"""
    )
    assert parsing["parsing"], parsing
    # The page's layout is as this test says: the widget is (or is not) in the first screen.
    assert (parsing["top"] < viewport_height) is in_first_screen, parsing
    assert parsing["answerShown"] is in_first_screen, parsing
    held[0].fallback()
    assert visit.wait_ready() == ["ready"]
    assert not page.evaluate("() => document.documentElement.classList.contains('lw-parsing')")
    assert page.evaluate(f"() => document.querySelector('{root} output[data-output]').checkVisibility()")


def test_decimal_comma_and_unit_suffix_are_read_by_python(visit: Visit, built_site: Path) -> None:
    visit.open(page_of(built_site)["energy"])
    visit.wait_ready()
    root = '[data-calculator="energy"]'
    visit.page.fill(f'{root} [name="weight_kg"]', "72,5")
    expect_answer(visit, root, "energy", {**defaults("energy"), "weight_kg": "72,5"})
    visit.page.fill(f'{root} [name="weight_kg"]', "140lb")
    expect_answer(visit, root, "energy", {**defaults("energy"), "weight_kg": "140lb"})


def test_bad_input_shows_its_message_at_the_field_and_clears_when_fixed(
    visit: Visit, built_site: Path
) -> None:
    visit.open(page_of(built_site)["energy"])
    visit.wait_ready()
    page, root = visit.page, '[data-calculator="energy"]'
    before = page.eval_on_selector_all(f"{root} [data-output]", "(os) => os.map((o) => o.textContent)")
    page.fill(f'{root} [name="age_years"]', "abc")
    message = calculators.run("energy", {**defaults("energy"), "age_years": "abc"})["errors"]["age_years"]
    error = page.locator(f'{root} [data-error-for="age_years"]')
    error.wait_for(state="visible")
    assert error.text_content() == message
    age = page.locator(f'{root} [name="age_years"]')
    assert age.get_attribute("aria-invalid") == "true"
    assert error.get_attribute("id") in age.get_attribute("aria-describedby").split()
    assert message in page.locator(f"{root} [data-announce]").text_content()
    assert "Traceback" not in page.content()
    assert (
        page.eval_on_selector_all(f"{root} [data-output]", "(os) => os.map((o) => o.textContent)") == before
    )
    page.fill(f'{root} [name="age_years"]', "36")
    error.wait_for(state="hidden")
    assert age.get_attribute("aria-invalid") is None
    expect_answer(visit, root, "energy", {**defaults("energy"), "age_years": "36"})


def test_unit_toggle_url_state_and_remembered_units(
    visit: Visit, built_site: Path, browser, site_url
) -> None:
    pages = page_of(built_site)
    visit.open(pages["energy"])
    visit.wait_ready()
    page, root = visit.page, '[data-calculator="energy"]'
    imperial = calculators.imperial_defaults(calculators.schema("energy"))
    page.click(f"{root} .lw-segment:has(input[value=imperial])")
    page.wait_for_function(f"document.querySelector('{root}').dataset.units === 'imperial'")
    assert page.is_visible(f'{root} [name="height_cm.ft"]') and not page.is_visible(
        f'{root} [name="height_cm"]'
    )
    assert page.input_value(f'{root} [name="height_cm.ft"]') == imperial["height_cm"]["ft"]
    assert page.input_value(f'{root} [name="weight_kg"]') == imperial["weight_kg"]
    assert page.text_content(f'{root} [data-field="weight_kg"] [data-unit-symbol]') == "lb"
    # An imperial entry goes to Python with its unit.
    page.fill(f'{root} [name="height_cm.in"]', "7")
    height = {"value": {"ft": imperial["height_cm"]["ft"], "in": "7"}, "unit": "ft_in"}
    weight = {"value": imperial["weight_kg"], "unit": "lb"}
    expected = {**defaults("energy"), "height_cm": height, "weight_kg": weight}
    expect_answer(visit, root, "energy", expected)
    query = parse_qs(urlsplit(page.url).query)
    assert query["energy.unit-system"] == ["imperial"] and query["energy.height_cm.in"] == ["7"]
    # The link restores the calculation in a browser that has never seen the site.
    other = browser.new_context()
    try:
        shared = other.new_page()
        shared.goto(page.url)
        shared.wait_for_function(
            f"document.querySelector('{root}').dataset.state === 'ready'", timeout=60_000
        )
        assert shared.input_value(f'{root} [name="height_cm.in"]') == "7"
        answer = shown(bridge.reply("energy", expected, "imperial"))
        shared.wait_for_function(
            "([root, texts]) => JSON.stringify((SHOWN)(root).display) === JSON.stringify(texts)".replace(
                "SHOWN", SHOWN_JS
            ),
            arg=[root, answer["display"]],
            timeout=15_000,
        )
    finally:
        other.close()
    # Back to metric converts the entries through Python; the choice is remembered on the next page.
    page.click(f"{root} .lw-segment:has(input[value=metric])")
    page.wait_for_function(f"document.querySelector('{root}').dataset.units === 'metric'")
    converted = calculators.convert_entry({"ft": imperial["height_cm"]["ft"], "in": "7"}, "ft_in", "cm", 0.1)
    page.wait_for_function(
        f"document.querySelector('{root} [name=height_cm]').value === {json.dumps(converted)}", timeout=10_000
    )
    page.click(f"{root} .lw-segment:has(input[value=imperial])")
    page.wait_for_function(f"document.querySelector('{root}').dataset.units === 'imperial'")
    navigate_instantly(visit, pages["hydration"])
    visit.wait_ready()
    assert page.get_attribute('[data-calculator="hydration"]', "data-units") == "imperial"
    assert page.evaluate("localStorage.getItem('legwork.unitSystem')") == "imperial"


def test_instant_navigation_keeps_the_worker(visit: Visit, built_site: Path) -> None:
    pages = page_of(built_site)
    visit.open(pages["energy"])
    visit.wait_ready()
    page = visit.page
    page.evaluate("window.__samePageSession = true")
    page.evaluate("window.__navStart = performance.now()")
    navigate_instantly(visit, pages["fueling"])
    visit.wait_ready()
    elapsed = page.evaluate("performance.now() - window.__navStart")
    assert page.evaluate("window.__samePageSession") is True, "the page reloaded"
    assert page.evaluate("window.legworkRuntime.workersStarted") == 1
    print(f"\nclick → ready after instant navigation: {elapsed:.0f} ms (no second Pyodide boot)")
    root = '[data-calculator="fueling"]'
    visit.page.fill(f'{root} [name="weight_kg"]', "66")
    expect_answer(visit, root, "fueling", {**defaults("fueling"), "weight_kg": "66"})


def test_input_to_result_latency(visit: Visit, built_site: Path) -> None:
    """Measured in the page: from the input event to the answer being replaced (MutationObserver)."""
    visit.open(page_of(built_site)["energy"])
    visit.wait_ready()
    samples = visit.page.evaluate(
        """async () => {
          const input = document.querySelector('[data-calculator="energy"] [name="weight_kg"]');
          const output = document.querySelector('[data-calculator="energy"] [data-results]');
          const samples = [];
          for (let i = 0; i < 25; i++) {
            const changed = new Promise((resolve) => {
              const observer = new MutationObserver(() => { observer.disconnect(); resolve(performance.now()); });
              observer.observe(output, { childList: true, characterData: true, subtree: true });
            });
            input.value = String(60 + i);
            const start = performance.now();
            input.dispatchEvent(new Event("input", { bubbles: true }));
            samples.push((await changed) - start);
          }
          return samples;
        }"""
    )
    samples.sort()
    median, p95 = statistics.median(samples), samples[int(0.95 * (len(samples) - 1))]
    print(f"\ninput → updated result: median {median:.1f} ms, p95 {p95:.1f} ms over {len(samples)} inputs")
    assert median < 500


def test_pyodide_failure_keeps_the_static_answer(visit: Visit, built_site: Path) -> None:
    visit.expect_console_errors = True
    visit.page.route("**/pyodide.asm.wasm", lambda route: route.abort())
    visit.open(page_of(built_site)["energy"])
    assert visit.wait_ready() == ["error"]
    root = '[data-calculator="energy"]'
    status = visit.page.text_content(f"{root} [data-status]")
    assert "unavailable" in status and "default values" in status
    static = shown(bridge.reply("energy", defaults("energy"), "imperial"))  # rendered in the site's default
    assert visit.page.evaluate(SHOWN_JS, root)["display"] == static["display"]


def test_same_calculator_twice_on_a_page(widget_visit: Visit) -> None:
    """Two `energy` widgets: unique ids, their own answers and their own URL parameters."""
    page = widget_visit.open("")
    assert widget_visit.wait_ready() == ["ready", "ready"]
    ids = page.eval_on_selector_all("[id]", "(els) => els.map((e) => e.id)")
    assert len(ids) == len(set(ids))
    first, second = '[data-instance="energy"]', '[data-instance="energy-2"]'
    page.fill(f'{second} [name="age_years"]', "50")
    expect_answer(widget_visit, second, "energy", {**defaults("energy"), "age_years": "50"})
    expect_answer(widget_visit, first, "energy", defaults("energy"))
    query = parse_qs(urlsplit(page.url).query)
    assert query["energy-2.age_years"] == ["50"] and "energy.age_years" not in query
    page.reload()
    widget_visit.wait_ready()
    assert page.input_value(f'{second} [name="age_years"]') == "50"
    assert page.input_value(f'{first} [name="age_years"]') == str(defaults("energy")["age_years"])
    navigate_instantly(widget_visit, "all/")
    assert widget_visit.wait_ready() == ["ready"] * 5
    assert page.evaluate("window.legworkRuntime.workersStarted") == 1
