"""The shipped snapshot of Python (macros/snapshot.py), in real Chromium on the built site.

A first visit already restores the build's snapshot: it must answer exactly as CPython does, having asked the
server for the snapshot and the empty standard library zip and for none of what a Python started afresh reads
(the trimmed zip, the wheel, bridge.py). A later visit restores the decoded copy the worker kept in Cache
Storage (runtime/snapshot-cache.mjs) and does not ask the server for the file again. A snapshot that does not restore (cut short, or its memory spoilt) must
never reach the reader: Python starts afresh from the trimmed zip and answers. Service workers are blocked on
the spoilt copies, whose files no longer match the precache's integrity list.
"""

from __future__ import annotations

import json
import re
import shutil
import time
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from macros import assets
from tests.articles import calculator_urls
from tests.browser.test_hostile_input import form_entries
from tests.browser.test_stdlib_fallback import serve_recording
from tests.browser.test_widgets import expect_answer
from tests.browser.visits import Visit, guarded_visit
from tests.paths import REPO_ROOT

pytestmark = pytest.mark.browser

PAGE = calculator_urls(REPO_ROOT / "docs")["energy"]
ROOT = '[data-calculator="energy"]'
HEADER_BYTES = 16  # "LWSNAP1\0", the memory's length, the run count (macros/runtime/snapshot-file.mjs)
KEPT_JS = """async (url) => Boolean(await (await caches.open("lw-python-snapshot")).match(url))"""
KEEP_WAIT_S = 30


def shipped(site: Path) -> dict:
    text = (site / assets.RUNTIME_DIR / assets.SHIPPED_MODULE).read_text(encoding="utf-8")
    return json.loads(re.search(r"export const SHIPPED = (\{.*\});", text)[1])


def boot_of(visit: Visit) -> str:
    assert visit.wait_ready() == ["ready"]
    return visit.page.evaluate("() => window.legworkRuntime.boot")


def answers_as_cpython(visit: Visit, weight_kg: str) -> None:
    visit.page.fill(f'{ROOT} [name="weight_kg"]', weight_kg)
    expect_answer(visit, ROOT, "energy", {**form_entries("energy"), "weight_kg": weight_kg})


def test_a_first_visit_restores_the_shipped_snapshot_and_answers_as_cpython(
    browser: Browser, built_site: Path
) -> None:
    names = shipped(built_site)
    server, base_url, asked = serve_recording(built_site)
    try:
        with guarded_visit(browser, base_url, service_workers="block") as visit:
            visit.open(PAGE)
            assert boot_of(visit) == "snapshot"
            answers_as_cpython(visit, "81")
            answers_as_cpython(visit, "77.5")
            ready_ms = visit.page.evaluate("() => window.legworkRuntime.readyMs")
    finally:
        server.shutdown()
    pyodide = f"/{assets.PYODIDE_DIR}/"
    assert {pyodide + names["snapshot"], pyodide + names["empty"]} <= set(asked)
    read_afresh = [pyodide + assets.TRIMMED_STDLIB, pyodide + names["wheel"], pyodide + assets.STOCK_STDLIB]
    assert not [path for path in asked if path in read_afresh or path.endswith("/bridge.py")]
    print(f"\nready from the shipped snapshot in {ready_ms} ms")


def test_a_later_visit_restores_the_copy_the_first_kept(browser: Browser, built_site: Path) -> None:
    path = f"/{assets.PYODIDE_DIR}/{shipped(built_site)['snapshot']}"
    server, base_url, asked = serve_recording(built_site)
    try:
        # Playwright's routing (the request guard) turns the HTTP cache off: only the kept copy can spare a fetch.
        with guarded_visit(browser, base_url, service_workers="block") as visit:
            visit.open(PAGE)
            assert boot_of(visit) == "snapshot"
            deadline = time.monotonic() + KEEP_WAIT_S
            while not visit.page.evaluate(KEPT_JS, base_url.rstrip("/") + path):
                assert time.monotonic() < deadline, f"no copy of the snapshot was kept within {KEEP_WAIT_S} s"
                visit.page.wait_for_timeout(250)
            fetched = asked.count(path)
            visit.page.reload()
            assert boot_of(visit) == "snapshot"
            answers_as_cpython(visit, "70")
    finally:
        server.shutdown()
    assert fetched == 1 and asked.count(path) == 1  # the second visit read the copy


def spoil(site: Path, how: str) -> None:
    """Cut the copy's snapshot short, or keep its format and overwrite a megabyte of the memory inside."""
    path = site / assets.PYODIDE_DIR / shipped(site)["snapshot"]
    packed = bytearray(path.read_bytes())
    if how == "cut short":
        del packed[len(packed) // 2 :]
    else:
        start = len(packed) // 2
        packed[start : start + 1_000_000] = b"\xa5" * 1_000_000
    assert len(packed) > HEADER_BYTES
    path.write_bytes(bytes(packed))
    for copy in path.parent.glob(path.name + ".*"):  # a precompressed twin would be served instead
        copy.unlink()


@pytest.mark.parametrize("how", ["cut short", "memory spoilt"])
def test_a_snapshot_that_does_not_restore_never_reaches_the_reader(
    browser: Browser, built_site: Path, tmp_path: Path, how: str
) -> None:
    site = Path(shutil.copytree(built_site, tmp_path / "site"))
    spoil(site, how)
    server, base_url, asked = serve_recording(site)
    try:
        with guarded_visit(browser, base_url, service_workers="block") as visit:
            visit.open(PAGE)
            assert boot_of(visit) == "fresh"  # the spoilt snapshot was not used, and Python started afresh
            answers_as_cpython(visit, "66")
            assert visit.page.evaluate("() => window.legworkRuntime.workersStarted") == 1
    finally:
        server.shutdown()
    assert f"/{assets.PYODIDE_DIR}/{assets.TRIMMED_STDLIB}" in asked
