"""The downloadable offline copy (`make dist`): the zip's layout, its launcher, and its pages opened from disk.

The launcher runs as a reader would run it, under `python -I -S` (no site-packages: standard library only),
from the unzipped folder with no arguments but a free port; the browser it opens is a stand-in command given
through `BROWSER`, which the standard library's `webbrowser` honours. Opened as `file://`, a page is checked in
Debian's Chromium: styled, the static answer shown, and the note on how to get live calculation.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser

from scripts import make_dist
from tests.articles import calculator_urls

# A page with a calculator, found from the pages themselves (no article's page named here).
CALCULATOR_PAGE = next(iter(calculator_urls(make_dist.REPO_ROOT / "docs").values()))


@pytest.fixture(scope="module")
def dist(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The zip made from the session's build, unzipped; returns the `legwork-offline/` folder."""
    out = tmp_path_factory.mktemp("dist")
    archive = make_dist.build_zip(built_site, out / "legwork-offline.zip")
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(out)
    return out / make_dist.FOLDER


@pytest.fixture(scope="module")
def launched(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """`python3 serve.py --port 0` in the unzipped folder; yields (its URL, the file the "browser" wrote)."""
    opened = tmp_path_factory.mktemp("browser") / "opened.txt"
    fake_browser = f"{shlex.quote(sys.executable)} -c 'import sys; open({json.dumps(str(opened))}, \"w\").write(sys.argv[1])' %s"
    process = subprocess.Popen(
        [sys.executable, "-I", "-S", "serve.py", "--port", "0"],
        cwd=dist,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "BROWSER": fake_browser},
    )
    try:
        line = process.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:\d+/", line)
        assert match, (
            f"serve.py said {line!r}; stderr: {process.stderr.read() if process.poll() is not None else ''}"
        )
        yield match[0], opened
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_zip_holds_the_site_the_launcher_and_a_readme(built_site: Path, dist: Path) -> None:
    assert (dist / "serve.py").read_bytes() == (make_dist.REPO_ROOT / "scripts" / "serve.py").read_bytes()
    assert "python3 serve.py" in (dist / "README.txt").read_text(encoding="utf-8")
    site_files = sorted(p.relative_to(built_site) for p in built_site.rglob("*") if p.is_file())
    assert (
        sorted(p.relative_to(dist / "site") for p in (dist / "site").rglob("*") if p.is_file()) == site_files
    )
    with zipfile.ZipFile(dist.parent / "legwork-offline.zip") as archive:
        assert archive.getinfo(f"{make_dist.FOLDER}/serve.py").external_attr >> 16 == 0o755


def test_same_site_same_zip(built_site: Path, tmp_path: Path) -> None:
    first = make_dist.build_zip(built_site, tmp_path / "a.zip").read_bytes()
    assert make_dist.build_zip(built_site, tmp_path / "b.zip").read_bytes() == first


def test_launcher_serves_the_site_beside_it_and_opens_the_browser(launched: tuple[str, Path]) -> None:
    url, opened = launched
    assert urlsplit(url).hostname == "127.0.0.1"
    with urllib.request.urlopen(url + CALCULATOR_PAGE) as response:
        assert response.status == 200
        assert "data-calculator=" in response.read().decode()
    with urllib.request.urlopen(url + "pyodide/pyodide.asm.wasm") as response:
        assert response.headers["Content-Type"] == "application/wasm"
    with urllib.request.urlopen(url + "sw.js") as response:
        assert response.headers["Content-Type"] == "text/javascript"
    for _ in range(50):  # webbrowser.open runs the stand-in browser in the background
        if opened.exists() and opened.read_text():
            break
        subprocess.run(["sleep", "0.1"], check=True)
    assert opened.read_text() == url


@pytest.mark.browser
def test_page_opened_from_disk_reads_well_and_says_how_to_calculate(dist: Path, browser: Browser) -> None:
    page_path = dist / "site" / CALCULATOR_PAGE / "index.html"
    context = browser.new_context()
    try:
        leaked: list[str] = []

        def route(route) -> None:
            if urlsplit(route.request.url).scheme == "file":
                route.continue_()
            else:
                leaked.append(route.request.url)
                route.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.goto(page_path.as_uri())
        page.wait_for_load_state("load")
        assert page.locator("h1").first.is_visible()
        # The theme's stylesheet applies (a styled header), so the article reads as on the site.
        assert page.eval_on_selector(".md-header", "el => getComputedStyle(el).position") == "sticky"
        widgets = page.locator("[data-calculator]")
        assert widgets.count() >= 1
        for index in range(widgets.count()):
            widget = widgets.nth(index)
            assert widget.get_attribute("data-state") == "static"
            values = widget.locator("output[data-output]").evaluate_all("els => els.map(e => e.textContent)")
            assert values and all(text.strip() for text in values)
            status = widget.locator("[data-status]").inner_text()
            assert "Answer for the default values." in status
            assert "python3 serve.py" in status
        assert not leaked, leaked
    finally:
        context.close()
