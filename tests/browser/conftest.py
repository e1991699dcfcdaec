"""Real Chromium for the widget tests: Debian's own binary driven by Playwright, the built site on 127.0.0.1.

One browser per session (Pyodide's boot dominates, not the browser's); a fresh context per test. Every request
is routed: any to a host other than 127.0.0.1 or localhost is aborted and fails the test, and so does any
console error or uncaught page error, unless the test says it expects them.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from scripts.serve import free_port, serve_in_thread
from tests.browser.visits import Visit, guarded_visit
from tests.paths import REPO_ROOT

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


@pytest.fixture
def visit(browser: Browser, site_url: str) -> Iterator[Visit]:
    """A fresh browser context on the built site."""
    with guarded_visit(browser, site_url, service_workers="allow") as opened:
        yield opened


@pytest.fixture
def widget_visit(browser: Browser, widget_site_url: str) -> Iterator[Visit]:
    """A fresh browser context on the widget fixture site."""
    with guarded_visit(browser, widget_site_url, service_workers="allow") as opened:
        yield opened
