"""Publish anywhere static (issue 12, item 6): the site built for a sub-path (a GitHub Pages project site) and
served by a plain `python3 -m http.server` from the folder above it (no gzip, no special headers) works in
Chromium: a calculator becomes ready, instant navigation keeps one Python, the service worker's scope is the
sub-path. A build whose site_url is not where it is served says so on the page instead of silently reloading.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from scripts.serve import free_port
from tests.articles import calculator_urls
from tests.browser.test_widgets import navigate_instantly
from tests.browser.visits import guarded_visit
from tests.paths import REPO_ROOT

pytestmark = pytest.mark.browser
SUB_PATH = "legwork/"  # where the site is published, under the server's root
MISMATCHED = "moved/"  # a build made for the server's root, served from here instead


def build(site_url: str, out: Path) -> None:
    env = {**os.environ, "LEGWORK_SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
        cwd=REPO_ROOT,
        check=True,
        env=env,
        timeout=600,
    )


@pytest.fixture(scope="module")
def server_root(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The parent folder, holding the sub-path build and a mismatched one, served by plain http.server."""
    port = free_port()
    root = f"http://127.0.0.1:{port}/"
    parent = tmp_path_factory.mktemp("www")
    build(root + SUB_PATH, parent / SUB_PATH)
    build(root, parent / MISMATCHED)
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(parent)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(root + SUB_PATH, timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield root
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_sub_path_site_calculates_navigates_with_one_python_and_scopes_its_service_worker(
    browser: Browser, server_root: str
) -> None:
    pages = list(dict.fromkeys(calculator_urls(REPO_ROOT / "docs").values()))
    assert len(pages) >= 2, "two calculator pages to navigate between"
    with guarded_visit(browser, server_root + SUB_PATH) as visit:
        visit.open(pages[0])
        assert set(visit.wait_ready()) == {"ready"}
        page = visit.page
        page.evaluate("window.__samePageSession = true")
        navigate_instantly(visit, pages[1])
        assert set(visit.wait_ready()) == {"ready"}
        assert page.evaluate("window.__samePageSession") is True, "instant navigation, not a reload"
        assert page.evaluate("window.legworkRuntime.workersStarted") == 1, "one Python for both pages"
        assert page.locator("[data-site-url-mismatch]").count() == 0
        scope = page.evaluate(
            """async () => {
              await navigator.serviceWorker.ready;
              return (await navigator.serviceWorker.getRegistration()).scope;
            }"""
        )
        assert scope == server_root + SUB_PATH


def test_a_build_for_another_address_says_so(browser: Browser, server_root: str) -> None:
    page_path = next(iter(calculator_urls(REPO_ROOT / "docs").values()))
    with guarded_visit(browser, server_root + MISMATCHED, service_workers="block") as visit:
        visit.open(page_path)
        visit.wait_ready()
        status = visit.page.locator("[data-site-url-mismatch]")
        assert status.count() == 1 and status.get_attribute("role") == "status"
        text = " ".join(status.inner_text().split())
        assert f"built for {server_root} but is served from {server_root}{MISMATCHED}" in text
        assert "Rebuild with site_url set to this address" in text
