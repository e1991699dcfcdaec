"""Debian's Chromium, headless, through Playwright, with nothing allowed to leave 127.0.0.1.

Outside requests are refused by the browser itself (a dead proxy for every host but loopback, and a resolver
that knows no names) rather than by `page.route()`: Playwright turns the HTTP cache off while routing is on,
which would make every "warm" figure a cold one. Any attempt is still recorded and reported as a failure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserContext, Playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # Loopback bypasses a proxy by default, so only requests for other hosts reach this dead one.
    "--proxy-server=http://127.0.0.1:9",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
PROBE = (Path(__file__).parent / "web" / "probe.js").read_text(encoding="utf-8")
ANSWER_PROBE = (Path(__file__).parent / "web" / "answer-probe.js").read_text(encoding="utf-8")


@dataclass
class Escapes:
    """URLs a page tried to fetch from anywhere but 127.0.0.1 (each one was refused)."""

    urls: list[str] = field(default_factory=list)

    def watch(self, request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.hostname != "127.0.0.1":
            self.urls.append(request.url)


@dataclass
class Setup:
    """What every fresh context shares: the record of refused requests, and whether service workers run."""

    escapes: Escapes = field(default_factory=Escapes)
    service_workers: bool = True


def launch(playwright: Playwright) -> Browser:
    """Debian's Chromium only, never a browser Playwright downloads itself."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)


def fresh_context(browser: Browser, setup: Setup, answers: bool = False) -> BrowserContext:
    """A new, empty profile (HTTP cache, service workers, storage) with the probe in every document; with
    `answers`, also the check that the default answers show at DOMContentLoaded (it lays the page out)."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, service_workers="allow" if setup.service_workers else "block"
    )
    context.add_init_script(script=PROBE)
    if answers:
        context.add_init_script(script=ANSWER_PROBE)
    context.on("request", setup.escapes.watch)
    return context
