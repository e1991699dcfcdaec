"""Real Chromium for the widget tests: Debian's own binary driven by Playwright, the built site on 127.0.0.1.

One browser per session (Pyodide's boot dominates, not the browser's); a fresh context per test. Every request
is routed: any to a host other than 127.0.0.1 or localhost is aborted and fails the test, and so does any
console error or uncaught page error, unless the test says it expects them.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page

from scripts.serve import free_port, serve_in_thread
from tests.browser.answers import METRIC_READER

LOCAL_HOSTS = {"127.0.0.1", "localhost"}
REPO_ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO_ROOT / "test-artifacts" / "screenshots"
BOOT_TIMEOUT_MS = 60_000

# A page of its own for what the article pages do not hold: the same calculator twice, every one together.
WIDGET_DOCS = {
    "index.md": "# Two of a kind\n\n[All five](all.md)\n\n{{ calculator('energy') }}\n\n{{ calculator('energy') }}\n",
    "all.md": "# All five\n\n[Two of a kind](index.md)\n\n"
    + "".join(f"{{{{ calculator('{name}') }}}}\n\n" for name in ("energy", "hydration", "fueling"))
    + "{{ calculator('electrolytes') }}\n\n{{ calculator('training_load') }}\n",
}
WIDGET_CONFIG = """\
site_name: Legwork widget fixture
site_url: http://127.0.0.1:{port}/
strict: true
theme: {name: material, font: false, features: [navigation.instant]}
plugins:
  - macros: {module_name: macros, on_error_fail: true, on_undefined: strict}
extra_css: [assets/legwork/widget.css]
extra_javascript: [{path: assets/legwork/main.mjs, type: module}]
"""


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
        self.page.wait_for_function(
            "[...document.querySelectorAll('[data-calculator]')]"
            ".every((root) => root.dataset.state === 'ready' || root.dataset.state === 'error')",
            timeout=timeout,
        )
        return self.page.eval_on_selector_all(
            "[data-calculator]", "(roots) => roots.map((r) => r.dataset.state)"
        )


@pytest.fixture(scope="session")
def site_url(built_site: Path, site_port: int) -> Iterator[str]:
    server, base_url = serve_in_thread(built_site, port=site_port)
    yield base_url
    server.shutdown()


@pytest.fixture(scope="session")
def widget_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def widget_site(tmp_path_factory: pytest.TempPathFactory, widget_port: int) -> Path:
    """A small site built with the repository's macros: two `energy` widgets on one page, all five on another."""
    root = tmp_path_factory.mktemp("widget-site")
    (root / "docs").mkdir()
    for name, text in WIDGET_DOCS.items():
        (root / "docs" / name).write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").write_text(WIDGET_CONFIG.replace("{port}", str(widget_port)), encoding="utf-8")
    (root / "macros").symlink_to(REPO_ROOT / "macros", target_is_directory=True)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=root, check=True)
    return root / "site"


@pytest.fixture(scope="session")
def widget_site_url(widget_site: Path, widget_port: int) -> Iterator[str]:
    server, base_url = serve_in_thread(widget_site, port=widget_port)
    yield base_url
    server.shutdown()


def _visit(browser: Browser, base_url: str) -> Iterator[Visit]:
    context = browser.new_context(viewport={"width": 1100, "height": 900}, service_workers="allow")
    context.add_init_script(METRIC_READER)
    page = context.new_page()
    visit = Visit(page=page, base_url=base_url)

    def route(route) -> None:
        url = urlsplit(route.request.url)
        if url.hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            visit.external.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    page.on("console", lambda message: message.type == "error" and visit.console_errors.append(message.text))
    page.on("pageerror", lambda error: visit.console_errors.append(f"uncaught: {error}"))
    yield visit
    context.close()
    assert not visit.external, f"requests left the site: {visit.external}"
    if not visit.expect_console_errors:
        assert not visit.console_errors, f"console errors: {visit.console_errors}"


@pytest.fixture
def visit(browser: Browser, site_url: str) -> Iterator[Visit]:
    """A fresh browser context on the built site."""
    yield from _visit(browser, site_url)


@pytest.fixture
def widget_visit(browser: Browser, widget_site_url: str) -> Iterator[Visit]:
    """A fresh browser context on the widget fixture site."""
    yield from _visit(browser, widget_site_url)
