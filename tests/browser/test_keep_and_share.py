"""Keep and share, and bad input (issue 11): an out-of-date answer says so, a copied link reproduces the entries
and units in a browser that never saw the site, and Print prints one widget with its steps open."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.answers import SHOWN_JS
from tests.browser.test_widgets import STATIC_HEADER, page_of
from tests.browser.visits import SCREENSHOTS, Visit

pytestmark = pytest.mark.browser
ROOT = '[data-calculator="hydration"]'


def test_an_answer_for_refused_entries_is_dimmed_and_says_it_is_out_of_date(
    visit: Visit, built_site: Path
) -> None:
    page = visit.open(page_of(built_site)["hydration"])
    visit.wait_ready()
    note = page.locator(f"{ROOT} [data-stale-note]")
    assert note.is_hidden()
    before = page.evaluate(SHOWN_JS, ROOT)
    page.fill(f'{ROOT} [name="weight_kg"]', "-5")
    page.wait_for_function(f"document.querySelector('{ROOT}').dataset.invalid === 'true'")
    assert note.is_visible() and "Out of date" in note.text_content()
    assert page.evaluate(SHOWN_JS, ROOT) == before, "the last good answer stays"
    opacity = page.eval_on_selector(f"{ROOT} [data-results]", "(el) => getComputedStyle(el).opacity")
    assert float(opacity) < 1
    page.fill(f'{ROOT} [name="weight_kg"]', "80")
    page.wait_for_function(f"document.querySelector('{ROOT}').dataset.invalid === undefined")
    assert note.is_hidden()


def test_copy_link_reproduces_entries_and_units_elsewhere(visit: Visit, built_site: Path, browser) -> None:
    visit.page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = visit.open(page_of(built_site)["hydration"])
    visit.wait_ready()
    page.fill(f'{ROOT} [name="weight_kg"]', "81")
    page.wait_for_function(
        f"document.querySelector('{ROOT} [data-results]').textContent.includes('405')"
    )  # 5–7 mL/kg × 81 kg = 405–567 mL
    page.click(f"{ROOT} [data-copy-link]")
    # The clipboard when the browser allows it, else the link shown selected in a box to copy by hand.
    page.wait_for_function(
        f"document.querySelector('{ROOT} [data-announce]').textContent === 'Link copied.'"
        f" || document.querySelector('{ROOT} input.lw-link-box') !== null"
    )
    box = page.locator(f"{ROOT} input.lw-link-box")
    link = box.input_value() if box.count() else page.evaluate("navigator.clipboard.readText()")
    assert "hydration.weight_kg=81" in link and "hydration.unit-system=metric" in link
    other = browser.new_context()
    try:
        shared = other.new_page()
        shared.goto(link)
        shared.wait_for_function(
            f"document.querySelector('{ROOT}').dataset.state === 'ready'", timeout=60_000
        )
        assert shared.input_value(f'{ROOT} [name="weight_kg"]') == "81"
        shared.wait_for_function(
            f"document.querySelector('{ROOT} [data-results]').textContent.includes('405')"
        )
    finally:
        other.close()


def test_print_prints_this_widget_alone_with_its_steps_open(visit: Visit, built_site: Path) -> None:
    visit.page.add_init_script(
        "window.print = () => { window.__printed = document.documentElement.className; };"
    )
    page = visit.open(page_of(built_site)["hydration"])
    visit.wait_ready()
    page.click(f"{ROOT} [data-print]")
    assert "lw-print-one" in page.evaluate("window.__printed")
    assert page.evaluate(f"document.querySelector('{ROOT} details.lw-details').open")
    assert page.evaluate(f"'lwPrint' in document.querySelector('{ROOT}').dataset")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert "lw-print-one" not in page.evaluate("document.documentElement.className")


def test_every_calculator_fits_a_phone_and_is_screenshotted_in_both_palettes(
    visit: Visit, built_site: Path
) -> None:
    """Desktop and a 390 px phone, light and slate palettes, into test-artifacts/screenshots/; at 390 px no
    widget is wider than the screen (nothing to scroll sideways)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = visit.page
    for name, path in page_of(built_site).items():
        for width in (1100, 390):
            page.set_viewport_size({"width": width, "height": 900})
            visit.open(path)
            visit.wait_ready()
            page.add_style_tag(content=STATIC_HEADER)  # Material's sticky header would lie over the widget
            root = page.locator(f'[data-calculator="{name}"]').first
            overflow = root.evaluate("(el) => el.scrollWidth - el.clientWidth")
            assert overflow <= 1, f"{name} at {width} px is {overflow} px too wide"
            for scheme in ("default", "slate"):
                page.evaluate("(s) => document.body.setAttribute('data-md-color-scheme', s)", scheme)
                shot = SCREENSHOTS / f"{name}-{'phone' if width == 390 else 'desktop'}-{scheme}.png"
                root.screenshot(path=shot)
                assert shot.stat().st_size > 5_000
