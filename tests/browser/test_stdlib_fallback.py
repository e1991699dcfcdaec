"""The worker's fallback to Pyodide's stock standard library, in real Chromium on a copy of the built site.

The copy ships no snapshot of Python (as when the shipped one does not restore), so Python starts afresh, and
its trimmed zip is replaced by one that lacks a module, named as left out, as if the build's trace had missed it:
`statistics`, which the training-load calculator imports on first use (Python starts fine and the first answer
needs it), or `json`, which the bridge imports at start (Python cannot start from the zip). Either way the
reader must get CPython's answer, and the server must have been asked for the stock zip. Service workers are
blocked: the copy's changed files no longer match the precache's integrity list.
"""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from bench import levers
from macros import assets, snapshot
from scripts.serve import SiteHandler, serve_in_thread
from tests.articles import calculator_urls
from tests.browser.test_hostile_input import form_entries
from tests.browser.test_widgets import expect_answer
from tests.browser.visits import guarded_visit
from tests.paths import REPO_ROOT
from tests.test_shipped_stdlib import without_module

pytestmark = pytest.mark.browser

PAGE = calculator_urls(REPO_ROOT / "docs")["training_load"]


def serve_recording(site: Path) -> tuple[object, str, list[str]]:
    """The site on a free port, with every requested path recorded."""
    asked: list[str] = []
    lock = threading.Lock()

    class Recording(SiteHandler):
        def send_head(self):  # type: ignore[override]
            with lock:
                asked.append(self.path.split("?", 1)[0])
            return super().send_head()

    server, base_url = serve_in_thread(site, handler_class=Recording)
    return server, base_url, asked


@pytest.mark.parametrize("module", ["statistics", "json"])
def test_a_module_missing_from_the_trimmed_zip_falls_back_to_the_stock_one(
    browser: Browser, built_site: Path, tmp_path: Path, module: str
) -> None:
    site = Path(shutil.copytree(built_site, tmp_path / "site"))
    pyodide = site / assets.PYODIDE_DIR
    levers.turn_off(site, ["snapshot"])
    broken = without_module(site, module, pyodide)
    (pyodide / broken).replace(pyodide / assets.TRIMMED_STDLIB)
    for copy in pyodide.glob(assets.TRIMMED_STDLIB + ".*"):  # a precompressed twin would be served instead
        copy.unlink()
    server, base_url, asked = serve_recording(site)
    try:
        with guarded_visit(browser, base_url, service_workers="block") as visit:
            page = visit.open(PAGE)
            assert visit.wait_ready() == ["ready"]
            root = '[data-calculator="training_load"]'
            loads = [300, 0, 420, 350, 0, 600, 240] * 3 + [360, 0, 480, 400, 0, 720, 310]
            page.fill(f'{root} [data-series-day="28"]', "310")  # the grid's latest day
            entries = {**form_entries("training_load"), "daily_loads_au": loads}
            expect_answer(visit, root, "training_load", entries)
    finally:
        server.shutdown()
    assert f"/{assets.PYODIDE_DIR}/{assets.TRIMMED_STDLIB}" in asked
    assert f"/{assets.PYODIDE_DIR}/{assets.STOCK_STDLIB}" in asked


def test_the_shipped_site_never_asks_for_a_standard_library(browser: Browser, built_site: Path) -> None:
    """Python comes from the shipped snapshot: neither the trimmed zip nor the stock one is fetched."""
    server, base_url, asked = serve_recording(built_site)
    try:
        with guarded_visit(browser, base_url, service_workers="block") as visit:
            page = visit.open(PAGE)
            assert visit.wait_ready() == ["ready"]
            root = '[data-calculator="training_load"]'
            loads = [300, 0, 420, 350, 0, 600, 240] * 3 + [360, 0, 480, 400, 0, 720, 320]
            page.fill(f'{root} [data-series-day="28"]', "320")  # the grid's latest day
            entries = {**form_entries("training_load"), "daily_loads_au": loads}
            expect_answer(visit, root, "training_load", entries)
    finally:
        server.shutdown()
    assert f"/{assets.PYODIDE_DIR}/{assets.TRIMMED_STDLIB}" not in asked
    assert f"/{assets.PYODIDE_DIR}/{assets.STOCK_STDLIB}" not in asked
    assert [path for path in asked if path.endswith(snapshot.SUFFIX)]
