"""The site under the strict Content-Security-Policy header: every page, every widget `ready`, no violation.

`STRICT_CSP` allows scripts from the site only, plus `'wasm-unsafe-eval'` for Pyodide's WebAssembly. Pyodide's
loader does not need `eval`: its `eval` and `new Function` paths are for EM_ASM code in dynamically loaded
shared libraries and for `run_js`, neither of which the calculators use. The second test proves the detector
sees a refusal inside the Python worker, by dropping `'wasm-unsafe-eval'`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts.serve import STRICT_CSP, serve_in_thread
from tests.browser.test_widgets import site_pages
from tests.browser.visits import guarded_visit

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def strict_url(built_site: Path) -> Iterator[str]:
    server, base_url = serve_in_thread(built_site, csp=STRICT_CSP)
    yield base_url
    server.shutdown()


def test_every_page_works_under_the_strict_policy(browser, built_site: Path, strict_url: str) -> None:
    """Each page in its own tab (full loads, Pythons booting side by side), then each checked."""
    pages = site_pages(built_site)
    assert len(pages) >= 8
    with guarded_visit(browser, strict_url) as visit:
        tabs = {}
        for path in pages:
            tab = visit.page if not tabs else visit.page.context.new_page()
            response = tab.goto(strict_url + path)
            assert response.headers["content-security-policy"] == STRICT_CSP
            tabs[path] = tab
        for path, names in pages.items():
            visit.page = tabs[path]
            assert visit.wait_ready() == ["ready"] * len(names), path
            # Material's own scripts ran (they were inline before the theme override): scope and storage set.
            assert visit.page.evaluate("typeof __md_get === 'function' && __md_scope instanceof URL")
        visit.page.wait_for_selector(".lw-offline[data-offline=ready]", timeout=60_000)


def test_a_refusal_in_the_python_worker_is_caught(browser, built_site: Path) -> None:
    server, base_url = serve_in_thread(built_site, csp=STRICT_CSP.replace(" 'wasm-unsafe-eval'", ""))
    try:
        with guarded_visit(browser, base_url, service_workers="block") as visit:
            visit.expect_console_errors = True
            visit.open(next(path for path, names in site_pages(built_site).items() if names))
            visit.page.wait_for_timeout(200)
            for _ in range(100):  # the refusal comes as soon as Pyodide compiles its WebAssembly
                if any("content security policy" in text.lower() for text in visit.console_errors):
                    break
                visit.page.wait_for_timeout(200)
            assert any("content security policy" in text.lower() for text in visit.console_errors)
            assert visit.page.get_attribute("[data-calculator]", "data-state") != "ready"
    finally:
        server.shutdown()
