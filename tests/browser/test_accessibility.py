"""Accessibility in real Chromium: axe-core on every page in both palettes, and each calculator by keyboard alone.

axe runs on whole pages (theme, article and widgets together), with every `<details>` opened so the collapsed
parts (a widget's steps and sources, the fields tables) are checked too, and it must find nothing at all, of any
impact. The keyboard test uses only key presses: Tab and Shift+Tab to move, typing to enter a number, arrow keys
for radio groups and drop-down lists, Space for check boxes, Enter and Space for "How this was calculated".
"""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

import calculators
from tests.browser.test_widgets import an_edit, defaults, expect_answer, page_of, site_pages
from tests.browser.visits import Visit

pytestmark = pytest.mark.browser

SCHEMES = ("default", "slate")  # Material's light and dark palettes (theme.palette in mkdocs.yml)
TAB_LIMIT = 200  # presses to reach a widget from the top of its page; the longest page needs well under this

# How a focused element is named in the tab order: a radio group is one stop, named after the group.
STOP_JS = """
const stop = (el) => {
  if (!el || el === document.body) return null;
  const tag = el.tagName.toLowerCase();
  if (tag === "input" && el.type === "radio") return `radio ${el.name}`;
  if (el.name) return `${tag} ${el.name}`;
  if (tag === "summary") return `summary ${el.textContent.trim()}`;
  if (tag === "a") return `a ${el.getAttribute("href")}`;
  return tag + (el.id ? `#${el.id}` : "");
};
"""

# The stops Tab should visit in the widget, in document order: every enabled, rendered control; one per radio group.
EXPECTED_STOPS_JS = f"""(root) => {{
  {STOP_JS}
  const groups = new Set();
  const stops = [];
  for (const el of root.querySelectorAll("input, select, textarea, summary, a[href], button")) {{
    if (el.disabled || el.tabIndex < 0 || !el.checkVisibility()) continue;
    if (el.type === "radio") {{
      if (groups.has(el.name)) continue;
      groups.add(el.name);
    }}
    stops.push(stop(el));
  }}
  return stops;
}}"""

FOCUSED_JS = f"""(selector) => {{
  {STOP_JS}
  const el = document.activeElement;
  return {{ stop: stop(el), inside: Boolean(el && el.closest(selector)) }};
}}"""

# Why the focused element shows no focus, or null when it does. The radios are visually hidden (opacity 0): their
# ring is on the pill beside them (`input + span`) or, for the unit toggle, on the whole group.
FOCUS_RING_JS = """() => {
  const el = document.activeElement;
  if (!el.matches(":focus-visible")) return "does not match :focus-visible";
  const shown = getComputedStyle(el).opacity === "0"
    ? [el.nextElementSibling, el.closest("[data-unit-toggle]")].filter(Boolean)
    : [el];
  const ringed = shown.some((e) => {
    const style = getComputedStyle(e);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    return outline || style.boxShadow !== "none";
  });
  return ringed ? null : `no outline or box-shadow on ${shown.map((e) => e.outerHTML.slice(0, 80)).join(", ")}`;
}"""


# For each field with a metric and an imperial unit: does it show the imperial one (feet + inches boxes for height)?
IMPERIAL_SHOWN_JS = """(inputs) => inputs.map((input) => input.disabled
  ? input.closest("[data-field]").querySelector("[data-feet-inches]").checkVisibility()
  : input.parentElement.querySelector("[data-unit-symbol]").textContent === input.dataset.imperialSymbol)"""

STOP_OF_JS = f"""(selector) => {{
  {STOP_JS}
  return stop(document.querySelector(selector));
}}"""


def every_page(site: Path) -> list[str]:
    """Each built page as a URL path, the not-found page included."""
    return [*site_pages(site), "404.html"]


def describe(findings: dict[tuple[str, str], list[dict]]) -> str:
    """axe's findings as a readable list: rule, impact, help link, then each offending node with axe's advice."""
    lines = []
    for (scheme, path), violations in findings.items():
        for violation in violations:
            lines.append(
                f"[{scheme}] /{path} {violation['id']} ({violation['impact']}): {violation['help']}"
                f" <{violation['helpUrl']}>"
            )
            for node in violation["nodes"][:6]:
                lines.append(f"    at {' '.join(map(str, node['target']))}: {node['html'][:160]}")
                summary = " ".join(node.get("failureSummary", "").split())
                if summary:
                    lines.append(f"       {summary[:300]}")
            if len(violation["nodes"]) > 6:
                lines.append(f"    … and {len(violation['nodes']) - 6} more")
    return "\n".join(lines)


def use_scheme(page: Page, scheme: str) -> None:
    """Choose `scheme` with Material's palette toggle, as a reader does; the choice then holds on every page."""
    if page.evaluate("document.body.dataset.mdColorScheme") != scheme:
        page.click("form[data-md-component=palette] label:not([hidden])")
    page.wait_for_function("(scheme) => document.body.dataset.mdColorScheme === scheme", arg=scheme)


def press_until(page: Page, key: str, selector: str, wanted: str, limit: int = TAB_LIMIT) -> None:
    """Press `key` until the focused element is the stop `wanted` inside `selector`."""
    for _ in range(limit):
        page.keyboard.press(key)
        focused = page.evaluate(FOCUSED_JS, selector)
        if focused["inside"] and focused["stop"] == wanted:
            return
    raise AssertionError(f"{key} never reached {wanted!r} in {selector}")


def focused(page: Page, selector: str) -> dict:
    return page.evaluate(FOCUSED_JS, selector)


def assert_focus_ring(page: Page, where: str) -> None:
    problem = page.evaluate(FOCUS_RING_JS)
    assert problem is None, f"focus not visible at {where}: {problem}"


def unit_symbols(page: Page, root: str) -> list[str]:
    return page.eval_on_selector_all(
        f"{root} [data-unit-symbol]", "(spans) => spans.map((s) => s.textContent)"
    )


def operate(page: Page, root: str, stop: str) -> None:
    """Use the focused control by keyboard and put it back: the unit toggle, a radio group, a list, a check box."""
    kind, _, control = stop.partition(" ")
    if stop == "radio lw-unit-system":
        switch_units(page, root)
    elif kind == "radio":
        checked = f'{root} input[name="{control}"]:checked'
        first = page.input_value(checked)
        page.keyboard.press("ArrowRight")
        assert page.input_value(checked) != first, f"ArrowRight did not change {control}"
        assert page.evaluate("document.activeElement.checked")
        page.keyboard.press("ArrowLeft")
        assert page.input_value(checked) == first
    elif kind == "select":
        select = page.locator(f'{root} select[name="{control}"]')
        first, last = select.evaluate("(s) => [s.selectedIndex, s.options.length - 1]")
        there, back = ("ArrowDown", "ArrowUp") if first < last else ("ArrowUp", "ArrowDown")
        page.keyboard.press(there)
        assert select.evaluate("(s) => s.selectedIndex") != first, f"{there} did not change {control}"
        page.keyboard.press(back)
        assert select.evaluate("(s) => s.selectedIndex") == first
    elif kind == "input" and page.evaluate("document.activeElement.type") == "checkbox":
        first = page.evaluate("document.activeElement.checked")
        page.keyboard.press("Space")
        assert page.evaluate("document.activeElement.checked") != first, f"Space did not toggle {control}"
        page.keyboard.press("Space")
        assert page.evaluate("document.activeElement.checked") == first


def switch_units(page: Page, root: str) -> None:
    """Metric → imperial with an arrow key (each dual field shows its imperial unit, or feet and inches), back."""
    metric = unit_symbols(page, root)
    announcer = page.locator(f"{root} [data-announce]")
    # The page announced its answer on load (the reader's stored system differs from the page's); clear it, so the
    # switch's own announcement is seen even when its words are the same (g and kcal do not change with units).
    announcer.evaluate("(el) => { el.textContent = ''; }")
    before = announcer.text_content()
    page.keyboard.press("ArrowRight")
    page.wait_for_function(f"document.querySelector('{root}').dataset.units === 'imperial'")
    assert page.evaluate("document.activeElement.value") == "imperial"
    assert all(page.eval_on_selector_all(f"{root} input[data-metric-unit]", IMPERIAL_SHOWN_JS))
    # The defaults in imperial units are a valid calculation: its result is announced, not an error.
    page.wait_for_function(
        "([el, before]) => el.textContent !== before", arg=[announcer.element_handle(), before]
    )
    assert announcer.text_content().startswith("Result:"), announcer.text_content()
    page.keyboard.press("ArrowLeft")
    page.wait_for_function(f"document.querySelector('{root}').dataset.units === 'metric'")
    assert page.evaluate("document.activeElement.value") == "metric"
    assert unit_symbols(page, root) == metric


# ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_nothing_on_any_page(visit: Visit, built_site: Path, scheme: str) -> None:
    """Every page, widgets `ready` and every `<details>` open: zero axe violations of any impact."""
    # A reader in light mode starts in the first palette; the slate run switches with the toggle.
    visit.page.emulate_media(color_scheme="light")
    use_scheme(visit.open(""), scheme)
    axe = Axe()
    findings = {}
    pages = every_page(built_site)
    assert len(pages) >= 9
    for path in pages:
        page = visit.open(path)
        page.wait_for_load_state("load")
        widgets = page.eval_on_selector_all("[data-calculator]", "(roots) => roots.length")
        if widgets:
            assert visit.wait_ready() == ["ready"] * widgets, path
        assert page.evaluate("document.body.dataset.mdColorScheme") == scheme, path
        page.evaluate("document.querySelectorAll('details').forEach((details) => { details.open = true; })")
        violations = axe.run(page).response["violations"]
        if violations:
            findings[(scheme, path)] = violations
    if findings:
        pytest.fail("axe violations:\n" + describe(findings), pytrace=False)


@pytest.mark.parametrize("name", calculators.names())
def test_each_calculator_works_by_keyboard_alone(visit: Visit, built_site: Path, name: str) -> None:
    """Tab reaches every control in document order, each with a visible focus ring, and leaves the widget; arrow
    keys and Space change radios, lists and check boxes; a typed number gives native `compute()`'s answer, which
    the live region announces; the unit toggle switches; Enter and Space open "How this was calculated"."""
    page = visit.open(page_of(built_site)[name])
    assert visit.wait_ready() == ["ready"]
    root = f'[data-calculator="{name}"]'
    expected = page.evaluate(EXPECTED_STOPS_JS, page.query_selector(root))
    announcer = page.locator(f"{root} [data-announce]")
    assert announcer.get_attribute("aria-live") == "polite"

    # Forward through the widget: every stop in order, focus visible at each, each kind of control operated.
    press_until(page, "Tab", root, expected[0])
    seen = []
    for _ in range(len(expected) + 1):
        here = focused(page, root)
        if not here["inside"]:
            break
        seen.append(here["stop"])
        assert_focus_ring(page, here["stop"])
        operate(page, root, here["stop"])
        page.keyboard.press("Tab")
    else:
        raise AssertionError(f"keyboard trap: Tab did not leave the widget after {seen}")
    assert seen == expected

    # Back in with Shift+Tab, and out the top the same way.
    press_until(page, "Shift+Tab", root, expected[0], limit=len(expected) + 1)
    page.keyboard.press("Shift+Tab")
    assert not focused(page, root)["inside"], "Shift+Tab did not leave the widget"

    # A typed number: the answer is native compute()'s, and the live region says so.
    edit = an_edit(name)
    field_stop = page.evaluate(STOP_OF_JS, f"{root} {edit.control}")
    before = announcer.text_content()
    press_until(page, "Tab", root, field_stop, limit=len(expected) + 1)
    page.keyboard.press("Control+A")
    page.keyboard.type(edit.typed)
    native = expect_answer(visit, root, name, {**defaults(name), **edit.entries})
    page.wait_for_function(
        "([el, before]) => el.textContent !== before && el.textContent.startsWith('Result:')",
        arg=[announcer.element_handle(), before],
    )
    announced = announcer.text_content()
    assert all(value in announced for value in native["display"].values()), announced

    # "How this was calculated": Enter opens it, Space closes and opens it; its links are reachable; no trap.
    summary = "summary How this was calculated"
    details = page.locator(f"{root} .lw-details")
    press_until(page, "Tab", root, summary, limit=len(expected) + 1)
    page.keyboard.press("Enter")
    assert details.evaluate("(d) => d.open")
    page.keyboard.press("Space")
    assert not details.evaluate("(d) => d.open")
    page.keyboard.press("Space")
    assert details.evaluate("(d) => d.open")
    links = page.locator(f"{root} .lw-details a[href]").count()
    for _ in range(links):
        page.keyboard.press("Tab")
        assert focused(page, root)["stop"].startswith("a "), focused(page, root)
        assert_focus_ring(page, focused(page, root)["stop"])
    for _ in range(page.locator(f"{root} [data-toolbar] button").count()):  # Copy link, Print
        page.keyboard.press("Tab")
        assert focused(page, root)["stop"].startswith("button"), focused(page, root)
        assert_focus_ring(page, focused(page, root)["stop"])
    page.keyboard.press("Tab")
    assert not focused(page, root)["inside"], "Tab did not leave the widget with its details open"
