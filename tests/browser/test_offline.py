"""Offline after one visit, and updates that never mix two builds: the service worker in real Chromium.

The first test is the issue's "done when": one visit, network off, a page never visited, its calculator used.
The update test serves one build, then a second one (a copy with one page changed and sw.js rewritten by the
same `macros.offline` code the build hook runs) at the same origin, by pointing the served folder elsewhere.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from macros import offline
from scripts.serve import serve_in_thread
from tests.browser.test_widgets import an_edit, defaults, expect_answer, navigate_instantly, page_of
from tests.browser.visits import guarded_visit
from tests.test_service_worker_build import read_sw

pytestmark = pytest.mark.browser

READY = ".lw-offline[data-offline=ready]"
SW_TIMEOUT_MS = 60_000
# Every cached response's SHA-256 (SRI form), by URL, computed in the page from the Cache Storage it reads.
CACHED_HASHES = """async (name) => {
  const cache = await caches.open(name);
  const hashes = {};
  for (const request of await cache.keys()) {
    const body = await (await cache.match(request)).arrayBuffer();
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", body));
    hashes[request.url] = "sha256-" + btoa(String.fromCharCode(...digest));
  }
  return hashes;
}"""
CURRENT_CACHE = """() => new Promise((resolve) => {
  const channel = new MessageChannel();
  channel.port1.onmessage = ({ data }) => resolve(data.cache);
  navigator.serviceWorker.controller.postMessage({ type: "legwork-version" }, [channel.port2]);
})"""


def test_one_visit_then_offline_a_new_page_calculates(browser, built_site: Path, site_url: str) -> None:
    pages = page_of(built_site)
    first, never_visited = pages["energy"], pages["hydration"]
    assert first != never_visited
    with guarded_visit(browser, site_url) as visit:
        page = visit.open(first)
        page.wait_for_selector(READY, timeout=SW_TIMEOUT_MS)
        page.reload()  # the first load came from the network; now the service worker answers
        page.wait_for_selector(READY, timeout=SW_TIMEOUT_MS)
        status = page.locator(".lw-offline [role=status]")
        assert "Ready for offline use" in status.text_content()
        assert page.locator(".lw-offline").get_attribute("aria-label")
        visit.wait_ready()
        # Registration leaves instant navigation alone: same document, status line kept, widget ready.
        page.evaluate("window.__sameDocument = true")
        navigate_instantly(visit, pages["fueling"])
        visit.wait_ready()
        assert page.evaluate("window.__sameDocument") is True
        assert "Ready for offline use" in status.text_content()

        page.context.set_offline(True)
        offline_page = page.context.new_page()
        offline_page.goto(site_url + never_visited + "?from=offline")
        assert offline_page.evaluate("navigator.onLine") is False
        visit.page = offline_page
        assert visit.wait_ready() == ["ready"] * offline_page.locator("[data-calculator]").count()
        root = '[data-calculator="hydration"]'
        edit = an_edit("hydration")
        offline_page.fill(f"{root} {edit.control}", edit.typed)
        expect_answer(visit, root, "hydration", {**defaults("hydration"), **edit.entries})
        # Search works offline too: its index comes from the cache.
        index = site_url + "search/search_index.json"
        assert offline_page.evaluate("(url) => fetch(url).then((r) => r.ok)", index) is True


@pytest.fixture
def two_builds(built_site: Path, tmp_path: Path) -> Iterator[tuple[Path, Path, Path]]:
    """(served link, first build, second build): the link points at the first build until the test moves it."""
    old = Path(shutil.copytree(built_site, tmp_path / "old"))
    new = Path(shutil.copytree(built_site, tmp_path / "new"))
    page = new / "about" / "index.html"
    page.write_text(
        page.read_text(encoding="utf-8").replace("</h1>", " (new build)</h1>", 1), encoding="utf-8"
    )
    offline.write_service_worker(new)
    # A stale precompressed twin (precompress hook) would be served instead.
    for changed in (page, new / "sw.js"):
        for suffix in (".gz", ".br"):
            changed.with_name(changed.name + suffix).unlink(missing_ok=True)
    assert read_sw(new)[0] != read_sw(old)[0]
    served = tmp_path / "served"
    served.symlink_to(old, target_is_directory=True)
    yield served, old, new


def test_a_new_build_replaces_the_old_cache_whole(browser, two_builds: tuple[Path, Path, Path]) -> None:
    served, old, new = two_builds
    server, base_url = serve_in_thread(served)
    old_version, _ = read_sw(old)
    new_version, new_manifest = read_sw(new)
    try:
        with guarded_visit(browser, base_url) as visit:
            page = visit.open("about/")
            page.wait_for_selector(READY, timeout=SW_TIMEOUT_MS)
            page.reload()  # now controlled by the first build's worker
            page.wait_for_selector(READY, timeout=SW_TIMEOUT_MS)
            assert page.evaluate(CURRENT_CACHE) == f"legwork-{old_version}"

            served.unlink()
            served.symlink_to(new, target_is_directory=True)
            page.reload()  # the browser checks sw.js on navigation and installs the new build beside the old
            page.wait_for_selector(".lw-offline[data-offline=update]", timeout=SW_TIMEOUT_MS)
            assert "An update is available" in page.text_content(".lw-offline [role=status]")
            assert sorted(page.evaluate("caches.keys()")) == sorted(
                [f"legwork-{old_version}", f"legwork-{new_version}"]
            )
            # While the update waits, the page's files all still come from the old build.
            assert page.evaluate(CURRENT_CACHE) == f"legwork-{old_version}"
            assert "(new build)" not in page.evaluate("fetch('./').then((r) => r.text())")
            assert "(new build)" not in page.text_content("h1")

            with page.expect_navigation():
                page.get_by_role("button", name="Reload").click()
            page.wait_for_selector(READY, timeout=SW_TIMEOUT_MS)
            assert "(new build)" in page.text_content("h1")
            assert page.evaluate(CURRENT_CACHE) == f"legwork-{new_version}"
            assert page.evaluate("caches.keys()") == [f"legwork-{new_version}"]
            cached = page.evaluate(CACHED_HASHES, f"legwork-{new_version}")
            expected = {base_url + path: integrity for path, integrity in new_manifest.items()}
            assert cached == expected
    finally:
        server.shutdown()
