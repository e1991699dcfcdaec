"""One browser session per sample: what a reader gets on a first visit, a second visit, a click and a keystroke.

Every time is read inside the page with `performance.now()` (0 = the start of that navigation), so the
Playwright round trips never count. A session opens a fresh context (empty profile and caches) and closes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from .browser import Setup, fresh_context
from .quiet import wait_quiet
from .server import Tally

WEB_DIR = Path(__file__).parent / "web"
NAVIGATE_JS = (WEB_DIR / "navigate.js").read_text(encoding="utf-8")
LATENCY_JS = (WEB_DIR / "latency.js").read_text(encoding="utf-8")
READY_LIMIT_MS = 60_000
SETTLE_MS = 300  # after ready, before counting bytes: late replies of the same page load still land
PLAIN_SETTLE_MS = 1_000  # a page without widgets has no ready mark; LCP is final well before this

CALCULATOR_READY = """() => {
  const failed = document.querySelector('[data-calculator][data-state="error"]');
  return failed ? "error" : window.__bench && window.__bench.ready !== null;
}"""
BARE_READY = (
    "() => document.documentElement.dataset.benchReady || document.documentElement.dataset.benchError"
)


@dataclass(frozen=True)
class Urls:
    calculator: str  # the page measured cold and warm
    second: str  # another calculator page, reached by instant navigation
    article: str  # the article page with its widgets (LCP)
    article_plain: str  # the same page with the widgets removed
    bare: str


def calculator_session(browser: Browser, urls: Urls, tally: Tally, setup: Setup, inputs: int) -> dict:
    """Cold visit (ready, first answer, bytes), keystrokes, instant navigation, then a warm second visit."""
    context = fresh_context(browser, setup, answers=True)
    try:
        page = context.new_page()
        wait_quiet()
        tally.reset()
        page.goto(urls.calculator, wait_until="domcontentloaded")
        cold = _wait_calculator(page)
        page.wait_for_timeout(SETTLE_MS)
        sample = {"cold": cold, "bytes": tally.snapshot()}
        if cold["ready"] is None:
            return sample
        sample["latency"] = page.evaluate(LATENCY_JS, {"count": inputs, "gapMs": 40, "timeoutMs": 5_000})
        sample["navigation"] = page.evaluate(NAVIGATE_JS, {"href": urls.second, "timeoutMs": 10_000})
        page.goto("about:blank")
        wait_quiet()
        page.goto(urls.calculator, wait_until="domcontentloaded")
        sample["warm"] = _wait_calculator(page)
        return sample
    finally:
        context.close()


def bare_visits(browser: Browser, url: str, setup: Setup) -> dict:
    """The floor: the bare Pyodide page cold, then again with the caches the first visit filled."""
    context = fresh_context(browser, setup)
    try:
        page = context.new_page()
        wait_quiet()
        page.goto(url, wait_until="domcontentloaded")
        cold = _wait_bare(page)
        page.goto("about:blank")
        wait_quiet()
        page.goto(url, wait_until="domcontentloaded")
        return {"cold": cold, "warm": _wait_bare(page)}
    finally:
        context.close()


def lcp_visit(browser: Browser, url: str, setup: Setup, widgets: bool) -> float | None:
    """Largest Contentful Paint of one cold visit; with widgets, read once they are ready (Pyodide ran)."""
    context = fresh_context(browser, setup)
    try:
        page = context.new_page()
        wait_quiet()
        page.goto(url, wait_until="load")
        if widgets:
            _wait_calculator(page)
        else:
            page.wait_for_timeout(PLAIN_SETTLE_MS)
        return page.evaluate("() => window.__bench.lcp")
    finally:
        context.close()


# ---------------------------------------------------------------------------------------------------------


def _wait_calculator(page: Page, limit_ms: float = READY_LIMIT_MS) -> dict:
    """The probe's record once every widget is ready (or one failed, or the limit passed)."""
    try:
        state = page.wait_for_function(CALCULATOR_READY, timeout=limit_ms).json_value()
    except PlaywrightTimeout:
        state = "timeout"
    record = page.evaluate(
        """() => ({...window.__bench,
                  dcl: performance.getEntriesByType("navigation")[0]?.domContentLoadedEventStart ?? null,
                  workers: globalThis.legworkRuntime?.workersStarted ?? null,
                  bootMs: globalThis.legworkRuntime?.readyMs ?? null,
                  boot: globalThis.legworkRuntime?.boot ?? null})"""
    )
    record["error"] = None if state is True else str(state)
    return record


def _wait_bare(page: Page, limit_ms: float = READY_LIMIT_MS) -> float | None:
    page.wait_for_function(BARE_READY, timeout=limit_ms)
    ready = page.evaluate("() => document.documentElement.dataset.benchReady ?? null")
    return float(ready) if ready is not None else None
