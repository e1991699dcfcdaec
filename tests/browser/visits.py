"""The browser tests' one way into a page: a guarded context (`guarded_visit`) and what it saw (`Visit`).

Every test opens pages through `guarded_visit`, so every test fails on a request that leaves 127.0.0.1, on a
console error or uncaught error, and on a Content-Security-Policy violation, unless it says it expects errors.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Page

from tests.browser.answers import METRIC_READER
from tests.paths import REPO_ROOT

LOCAL_HOSTS = {"127.0.0.1", "localhost"}
SCREENSHOTS = REPO_ROOT / "test-artifacts" / "screenshots"
BOOT_TIMEOUT_MS = 60_000


@dataclass
class Visit:
    """A page plus everything that went wrong on it: console errors, page errors, requests that left the site."""

    page: Page
    base_url: str
    console_errors: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)
    expect_console_errors: bool = False

    def open(self, path: str = "") -> Page:
        self.page.goto(self.base_url + path)
        return self.page

    def wait_ready(self, timeout: float = BOOT_TIMEOUT_MS) -> list[str]:
        """Wait until every widget has left `static`/`loading`; return their states."""
        # A function expression, not a plain one: Playwright evaluates a plain expression with `eval`, which the
        # strict CSP refuses; a function runs directly.
        self.page.wait_for_function(
            """() => [...document.querySelectorAll("[data-calculator]")]
              .every((root) => root.dataset.state === "ready" || root.dataset.state === "error")""",
            timeout=timeout,
        )
        return self.page.eval_on_selector_all(
            "[data-calculator]", "(roots) => roots.map((r) => r.dataset.state)"
        )


# Violations in the document fire `securitypolicyviolation`; report them where the console guard sees them.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline code"}`);
});
"""


@contextmanager
def guarded_visit(browser: Browser, base_url: str, **context_options) -> Iterator[Visit]:
    """A fresh context and its first page, as a `Visit`: the one request and console guard of every browser test.
    Any request to a host other than 127.0.0.1 is aborted and fails the test, and so does any console error,
    uncaught error or Content-Security-Policy violation, whether the page or one of its workers reports it."""
    context = browser.new_context(viewport={"width": 1100, "height": 900}, **context_options)
    context.add_init_script(REPORT_CSP_VIOLATIONS)
    context.add_init_script(METRIC_READER)
    visit = Visit(page=context.new_page(), base_url=base_url)

    def route(route) -> None:
        if urlsplit(route.request.url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            visit.external.append(route.request.url)
            route.abort()

    def on_console(message) -> None:
        # Workers' messages reach the page's console event too (`message.worker` is set), and a CSP refusal
        # inside a worker shows up as a warning or an error that names the policy.
        if message.type == "error" or "content security policy" in message.text.lower():
            visit.console_errors.append(f"{message.type}: {message.text}")

    watched: set[int] = set()

    def watch(page) -> None:
        if id(page) not in watched:  # the first page may be announced by the "page" event as well
            watched.add(id(page))
            page.on("console", on_console)
            page.on("pageerror", lambda error: visit.console_errors.append(f"uncaught: {error}"))

    context.route("**/*", route)
    context.on("page", watch)
    watch(visit.page)
    try:
        yield visit
    finally:
        context.close()
    assert not visit.external, f"requests left the site: {visit.external}"
    if not visit.expect_console_errors:
        assert not visit.console_errors, f"console errors: {visit.console_errors}"
