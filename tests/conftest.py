"""Shared fixtures: one real `mkdocs build --strict` per test session, reused by the build, parity and browser tests.

Building is the slow part of the suite (macros, search index, assets), so it runs once into a temporary folder;
tests read the built HTML from there and never touch the working tree's `site/`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from tests.paths import CHROMIUM, CHROMIUM_ARGS, REPO_ROOT


@pytest.fixture(scope="session")
def site_port() -> int:
    """The 127.0.0.1 port the built site is made for and served on (its `site_url`, as a deployment has)."""
    from scripts.serve import free_port

    return free_port()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, site_port: int) -> Path:
    """Build the site once with `mkdocs build --strict` for http://127.0.0.1:<site_port>/; return the folder."""
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "LEGWORK_SITE_URL": f"http://127.0.0.1:{site_port}/", "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
        cwd=REPO_ROOT,
        check=True,
        env=env,
    )
    return out


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One Chromium for the whole session: Playwright's sync API allows one running instance per thread."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
