"""Timed `mkdocs build` runs, the build-time rows of the table.

Builds go into the benchmark's own folder, never the checkout's `site/`, which other people and tests use
at the same time. "Clean" starts from no output folder; "repeated" builds again over the previous output, which
is what an author's edit-build loop does. The two alternate so machine load affects both alike.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]


def build(site_dir: Path) -> float:
    """One `mkdocs build --strict --clean` (what `make build` runs) into `site_dir`; returns seconds."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--quiet", "-d", str(site_dir)]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=REPO_ROOT, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"mkdocs build failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return elapsed


# `mkdocs build` with `site_url` overridden, as the CLI would run it (startup, build, shutdown events).
_BUILD_AT = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
config = load_config(config_file="mkdocs.yml", site_dir=sys.argv[1], site_url=sys.argv[2], strict=True)
config.plugins.on_startup(command="build", dirty=False)
try:
    build(config)
finally:
    config.plugins.on_shutdown()
"""


def build_for(site_dir: Path, site_url: str) -> None:
    """The site as served at `site_url`, the benchmark's own 127.0.0.1 port.

    Material's instant navigation follows only links its sitemap lists, and matches them on host and port, so
    a site built for port 8000 and served elsewhere would reload every page. Rewriting the built sitemap would
    break the service worker's integrity hashes; building with the right `site_url` keeps every file honest.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-c", _BUILD_AT, str(site_dir), site_url]
    done = subprocess.run(command, cwd=REPO_ROOT, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"mkdocs build for {site_url} failed ({done.returncode}):\n{done.stderr}")


def timed_builds(site_dir: Path, runs: int) -> dict[str, list[float]]:
    """`runs` clean and `runs` repeated builds, alternated."""
    times: dict[str, list[float]] = {"clean": [], "repeated": []}
    for _ in range(runs):
        shutil.rmtree(site_dir, ignore_errors=True)
        times["clean"].append(build(site_dir))
        times["repeated"].append(build(site_dir))
    return times
