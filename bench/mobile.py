"""The mobile profile: the calculator page and the bare page, cold and warm, on a phone-like CPU and network.

Throttled through the DevTools protocol on each page: `Emulation.setCPUThrottlingRate` 4× and
`Network.emulateNetworkConditions` at Chrome DevTools' "Fast 4G" preset (9 Mbit/s down and 1.5 Mbit/s up, both
× 0.9, and 60 ms × 2.75 = 165 ms latency: front_end/core/sdk/NetworkManager.ts). Bytes are counted by the server.
"""

from __future__ import annotations

from playwright.sync_api import Browser, Page

from .browser import Setup, fresh_context
from .measure import Urls, _wait_bare, _wait_calculator
from .quiet import wait_quiet
from .server import Tally

CPU_SLOWDOWN = 4
FAST_4G = {
    "offline": False,
    "latency": 60 * 2.75,
    "downloadThroughput": 9_000_000 / 8 * 0.9,
    "uploadThroughput": 1_500_000 / 8 * 0.9,
}
READY_LIMIT_MS = 120_000


def throttle(page: Page) -> None:
    session = page.context.new_cdp_session(page)
    session.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    session.send("Network.enable")
    session.send("Network.emulateNetworkConditions", FAST_4G)


def calculator_visits(browser: Browser, urls: Urls, tally: Tally, setup: Setup) -> dict:
    """Cold visit (ready, bytes), then a warm second visit, both throttled."""
    context = fresh_context(browser, setup)
    try:
        page = context.new_page()
        throttle(page)
        wait_quiet()
        tally.reset()
        page.goto(urls.calculator, wait_until="domcontentloaded", timeout=READY_LIMIT_MS)
        cold = _wait_calculator(page, READY_LIMIT_MS)
        page.wait_for_timeout(300)
        sent = tally.snapshot()
        page.goto("about:blank")
        wait_quiet()
        page.goto(urls.calculator, wait_until="domcontentloaded", timeout=READY_LIMIT_MS)
        return {"cold": cold, "warm": _wait_calculator(page, READY_LIMIT_MS), "bytes": sent}
    finally:
        context.close()


def bare_visits(browser: Browser, url: str, tally: Tally, setup: Setup) -> dict:
    context = fresh_context(browser, setup)
    try:
        page = context.new_page()
        throttle(page)
        wait_quiet()
        tally.reset()
        page.goto(url, wait_until="domcontentloaded", timeout=READY_LIMIT_MS)
        cold = _wait_bare(page, READY_LIMIT_MS)
        sent = tally.snapshot()
        page.goto("about:blank")
        wait_quiet()
        page.goto(url, wait_until="domcontentloaded", timeout=READY_LIMIT_MS)
        return {"cold": cold, "warm": _wait_bare(page, READY_LIMIT_MS), "bytes": sent}
    finally:
        context.close()
