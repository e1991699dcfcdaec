"""A browser context for the offline, CSP, hostile-input and keyboard tests, guarded like the widget tests'.

The widget tests' `visit` fixture blocks service workers; these tests need them (offline) or need a server of
their own (CSP), so they open contexts here with the same guard: any request to a host other than 127.0.0.1
is aborted and fails the test, and so does any console error, uncaught error or Content-Security-Policy
violation, whether the page or one of its workers reports it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

from playwright.sync_api import Browser

from tests.browser.answers import METRIC_READER
from tests.browser.conftest import LOCAL_HOSTS, Visit

# Violations in the document fire `securitypolicyviolation`; report them where the console guard sees them.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline code"}`);
});
"""


@contextmanager
def guarded_visit(browser: Browser, base_url: str, **context_options) -> Iterator[Visit]:
    """A fresh context (service workers allowed unless told otherwise) and its first page, as a `Visit`."""
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


def wait_widgets(visit: Visit, timeout: float = 60_000) -> list[str]:
    """`Visit.wait_ready` for pages under the strict CSP: Playwright evaluates a predicate given as a plain
    expression with `eval`, which the policy refuses, but runs a function expression directly."""
    visit.page.wait_for_function(
        """() => [...document.querySelectorAll("[data-calculator]")]
          .every((root) => root.dataset.state === "ready" || root.dataset.state === "error")""",
        timeout=timeout,
    )
    return visit.page.eval_on_selector_all(
        "[data-calculator]", "(roots) => roots.map((r) => r.dataset.state)"
    )
