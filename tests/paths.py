"""Where the tests find the project, the shared material beside it, and Debian's Chromium."""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
# CI clones the repository with the shared material (articles, reference notes) beside it as ../shared.
SHARED_DIR = REPO_ROOT.parent / "shared"
ARTICLE_TXT = SHARED_DIR / "articles" / "leg-weakness-after-exercise.txt"
# Debian's Chromium, never a browser Playwright downloads; flags keep it from calling home.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
