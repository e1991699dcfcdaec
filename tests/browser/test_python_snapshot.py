"""The worker's memory snapshot of Python, in real Chromium on the built site (macros/runtime/python-snapshot.mjs).

A first visit starts Python afresh and, once idle, keeps a snapshot in Cache Storage under this build's key; the
next visit restores it and must answer exactly as CPython does. A snapshot that does not restore (damaged, or of
another build) must never reach the reader: Python starts afresh, answers, and keeps a good snapshot again.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import Page

from macros import assets
from tests.articles import calculator_urls
from tests.browser.test_hostile_input import form_entries
from tests.browser.test_widgets import expect_answer
from tests.browser.visits import Visit
from tests.paths import REPO_ROOT

pytestmark = pytest.mark.browser

PAGE = calculator_urls(REPO_ROOT / "docs")["energy"]
ROOT = '[data-calculator="energy"]'
CACHE_NAME = "lw-python-snapshot"  # python-snapshot.mjs
SNAPSHOT_WAIT_S = 60

KEYS_JS = f"""async () => {{
  const cache = await caches.open("{CACHE_NAME}");
  return (await cache.keys()).map((request) => request.url);
}}"""
REPLACE_JS = f"""async ([url, newUrl, damage]) => {{
  const cache = await caches.open("{CACHE_NAME}");
  const saved = await cache.match(url);
  let body = new Uint8Array(await saved.arrayBuffer());
  if (damage) body = body.slice(0, 4096);
  await cache.delete(url);
  await cache.put(newUrl, new Response(body));
}}"""


def build_id(site: Path) -> str:
    shipped = (site / assets.RUNTIME_DIR / assets.SHIPPED_MODULE).read_text(encoding="utf-8")
    return json.loads(re.search(r"export const SHIPPED = (\{.*\});", shipped)[1])["build"]


def boot_of(visit: Visit) -> str:
    assert visit.wait_ready() == ["ready"]
    return visit.page.evaluate("() => window.legworkRuntime.boot")


def saved_snapshot(page: Page, build: str) -> str:
    """The one snapshot key in Cache Storage, once the worker has kept this build's (and no other)."""
    deadline = time.monotonic() + SNAPSHOT_WAIT_S
    while not ((keys := page.evaluate(KEYS_JS)) and len(keys) == 1 and keys[0].endswith(f"/{build}")):
        assert time.monotonic() < deadline, f"no snapshot was kept within {SNAPSHOT_WAIT_S} s: {keys}"
        page.wait_for_timeout(250)
    return keys[0]


def answers_as_cpython(visit: Visit, weight_kg: str) -> None:
    visit.page.fill(f'{ROOT} [name="weight_kg"]', weight_kg)
    expect_answer(visit, ROOT, "energy", {**form_entries("energy"), "weight_kg": weight_kg})


def test_a_later_visit_restores_python_from_the_snapshot_the_first_kept(
    visit: Visit, built_site: Path
) -> None:
    visit.open(PAGE)
    assert boot_of(visit) == "fresh"
    answers_as_cpython(visit, "81")
    key = saved_snapshot(visit.page, build_id(built_site))
    assert "/python-snapshot/" in key
    visit.page.reload()
    assert boot_of(visit) == "snapshot"
    first_ready_ms = visit.page.evaluate("() => window.legworkRuntime.readyMs")
    answers_as_cpython(visit, "77.5")
    assert visit.page.evaluate("() => window.legworkRuntime.workersStarted") == 1
    print(f"\nready from the snapshot in {first_ready_ms} ms")


@pytest.mark.parametrize("spoil", ["damaged", "another build"])
def test_a_snapshot_that_cannot_be_restored_never_reaches_the_reader(
    visit: Visit, built_site: Path, spoil: str
) -> None:
    visit.open(PAGE)
    assert boot_of(visit) == "fresh"
    key = saved_snapshot(visit.page, build_id(built_site))
    other = key.replace(build_id(built_site), "0" * 32) if spoil == "another build" else key
    visit.page.evaluate(REPLACE_JS, [key, other, spoil == "damaged"])
    visit.page.reload()
    assert boot_of(visit) == "fresh"  # the spoilt snapshot was not used, and Python started as usual
    answers_as_cpython(visit, "66")
    assert saved_snapshot(visit.page, build_id(built_site)) == key  # the spoilt one gone, a good one kept
    visit.page.reload()
    assert boot_of(visit) == "snapshot"
    answers_as_cpython(visit, "90")
